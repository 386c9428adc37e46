/**
 * Worker thread of `yingshang eval PACK --ndjson FILE` (built by tsup to dist/batch-worker.js).
 * Loads the pack once, then evaluates chunks of NDJSON lines sent by the main thread (src/cli/batch.ts)
 * and answers each chunk with its result lines, in the chunk's order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { problem, YingshangError } from "../errors.js";
import { evaluate, type CaseInput } from "../engine/evaluate.js";
import { loadPack } from "../engine/load.js";
import type { Pack } from "../engine/pack.js";
import { calendarsOption } from "./calendar-option.js";

/** What the worker is started with. */
export interface WorkerInit {
  /** The resolved pack folder. */
  packDir: string;
  /** `--calendar` files. */
  calendars: string[];
  /** `--provisional`: years after the last notice from the statutory holidays. */
  provisional?: boolean;
  trace: boolean;
  /** The input's name, for error places. */
  file: string;
}

/** A chunk of input lines, joined with "\n"; `firstLine` is the 1-based number of its first line. */
export interface ChunkRequest {
  seq: number;
  firstLine: number;
  text: string;
}

/** Messages from the worker. `text` holds one NDJSON line per input line, each ending in "\n". */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "init-failed"; error: { code: string; problems: readonly unknown[] } | { code: "INTERNAL"; message: string } }
  | { type: "chunk"; seq: number; text: string; ok: number; errors: number; provisional: number };

/** The longest NDJSON line accepted, in characters. */
export const MAX_LINE_CHARS = 1_000_000;

/** One output line for a line that could not be evaluated. */
function errorLine(line: number, e: unknown): string {
  if (e instanceof YingshangError) return JSON.stringify({ line, error: e.toJSON().error });
  // A bug in yingshang, not in the input: still reported on its line so nothing is lost.
  return JSON.stringify({ line, error: { code: "INTERNAL", message: `internal error (please report it): ${e instanceof Error ? e.message : String(e)}` } });
}

/** Evaluates one NDJSON line. Exported for tests of the line protocol. */
export function evaluateLine(pack: Pack, text: string, line: number, trace: boolean, file: string): { ok: boolean; out: string; provisional?: boolean } {
  // A case is a few kilobytes; a line past the limit is refused on its own line, the batch goes on.
  if (text.length > MAX_LINE_CHARS) {
    const p = problem("LIMIT_EXCEEDED", `Line ${line} is ${text.length} characters long; a case may have at most ${MAX_LINE_CHARS}.`, { what: "batch line length", limit: MAX_LINE_CHARS, actual: text.length }, { file, line });
    return { ok: false, out: errorLine(line, new YingshangError([p])) };
  }
  if (text.trim() === "") {
    const p = problem("INPUT_INVALID", `Line ${line} is empty; every line of an NDJSON file must hold one case.`, { detail: "empty line" }, { file, line });
    return { ok: false, out: errorLine(line, new YingshangError([p])) };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const p = problem("INPUT_INVALID", `Line ${line} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed JSON" }, { file, line, col: 1 });
    return { ok: false, out: errorLine(line, new YingshangError([p])) };
  }
  try {
    const result = evaluate(pack, input as CaseInput, { trace });
    const c = input as { id?: unknown; facts?: unknown };
    // `line` ties the result to its input; `id` and `facts` are echoed so a results file can be
    // reported on by itself (`yingshang report deadlines --unit-fact …`).
    const head: Record<string, unknown> = { line };
    if (typeof c.id === "string" || typeof c.id === "number") head.id = c.id;
    if (c.facts !== undefined) head.facts = c.facts;
    return { ok: true, out: JSON.stringify({ ...head, ...result }), provisional: result.provisional === true };
  } catch (e) {
    return { ok: false, out: errorLine(line, e) };
  }
}

function main(): void {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  let pack: Pack;
  try {
    pack = loadPack(init.packDir, init.provisional ? { calendars: calendarsOption(init.calendars, "statutory"), provisional: "statutory" } : { calendars: calendarsOption(init.calendars) });
  } catch (e) {
    const error = e instanceof YingshangError ? e.toJSON().error : { code: "INTERNAL" as const, message: e instanceof Error ? e.message : String(e) };
    port.postMessage({ type: "init-failed", error } satisfies WorkerMessage);
    return;
  }
  port.on("message", (req: ChunkRequest) => {
    const lines = req.text.split("\n");
    const out: string[] = new Array(lines.length);
    let ok = 0;
    let provisional = 0;
    for (let i = 0; i < lines.length; i++) {
      const r = evaluateLine(pack, lines[i]!, req.firstLine + i, init.trace, init.file);
      if (r.ok) ok++;
      if (r.provisional) provisional++;
      out[i] = r.out;
    }
    port.postMessage({ type: "chunk", seq: req.seq, text: out.join("\n") + "\n", ok, errors: lines.length - ok, provisional } satisfies WorkerMessage);
  });
  port.postMessage({ type: "ready" } satisfies WorkerMessage);
}

main();
