/**
 * One batch line in, one result row out: the line protocol shared by `yingshang eval --ndjson`
 * (in its worker threads) and the service's `POST /v1/packs/{pack}/batch`.
 *
 * A row is a plain object: `{ line, id?, …result }` for a case, `{ line, id?, error }` for a line
 * that could not be evaluated. Which parts of the result it holds is the batch's shape:
 * - `compact` (the default): the result, with each `not-evaluated` table as `{ kind, missing }` and
 *   without the per-part receipts (the row's `receipt` is theirs) and empty traces;
 * - `full`: the result exactly as `evaluate` returns it (`eval --json`);
 * - `select`: only the chosen paths, as flat keys (`"deadlines.mayor-direct.dueDate": "2026-10-15"`).
 */
import { problem, YingshangError, type Problem } from "../errors.js";
import { evaluate, type CaseInput, type CaseResult } from "../engine/evaluate/index.js";
import type { Pack } from "../engine/compile/index.js";

/** The longest line accepted, in characters. */
export const MAX_LINE_CHARS = 1_000_000;

/** A `--select` path, split at its dots. */
export interface SelectPath {
  readonly text: string;
  readonly parts: readonly string[];
}

export type Shape = { readonly kind: "compact" } | { readonly kind: "full" } | { readonly kind: "select"; readonly paths: readonly SelectPath[] };

export interface LineOptions {
  readonly trace: boolean;
  /** The input's name, for error places. */
  readonly file: string;
  readonly shape: Shape;
}

export type Row = Record<string, unknown>;

/** What one line gave: a result row, an error row, or nothing (a blank line, skipped and counted). */
export type LineOutcome = { readonly kind: "ok" | "error"; readonly row: Row; readonly provisional?: boolean } | { readonly kind: "blank" };

const PARTS = { assignment: "tables", deadlines: "deadlines", escalation: "ladders", scores: "scorecards" } as const;
const TOP = ["receipt", "facts", "provisional", ...Object.keys(PARTS)];

/** The ids a pack has for each part of a result (every version of every table, deadline, ladder, scorecard). */
function idsOf(pack: Pack, part: keyof typeof PARTS): string[] {
  switch (part) {
    case "assignment":
      return [...pack.compiled.index.tables.keys()];
    case "deadlines":
      return [...pack.compiled.index.deadlines.keys()];
    case "escalation":
      return [...pack.compiled.index.ladders.keys()];
    case "scores":
      return [...new Set(pack.docs.scorecards.map((s) => s.id))];
  }
}

/**
 * Reads `--select a.b,c.d` against a pack: the first step must be a part of a result, the second (for
 * assignment, deadlines, escalation, scores) one of the pack's ids, so a typo is refused before the
 * first case rather than giving a column of nulls. `line` and `id` are always kept and need not be named.
 */
export function parseSelect(pack: Pack, text: string): SelectPath[] {
  const problems: Problem[] = [];
  const out: SelectPath[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(",")) {
    const t = raw.trim();
    if (t === "" || t === "line" || t === "id" || seen.has(t)) continue;
    seen.add(t);
    const parts = t.split(".");
    const head = parts[0]!;
    if (parts.some((p) => p === "")) {
      problems.push(problem("INPUT_INVALID", `--select: \`${t}\` has an empty step; write paths like deadlines.mayor-direct.dueDate.`, { detail: "empty select step" }, { path: "select" }));
      continue;
    }
    if (!TOP.includes(head)) {
      problems.push(problem("INPUT_INVALID", `--select: \`${t}\` must start with one of ${TOP.join(", ")}.`, { detail: `unknown result part ${head}` }, { path: "select" }));
      continue;
    }
    if (head in PARTS && parts.length > 1) {
      const known = idsOf(pack, head as keyof typeof PARTS);
      if (!known.includes(parts[1]!)) {
        problems.push(problem("INPUT_INVALID", `--select: \`${t}\`: pack ${pack.id} has no ${PARTS[head as keyof typeof PARTS].slice(0, -1)} \`${parts[1]}\` (it has ${known.join(", ") || "none"}).`, { detail: `unknown id ${parts[1]}` }, { path: "select" }));
        continue;
      }
    }
    out.push({ text: t, parts });
  }
  if (problems.length) throw new YingshangError(problems);
  if (out.length === 0) throw new YingshangError([problem("INPUT_INVALID", "--select needs at least one path besides line and id, e.g. deadlines.mayor-direct.dueDate.", { detail: "empty select" }, { path: "select" })]);
  return out;
}

function get(value: unknown, parts: readonly string[]): unknown {
  let v = value;
  for (let i = 0; i < parts.length; i++) {
    if (v === null || typeof v !== "object") return null;
    const k = parts[i]!;
    // Own keys only: a path never reaches into a prototype.
    if (!Object.prototype.hasOwnProperty.call(v, k)) return null;
    v = (v as Record<string, unknown>)[k];
  }
  return v === undefined ? null : v;
}

/** A part's result without its receipt (the row carries it) and without an empty trace. */
function slim(part: object): Row {
  const out: Row = {};
  for (const k in part) {
    if (k === "receipt") continue;
    const v = (part as Row)[k];
    if (k === "trace" && Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

function compact(r: CaseResult): Row {
  const assignment: Row = {};
  for (const id in r.assignment) {
    const a = r.assignment[id]!;
    assignment[id] = a.kind === "not-evaluated" ? { kind: a.kind, missing: a.missing } : slim(a);
  }
  const part = (m: Record<string, object>) => {
    const o: Row = {};
    for (const id in m) o[id] = slim(m[id]!);
    return o;
  };
  const row: Row = { receipt: r.receipt, assignment, deadlines: part(r.deadlines), escalation: part(r.escalation), scores: part(r.scores) };
  // A provisional answer says so in every output shape (its dates may move when the notice is out).
  if (r.provisional === true) row.provisional = true;
  return row;
}

function idOf(input: unknown): string | number | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : undefined;
}

function errorRow(line: number, id: string | number | undefined, e: unknown, file: string): Row {
  const row: Row = { line };
  if (id !== undefined) row.id = id;
  if (e instanceof YingshangError) {
    // Each problem says which line of which input it came from.
    row.error = { code: e.code, problems: e.problems.map((p) => (p.line === undefined ? { ...p, file, line } : p)) };
  } else {
    // A bug in yingshang, not in the input: still reported on its line so nothing is lost.
    row.error = { code: "INTERNAL", message: `internal error (please report it): ${e instanceof Error ? e.message : String(e)}` };
  }
  return row;
}

/** Evaluates one case that is already parsed (from JSON or from a CSV row). */
export function evaluateCase(pack: Pack, input: unknown, line: number, o: LineOptions): LineOutcome {
  const id = idOf(input);
  let result: CaseResult;
  try {
    result = evaluate(pack, input as CaseInput, { trace: o.trace });
  } catch (e) {
    return { kind: "error", row: errorRow(line, id, e, o.file) };
  }
  const row: Row = { line };
  if (id !== undefined) row.id = id;
  const shape = o.shape;
  if (shape.kind === "select") {
    const paths = shape.paths;
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]!;
      row[p.text] = p.parts[0] === "facts" ? get((input as CaseInput).facts, p.parts.slice(1)) : get(result, p.parts);
    }
    return { kind: "ok", row, provisional: result.provisional === true };
  }
  // `facts` are echoed so a results file can be reported on by itself (`yingshang report deadlines --unit-fact …`).
  const facts = (input as CaseInput).facts;
  if (facts !== undefined) row.facts = facts;
  return { kind: "ok", row: Object.assign(row, shape.kind === "full" ? result : compact(result)), provisional: result.provisional === true };
}

/** Evaluates one NDJSON line (without its line break). */
export function evaluateLine(pack: Pack, text: string, line: number, o: LineOptions): LineOutcome {
  // A case is a few kilobytes; a line past the limit is refused on its own line, the batch goes on.
  if (text.length > MAX_LINE_CHARS) return tooLong(line, text.length, o.file);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    if (text.trim() === "") return { kind: "blank" };
    const p = problem("INPUT_INVALID", `Line ${line} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed JSON" }, { file: o.file, line, col: 1 });
    return { kind: "error", row: errorRow(line, undefined, new YingshangError([p]), o.file) };
  }
  return evaluateCase(pack, input, line, o);
}

/** The error row of a line over {@link MAX_LINE_CHARS} (the CLI's reader never holds such a line whole). */
export function tooLong(line: number, length: number, file: string): LineOutcome {
  const p = problem("LIMIT_EXCEEDED", `Line ${line} is ${length} characters long; a case may have at most ${MAX_LINE_CHARS}.`, { what: "batch line length", limit: MAX_LINE_CHARS, actual: length }, { file, line });
  return { kind: "error", row: errorRow(line, undefined, new YingshangError([p]), file) };
}
