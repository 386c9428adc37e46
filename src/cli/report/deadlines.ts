/** The data of a deadline-compliance report, from a batch's results: on time, late, overdue, running. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { fail } from "../../errors.js";
import { statusWord, type StatusWord } from "../../engine/tools/index.js";
import { BUNDLED_PACKS, loadPack } from "../../engine/compile/load.js";
import type { Pack } from "../../engine/compile/index.js";
import { calendarsOption } from "../calendar-option.js";


/** How a deadline stands, in four groups (plus results without a status, when `now` was not given). */
export type Compliance = "onTime" | "late" | "overdue" | "running" | "noStatus";
export const COMPLIANCE: readonly Compliance[] = ["onTime", "late", "overdue", "running", "noStatus"];
export type Counts = Record<Compliance, number> & { total: number };

/** A deadline-compliance summary of a batch's results (`yingshang eval PACK --ndjson … --out results.ndjson`). */
export interface DeadlinesReport {
  kind: "deadlines";
  source: string;
  /** Packs the results were computed with (id, version, hash), from the results' receipts; `name` from the naming pack. */
  packs: { id: string; version: string; hash: string; name?: string }[];
  unitFact: string | null;
  /** The unit fact's Chinese name, from the naming pack (null without one). */
  unitFactName?: string | null;
  lines: number;
  /** Cases evaluated (result lines). */
  cases: number;
  /** Result lines that are errors (`{"line": n, "error": …}`), by code. */
  errors: { total: number; byCode: Record<string, number>; firstLines: number[] };
  /** Lines of the results file that are not JSON (a truncated file…). */
  unreadable: number[];
  /** Schedules (periodic duties) in the results, not counted in the compliance figures. */
  schedules: number;
  totals: Counts;
  byUnit: { unit: string; name: string; counts: Counts }[];
  byRule: { rule: string; name: string; clause: string | null; counts: Counts }[];
}

const COMPLIANCE_OF: Record<StatusWord, Compliance> = { "on time": "onTime", late: "late", overdue: "overdue", running: "running", none: "noStatus" };

/** The group of a deadline status, in the same four words as diff's status changes. */
export function complianceOf(status: { kind?: unknown } | null | undefined): Compliance {
  return COMPLIANCE_OF[statusWord(status?.kind)];
}

const zero = (): Counts => ({ onTime: 0, late: 0, overdue: 0, running: 0, noStatus: 0, total: 0 });

interface ResultLine {
  line?: number;
  facts?: Record<string, unknown>;
  receipt?: { pack?: string; version?: string; hash?: string };
  assignment?: Record<string, { lead?: unknown }>;
  deadlines?: Record<string, { deadline?: string; variant?: string | null; clause?: string | null; status?: { kind?: string } | null; periods?: unknown }>;
  error?: { code?: string };
}

/** Reads a results NDJSON file (streaming: constant memory in the number of lines) and summarises it. */
export async function buildDeadlinesReport(file: string, opts: { unitFact?: string; pack?: string; calendars?: string[] }): Promise<DeadlinesReport> {
  if (file !== "-" && (!existsSync(file) || !statSync(file).isFile())) return fail("FILE_MISSING", `Cannot read ${file}.`, { file }, { file });
  const input = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const rl = createInterface({ input, crlfDelay: Infinity });
  const report: DeadlinesReport = {
    kind: "deadlines",
    source: file === "-" ? "<stdin>" : basename(file),
    packs: [],
    unitFact: opts.unitFact ?? null,
    lines: 0,
    cases: 0,
    errors: { total: 0, byCode: {}, firstLines: [] },
    unreadable: [],
    schedules: 0,
    totals: zero(),
    byUnit: [],
    byRule: [],
  };
  const byUnit = new Map<string, Counts>();
  const byRule = new Map<string, { deadline: string; clause: string | null; counts: Counts }>();
  const packs = new Map<string, { id: string; version: string; hash: string }>();
  for await (const text of rl) {
    report.lines++;
    if (text.trim() === "") continue;
    let r: ResultLine;
    try {
      r = JSON.parse(text) as ResultLine;
    } catch {
      if (report.unreadable.length < 20) report.unreadable.push(report.lines);
      continue;
    }
    if (!r || typeof r !== "object") {
      if (report.unreadable.length < 20) report.unreadable.push(report.lines);
      continue;
    }
    if (r.error) {
      report.errors.total++;
      const code = String(r.error.code ?? "UNKNOWN");
      report.errors.byCode[code] = (report.errors.byCode[code] ?? 0) + 1;
      if (report.errors.firstLines.length < 20) report.errors.firstLines.push(typeof r.line === "number" ? r.line : report.lines);
      continue;
    }
    report.cases++;
    if (r.receipt?.pack) {
      const key = `${r.receipt.pack}@${r.receipt.version}#${r.receipt.hash}`;
      if (!packs.has(key)) packs.set(key, { id: r.receipt.pack, version: String(r.receipt.version ?? ""), hash: String(r.receipt.hash ?? "") });
    }
    const unit = unitOf(r, opts.unitFact);
    for (const [id, d] of Object.entries(r.deadlines ?? {})) {
      if (!d || typeof d !== "object") continue;
      if (Array.isArray(d.periods)) {
        report.schedules++;
        continue;
      }
      const c = complianceOf(d.status);
      const rule = d.variant ? `${d.deadline ?? id}/${d.variant}` : (d.deadline ?? id);
      let ru = byRule.get(rule);
      if (!ru) byRule.set(rule, (ru = { deadline: d.deadline ?? id, clause: d.clause ?? null, counts: zero() }));
      let un = byUnit.get(unit);
      if (!un) byUnit.set(unit, (un = zero()));
      for (const counts of [report.totals, ru.counts, un]) {
        counts[c]++;
        counts.total++;
      }
    }
  }
  report.packs = [...packs.values()];
  // Names: from the pack the results were computed with (given with --pack, or bundled by that id).
  const pack = namingPack(opts.pack ?? (report.packs.length === 1 ? report.packs[0]!.id : undefined), opts.calendars);
  if (pack) for (const p of report.packs) if (p.id === pack.id) p.name = pack.meta.name.zh;
  if (opts.unitFact) report.unitFactName = pack?.facts[opts.unitFact]?.zh ?? null;
  const unitName = (u: string) => pack?.units.get(u)?.zh ?? u;
  const ruleName = (deadline: string, rule: string) => {
    const doc = pack?.docs.deadlines.find((x) => x.id === deadline);
    const variant = rule.includes("/") ? rule.slice(deadline.length + 1) : null;
    const v = variant ? doc?.variants?.find((x) => x.id === variant) : undefined;
    return doc?.zh ? `${doc.zh}${v ? `（${v.zh ?? v.id}）` : ""}` : rule;
  };
  const worstFirst = (a: Counts, b: Counts) => b.late + b.overdue - (a.late + a.overdue) || b.total - a.total;
  report.byUnit = [...byUnit.entries()].map(([unit, counts]) => ({ unit, name: unitName(unit), counts })).sort((a, b) => worstFirst(a.counts, b.counts) || (a.unit < b.unit ? -1 : 1));
  report.byRule = [...byRule.entries()].map(([rule, x]) => ({ rule, name: ruleName(x.deadline, rule), clause: x.clause, counts: x.counts })).sort((a, b) => (a.rule < b.rule ? -1 : 1));
  return report;
}

/** The unit a case belongs to: the fact named by --unit-fact, else the lead unit of its first assigned table. */
function unitOf(r: ResultLine, unitFact: string | undefined): string {
  if (unitFact) {
    const v = r.facts?.[unitFact];
    return typeof v === "string" && v !== "" ? v : v === undefined ? "(not given)" : JSON.stringify(v);
  }
  for (const a of Object.values(r.assignment ?? {})) if (a && typeof a.lead === "string") return a.lead;
  return "(no unit)";
}

function namingPack(spec: string | undefined, calendars: string[] | undefined): Pack | null {
  if (!spec) return null;
  if (!existsSync(spec) && !(BUNDLED_PACKS as readonly string[]).includes(spec.replace(/^bundled:/, ""))) return null;
  return loadPack(spec, { calendars: calendarsOption(calendars) });
}
