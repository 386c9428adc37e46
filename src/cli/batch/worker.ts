/**
 * Worker thread of `yingshang eval PACK --ndjson FILE` / `--csv FILE` (built by tsup to
 * dist/batch-worker.js). Compiles the pack once, from the documents the main thread read (so no
 * worker parses the same YAML again); then, for each piece of bytes the
 * main thread cut at record ends, decodes it, evaluates every record, serialises the rows (NDJSON or
 * CSV) and sends back the encoded bytes, so the main thread only reads, splits and writes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parse } from "csv-parse/sync";
import { problem, YingshangError } from "../../errors.js";
import { compileRead, type Pack } from "../../engine/compile/index.js";
import { fromPlainRead, type PlainRead } from "../../engine/read/index.js";
import { packCalendarOptions } from "../pack-io.js";
import { evaluateCase, evaluateLine, parseSelect, tooLong, type LineOptions, type LineOutcome, type Row, type Shape } from "../../batch/line.js";
import { caseOf, csvRows, type ColumnPlan } from "./csv.js";

/** What the worker is started with. */
export interface WorkerInit {
  /** The pack folder's name, which pack.yaml's id must equal. */
  folder: string;
  /** `--calendar` files. */
  calendars: string[];
  trace: boolean;
  /** The input's name, for error places. */
  file: string;
  /** `--select` text, `full`, or neither (compact). */
  select: string | null;
  full: boolean;
  input: "ndjson" | "csv";
  output: "ndjson" | "csv";
  /** `--provisional`: years after the last notice from the statutory holidays. */
  provisional: boolean;
}

/** Messages to the worker, in order: the pack first, then for CSV input the columns, then the pieces. */
export type WorkerRequest =
  | { type: "pack"; read: PlainRead }
  | { type: "columns"; plan: ColumnPlan[] }
  | { type: "bytes"; seq: number; firstLine: number; bytes: Uint8Array }
  | { type: "long"; seq: number; firstLine: number; length: number };

/** Messages from the worker. `bytes` holds the encoded rows of one piece, in its order. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "init-failed"; error: { code: string; problems: readonly unknown[] } | { code: "INTERNAL"; message: string } }
  | { type: "chunk"; seq: number; bytes: Uint8Array; ok: number; errors: number; blank: number; provisional: number };

/** Serialises and counts the outcomes of one piece. */
class Rows {
  readonly rows: Row[] = [];
  ok = 0;
  errors = 0;
  blank = 0;
  provisional = 0;
  add(r: LineOutcome): void {
    if (r.kind === "blank") this.blank++;
    else {
      if (r.provisional === true) this.provisional++;
      if (r.kind === "ok") this.ok++;
      else this.errors++;
      this.rows.push(r.row);
    }
  }
}

/** NDJSON lines of a piece: each line's number is `firstLine` plus the line breaks before it. */
export function ndjsonPiece(pack: Pack, text: string, firstLine: number, o: LineOptions, rows: Rows): void {
  let start = 0;
  let line = firstLine;
  // A UTF-8 byte order mark (Windows and WPS write one) before the first line is not part of it.
  if (firstLine === 1 && text.charCodeAt(0) === 0xfeff) start = 1;
  while (start < text.length) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    rows.add(evaluateLine(pack, text.slice(start, end), line, o));
    line++;
    start = nl + 1;
  }
}

/** CSV records of a piece; a record's line is the physical line it starts on (a quoted cell may span lines). */
export function csvPiece(pack: Pack, plan: readonly ColumnPlan[], bytes: Uint8Array, firstLine: number, o: LineOptions, rows: Rows): void {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (e) {
    const p = problem("INPUT_INVALID", `The CSV from line ${firstLine} on cannot be read: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed CSV" }, { file: o.file, line: firstLine });
    rows.add({ kind: "error", row: { line: firstLine, error: new YingshangError([p]).toJSON().error } });
    return;
  }
  // Line breaks counted in the bytes themselves (csv-parse counts a quoted CRLF as two lines).
  let pos = 0;
  let line = firstLine;
  for (const { record, info } of records) {
    const at = line;
    for (let i = bytes.indexOf(10, pos); i !== -1 && i < info.bytes; i = bytes.indexOf(10, i + 1)) line++;
    pos = info.bytes;
    if (record.every((c) => c.trim() === "")) {
      rows.add({ kind: "blank" });
      continue;
    }
    if (record.length !== plan.length) {
      const p = problem("INPUT_INVALID", `Line ${at} has ${record.length} cells; the header has ${plan.length}.`, { detail: "CSV cell count" }, { file: o.file, line: at });
      rows.add({ kind: "error", row: { line: at, error: new YingshangError([p]).toJSON().error } });
      continue;
    }
    rows.add(evaluateCase(pack, caseOf(plan, record), at, o));
  }
}

function compiled(init: WorkerInit, read: PlainRead): { pack: Pack; shape: Shape } {
  const pack = compileRead(fromPlainRead(read), { folder: init.folder, ...packCalendarOptions({ calendar: init.calendars, provisional: init.provisional }) });
  const shape: Shape = init.select !== null ? { kind: "select", paths: parseSelect(pack, init.select) } : init.full ? { kind: "full" } : { kind: "compact" };
  return { pack, shape };
}

function main(): void {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  const decoder = new TextDecoder("utf-8");
  const encoder = new TextEncoder();
  let plan: ColumnPlan[] = [];
  // Set by the first message (the pack). Messages are handled one at a time, in order, so every
  // piece finds it set; after init-failed the main thread stops this worker and sends nothing more.
  let state: { pack: Pack; o: LineOptions; paths: string[] } | null = null;
  port.on("message", (req: WorkerRequest) => {
    if (req.type === "pack") {
      try {
        const { pack, shape } = compiled(init, req.read);
        state = { pack, o: { trace: init.trace, file: init.file, shape }, paths: shape.kind === "select" ? shape.paths.map((p) => p.text) : [] };
        port.postMessage({ type: "ready" } satisfies WorkerMessage);
      } catch (e) {
        const error = e instanceof YingshangError ? e.toJSON().error : { code: "INTERNAL" as const, message: e instanceof Error ? e.message : String(e) };
        port.postMessage({ type: "init-failed", error } satisfies WorkerMessage);
      }
      return;
    }
    if (req.type === "columns") {
      plan = req.plan;
      return;
    }
    if (state === null) return;
    const { pack, o, paths } = state;
    const rows = new Rows();
    if (req.type === "long") rows.add(tooLong(req.firstLine, req.length, init.file));
    else if (init.input === "csv") csvPiece(pack, plan, req.bytes, req.firstLine, o, rows);
    else ndjsonPiece(pack, decoder.decode(req.bytes), req.firstLine, o, rows);
    let text = "";
    if (init.output === "csv") text = csvRows(rows.rows, paths);
    else {
      const out: string[] = new Array(rows.rows.length);
      for (let i = 0; i < rows.rows.length; i++) out[i] = JSON.stringify(rows.rows[i]);
      if (out.length) text = out.join("\n") + "\n";
    }
    const bytes = encoder.encode(text);
    port.postMessage({ type: "chunk", seq: req.seq, bytes, ok: rows.ok, errors: rows.errors, blank: rows.blank, provisional: rows.provisional } satisfies WorkerMessage, [bytes.buffer]);
  });
}

main();
