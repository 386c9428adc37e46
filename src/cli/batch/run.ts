/**
 * `yingshang eval PACK --ndjson FILE` (or `--csv FILE`): evaluate one case per record and stream one
 * result row per case, in input order, on every core.
 *
 * The main thread only cuts the input's bytes into pieces at record ends (batch-split.ts) and writes
 * the workers' encoded answers in order; decoding, parsing, evaluating and serialising happen in the
 * workers (batch-worker.ts). Memory stays constant whatever the input's size: at most
 * `workers × IN_FLIGHT_PER_WORKER` pieces are out at a time (sent, being evaluated, or waiting to be
 * written in order); reading waits while that many are out, and writing waits for the output to
 * drain, so a slow disk or pipe slows the batch instead of filling memory.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync, type ReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Readable, type Writable } from "node:stream";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { parse as parseCsv } from "csv-parse/sync";
import { fail, problem, YingshangError, type Problem } from "../../errors.js";
import { readFiles, readPackDir, resolvePackDir } from "../../engine/compile/load.js";
import { compileRead, type CompileOptions, type Pack } from "../../engine/compile/index.js";
import { plainRead } from "../../engine/read/index.js";
import { MAX_LINE_CHARS, parseSelect } from "../../batch/line.js";
import { packCalendarOptions } from "../pack-io.js";
import { EXIT } from "../output.js";
import { csvHeader, parseMap, planColumns, type ColumnPlan } from "./csv.js";
import { Splitter, type Piece } from "./split.js";
import { xlsxAsCsv } from "./xlsx-input.js";
import type { WorkerInit, WorkerMessage, WorkerRequest } from "./worker.js";

/** Bytes read at a time; each read becomes (at most) one piece for a worker. */
const READ_BYTES = 256 * 1024;
/** Pieces out per worker (one being evaluated, the others queued so a worker never waits). */
const IN_FLIGHT_PER_WORKER = 4;
const MAX_WORKERS = 64;
/** A record longer than this many bytes is over MAX_LINE_CHARS whatever its characters (UTF-8: ≤ 4 bytes each). */
const MAX_RECORD_BYTES = 4 * MAX_LINE_CHARS;

/** Options of the `eval` command that the batch reads. */
export interface BatchCommandOptions {
  ndjson?: string;
  csv?: string;
  xlsx?: string;
  workers?: string;
  out?: string;
  trace?: boolean;
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
  select?: string;
  full?: boolean;
  format?: string;
  map?: string;
  mapFile?: string;
  ignore?: string;
  bom?: boolean;
}

/** Adds the batch options to `eval`. */
export function addBatchOptions(cmd: Command): Command {
  return cmd
    .option("--ndjson <file>", "batch: one case per line of an NDJSON file (- for stdin); streams one result line per case")
    .option("--csv <file>", "batch: one case per row of a CSV file with a header (- for stdin)")
    .option("--xlsx <file>", "batch: one case per row of the first worksheet of an Excel or WPS workbook (.xlsx) with a header row; read as --csv is")
    .option("--select <paths>", "batch: keep only these result paths (comma-separated, e.g. deadlines.mayor-direct.dueDate); line and id are always kept")
    .option("--full", "batch: every part of each result, as eval --json (default: compact, not-evaluated tables as { kind, missing })")
    .option("--format <format>", "batch output: ndjson (default) or csv (needs --select)")
    .option("--map <pairs>", "CSV input: PATH=列名 pairs, e.g. received=收件时间,issueKind=问题类别")
    .option("--map-file <file>", "CSV input: a JSON file { \"PATH\": \"列名\", … }")
    .option("--ignore <columns>", "CSV input: columns to leave out (comma-separated)")
    .option("--bom", "CSV output: start with a UTF-8 byte order mark (for Excel and WPS)")
    .option("--workers <n>", "batch: worker threads (default: every core)")
    .option("--out <file>", "batch: write the results to a file instead of stdout")
    .option("--trace", "batch: include the trace (off by default in a batch)");
}

/** The batch's counts, as printed on stderr. */
export interface BatchSummary {
  cases: number;
  ok: number;
  errors: number;
  /** Blank and whitespace-only lines, skipped. */
  blank: number;
  /** With --provisional: results that touched a provisional year. */
  provisional?: number;
  elapsedMs: number;
  casesPerSecond: number;
  workers: number;
}

const usage = (message: string, detail: string, path: string): never => fail("INPUT_INVALID", message, { detail }, { path });

/**
 * Entry point from `eval`: called when `--ndjson` or `--csv` is given, or when no facts file is.
 * Returns the exit code: 0 when every record was evaluated, 2 when some were bad input (each reported
 * on its own row) or the command is misused.
 */
export function evalBatch(spec: string, factsFile: string | undefined, opts: BatchCommandOptions, cmd: Command): Promise<number> {
  const input = opts.ndjson ?? opts.csv ?? opts.xlsx;
  if (input === undefined) return usage("Give a facts file (`yingshang eval PACK FACTS.json`) or a batch of cases (`yingshang eval PACK --ndjson CASES.ndjson`).", "facts file missing", "");
  if ([opts.ndjson, opts.csv, opts.xlsx].filter((x) => x !== undefined).length > 1) return usage("Give one of --ndjson, --csv and --xlsx.", "csv and xlsx", opts.xlsx !== undefined ? "xlsx" : "csv");
  if (factsFile !== undefined) return usage(`Give either a facts file (${factsFile}) or a batch (${input}), not both.`, "facts file and --ndjson", "");
  if (opts.format !== undefined && opts.format !== "ndjson" && opts.format !== "csv") return usage(`--format must be ndjson or csv (got ${opts.format}).`, "bad --format", "format");
  if (opts.select !== undefined && opts.full === true) return usage("Give --select or --full, not both.", "select and full", "select");
  const output = opts.format === "csv" ? "csv" : "ndjson";
  if (output === "csv" && opts.select === undefined) return usage("CSV output has one column per result path: name them with --select (e.g. --select deadlines.mayor-direct.dueDate).", "csv without select", "select");
  if (opts.bom === true && output !== "csv") return usage("--bom is for CSV output (--format csv).", "bom without csv", "bom");
  if (opts.csv === undefined && opts.xlsx === undefined && (opts.map !== undefined || opts.mapFile !== undefined || opts.ignore !== undefined)) return usage("--map, --map-file and --ignore are for CSV and workbook input (--csv FILE, --xlsx FILE).", "map without csv", "map");
  // In a batch the trace is off unless asked for with --trace (it multiplies the output's size).
  const trace = cmd.getOptionValueSource("trace") === "cli" && opts.trace === true;
  return runBatch({
    pack: spec,
    input,
    inputFormat: opts.csv !== undefined ? "csv" : opts.xlsx !== undefined ? "xlsx" : "ndjson",
    output,
    select: opts.select ?? null,
    full: opts.full === true,
    map: { ...(opts.mapFile !== undefined ? readMapFile(opts.mapFile) : {}), ...(opts.map !== undefined ? parseMap(opts.map) : {}) },
    ignore: opts.ignore?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    bom: opts.bom === true,
    workers: opts.workers,
    out: opts.out,
    trace,
    json: opts.json === true,
    calendars: opts.calendar ?? [],
    provisional: opts.provisional === true,
  });
}

function readMapFile(file: string): Record<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, "utf8").replace(/^\ufeff/, ""));
  } catch (e) {
    return fail("INPUT_INVALID", `The mapping file ${file} cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "bad map file" }, { file });
  }
  if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.values(v).every((c) => typeof c === "string")) {
    return fail("INPUT_INVALID", `The mapping file ${file} must be an object { "PATH": "列名", … }.`, { detail: "bad map file" }, { file });
  }
  return v as Record<string, string>;
}

export interface BatchOptions {
  /** A pack folder or bundled pack name. */
  pack: string;
  /** The input file, or `-` for stdin. */
  input: string;
  /** xlsx: the first worksheet, read as CSV records (xlsx-input.ts). */
  inputFormat?: "ndjson" | "csv" | "xlsx";
  output?: "ndjson" | "csv";
  select?: string | null;
  full?: boolean;
  map?: Record<string, string>;
  ignore?: string[];
  bom?: boolean;
  /** Number of worker threads (text from the command line); default: every core. */
  workers?: string | number;
  /** Output file; default stdout. */
  out?: string;
  trace: boolean;
  json: boolean;
  calendars: string[];
  /** `--provisional`: years after the last notice from the statutory holidays. */
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

/** The end of the CSV header record in `b` (its line break outside quotes), or -1. */
function headerEnd(b: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 34) quoted = !quoted;
    else if (b[i] === 10 && !quoted) return i;
  }
  return -1;
}

/** Runs a batch and prints its summary. Returns the exit code. */
export async function runBatch(o: BatchOptions): Promise<number> {
  const stderr = o.stderr ?? process.stderr;
  const workers = parseWorkers(o.workers);
  const packDir = resolvePackDir(o.pack);
  const select = o.select ?? null;
  const csvIn = o.inputFormat === "csv" || o.inputFormat === "xlsx";
  const output = o.output ?? "ndjson";

  let input: NodeJS.ReadableStream;
  let size = 0;
  if (o.input === "-") {
    input = o.inputFormat === "xlsx" ? Readable.from(xlsxAsCsv(process.stdin, "<stdin>")) : process.stdin;
  } else {
    if (!existsSync(o.input) || !statSync(o.input).isFile()) return fail("FILE_MISSING", `Cannot read ${o.input}.`, { file: o.input }, { file: o.input });
    size = o.inputFormat === "xlsx" ? 0 : statSync(o.input).size; // a workbook's bytes are zipped: the bar counts cases
    input = o.inputFormat === "xlsx" ? Readable.from(xlsxAsCsv(o.input, basename(o.input))) : createReadStream(o.input, { highWaterMark: READ_BYTES });
  }
  const file = o.input === "-" ? "<stdin>" : basename(o.input);

  const init: WorkerInit = { folder: basename(packDir), calendars: o.calendars, trace: o.trace, file, select, full: o.full === true, input: csvIn ? "csv" : "ndjson", output, provisional: o.provisional === true };
  // The pack is read (its YAML parsed and schema-checked) once, here, while the workers start; each
  // worker compiles it from the documents and reports a bad pack, calendar or --select (init-failed)
  // before any input is read. This thread compiles it too only to match a CSV header or name CSV
  // output's columns. A pack that does not read cleanly is reported from here, every problem at once.
  const pool = spawnWorkers(workerFile(), workers, init);
  const ready = whenReady(pool);
  ready.catch(() => undefined); // its failure is awaited (or superseded) below
  let pack: Pack | null = null;
  let paths: string[] = [];
  try {
    const read = readFiles(readPackDir(packDir));
    const compileOptions = (): CompileOptions => ({ folder: init.folder, ...packCalendarOptions({ calendar: o.calendars, provisional: o.provisional }) });
    const plain = plainRead(read);
    if (plain === null) compileRead(read, compileOptions()); // throws, with every problem
    else for (const w of pool) w.worker.postMessage({ type: "pack", read: plain } satisfies WorkerRequest);
    // After posting: compiling resolves the documents' periods in place, and the workers got a copy.
    if (csvIn || output === "csv") {
      pack = compileRead(read, compileOptions());
      paths = select !== null ? parseSelect(pack, select).map((p) => p.text) : [];
    }
    await ready;
  } catch (e) {
    stopAll(pool);
    throw e;
  }

  const out: Writable = o.out ? createWriteStream(o.out) : process.stdout;
  const t0 = performance.now();
  const bar = stderr.isTTY ? progressBar(stderr, size) : null;

  // Flow control. `outstanding` counts pieces sent and not yet written; reading waits while it is at
  // the limit, so the reorder buffer (`done`) never holds more than that many pieces.
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

  const done = new Map<number, { bytes: Uint8Array; ok: number; errors: number; blank: number; provisional: number }>();
  let nextSeq = 0;
  let nextToWrite = 0;
  let ok = 0;
  let errors = 0;
  let blank = 0;
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
        blank += r.blank;
        provisional += r.provisional;
        if (r.bytes.length > 0 && !out.write(r.bytes)) await once(out, "drain");
        outstanding--;
        bar?.update(size === 0 ? ok + errors : (input as ReadStream).bytesRead, { cases: ok + errors, errors });
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

  let nextLine = 1;
  const dispatch = async (p: Piece) => {
    await waitFor(() => outstanding < maxOutstanding);
    let w = pool[0]!;
    for (const c of pool) if (c.pending < w.pending) w = c;
    w.pending++;
    outstanding++;
    const seq = nextSeq++;
    if (p.kind === "long") w.worker.postMessage({ type: "long", seq, firstLine: nextLine, length: p.length } satisfies WorkerRequest);
    else w.worker.postMessage({ type: "bytes", seq, firstLine: nextLine, bytes: p.bytes } satisfies WorkerRequest, [p.bytes.buffer as ArrayBuffer]);
    nextLine += p.lines;
  };

  const splitter = new Splitter(csvIn, MAX_RECORD_BYTES);
  let header: Uint8Array | null = csvIn ? new Uint8Array(0) : null;
  try {
    // CSV output's header goes first, once the input's own header (if CSV) is known to be good.
    let headerOut = output === "csv";
    const writeHeader = () => {
      if (headerOut) out.write(csvHeader(paths, o.bom === true));
      headerOut = false;
    };
    if (!csvIn) writeHeader();
    for await (const raw of input as AsyncIterable<Buffer>) {
      let chunk: Uint8Array = raw;
      if (header !== null) {
        // CSV: the first record is the header; the columns are matched to the case once, here.
        const joined = new Uint8Array(header.length + chunk.length);
        joined.set(header, 0);
        joined.set(chunk, header.length);
        const end = headerEnd(joined);
        if (end < 0) {
          if (joined.length > MAX_RECORD_BYTES) return fail("LIMIT_EXCEEDED", "The CSV header is too long.", { what: "CSV header bytes", limit: MAX_RECORD_BYTES, actual: joined.length }, { file, line: 1 });
          header = joined;
          continue;
        }
        sendColumns(pool, headerPlan(pack!, joined.subarray(0, end), o, file));
        writeHeader();
        nextLine = 1 + countLines(joined.subarray(0, end + 1));
        header = null;
        chunk = joined.subarray(end + 1);
      }
      for (const p of splitter.push(chunk)) await dispatch(p);
    }
    if (header !== null && header.length > 0) {
      sendColumns(pool, headerPlan(pack!, header, o, file));
      nextLine = 1 + countLines(header);
    }
    writeHeader(); // an empty CSV input still gives the output's header
    for (const p of splitter.end()) await dispatch(p);
    await waitFor(() => outstanding === 0);
    if (o.out) {
      out.end();
      await once(out, "finish");
    }
  } catch (e) {
    if (e !== closed) throw e;
  } finally {
    bar?.stop();
    stopAll(pool);
  }

  const elapsedMs = performance.now() - t0;
  if (fatal === closed) {
    stderr.write(`yingshang eval: the output was closed after ${ok + errors} cases; stopped.\n`);
    return EXIT.ok;
  }
  const cases = ok + errors;
  const summary: BatchSummary = { cases, ok, errors, blank, ...(o.provisional ? { provisional } : {}), elapsedMs: Math.round(elapsedMs), casesPerSecond: Math.round(cases / Math.max(elapsedMs / 1000, 1e-9)), workers };
  stderr.write(o.json ? JSON.stringify({ summary }) + "\n" : formatSummary(summary) + "\n");
  return errors > 0 ? EXIT.badInput : EXIT.ok;
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function headerPlan(pack: Pack, bytes: Uint8Array, o: BatchOptions, file: string): ColumnPlan[] {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/, "");
  let header: string[];
  try {
    header = ((parseCsv(text, { relax_column_count: true }) as string[][])[0] ?? []).map((c) => c.trim());
  } catch (e) {
    return fail("INPUT_INVALID", `The CSV header cannot be read: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed CSV header" }, { file, line: 1 });
  }
  if (header.length === 0 || header.every((c) => c === "")) return fail("INPUT_INVALID", "The CSV has no header; its first row must name the columns.", { detail: "CSV header missing" }, { file, line: 1 });
  return planColumns(pack, header, o.map ?? {}, o.ignore ?? []);
}

function sendColumns(pool: PoolWorker[], plan: ColumnPlan[]): void {
  for (const w of pool) w.worker.postMessage({ type: "columns", plan } satisfies WorkerRequest);
}

export function formatSummary(s: BatchSummary): string {
  const blank = s.blank > 0 ? `, ${s.blank} blank line${s.blank === 1 ? "" : "s"} skipped` : "";
  return `yingshang eval: ${s.cases} cases, ${s.ok} ok${s.provisional === undefined ? "" : ` (${s.provisional} provisional)`}, ${s.errors} error${s.errors === 1 ? "" : "s"}${blank} — ${s.casesPerSecond} cases/s, ${(s.elapsedMs / 1000).toFixed(1)} s elapsed, ${s.workers} worker${s.workers === 1 ? "" : "s"}`;
}

function problemError(p: Problem): YingshangError {
  return new YingshangError([p]);
}

interface PoolWorker {
  worker: Worker;
  pending: number;
  stopping: boolean;
}

/** Starts the worker threads; each compiles the pack once it is sent (see {@link whenReady}). */
function spawnWorkers(file: string, n: number, init: WorkerInit): PoolWorker[] {
  const pool: PoolWorker[] = [];
  for (let i = 0; i < n; i++) pool.push({ worker: new Worker(file, { workerData: init }), pending: 0, stopping: false });
  return pool;
}

/** Resolves when every worker has compiled the pack; rejects with the first one's problems. */
function whenReady(pool: PoolWorker[]): Promise<void> {
  return Promise.all(
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
  ).then(() => undefined);
}

function stopAll(pool: PoolWorker[]): void {
  for (const w of pool) {
    w.stopping = true;
    void w.worker.terminate();
  }
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
