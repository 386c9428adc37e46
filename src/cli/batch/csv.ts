/**
 * CSV batches: which column fills which part of a case, how a cell becomes a value, and how a result
 * row becomes a CSV row. Columns are matched to the case at the header, once, so a typo in a column
 * name or in `--map` is refused before the first case, never read as an absent fact.
 *
 * A column goes to the case path it names (`issueKind`, `facts.issueKind`, `events.mayor-direct.received`,
 * `id`, `asOf`, `now`), or to the path `--map PATH=列名` gives it; `--ignore 列名` leaves a column out.
 * Any other column is an error. A short event field (`received`) stands for `events.<id>.received`
 * only when the pack has one deadline; otherwise the deadline must be named.
 */
import { stringify } from "csv-stringify/sync";
import { problem, YingshangError, type Problem } from "../../errors.js";
import type { Pack } from "../../engine/compile/index.js";
import { suggest } from "../../base/suggest.js";
import { own } from "../../base/own.js";

/** How a cell becomes a value. */
export type CellKind = "text" | "number" | "boolean" | "json" | "enum";

/** One input column: where its cells go in the case (null: ignored) and how they are read. */
export interface ColumnPlan {
  readonly column: string;
  readonly target: readonly string[] | null;
  readonly kind: CellKind;
  /** For an enum fact: the Chinese names of its values (the pack's `valuesZh`) → their ids. */
  readonly zhToId?: Readonly<Record<string, string>>;
}

const EVENT_TEXT = ["received", "completed"];
const EVENT_JSON = ["pauses", "restarts", "extensions"];

/** The case path a target names, and how to read it; null when it names nothing in this pack. */
function resolveTarget(pack: Pack, target: string): { path: string[]; kind: CellKind; zhToId?: Record<string, string> } | { error: string } | null {
  if (target === "id" || target === "asOf" || target === "now") return { path: [target], kind: "text" };
  const parts = target.split(".");
  const fact = parts.length === 1 ? parts[0]! : parts[0] === "facts" && parts.length === 2 ? parts[1]! : null;
  if (fact !== null && Object.prototype.hasOwnProperty.call(pack.facts, fact)) {
    const doc = pack.facts[fact]!;
    const kind: CellKind = doc.type === "boolean" ? "boolean" : doc.type === "number" ? "number" : doc.type === "list" || doc.type === "object" ? "json" : doc.type === "enum" ? "enum" : "text";
    const zhToId = doc.valuesZh ? Object.fromEntries(Object.entries(doc.valuesZh).map(([id, zh]) => [zh, id])) : undefined;
    return { path: ["facts", fact], kind, ...(zhToId ? { zhToId } : {}) };
  }
  // Deadlines with case events (periods); schedules have none.
  const deadlines = pack.compiled.deadlines.filter((d) => d.schedule === null).map((d) => d.id).filter((id, i, all) => all.indexOf(id) === i);
  if (parts.length === 1 && (EVENT_TEXT.includes(target) || EVENT_JSON.includes(target))) {
    if (deadlines.length !== 1) return { error: `\`${target}\` is an event of a deadline, and pack ${pack.id} has ${deadlines.length} (${deadlines.join(", ")}); name it, e.g. events.${deadlines[0] ?? "ID"}.${target}` };
    return { path: ["events", deadlines[0]!, target], kind: EVENT_JSON.includes(target) ? "json" : "text" };
  }
  if (parts[0] === "events" && parts.length === 3 && deadlines.includes(parts[1]!) && (EVENT_TEXT.includes(parts[2]!) || EVENT_JSON.includes(parts[2]!))) {
    return { path: parts, kind: EVENT_JSON.includes(parts[2]!) ? "json" : "text" };
  }
  if (parts[0] === "history" && parts.length === 2 && pack.compiled.index.ladders.has(parts[1]!)) return { path: parts, kind: "json" };
  if (parts[0] === "scoring" && parts.length === 2 && pack.docs.scorecards.some((s) => s.id === parts[1])) return { path: parts, kind: "json" };
  return null;
}

/** The targets a user may name, for "did you mean". */
function targetsOf(pack: Pack): string[] {
  const out = ["id", "asOf", "now", ...Object.keys(pack.facts)];
  for (const d of new Set(pack.compiled.deadlines.filter((x) => x.schedule === null).map((x) => x.id))) for (const f of [...EVENT_TEXT, ...EVENT_JSON]) out.push(`events.${d}.${f}`);
  for (const l of pack.compiled.index.ladders.keys()) out.push(`history.${l}`);
  for (const s of pack.docs.scorecards) out.push(`scoring.${s.id}`);
  return out;
}

/** `received=收件时间,issueKind=问题类别` → { received: "收件时间", issueKind: "问题类别" }. */
export function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const raw of text.split(",")) {
    if (raw.trim() === "") continue;
    const eq = raw.indexOf("=");
    const target = eq < 0 ? "" : raw.slice(0, eq).trim();
    const column = eq < 0 ? "" : raw.slice(eq + 1).trim();
    if (target === "" || column === "") {
      problems.push(problem("INPUT_INVALID", `--map: \`${raw.trim()}\` must be PATH=列名, e.g. received=收件时间.`, { detail: "bad --map entry" }, { path: "map" }));
      continue;
    }
    if (target in out) problems.push(problem("INPUT_INVALID", `--map: \`${target}\` is mapped twice.`, { detail: "target mapped twice" }, { path: "map" }));
    out[target] = column;
  }
  if (problems.length) throw new YingshangError(problems);
  return out;
}

/** Matches the header to the case, or throws every problem at once. */
export function planColumns(pack: Pack, header: readonly string[], map: Readonly<Record<string, string>>, ignore: readonly string[]): ColumnPlan[] {
  const problems: Problem[] = [];
  const byColumn = new Map<string, string>();
  for (const [target, column] of Object.entries(map)) {
    if (!header.includes(column)) {
      const s = suggest(column, header);
      problems.push(problem("INPUT_INVALID", `--map ${target}=${column}: the CSV has no column \`${column}\`${s ? `; did you mean \`${s}\`?` : ""} (its columns: ${header.join(", ")}).`, { detail: "mapped column missing" }, { path: "map" }));
    }
    if (byColumn.has(column)) problems.push(problem("INPUT_INVALID", `--map: the column \`${column}\` is mapped to both ${byColumn.get(column)} and ${target}.`, { detail: "column mapped twice" }, { path: "map" }));
    byColumn.set(column, target);
  }
  for (const c of ignore) if (!header.includes(c)) problems.push(problem("INPUT_INVALID", `--ignore: the CSV has no column \`${c}\`.`, { detail: "ignored column missing" }, { path: "ignore" }));
  const seenHeader = new Set<string>();
  const taken = new Map<string, string>();
  const plan: ColumnPlan[] = [];
  header.forEach((column, i) => {
    if (seenHeader.has(column)) problems.push(problem("INPUT_INVALID", `The CSV header names the column \`${column}\` twice.`, { detail: "duplicate column" }, { line: 1, col: i + 1 }));
    seenHeader.add(column);
    if (ignore.includes(column)) {
      plan.push({ column, target: null, kind: "text" });
      return;
    }
    const target = byColumn.get(column) ?? column;
    const r = resolveTarget(pack, target);
    if (r === null || "error" in r) {
      const s = r === null ? suggest(target, targetsOf(pack)) : null;
      const why = r === null ? `\`${target}\` is not a part of a case of pack ${pack.id}${s ? ` (did you mean \`${s}\`?)` : ""}` : r.error;
      problems.push(problem("INPUT_INVALID", `CSV column ${i + 1} \`${column}\`: ${why}; map it with --map PATH=${column}, or leave it out with --ignore ${column}.`, { detail: "unmapped column" }, { line: 1, col: i + 1 }));
      plan.push({ column, target: null, kind: "text" });
      return;
    }
    const key = r.path.join(".");
    if (taken.has(key)) problems.push(problem("INPUT_INVALID", `CSV columns \`${taken.get(key)}\` and \`${column}\` both fill ${key}.`, { detail: "two columns, one path" }, { line: 1, col: i + 1 }));
    taken.set(key, column);
    plan.push({ column, target: r.path, kind: r.kind, ...(r.zhToId ? { zhToId: r.zhToId } : {}) });
  });
  if (problems.length) throw new YingshangError(problems);
  return plan;
}

function cell(p: ColumnPlan, v: string): unknown {
  switch (p.kind) {
    case "text":
      return v;
    case "enum":
      return own(p.zhToId, v) ?? v;
    case "boolean":
      // Anything else is passed on as text, for the fact check to name ("must be true or false").
      return v === "true" || v === "是" ? true : v === "false" || v === "否" ? false : v;
    case "number":
      return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    case "json":
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
  }
}

/** The case a CSV record describes. An empty cell is a value not given. */
export function caseOf(plan: readonly ColumnPlan[], record: readonly string[]): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i]!;
    const v = record[i];
    if (p.target === null || v === undefined || v === "") continue;
    let o = c;
    const t = p.target;
    for (let k = 0; k < t.length - 1; k++) {
      const key = t[k]!;
      let next = o[key] as Record<string, unknown> | undefined;
      if (next === undefined) {
        next = {};
        o[key] = next;
      }
      o = next;
    }
    o[t[t.length - 1]!] = cell(p, v);
  }
  return c;
}

/** The CSV header of a selected batch: line, id, the paths, error. */
export function csvHeader(paths: readonly string[], bom: boolean): string {
  return (bom ? "\ufeff" : "") + stringify([["line", "id", ...paths, "error"]]);
}

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** CSV rows for result rows (`{ line, id?, …paths }` or `{ line, id?, error }`). */
export function csvRows(rows: readonly Record<string, unknown>[], paths: readonly string[]): string {
  const records = rows.map((r) => {
    const e = r.error as { code: string; problems?: { message: string }[]; message?: string } | undefined;
    const err = e ? `${e.code}: ${e.problems ? e.problems.map((p) => p.message).join("; ") : e.message ?? ""}` : "";
    return [text(r.line), text(r.id), ...paths.map((p) => (e ? "" : text(r[p]))), err];
  });
  return records.length ? stringify(records) : "";
}
