/**
 * Periodic duties: due dates that recur every month, quarter, half-year or year (宿迁's ledger due
 * on the 25th of every month), and "at least once per period" contact duties.
 */
import { fail } from "../errors.js";
import type { Calendar, DateInput } from "./types.js";
import { daysInMonth, dayNumber } from "./impl/days.js";
import { CompiledCalendar } from "./impl/compiled-calendar.js";

/** A recurring duty. */
export interface ScheduleSpec {
  every: "month" | "quarter" | "half-year" | "year";
  /** Day of the month the duty is due (1–31; a day past the month's end means its last day). Default: the last day. */
  day?: number;
  /** Month within the period (1 = its first month; up to 3, 6 or 12). Default: the period's last month. */
  month?: number;
  /** "At least once per period" (每月联系企业不少于一次): met by any done date inside the period. */
  atLeastOnce?: boolean;
  /** What to do when the due day is not a working day: move to the next or previous working day, or keep it. */
  ifNotWorkingDay: "next" | "previous" | "keep";
}

const MONTHS = { month: 1, quarter: 3, "half-year": 6, year: 12 } as const;

interface Period {
  label: string;
  /** Day numbers of the period's first and last day. */
  first: number;
  last: number;
  /** Day number of the nominal due day. */
  nominal: number;
}

function checkSchedule(spec: ScheduleSpec): void {
  const bad = (path: string, detail: string, fix: string): never => fail("PERIOD_INVALID", `The schedule ${path} ${detail}; ${fix}.`, { detail: `${path} ${detail}` }, { path });
  if (spec === null || typeof spec !== "object") bad("schedule", "is not an object", "give e.g. { every: month, day: 25, ifNotWorkingDay: next }");
  if (!(spec.every in MONTHS)) bad("schedule.every", `is ${JSON.stringify(spec.every)}`, "write month, quarter, half-year or year");
  const len = MONTHS[spec.every];
  if (spec.day !== undefined && !(Number.isSafeInteger(spec.day) && spec.day >= 1 && spec.day <= 31)) bad("schedule.day", `is ${JSON.stringify(spec.day)}`, "give a day of the month from 1 to 31");
  if (spec.month !== undefined && !(Number.isSafeInteger(spec.month) && spec.month >= 1 && spec.month <= len)) {
    bad("schedule.month", `is ${JSON.stringify(spec.month)}`, `give the month within the ${spec.every}, from 1 to ${len}`);
  }
  if (spec.atLeastOnce !== undefined && typeof spec.atLeastOnce !== "boolean") bad("schedule.atLeastOnce", `is ${JSON.stringify(spec.atLeastOnce)}`, "write true or false");
  if (!["next", "previous", "keep"].includes(spec.ifNotWorkingDay)) bad("schedule.ifNotWorkingDay", `is ${JSON.stringify(spec.ifNotWorkingDay)}`, "write next, previous or keep");
}

function compiled(cal: Calendar): CompiledCalendar {
  if (cal instanceof CompiledCalendar) return cal;
  return fail("CALENDAR_UNKNOWN", `Schedules need a calendar made by defaultCalendar() or loadCalendar(); got ${String(cal?.id)}.`, { name: String(cal?.id), known: ["cn-mainland"] });
}

/** The periods whose nominal due day lies in [from, to] (both inclusive). */
function periods(c: CompiledCalendar, spec: ScheduleSpec, from: DateInput, to: DateInput): Period[] {
  checkSchedule(spec);
  const f = c.first + c.index(from, "from");
  const t = c.first + c.index(to, "to");
  const len = MONTHS[spec.every];
  const out: Period[] = [];
  const fy = Number((c.strAt(f - c.first) as string).slice(0, 4));
  const ty = Number((c.strAt(t - c.first) as string).slice(0, 4));
  for (let y = fy - 1; y <= ty; y++) {
    for (let m0 = 1; m0 <= 12; m0 += len) {
      const m = m0 + (spec.month ?? len) - 1;
      const day = Math.min(spec.day ?? 31, daysInMonth(y, m));
      const nominal = dayNumber(y, m, day);
      if (nominal < f || nominal > t) continue;
      const k = (m0 - 1) / len + 1;
      const label = spec.every === "month" ? `${y}-${String(m0).padStart(2, "0")}` : spec.every === "quarter" ? `${y}-Q${k}` : spec.every === "half-year" ? `${y}-H${k}` : String(y);
      const lastM = m0 + len - 1;
      out.push({ label, first: dayNumber(y, m0, 1), last: dayNumber(y, lastM, daysInMonth(y, lastM)), nominal });
    }
  }
  return out;
}

function dueOf(c: CompiledCalendar, spec: ScheduleSpec, p: Period): number {
  const i = p.nominal - c.first;
  if (spec.ifNotWorkingDay === "keep" || c.working(i)) return i;
  return c.addIndex(i, spec.ifNotWorkingDay === "next" ? 1 : -1);
}

/**
 * The due dates of a recurring duty for every period whose (unmoved) due day lies in [from, to].
 * `period` is `2026-09`, `2026-Q3`, `2026-H2` or `2026`; `moved` tells whether the due day was
 * moved because it is not a working day. Without `day`/`month` the due day is the period's last day.
 *
 * @example
 * import { defaultCalendar, scheduleDueDates } from "yingshang";
 * // 宿迁 二(十一): ledger due on the 25th of every month. 2026-10-25 is a Sunday.
 * scheduleDueDates(defaultCalendar(), { every: "month", day: 25, ifNotWorkingDay: "next" }, "2026-10-01", "2026-10-31");
 * // [{ period: "2026-10", due: "2026-10-26", moved: true }]
 */
export function scheduleDueDates(cal: Calendar, spec: ScheduleSpec, from: DateInput, to: DateInput): { period: string; due: string; moved: boolean }[] {
  const c = compiled(cal);
  return periods(c, spec, from, to).map((p) => {
    const due = dueOf(c, spec, p);
    return { period: p.label, due: c.strAt(due) as string, moved: due !== p.nominal - c.first };
  });
}

/**
 * Whether a recurring duty was met in each period of {@link scheduleDueDates}. A due-date duty is
 * met by a done date from the period's first day to its due date; an `atLeastOnce` duty by a done
 * date anywhere inside the period (or up to its due date, if that was moved later). `doneOn` is the
 * first done date in the period (or up to the due date), met or not — a late filing shows there.
 *
 * @example
 * import { defaultCalendar, scheduleCompliance } from "yingshang";
 * scheduleCompliance(defaultCalendar(), { every: "quarter", atLeastOnce: true, ifNotWorkingDay: "keep" }, ["2026-02-10"], "2026-01-01", "2026-06-30");
 * // [{ period: "2026-Q1", due: "2026-03-31", met: true, doneOn: "2026-02-10" },
 * //  { period: "2026-Q2", due: "2026-06-30", met: false, doneOn: null }]
 */
export function scheduleCompliance(cal: Calendar, spec: ScheduleSpec, done: string[], from: DateInput, to: DateInput): { period: string; due: string; met: boolean; doneOn: string | null }[] {
  const c = compiled(cal);
  if (!Array.isArray(done)) fail("EVENTS_INVALID", "The done dates are not a list; give a list of YYYY-MM-DD dates.", { detail: "done is not a list" }, { path: "done" });
  const days = done.map((d, i) => c.first + c.index(d, `done[${i}]`)).sort((a, b) => a - b);
  return periods(c, spec, from, to).map((p) => {
    const due = c.first + dueOf(c, spec, p);
    const end = Math.max(p.last, due);
    const first = days.find((d) => d >= p.first && d <= end);
    const met = first !== undefined && (spec.atLeastOnce ? true : first <= due);
    return { period: p.label, due: c.strAt(due - c.first) as string, met, doneOn: first === undefined ? null : (c.strAt(first - c.first) as string) };
  });
}
