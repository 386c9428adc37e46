/**
 * Periodic duties (每月通报、每季度走访、每半年座谈会、每月25日报送台账…): which fall due in a period,
 * on which days, and — given records of who did what when — whether each was met, late or missed.
 *
 * A periodic duty is a duty of duties.yaml with a `schedule` (or a `sample`: a draw every quarter) or a
 * deadline of deadlines.yaml with a `schedule`. Each is judged per subject: a unit, or for contact
 * duties ("每月联系企业不少于一次") a liaison and an enterprise, as the records name them.
 */
import { fail, problem, YingshangError, type Problem } from "../../errors.js";
import { scheduleDueDates, type ScheduleSpec } from "../../calendar/index.js";
import { begin } from "./begin.js";
import { inForce } from "../check/index.js";
import { deepFreeze } from "../../base/freeze.js";
import { parsePeriod, readPeriod, type PeriodKind } from "../model/index.js";
import { suggest } from "../../base/suggest.js";
import type { Effective, Source } from "../model/index.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Receipt } from "../model/index.js";

/** Who did a periodic duty, and when. */
export interface DutyRecord {
  /** The duty's id (duties.yaml or deadlines.yaml). */
  duty: string;
  /** The day it was done (a report filed, a meeting held, an enterprise contacted or visited). */
  date: string;
  /** The unit that did it; or, for contact duties, `liaison` and `enterprise`. */
  unit?: string;
  liaison?: string;
  enterprise?: string;
  /** The period it was done for, when that is not the period its date lies in (a late filing). */
  period?: string;
  note?: string;
}

/** Records, and who is bound by each duty (so a subject with no record at all is found missing). */
export interface DutyRecords {
  records: DutyRecord[];
  /** Per duty id: the units (or `{ liaison, enterprise }` pairs) that must do it. */
  expected?: Record<string, (string | { liaison: string; enterprise: string })[]>;
}

export interface DutiesInput {
  /** `2026-04`, `2026-Q2`, `2026-H1` or `2026`. */
  period: string;
  records?: DutyRecords;
}

/** How one subject stands on one duty in one period. */
export interface DutyCompliance {
  /** The unit, or `liaison → enterprise`. */
  subject: string;
  unit: string | null;
  liaison: string | null;
  enterprise: string | null;
  period: string;
  due: string;
  /** `pending`: not done and not yet due on asOf. */
  status: "met" | "late" | "missed" | "pending";
  doneOn: string | null;
  /** For `late`: working days from the due date to the day it was done (the due date not counted). */
  workingDaysLate: number | null;
  clause: string;
}

export interface DutyEvaluation {
  id: string;
  zh: string | null;
  clause: string;
  quote: string;
  /** The file it is declared in. */
  file: "duties.yaml" | "deadlines.yaml";
  every: PeriodKind;
  atLeastOnce: boolean;
  /** The due dates in the period, moved off non-working days by the schedule's rule. */
  due: string[];
  periods: { period: string; due: string; moved: boolean }[];
  /** With records: every subject × period. */
  compliance?: DutyCompliance[];
  /** A scorecard item that missed or late periods become (duties.yaml `scoring`). */
  scoring: { scorecard: string; item: string; counts: ("missed" | "late")[] } | null;
}

export interface DutiesResult {
  period: string;
  from: string;
  to: string;
  asOf: string;
  duties: DutyEvaluation[];
  /** With records: how many subject-periods are met, late, missed and pending. */
  summary: { met: number; late: number; missed: number; pending: number } | null;
  receipt: Receipt;
}

interface Periodic {
  id: string;
  zh: string | null;
  source: Source;
  effective?: Effective | undefined;
  spec: ScheduleSpec;
  file: DutyEvaluation["file"];
  scoring: DutyEvaluation["scoring"];
}

const KIND: Record<ScheduleSpec["every"], PeriodKind> = { month: "month", quarter: "quarter", "half-year": "half-year", year: "year" };

/** The pack's periodic duties, in file order: duties.yaml first, then deadlines.yaml. */
export function periodicDuties(pack: Pack): Periodic[] {
  const out: Periodic[] = [];
  for (const d of pack.docs.duties) {
    const spec: ScheduleSpec | undefined = d.schedule ?? (d.sample ? { every: d.sample.every, atLeastOnce: true, ifNotWorkingDay: "keep" } : undefined);
    if (spec) out.push({ id: d.id, zh: d.zh ?? null, source: d.source, effective: d.effective, spec, file: "duties.yaml", scoring: d.scoring ? { scorecard: d.scoring.scorecard, item: d.scoring.item, counts: [...d.scoring.counts] } : null });
  }
  for (const d of pack.docs.deadlines) {
    if (d.schedule && d.source) out.push({ id: d.id, zh: d.zh ?? null, source: d.source, effective: d.effective, spec: d.schedule, file: "deadlines.yaml", scoring: null });
  }
  return out;
}

const RECORDS_KEYS = ["records", "expected"];
const RECORD_KEYS = ["duty", "date", "unit", "liaison", "enterprise", "period", "note"];
const PAIR_KEYS = ["liaison", "enterprise"];

function unknownKeys(obj: Record<string, unknown>, allowed: string[], path: string, out: Problem[]): void {
  for (const k of Object.keys(obj)) {
    if (allowed.includes(k)) continue;
    const hint = suggest(k, allowed);
    out.push(problem("INPUT_UNKNOWN_KEY", `\`${path ? `${path}.` : ""}${k}\` is not a key here${hint ? `; did you mean \`${hint}\`?` : ""} (keys: ${allowed.join(", ")}).`, { key: k, suggestion: hint, allowed }, { path: path ? `${path}.${k}` : k }));
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === "string" && x !== "";

interface Subject {
  key: string;
  unit: string | null;
  liaison: string | null;
  enterprise: string | null;
}

const pairKey = (l: string, e: string) => `${l} → ${e}`;

/** Checks the records against the pack's periodic duties, every problem at once. */
function checkRecords(pack: Pack, recs: unknown, known: Map<string, Periodic>): { byDuty: Map<string, { subject: Subject; date: string; period: string | null }[]>; expected: Map<string, Subject[]> } {
  const problems: Problem[] = [];
  const bad = (path: string, msg: string) => problems.push(problem("INPUT_INVALID", msg, { detail: path }, { path }));
  const byDuty = new Map<string, { subject: Subject; date: string; period: string | null }[]>();
  const expected = new Map<string, Subject[]>();
  const form = new Map<string, "unit" | "pair">();
  const dutyKnown = (id: unknown, path: string): Periodic | null => {
    const d = typeof id === "string" ? known.get(id) : undefined;
    if (d) return d;
    const hint = typeof id === "string" ? suggest(id, known.keys()) : null;
    problems.push(problem("RULE_UNKNOWN", `\`${path}\`: ${JSON.stringify(id)} is not a periodic duty of pack ${pack.id}${hint ? `; did you mean \`${hint}\`?` : ""} (duties: ${[...known.keys()].join(", ")}).`, { kind: "duty", id: String(id), known: [...known.keys()] }, { path }));
    return null;
  };
  const sameForm = (duty: string, f: "unit" | "pair", path: string) => {
    const was = form.get(duty);
    if (was && was !== f) bad(path, `\`${path}\`: duty \`${duty}\` is recorded both per unit and per liaison and enterprise; use one form for a duty.`);
    form.set(duty, f);
  };
  if (!isObj(recs)) {
    bad("records", "The records must be an object: { \"records\": [{ \"duty\", \"date\", \"unit\" | \"liaison\" + \"enterprise\" }], \"expected\"?: { dutyId: [units] } }.");
    throw new YingshangError(problems);
  }
  unknownKeys(recs, RECORDS_KEYS, "", problems);
  if (!Array.isArray(recs.records)) bad("records", "`records` must be a list of { duty, date, unit } (or liaison and enterprise instead of unit).");
  else {
    recs.records.forEach((r: unknown, i: number) => {
      const path = `records[${i}]`;
      if (!isObj(r)) return void bad(path, `\`${path}\` must be an object { duty, date, unit }.`);
      unknownKeys(r, RECORD_KEYS, path, problems);
      const d = dutyKnown(r.duty, `${path}.duty`);
      let date: string | null = null;
      try {
        date = typeof r.date === "string" ? pack.calendar.toDate(r.date) : null;
      } catch {
        date = null;
      }
      if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(String(r.date))) bad(`${path}.date`, `\`${path}.date\` must be a date YYYY-MM-DD (got ${JSON.stringify(r.date)}).`);
      if (r.period !== undefined && !readPeriod(r.period)) bad(`${path}.period`, `\`${path}.period\` must name a period such as 2026-04, 2026-Q2, 2026-H1 or 2026 (got ${JSON.stringify(r.period)}).`);
      if (r.note !== undefined && typeof r.note !== "string") bad(`${path}.note`, `\`${path}.note\` must be text.`);
      let subject: Subject | null = null;
      const hasPair = r.liaison !== undefined || r.enterprise !== undefined;
      if (r.unit !== undefined && hasPair) bad(path, `\`${path}\` names both a unit and a liaison/enterprise; give \`unit\`, or \`liaison\` and \`enterprise\`.`);
      else if (hasPair) {
        if (!isText(r.liaison) || !isText(r.enterprise)) bad(path, `\`${path}\` must name both \`liaison\` and \`enterprise\` (text).`);
        else subject = { key: pairKey(r.liaison, r.enterprise), unit: null, liaison: r.liaison, enterprise: r.enterprise };
      } else if (!isText(r.unit)) bad(`${path}.unit`, `\`${path}\` must name who did it: \`unit\`, or \`liaison\` and \`enterprise\`.`);
      else subject = { key: r.unit, unit: r.unit, liaison: null, enterprise: null };
      if (d && subject) sameForm(d.id, subject.unit ? "unit" : "pair", path);
      if (d && subject && date && (r.period === undefined || readPeriod(r.period) !== null)) {
        const list = byDuty.get(d.id) ?? [];
        list.push({ subject, date, period: typeof r.period === "string" ? r.period : null });
        byDuty.set(d.id, list);
      }
    });
  }
  if (recs.expected !== undefined) {
    if (!isObj(recs.expected)) bad("expected", "`expected` must map each duty id to the units (or { liaison, enterprise } pairs) bound by it.");
    else {
      for (const [id, list] of Object.entries(recs.expected)) {
        const path = `expected.${id}`;
        const d = dutyKnown(id, path);
        if (!Array.isArray(list)) {
          bad(path, `\`${path}\` must be a list of units or { liaison, enterprise } pairs.`);
          continue;
        }
        const subjects: Subject[] = [];
        list.forEach((s: unknown, i: number) => {
          const p = `${path}[${i}]`;
          if (isText(s)) {
            subjects.push({ key: s, unit: s, liaison: null, enterprise: null });
            if (d) sameForm(d.id, "unit", p);
          } else if (isObj(s)) {
            unknownKeys(s, PAIR_KEYS, p, problems);
            if (!isText(s.liaison) || !isText(s.enterprise)) bad(p, `\`${p}\` must name both \`liaison\` and \`enterprise\` (text).`);
            else {
              subjects.push({ key: pairKey(s.liaison, s.enterprise), unit: null, liaison: s.liaison, enterprise: s.enterprise });
              if (d) sameForm(d.id, "pair", p);
            }
          } else bad(p, `\`${p}\` must be a unit id or { liaison, enterprise }.`);
        });
        if (d) expected.set(d.id, subjects);
      }
    }
  }
  if (problems.length) throw new YingshangError(problems);
  return { byDuty, expected };
}

/**
 * The periodic duties that fall due in a period, with their due dates; given records, how each
 * subject stands on each duty in each period (met, late with the working days late, missed, or
 * pending when not yet due on `asOf`), citing the duty's clause.
 *
 * @example
 * import { loadPack, duties } from "yingshang";
 * const suqian = loadPack("suqian");
 * const r = duties(suqian, { period: "2026-04" }, { asOf: "2026-04-30" });
 * console.log(r.duties.find((d) => d.id === "monthly-ledger")?.due); // ["2026-04-27"] (the 25th is a Saturday, 二(十一))
 */
export function duties(pack: Pack, input: DutiesInput, options: EvalOptions): DutiesResult {
  const ev = begin(pack, undefined, options);
  if (!isObj(input)) fail("INPUT_INVALID", "The input must be { period, records? }.", { detail: "input" }, { path: "" });
  const probs: Problem[] = [];
  unknownKeys(input as unknown as Record<string, unknown>, ["period", "records"], "", probs);
  if (probs.length) throw new YingshangError(probs);
  const p = parsePeriod(input.period);
  const all = periodicDuties(pack);
  const known = new Map(all.map((d) => [d.id, d]));
  const recs = input.records === undefined ? null : checkRecords(pack, input.records, known);
  const cal = pack.calendar;
  const out: DutyEvaluation[] = [];
  const summary = { met: 0, late: 0, missed: 0, pending: 0 };
  for (const d of all) {
    // A due date counts only while the duty is in force on it (and the pack as a whole is).
    const eff = d.effective;
    const periods = scheduleDueDates(cal, d.spec, p.from, p.to).filter((x) => inForce(eff, x.due) && inForce(pack.meta.effective, x.due));
    if (periods.length === 0) continue;
    const e: DutyEvaluation = {
      id: d.id,
      zh: d.zh,
      clause: d.source.clause,
      quote: d.source.quote,
      file: d.file,
      every: KIND[d.spec.every],
      atLeastOnce: d.spec.atLeastOnce === true,
      due: periods.map((x) => x.due),
      periods,
      scoring: d.scoring,
    };
    if (recs) {
      const rs = recs.byDuty.get(d.id) ?? [];
      const subjects = new Map<string, Subject>();
      for (const s of recs.expected.get(d.id) ?? []) subjects.set(s.key, s);
      for (const r of rs) if (!subjects.has(r.subject.key)) subjects.set(r.subject.key, r.subject);
      const compliance: DutyCompliance[] = [];
      for (const s of [...subjects.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
        for (const per of periods) {
          const range = readPeriod(per.period)!;
          const end = per.due > range.to ? per.due : range.to;
          // A record counts for the period it names, else for the period its date lies in (up to a due date moved past the end).
          let first: string | null = null;
          for (const r of rs) {
            if (r.subject.key !== s.key) continue;
            const mine = r.period !== null ? r.period === per.period : r.date >= range.from && r.date <= end;
            if (mine && (first === null || r.date < first)) first = r.date;
          }
          let status: DutyCompliance["status"];
          let late: number | null = null;
          if (first === null) status = ev.asOf > per.due ? "missed" : "pending";
          else if (first <= per.due) status = "met";
          else {
            status = "late";
            late = cal.countWorkingDays(per.due, first);
          }
          summary[status]++;
          compliance.push({ subject: s.key, unit: s.unit, liaison: s.liaison, enterprise: s.enterprise, period: per.period, due: per.due, status, doneOn: first, workingDaysLate: late, clause: d.source.clause });
        }
      }
      e.compliance = compliance;
    }
    out.push(e);
  }
  return deepFreeze({ period: input.period, from: p.from, to: p.to, asOf: ev.asOf, duties: out, summary: recs ? summary : null, receipt: ev.receipt });
}

/** One scorecard incident made from a duty's missed or late periods, and why. */
export interface DutyIncident {
  unit: string;
  scorecard: string;
  item: string;
  count: number;
  /** The periods that made it, e.g. `2026-02 missed`, `2026-03 late`. */
  periods: { period: string; status: "missed" | "late" }[];
  duty: string;
  clause: string;
}

/**
 * Turns the missed (and, where the duty says so, late) periods of duties that name a scorecard item
 * (duties.yaml `scoring:`) into that scorecard's incidents, one per unit — the explicit step from
 * 兴化's monthly-report records to its 制度执行 deductions (附件2三(四)).
 *
 * @example
 * import { loadPack, duties, dutyIncidents } from "yingshang";
 * const xinghua = loadPack("xinghua");
 * const r = duties(xinghua, { period: "2026-Q1", records: { records: [{ duty: "monthly-report", unit: "daiNan", date: "2026-01-20" }] } }, { asOf: "2026-04-01" });
 * console.log(dutyIncidents(r, "scorecard")); // [{ unit: "daiNan", item: "monthly-report-missed", count: 2, … }] (February and March)
 */
export function dutyIncidents(result: DutiesResult, scorecard: string): DutyIncident[] {
  const out: DutyIncident[] = [];
  for (const d of result.duties) {
    if (!d.scoring || d.scoring.scorecard !== scorecard || !d.compliance) continue;
    const by = new Map<string, DutyIncident>();
    for (const c of d.compliance) {
      if (c.unit === null || (c.status !== "missed" && c.status !== "late") || !d.scoring.counts.includes(c.status)) continue;
      let inc = by.get(c.unit);
      if (!inc) by.set(c.unit, (inc = { unit: c.unit, scorecard, item: d.scoring.item, count: 0, periods: [], duty: d.id, clause: d.clause }));
      inc.count++;
      inc.periods.push({ period: c.period, status: c.status });
    }
    out.push(...by.values());
  }
  return deepFreeze(out);
}

