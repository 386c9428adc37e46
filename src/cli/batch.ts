/**
 * `yingshang eval PACK --ndjson FILE`: evaluate one case per line of an NDJSON file and stream one
 * result line per case, in input order, using every core.
 *
 * Memory stays constant whatever the file's size: lines are read with readline, grouped into
 * chunks, and at most `workers × IN_FLIGHT_PER_WORKER` chunks are out at a time (sent, being
 * evaluated, or waiting to be written in order). Reading pauses while that limit is reached, and
 * writing waits for the output to drain, so a slow disk or a slow pipe slows the whole batch
 * instead of filling memory.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, statSync, type ReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Writable } from "node:stream";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { fail, problem, YingshangError, type Problem } from "../errors.js";
import { loadPack, resolvePackDir } from "../engine/load.js";
import { calendarsOption } from "./calendar-option.js";
import { EXIT } from "./output.js";
import type { ChunkRequest, WorkerInit, WorkerMessage } from "./batch-worker.js";

/** Lines per chunk sent to a worker: large enough to make messaging cheap, small enough to keep memory flat. */
const CHUNK_LINES = 500;
/** Chunks out per worker (one being evaluated, the others queued so a worker never waits). */
const IN_FLIGHT_PER_WORKER = 4;
const MAX_WORKERS = 64;

/** Options of the `eval` command that the batch reads. */
export interface BatchCommandOptions {
  ndjson?: string;
  workers?: string;
  out?: string;
  trace?: boolean;
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

/** The batch's counts, as printed on stderr. */
export interface BatchSummary {
  cases: number;
  ok: number;
  errors: number;
  /** With --provisional: results that touched a provisional year. */
  provisional?: number;
  elapsedMs: number;
  casesPerSecond: number;
  workers: number;
}

/**
 * Entry point from `eval`: called when `--ndjson` is given, or when no facts file is.
 * Returns the exit code: 0 when every line was evaluated, 2 when some were bad input (each reported
 * on its own line) or the command is misused.
 */
export function evalBatch(spec: string, factsFile: string | undefined, opts: BatchCommandOptions, cmd: Command): Promise<number> {
  if (opts.ndjson === undefined) {
    return fail("INPUT_INVALID", "Give a facts file (`yingshang eval PACK FACTS.json`) or a batch of cases (`yingshang eval PACK --ndjson CASES.ndjson`).", { detail: "facts file missing" });
  }
  if (factsFile !== undefined) {
    return fail("INPUT_INVALID", `Give either a facts file (${factsFile}) or --ndjson ${opts.ndjson}, not both.`, { detail: "facts file and --ndjson" });
  }
  // In a batch the trace is off unless asked for with --trace (it multiplies the output's size).
  const trace = cmd.getOptionValueSource("trace") === "cli" && opts.trace === true;
  return runBatch({ pack: spec, input: opts.ndjson, workers: opts.workers, out: opts.out, trace, json: opts.json === true, calendars: opts.calendar ?? [], provisional: opts.provisional === true });
}

export interface BatchOptions {
  /** A pack folder or bundled pack name. */
  pack: string;
  /** The NDJSON file, or `-` for stdin. */
  input: string;
  /** Number of worker threads (text from the command line); default: every core. */
  workers?: string | number;
  /** Output file; default stdout. */
  out?: string;
  trace: boolean;
  json: boolean;
  calendars: string[];
  provisional?: boolean;
  /** Where the summary (and the progress bar, on a TTY) go. Default: process.stderr. */
  stderr?: NodeJS.WriteStream;
}

function parseWorkers(w: string | number | undefined): number {
  if (w === undefined) return Math.max(1, availableParallelism());
  const n = typeof w === "number" ? w : /^\d+$/.test(w.trim()) ? Number(w) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS) {
    return fail("INPUT_INVALID", `--workers must be a whole number from 1 to ${MAX_WORKERS} (got ${JSON.stringify(w)}).`, { detail: "bad --workers" }, { path: "workers" });
  }
  return n;
}

function workerFile(): string {
  // dist/cli.js and dist/batch-worker.js sit side by side.
  const file = fileURLToPath(new URL("./batch-worker.js", import.meta.url));
  if (!existsSync(file)) return fail("FILE_MISSING", `The batch worker ${file} is missing; build yingshang (npx tsup) and run dist/cli.js.`, { file });
  return file;
}

/** Runs a batch and prints its summary. Returns the exit code. */
export async function runBatch(o: BatchOptions): Promise<number> {
  const stderr = o.stderr ?? process.stderr;
  const workers = parseWorkers(o.workers);
  const packDir = resolvePackDir(o.pack);
  // Load once here so a bad pack or calendar is reported before any worker starts.
  loadPack(packDir, o.provisional ? { calendars: calendarsOption(o.calendars, "statutory"), provisional: "statutory" } : { calendars: calendarsOption(o.calendars) });

  let input: NodeJS.ReadableStream;
  let size = 0;
  if (o.input === "-") {
    input = process.stdin;
  } else {
    if (!existsSync(o.input) || !statSync(o.input).isFile()) return fail("FILE_MISSING", `Cannot read ${o.input}.`, { file: o.input }, { file: o.input });
    size = statSync(o.input).size;
    input = createReadStream(o.input, { highWaterMark: 1 << 20 });
  }
  const file = o.input === "-" ? "<stdin>" : basename(o.input);

  const init: WorkerInit = { packDir, calendars: o.calendars, trace: o.trace, file, provisional: o.provisional === true };
  const pool = await startWorkers(workerFile(), workers, init);

  const out: Writable = o.out ? createWriteStream(o.out) : process.stdout;
  const t0 = performance.now();
  const bar = stderr.isTTY ? progressBar(stderr, size) : null;

  // Flow control. `outstanding` counts chunks sent and not yet written; reading waits while it is at
  // the limit, so the reorder buffer (`done`) never holds more than that many chunks.
  const maxOutstanding = workers * IN_FLIGHT_PER_WORKER;
  let outstanding = 0;
  let fatal: unknown = null;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const setFatal = (e: unknown) => {
    if (fatal === null) fatal = e;
    wake();
  };
  const waitFor = async (cond: () => boolean) => {
    for (;;) {
      if (fatal !== null) throw fatal;
      if (cond()) return;
      await new Promise<void>((r) => waiters.push(r));
    }
  };

  const done = new Map<number, { text: string; ok: number; errors: number; provisional: number }>();
  let nextSeq = 0;
  let nextToWrite = 0;
  let ok = 0;
  let errors = 0;
  let provisional = 0;
  let writing = false;
  const flush = async () => {
    if (writing) return;
    writing = true;
    try {
      for (let r = done.get(nextToWrite); r !== undefined && fatal === null; r = done.get(nextToWrite)) {
        done.delete(nextToWrite);
        nextToWrite++;
        ok += r.ok;
        errors += r.errors;
        provisional += r.provisional;
        if (!out.write(r.text)) await once(out, "drain");
        outstanding--;
        bar?.update(o.input === "-" ? ok + errors : (input as ReadStream).bytesRead, { cases: ok + errors, errors });
        wake();
      }
    } catch (e) {
      setFatal(e);
    } finally {
      writing = false;
    }
  };
  // A reader that stops early (`… | head`) closes the pipe: stop reading and say so, it is not a bug.
  const closed = { reason: "output closed" };
  out.on("error", (e: NodeJS.ErrnoException) => setFatal(e.code === "EPIPE" ? closed : e));
  for (const w of pool) {
    w.worker.on("message", (m: WorkerMessage) => {
      if (m.type !== "chunk") return;
      w.pending--;
      done.set(m.seq, m);
      void flush();
    });
    w.worker.on("error", setFatal);
    w.worker.on("exit", (code) => {
      if (!w.stopping) setFatal(problemError(problem("INPUT_INVALID", `A batch worker stopped unexpectedly (exit code ${code}).`, { detail: "worker exit" })));
    });
  }

  const dispatch = async (firstLine: number, lines: string[]) => {
    await waitFor(() => outstanding < maxOutstanding);
    let w = pool[0]!;
    for (const c of pool) if (c.pending < w.pending) w = c;
    w.pending++;
    outstanding++;
    w.worker.postMessage({ seq: nextSeq++, firstLine, text: lines.join("\n") } satisfies ChunkRequest);
  };

  let lineNo = 0;
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    let chunk: string[] = [];
    let first = 1;
    for await (const line of rl) {
      lineNo++;
      chunk.push(line);
      if (chunk.length === CHUNK_LINES) {
        await dispatch(first, chunk);
        chunk = [];
        first = lineNo + 1;
      }
    }
    if (chunk.length) await dispatch(first, chunk);
    await waitFor(() => outstanding === 0);
    if (o.out) {
      out.end();
      await once(out, "finish");
    }
  } catch (e) {
    if (e !== closed) throw e;
  } finally {
    rl.close();
    bar?.stop();
    for (const w of pool) {
      w.stopping = true;
      void w.worker.terminate();
    }
  }

  const elapsedMs = performance.now() - t0;
  if (fatal === closed) {
    stderr.write(`yingshang eval: the output was closed after ${ok + errors} of ${lineNo} cases read; stopped.\n`);
    return EXIT.ok;
  }
  if (ok + errors !== lineNo) {
    return fail("INPUT_INVALID", `Internal check failed: ${lineNo} lines read but ${ok} results and ${errors} errors written.`, { detail: "count mismatch" });
  }
  const summary: BatchSummary = { cases: lineNo, ok, errors, ...(o.provisional ? { provisional } : {}), elapsedMs: Math.round(elapsedMs), casesPerSecond: Math.round(lineNo / Math.max(elapsedMs / 1000, 1e-9)), workers };
  stderr.write(o.json ? JSON.stringify({ summary }) + "\n" : formatSummary(summary) + "\n");
  return errors > 0 ? EXIT.badInput : EXIT.ok;
}

export function formatSummary(s: BatchSummary): string {
  return `yingshang eval: ${s.cases} cases, ${s.ok} ok${s.provisional === undefined ? "" : ` (${s.provisional} provisional)`}, ${s.errors} error${s.errors === 1 ? "" : "s"} — ${s.casesPerSecond} cases/s, ${(s.elapsedMs / 1000).toFixed(1)} s elapsed, ${s.workers} worker${s.workers === 1 ? "" : "s"}`;
}

function problemError(p: Problem): YingshangError {
  return new YingshangError([p]);
}

interface PoolWorker {
  worker: Worker;
  pending: number;
  stopping: boolean;
}

/** Starts the workers and waits until each has loaded the pack. */
async function startWorkers(file: string, n: number, init: WorkerInit): Promise<PoolWorker[]> {
  const pool: PoolWorker[] = [];
  for (let i = 0; i < n; i++) pool.push({ worker: new Worker(file, { workerData: init }), pending: 0, stopping: false });
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: WorkerMessage) => {
              w.worker.off("error", reject);
              if (m.type === "ready") resolve();
              else if (m.type === "init-failed") {
                const err = m.error;
                reject("problems" in err ? new YingshangError(err.problems as Problem[]) : problemError(problem("INPUT_INVALID", `A batch worker could not start: ${err.message}`, { detail: "worker init" })));
              }
            };
            w.worker.once("message", onMessage);
            w.worker.once("error", reject);
          }),
      ),
    );
  } catch (e) {
    for (const w of pool) {
      w.stopping = true;
      void w.worker.terminate();
    }
    throw e;
  }
  return pool;
}

/** A cli-progress bar on stderr (only when stderr is a terminal): bytes read of the file, cases done. */
function progressBar(stream: NodeJS.WriteStream, size: number): cliProgress.SingleBar {
  const known = size > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: known ? "eval |{bar}| {percentage}% | {cases} cases | {errors} errors | ETA {eta_formatted}" : "eval | {cases} cases | {errors} errors",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 100,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? size : 1, 0, { cases: 0, errors: 0 });
  return bar;
}
