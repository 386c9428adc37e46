/** `yingshang calendar …`: working-day arithmetic and deadlines from the command line. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { fail } from "../../../errors.js";
import { computeDeadline, defaultCalendar, loadCalendar, type Calendar, type CaseEvents, type DeadlineResult, type DeadlineStatus, type PeriodSpec } from "../../../calendar/index.js";
import { parseDay, weekdayName } from "../../../calendar/impl/days.js";
import { emit, runAction, type OutputOptions } from "../../output.js";
import { registerCalendarYear } from "./year.js";

interface CalendarOptions extends OutputOptions {
  calendar?: string;
  provisional?: boolean;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const why = e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : "unreadable";
    return fail("INPUT_INVALID", `Cannot read the ${what} ${file} (${why}); check the path.`, { detail: `${file}: ${why}` }, { file });
  }
}

/** The bundled calendar, or the one from `--calendar FILE` (which extends cn-mainland when it says `extends: cn-mainland`). */
function calendarOf(opts: CalendarOptions): Calendar {
  const provisional = opts.provisional === true ? { provisional: "statutory" as const } : {};
  if (opts.calendar === undefined) return defaultCalendar(provisional);
  return loadCalendar(readText(opts.calendar, "calendar file"), { file: opts.calendar, ...provisional });
}

/** `{ provisional: true }` when dates from `a` to `b` touched a provisional year, else nothing. */
function provisionalMark(cal: Calendar, a: string, b: string): { provisional?: true } {
  return touches(cal, a, b) ? { provisional: true } : {};
}

function touches(cal: Calendar, a: string, b: string): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return cal.provisionalYears.some((y) => y >= Number(lo.slice(0, 4)) && y <= Number(hi.slice(0, 4)));
}

const PROVISIONAL_NOTE = " (provisional: statutory holidays only, until the State Council notice is published)";

function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("INPUT_INVALID", `The ${what} ${file} is not valid JSON (${why}); fix the file.`, { detail: why }, { file });
  }
}

function count(text: string): number {
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) {
    fail("INVALID_COUNT", `N must be a whole number of working days (e.g. 15), got "${text}".`, { value: text }, { path: "N" });
  }
  return n;
}

/** `2026-10-15 (Thu)`. */
function withDay(date: string): string {
  const n = parseDay(date);
  return n === -Infinity ? date : `${date} (${weekdayName(n)})`;
}

function ordinal(n: number): string {
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${s}`;
}

const KIND_TEXT = { workday: "working day", weekend: "weekend", holiday: "holiday", "makeup-workday": "makeup working day (调休上班)" } as const;
const KIND_TEXT_NAMED = { workday: "working day", weekend: "weekend", holiday: "holiday", "makeup-workday": "makeup working day (调休上班," } as const;

function statusText(s: DeadlineStatus): string {
  switch (s.kind) {
    case "not-started":
      return "not started";
    case "running":
      return `running, ${s.workingDaysLeft} working day${s.workingDaysLeft === 1 ? "" : "s"} left after today`;
    case "paused":
      return `paused since ${s.since}`;
    case "due-today":
      return "due today";
    case "overdue":
      return `overdue by ${s.workingDaysOverdue} working day${s.workingDaysOverdue === 1 ? "" : "s"}`;
    case "done-on-time":
      return `done on time on ${s.completed}`;
    case "done-late":
      return `done late on ${s.completed}, ${s.workingDaysLate} working day${s.workingDaysLate === 1 ? "" : "s"} after the due date`;
  }
}

function deadlineText(r: DeadlineResult, now: string | undefined): string {
  const lines = [`Due ${withDay(r.dueDate)}${r.status && now !== undefined ? ` — at ${now}: ${statusText(r.status)}` : ""}`];
  if (r.warnings.length) lines.push(`Warnings: ${r.warnings.map((w) => `${Math.round(w.at * 100)}% on ${w.date}`).join(", ")}`);
  if (r.ledger.length) {
    lines.push("", `${"date".padEnd(16)}  ${"kind".padEnd(9)}  ${" n"}  reason`);
    for (const e of r.ledger) lines.push(`${withDay(e.date)}  ${e.kind.padEnd(9)}  ${e.n === undefined ? "  " : String(e.n).padStart(2)}  ${e.reason}`);
  }
  return lines.join("\n");
}

interface DeadlineOptions extends CalendarOptions {
  spec?: string;
  events?: string;
  now?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Registers `calendar add|count|info|deadline` on the program. */
export function registerCalendar(program: Command): void {
  const group = program.command("calendar").description("working days with China's 调休 calendar (Asia/Shanghai): add, count, info, deadline, import, status");
  registerCalendarYear(group);
  const common = (c: Command): Command =>
    c
      .option("--calendar <file>", "calendar YAML that extends (extends: cn-mainland) or replaces the bundled calendar")
      .option("--provisional", "fill the years after the last notice from the statutory holidays (flagged provisional)")
      .option("--json", "machine-readable output");

  common(group.command("add").argument("<date>", "YYYY-MM-DD or an ISO instant").argument("<n>", "working days (0 = the day itself if working, else the next)"))
    .description("the N-th working day after DATE (DATE itself does not count)")
    .action((date: string, n: string, opts: CalendarOptions) =>
      runAction(opts, () => {
        const cal = calendarOf(opts);
        const k = count(n);
        const out = cal.addWorkingDays(date, k);
        const from = cal.toDate(date);
        const mark = provisionalMark(cal, from, out);
        emit(opts, { date: out, ...mark }, () =>
          (k === 0
            ? `${withDay(out)} — ${out === from ? "a working day itself" : `the next working day after ${withDay(from)}, which is not a working day`}`
            : `${withDay(out)} — ${ordinal(Math.abs(k))} working day ${k > 0 ? "after" : "before"} ${withDay(from)}`) + (mark.provisional ? PROVISIONAL_NOTE : ""),
        );
      }),
    );

  common(group.command("count").argument("<from>", "YYYY-MM-DD (not counted)").argument("<to>", "YYYY-MM-DD (counted)"))
    .description("working days in (FROM, TO]: FROM excluded, TO included; negative if TO < FROM")
    .action((from: string, to: string, opts: CalendarOptions) =>
      runAction(opts, () => {
        const cal = calendarOf(opts);
        const k = cal.countWorkingDays(from, to);
        const mark = provisionalMark(cal, cal.toDate(from), cal.toDate(to));
        emit(opts, { workingDays: k, ...mark }, () => `${k} working day${k === 1 || k === -1 ? "" : "s"} in (${withDay(cal.toDate(from))}, ${withDay(cal.toDate(to))}]${mark.provisional ? PROVISIONAL_NOTE : ""}`);
      }),
    );

  common(group.command("info").argument("<date>", "YYYY-MM-DD or an ISO instant"))
    .description("whether DATE is a working day, and why")
    .action((date: string, opts: CalendarOptions) =>
      runAction(opts, () => {
        const cal = calendarOf(opts);
        const i = cal.info(date);
        const mark = provisionalMark(cal, i.date, i.date);
        emit(opts, { ...i, ...mark }, () => {
          const what = !i.name ? KIND_TEXT[i.kind] : i.kind === "makeup-workday" ? `${KIND_TEXT_NAMED[i.kind]} ${i.name})` : `${KIND_TEXT[i.kind]} (${i.name})`;
          return `${withDay(i.date)} — ${what}: ${i.working ? "working" : "not working"}${mark.provisional ? PROVISIONAL_NOTE : ""}`;
        });
      }),
    );

  common(group.command("deadline").argument("[file]", "one JSON file { spec, events, now }"))
    .description("due date, status and day-by-day ledger of a period (spec) for a case (events)")
    .option("--spec <file>", "period spec JSON, e.g. { \"workingDays\": 15 }")
    .option("--events <file>", "case events JSON, e.g. { \"received\": \"2026-09-18\" }")
    .option("--now <instant>", "the moment to report the status at (date or ISO instant)")
    .action((file: string | undefined, opts: DeadlineOptions) =>
      runAction(opts, () => {
        const cal = calendarOf(opts);
        let spec: unknown, events: unknown, now: unknown;
        if (file !== undefined) {
          const all = readJson(file, "deadline file");
          if (!isObject(all)) fail("INPUT_INVALID", `The deadline file ${file} must hold an object { spec, events, now }.`, { detail: "not an object" }, { file });
          ({ spec, events, now } = all);
        }
        if (opts.spec !== undefined) spec = readJson(opts.spec, "spec file");
        if (opts.events !== undefined) events = readJson(opts.events, "events file");
        if (opts.now !== undefined) now = opts.now;
        if (!isObject(spec) || !isObject(events)) {
          fail("INPUT_INVALID", "calendar deadline needs a period spec and case events: give --spec SPEC.json --events EVENTS.json, or one file { spec, events, now }.", { detail: "spec or events missing" });
        }
        if (now !== undefined && typeof now !== "string") fail("INPUT_INVALID", `now must be a date or ISO instant string, got ${JSON.stringify(now)}.`, { detail: "now is not a string" }, { path: "now" });
        const r = computeDeadline(cal, spec as PeriodSpec, events as unknown as CaseEvents, now);
        const received = (events as { received?: unknown }).received;
        const lo = typeof received === "string" ? cal.toDate(received) : r.dueDate;
        const hi = typeof now === "string" && cal.toDate(now) > r.dueDate ? cal.toDate(now) : r.dueDate;
        const mark = provisionalMark(cal, lo, hi);
        emit(opts, { ...r, ...mark }, () => deadlineText(r, now) + (mark.provisional ? "\nProvisional: statutory holidays only, until the State Council notice is published." : ""));
      }),
    );
}
