/**
 * Deadline periods (时限): when a matter received on a day must be done, under the counting rules
 * of 民法典 第201条 (the start day does not count) and 第203条 (a last day that is not a working day
 * moves to the next working day), with cut-off times, clock stops (pauses), restarts (补正),
 * capped extensions (延期) and the status of a case at a given moment.
 */
import { fail, YingshangError } from "../errors.js";
import type { Calendar } from "./types.js";
import type { CaseEvents, PeriodSpec } from "./period-types.js";
import { CompiledCalendar } from "./impl/compiled-calendar.js";
import { toMoment, type Moment } from "./impl/input.js";
import { checkEventsShape, checkSpec } from "./impl/period-check.js";

export type { CaseEvents, PeriodSpec } from "./period-types.js";

/** Where a case stands at `now`. */
export type DeadlineStatus =
  | { kind: "not-started" }
  | { kind: "running"; workingDaysLeft: number }
  | { kind: "paused"; since: string }
  | { kind: "due-today" }
  | { kind: "overdue"; workingDaysOverdue: number }
  | { kind: "done-on-time"; completed: string }
  | { kind: "done-late"; completed: string; workingDaysLate: number };

/** One line of the day-by-day explanation of a deadline. */
export interface LedgerEntry {
  date: string;
  kind: "received" | "start" | "count" | "skip" | "pause" | "resume" | "restart" | "extension" | "moved" | "due" | "warning";
  /** For `count`: the ordinal of the counted day; for `extension`: its length. */
  n?: number;
  reason: string;
}

/** The due date, the status at `now` (null without `now`), the warning dates and the ledger. */
export interface DeadlineResult {
  dueDate: string;
  status: DeadlineStatus | null;
  warnings: { at: number; date: string }[];
  ledger: LedgerEntry[];
}

/** A pause as day indexes: days in (a, b] do not count. */
interface Span {
  a: number;
  b: number;
  open: boolean;
  reason: string;
}

type Unit = "workingDays" | "days";

/**
 * Computes a deadline. Working days: due on the N-th working day after the start (the day
 * received, or the next working day when received after `cutoff`; with `startDay: "included"` the
 * start day counts if it is a working day). Natural days: start + N days, moved to the next
 * working day if that is not one (民法典 第203条). `sameDay`: the start day, or the next working day.
 * Working days inside a pause (from, to] do not count; an open pause lasts until `now` (without
 * `now`, the due date is the earliest possible one). A restart discards the count and counts the
 * full period again after the restart day. Extensions are checked in order: one requested after
 * the then-current due date throws `EXTENSION_AFTER_EXPIRY`; one that takes the total past
 * `extensionCap` throws `EXTENSION_OVER_CAP`. Bad input throws `PERIOD_INVALID` / `EVENTS_INVALID`
 * with the path; dates outside the calendar throw `DATE_OUT_OF_RANGE`.
 *
 * @example
 * import { computeDeadline, defaultCalendar } from "yingshang";
 * // 宿迁 一(八): a complex complaint, 15 working days, referred on Friday 2026-09-18.
 * const r = computeDeadline(defaultCalendar(), { workingDays: 15 }, { received: "2026-09-18" }, "2026-10-16T09:00:00+08:00");
 * r.dueDate; // "2026-10-15" (Sunday 2026-09-20 is a makeup working day; 10-01…10-07 are 国庆节)
 * r.status;  // { kind: "overdue", workingDaysOverdue: 1 }
 */
export function computeDeadline(cal: Calendar, spec: PeriodSpec, events: CaseEvents, now?: string, options?: { ledger?: boolean }): DeadlineResult {
  if (!(cal instanceof CompiledCalendar)) {
    return fail("CALENDAR_UNKNOWN", `computeDeadline needs a calendar made by defaultCalendar() or loadCalendar(); got ${String(cal?.id)}.`, { name: String(cal?.id), known: ["cn-mainland"] });
  }
  const cutoff = checkSpec(spec);
  checkEventsShape(events);
  const c = cal;
  // Start: received (or the last restart), moved to the next working day when after the cutoff.
  const rec = startOf(c, cutoff, events.received, "events.received");
  let start = rec.start;
  // Absent or empty event lists map to the shared empty list without creating the mapping closure.
  const restarts = !events.restarts?.length ? (NONE as never[]) : events.restarts.map((r, i) => ({ ...startOf(c, cutoff, r.on, `events.restarts[${i}].on`), reason: r.reason ?? "complete materials received (补正)", path: `events.restarts[${i}].on` }));
  if (restarts.length > 1) restarts.sort((x, y) => x.day - y.day);
  // Indexed loops throughout (docs/performance.md).
  for (let k = 0; k < restarts.length; k++) {
    const r = restarts[k]!;
    if (r.day < rec.day) badEvents(r.path, `(${c.strAt(r.day)}) is before the day received (${c.strAt(rec.day)})`, "check the dates");
    start = r.start;
  }

  const nowM = now === undefined ? null : toMoment(now, "now");
  const nowIdx = nowM === null ? null : nowM.day >= c.first && nowM.day - c.first < c.size ? nowM.day - c.first : c.index(now as string, "now");

  // Pauses as (a, b] spans, clipped to the last start; an open pause runs to `now` (or is empty).
  const raw = !events.pauses?.length ? (NONE as never[]) : events.pauses.map((p, i) => {
    const a = dayIdx(c, p.from, `events.pauses[${i}].from`);
    const b = p.to === undefined ? null : dayIdx(c, p.to, `events.pauses[${i}].to`);
    if (a < rec.day) badEvents(`events.pauses[${i}].from`, `(${c.strAt(a)}) is before the day received (${c.strAt(rec.day)})`, "check the dates");
    if (b !== null && b < a) badEvents(`events.pauses[${i}].to`, `(${c.strAt(b)}) is before its from (${c.strAt(a)})`, "swap or correct the dates");
    return { a, b, reason: p.reason ?? "clock stopped", i };
  });
  if (raw.length > 1) raw.sort((x, y) => x.a - y.a);
  for (let k = 1; k < raw.length; k++) {
    const p = raw[k - 1]!, q = raw[k]!;
    if (p.b === null || q.a < p.b) badEvents(`events.pauses[${q.i}]`, `overlaps events.pauses[${p.i}]`, "merge the two pauses into one, or correct their dates");
  }
  const spans: Span[] = [];
  for (let k = 0; k < raw.length; k++) {
    const p = raw[k]!;
    const b = p.b ?? (nowIdx !== null && nowIdx > p.a ? nowIdx : p.a);
    // A restart ends an open pause: the clock runs again from the restart.
    const openEnd = p.b === null ? restarts.find((r) => r.day >= p.a) : undefined;
    const end = openEnd ? Math.min(b, openEnd.start) : b;
    const a = Math.max(p.a, start);
    if (end > a) spans.push({ a, b: end, open: p.b === null && !openEnd, reason: p.reason });
  }

  const unit: Unit | "sameDay" = spec.workingDays !== undefined ? "workingDays" : spec.days !== undefined ? "days" : "sameDay";
  const n = spec.workingDays ?? spec.days ?? 0;
  const included = spec.startDay === "included";
  const { capUnit, cap } = capOf(spec, unit, n);
  const per = spec.capClause ? ` (${spec.capClause})` : "";

  // Plain data for the counting helpers below (module functions: no closures made per call).
  const counting: Counting = { c, start, spans, included, n, unit, capUnit };

  // Extensions, in the order they were requested, each against the due date current at the time.
  let used = 0;
  const granted: { at: number; amount: number; reason: string }[] = [];
  const exts = !events.extensions?.length ? (NONE as never[]) : events.extensions.map((x, i) => ({ x, i, at: dayIdx(c, x.requestedOn, `events.extensions[${i}].requestedOn`) }));
  if (exts.length > 1) exts.sort((p, q) => p.at - q.at);
  for (let k = 0; k < exts.length; k++) {
    const { x, i, at } = exts[k]!;
    const xUnit: Unit = x.workingDays !== undefined ? "workingDays" : "days";
    const amount = (x.workingDays ?? x.days) as number;
    if (capUnit === null) {
      fail("EXTENSION_OVER_CAP", `The extension events.extensions[${i}] of ${amount} ${xUnit === "days" ? "days" : "working days"} is not allowed: this period has no extensionCap, so it cannot be extended; remove the extension or add the statutory maximum as extensionCap.`, { requested: amount, allowed: 0, cap: 0, clause: spec.capClause ?? null }, { path: `events.extensions[${i}]` });
    }
    if (xUnit !== capUnit) badEvents(`events.extensions[${i}]`, `is in ${xUnit} but the extensionCap is in ${capUnit}`, `give the extension in ${capUnit}`);
    if (at < rec.day) badEvents(`events.extensions[${i}].requestedOn`, `(${c.strAt(at)}) is before the day received (${c.strAt(rec.day)})`, "check the dates");
    const current = dueWith(counting, used);
    if (at > current) {
      fail(
        "EXTENSION_AFTER_EXPIRY",
        `The extension events.extensions[${i}] was requested on ${c.strAt(at)}, after the period had expired on ${c.strAt(current)}; an extension must be approved and announced before the period ends${per}, so this case is overdue.`,
        { requestedOn: c.strAt(at) as string, dueDate: c.strAt(current) as string, clause: spec.capClause ?? null },
        { path: `events.extensions[${i}].requestedOn` },
      );
    }
    if (used + amount > cap) {
      const unitName = capUnit === "days" ? "days" : "working days";
      fail(
        "EXTENSION_OVER_CAP",
        spec.totalCap
          ? `The extension events.extensions[${i}] of ${amount} ${unitName} would bring the period to ${n + used + amount} ${unitName}, past its maximum of ${n + cap}${per}; at most ${cap - used} more ${unitName} can be granted.`
          : `The extension events.extensions[${i}] of ${amount} ${unitName} would bring the extensions to ${used + amount} ${unitName}, past the statutory maximum of ${cap}${per}; at most ${cap - used} more ${unitName} can be granted.`,
        { requested: amount, allowed: cap - used, cap, clause: spec.capClause ?? null },
        { path: `events.extensions[${i}]` },
      );
    }
    used += amount;
    granted.push({ at, amount, reason: x.reason ?? "extension approved" });
  }
  const due = dueWith(counting, used);

  // Warnings: the day on which the given fraction of the (extended) period has been counted.
  let warnings: { at: number; date: string }[] = NO_WARNINGS as never[];
  if (unit !== "sameDay" && spec.warnAt?.length) {
    warnings = [];
    const total = n + (capUnit === unit ? used : 0);
    for (const f of spec.warnAt ?? []) {
      const w = Math.min(toWorking(c, countTo(counting, Math.max(1, Math.ceil(f * total)), unit as Unit)), due);
      warnings.push({ at: f, date: c.strAt(w) as string });
    }
  }

  // Status at `now`.
  let status: DeadlineStatus | null = null;
  if (nowIdx !== null && nowM !== null) {
    const done = events.completed === undefined ? null : dayIdx(c, events.completed, "events.completed");
    if (done !== null && done < rec.day) badEvents("events.completed", `(${c.strAt(done)}) is before the day received (${c.strAt(rec.day)})`, "check the dates");
    const paused = raw.length === 0 ? undefined : raw.find((p) => p.a <= nowIdx && (p.b === null ? !restarts.some((r) => r.day >= p.a && r.day <= nowIdx) : nowIdx < p.b));
    if (done !== null && done <= nowIdx) {
      status = Object.freeze(done <= due ? { kind: "done-on-time", completed: c.strAt(done) as string } : { kind: "done-late", completed: c.strAt(done) as string, workingDaysLate: (c.cumAt(done) as number) - (c.cumAt(due) as number) });
    } else if (nowIdx < rec.day) status = NOT_STARTED;
    else if (paused) status = Object.freeze({ kind: "paused", since: c.strAt(paused.a) as string });
    else if (nowIdx === due) status = DUE_TODAY;
    else if (nowIdx < due) status = counted(RUNNING, "running", (c.cumAt(due) as number) - (c.cumAt(nowIdx) as number));
    else status = counted(OVERDUE, "overdue", (c.cumAt(nowIdx) as number) - (c.cumAt(due) as number));
  }

  const ledger =
    options?.ledger === false
      ? (NO_LEDGER as LedgerEntry[])
      : buildLedger(c, { unit, n, included, rec, restarts, spans, granted, nominal: nominalWith(counting, used), due, warnings, cutoff, receivedText: events.received, capUnit, used });
  return { dueDate: c.strAt(due) as string, status, warnings, ledger };
}

/** What counting needs: the calendar, where counting starts, the pauses and the period. */
interface Counting {
  readonly c: CompiledCalendar;
  readonly start: number;
  readonly spans: readonly Span[];
  readonly included: boolean;
  readonly n: number;
  readonly unit: Unit | "sameDay";
  readonly capUnit: Unit | null;
}

function eventMoment(v: string, path: string): Moment {
  try {
    return toMoment(v, path);
  } catch (e) {
    if (e instanceof YingshangError && e.code === "INVALID_DATE") {
      fail("EVENTS_INVALID", `The case events ${path} is "${v}", which is not a real date; write YYYY-MM-DD or an ISO instant such as 2026-09-18T17:30:00+08:00.`, { detail: `${path} is not a date` }, { path });
    }
    throw e;
  }
}

function dayIdx(c: CompiledCalendar, v: string, path: string): number {
  eventMoment(v, path); // a malformed date is an EVENTS_INVALID with its path
  return c.index(v, path);
}

function badEvents(path: string, detail: string, fix: string): never {
  return fail("EVENTS_INVALID", `The case events ${path} ${detail}; ${fix}.`, { detail: `${path} ${detail}` }, { path });
}

/** The day an event falls on, and the day counting starts from it (the next working day after the cutoff). */
function startOf(c: CompiledCalendar, cutoff: number | null, v: string, path: string): { day: number; start: number; late: boolean } {
  const m = eventMoment(v, path);
  // A plain date has no time of day (seconds null), so it is never after the cutoff.
  const day = c.index(v, path);
  const late = cutoff !== null && m.seconds !== null && m.seconds > cutoff && c.working(day);
  return { day, start: late ? c.addIndex(day, 1) : day, late };
}

/** Day index on which `need` units have been counted from `k.start` (≥ 1 unit), pauses skipped. */
function countTo(k: Counting, need: number, u: Unit): number {
  const { c, start, spans, included, n } = k;
  if (u === "workingDays") {
    let done = included ? (c.cumAt(start) as number) - (c.working(start) ? 1 : 0) : (c.cumAt(start) as number);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      const avail = (c.cumAt(s.a) as number) - done;
      if (need <= avail) return c.ordAt(done + need - 1) as number;
      if (avail > 0) need -= avail;
      done = Math.max(done, c.cumAt(s.b) as number);
    }
    const t = done + need - 1;
    if (t >= c.workingDayCount) c.walkOut(start, `Counting ${n} working days`, true);
    return c.ordAt(t) as number;
  }
  let at = included ? start - 1 : start;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const avail = s.a - at;
    if (need <= avail) return at + need;
    if (avail > 0) need -= avail;
    at = Math.max(at, s.b);
  }
  if (at + need >= c.size) c.walkOut(start, `Counting ${n} days`, true);
  return at + need;
}

function toWorking(c: CompiledCalendar, i: number): number {
  return c.working(i) ? i : c.addIndex(i, 1);
}

function natural(c: CompiledCalendar, i: number, d: number): number {
  if (i + d >= c.size) c.walkOut(i, `Adding ${d} days`, true);
  return i + d;
}

/** The last counted day (before moving to a working day), with `ext` extra units of the cap's unit. */
function nominalWith(k: Counting, ext: number): number {
  return k.unit === "sameDay" ? k.start : countTo(k, k.n + (k.capUnit === k.unit ? ext : 0), k.unit);
}

/**
 * The unit extensions are counted in and how much they may add: `extensionCap` bounds the extensions,
 * `totalCap` the period plus the extensions (so it allows `totalCap − n`); with both, the smaller.
 */
function capOf(spec: PeriodSpec, unit: Unit | "sameDay", n: number): { capUnit: Unit | null; cap: number } {
  const x = spec.extensionCap;
  const t = spec.totalCap;
  const xUnit: Unit | null = x ? (x.workingDays !== undefined ? "workingDays" : "days") : null;
  const tUnit: Unit | null = t ? (t.workingDays !== undefined ? "workingDays" : "days") : null;
  const fromTotal = t ? Math.max(0, (t.workingDays ?? t.days ?? 0) - (tUnit === unit ? n : 0)) : Number.POSITIVE_INFINITY;
  const fromExt = x ? (x.workingDays ?? x.days ?? 0) : Number.POSITIVE_INFINITY;
  const capUnit = xUnit ?? tUnit;
  return { capUnit, cap: capUnit === null ? 0 : Math.min(fromExt, fromTotal) };
}

/** The due day index, with `ext` extra units of the cap's unit. */
function dueWith(k: Counting, ext: number): number {
  const { c, unit, capUnit } = k;
  let due = toWorking(c, nominalWith(k, ext));
  if (ext > 0 && capUnit !== null && capUnit !== unit) {
    // An extension in another unit than the period runs on from the due date.
    if (capUnit === "workingDays") due = c.addIndex(due, ext);
    else due = toWorking(c, natural(c, due, ext));
  }
  return due;
}

// Statuses are frozen values. The ones without data, and running/overdue for the first thousand counts,
// are frozen once and shared by every result that has them (no allocation, nothing to freeze).
const NOT_STARTED: DeadlineStatus = Object.freeze({ kind: "not-started" });
const DUE_TODAY: DeadlineStatus = Object.freeze({ kind: "due-today" });
const RUNNING: DeadlineStatus[] = [];
const OVERDUE: DeadlineStatus[] = [];

function counted(shared: DeadlineStatus[], kind: "running" | "overdue", n: number): DeadlineStatus {
  const hit = shared[n];
  if (hit !== undefined) return hit;
  const s: DeadlineStatus = Object.freeze(kind === "running" ? { kind, workingDaysLeft: n } : { kind, workingDaysOverdue: n });
  if (n >= 0 && n < 1000) shared[n] = s;
  return s;
}

/**
 * The due date of a period started on `received` with no other events (a ladder rung's time
 * limit). Internal: `computeDeadline(cal, spec, { received }).dueDate`.
 */
export function dueWithin(cal: Calendar, spec: PeriodSpec, received: string): string {
  return computeDeadline(cal, spec, { received }, undefined, LEDGER_OFF).dueDate;
}

const LEDGER_OFF = Object.freeze({ ledger: false });

/** Shared by every result computed without a ledger (batch speed). */
export const NO_LEDGER: readonly LedgerEntry[] = Object.freeze([]);
/** Shared by every result of a period without warnings, and read in place of absent event lists. */
export const NO_WARNINGS: readonly never[] = Object.freeze([]);
const NONE: readonly never[] = NO_WARNINGS;

interface LedgerInput {
  unit: Unit | "sameDay";
  n: number;
  included: boolean;
  rec: { day: number; start: number; late: boolean };
  restarts: { day: number; start: number; late: boolean; reason: string }[];
  spans: Span[];
  granted: { at: number; amount: number; reason: string }[];
  nominal: number;
  due: number;
  warnings: { at: number; date: string }[];
  cutoff: number | null;
  receivedText: string;
  capUnit: Unit | null;
  used: number;
}

function kindText(c: CompiledCalendar, i: number): string {
  const k = c.kindAt(i);
  const name = c.nameAt(i);
  if (k === 1) return "weekend";
  if (k === 2) return `holiday (${name ?? "public holiday"})`;
  if (k === 3) return `makeup working day (${name ?? "调休"} 调休)`;
  return "working day";
}

/** The day-by-day explanation; it walks the days (the due date itself comes from the index). */
function buildLedger(c: CompiledCalendar, x: LedgerInput): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const d = (i: number): string => c.strAt(i) as string;
  const hhmm = x.cutoff === null ? "" : `${String(Math.floor(x.cutoff / 3600)).padStart(2, "0")}:${String((x.cutoff % 3600) / 60).padStart(2, "0")}`;
  out.push({ date: d(x.rec.day), kind: "received", reason: `received (${x.receivedText})${x.rec.late ? `, after the ${hhmm} cutoff, so it counts as received on ${d(x.rec.start)}` : ""}` });
  const total = x.n + (x.capUnit === x.unit ? x.used : 0);
  const unitName = x.unit === "days" ? "days" : "working days";
  const startText = (s: number): string =>
    x.unit === "sameDay"
      ? `due the same day (当场)${c.working(s) ? "" : "; not a working day, so the next working day"}`
      : x.included
        ? `counting ${total} ${unitName} starts on this day (startDay: included)`
        : `counting ${total} ${unitName} starts after this day (民法典 第201条: the start day does not count)`;
  const segStarts = [x.rec.start, ...x.restarts.map((r) => r.start)];
  if (x.restarts.length === 0) out.push({ date: d(x.rec.start), kind: "start", reason: startText(x.rec.start) });
  else out.push({ date: d(x.rec.start), kind: "start", reason: `counting starts after this day (superseded by the restart on ${d(x.restarts[x.restarts.length - 1]!.day)})` });
  const warnByDate = new Map<string, number[]>();
  for (const w of x.warnings) warnByDate.set(w.date, [...(warnByDate.get(w.date) ?? []), w.at]);
  let seg = 0;
  let counted = 0;
  const last = Math.max(x.due, ...x.granted.map((g) => g.at));
  for (let i = x.rec.day + 1 - (x.included ? 1 : 0); i <= last; i++) {
    if (i < x.rec.day) continue;
    // A restart: events of the day first, then counting begins again after it.
    while (seg + 1 < segStarts.length && x.restarts[seg]!.day === i) {
      const r = x.restarts[seg]!;
      out.push({ date: d(i), kind: "restart", reason: `${r.reason}: the ${counted} ${unitName} counted so far are discarded; ${startText(r.start)}${r.late ? ` (after the ${hhmm} cutoff: from ${d(r.start)})` : ""}` });
      counted = 0;
      seg++;
    }
    for (const s of x.spans) {
      if (s.a === i) out.push({ date: d(i), kind: "pause", reason: `clock stops after this day: ${s.reason}` });
    }
    for (const g of x.granted) {
      if (g.at === i) out.push({ date: d(i), kind: "extension", n: g.amount, reason: `${g.reason}: +${g.amount} ${x.capUnit === "days" ? "days" : "working days"}` });
    }
    const segStart = segStarts[seg] as number;
    const inPause = x.spans.some((s) => i > s.a && i <= s.b);
    const counts = x.included ? i >= segStart : i > segStart;
    if (i > x.rec.day || (x.included && i === x.rec.day)) {
      if (!counts || i > x.due) {
        if (i !== segStart && i > x.rec.day && i <= x.due) out.push({ date: d(i), kind: "skip", reason: `${kindText(c, i)}; before counting starts` });
      } else if (inPause) {
        out.push({ date: d(i), kind: "skip", reason: `${kindText(c, i)}; clock stopped` });
      } else if (x.unit === "sameDay") {
        if (i <= x.due && i !== x.due) out.push({ date: d(i), kind: "skip", reason: kindText(c, i) });
      } else if (x.unit === "workingDays") {
        if (i > x.nominal) {
          out.push({ date: d(i), kind: "skip", reason: `${kindText(c, i)}; within the extension` });
        } else if (c.working(i)) {
          counted++;
          out.push({ date: d(i), kind: "count", n: counted, reason: `${kindText(c, i)}: ${counted} of ${total}` });
        } else out.push({ date: d(i), kind: "skip", reason: kindText(c, i) });
      } else if (i <= x.nominal) {
        counted++;
        out.push({ date: d(i), kind: "count", n: counted, reason: `${kindText(c, i)}: day ${counted} of ${total}` });
      } else if (i < x.due) {
        out.push({ date: d(i), kind: "moved", reason: `${kindText(c, i)}: the last day moves to the next working day (民法典 第203条)` });
      }
    }
    for (const s of x.spans) {
      if (s.b === i) out.push({ date: d(i), kind: "resume", reason: s.open ? "pause still open: the due date assumes the clock runs again after this day" : "clock runs again after this day" });
    }
    for (const at of warnByDate.get(d(i)) ?? []) out.push({ date: d(i), kind: "warning", reason: `${Math.round(at * 100)}% of the period has run` });
    if (i === x.due) {
      const moved = x.nominal !== x.due && x.unit !== "sameDay" ? ` (the last day ${d(x.nominal)} is not a working day)` : "";
      out.push({ date: d(i), kind: "due", reason: `due: ${x.unit === "sameDay" ? "same day" : `${total} ${unitName}`}${x.used && x.capUnit !== x.unit ? ` + ${x.used} ${x.capUnit === "days" ? "days" : "working days"} extension` : ""}${moved}` });
    }
  }
  return out;
}
