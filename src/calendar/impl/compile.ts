/** Checks calendar data for contradictions and compiles it into a {@link CompiledCalendar}. */
import { problem, YingshangError, type Problem } from "../../errors.js";
import { dayNumber, parseDay, weekday } from "./days.js";
import { CompiledCalendar, K_HOLIDAY, K_MAKEUP, K_WEEKEND, K_WORKDAY } from "./compiled-calendar.js";
import type { CalendarSource, PlacedEntry, SourceYear } from "./source.js";
import { STATUTORY_FROM, STATUTORY_TO, statutoryDays, statutoryRevision } from "./statutory.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * Compiles a calendar, or throws a `YingshangError` with every contradiction found (each with the
 * file:line:col of the entry): a date both holiday and makeup day, a makeup day on Monday–Friday,
 * a date listed twice, a date outside its notice year, a gap between years, and a year (not
 * marked `provisional: true`) that does not give off every statutory holiday of its year.
 */
export function compileCalendar(source: CalendarSource): CompiledCalendar {
  const problems: Problem[] = [];
  const years = [...source.years].sort((a, b) => a.year - b.year);
  if (years.length === 0) {
    throw new YingshangError([
      problem("CALENDAR_SCHEMA", `The calendar ${source.id} has no years; add at least one year with its notice, holidays and makeupWorkdays.`, {
        keyword: "minProperties",
        detail: "years is empty",
      }),
    ]);
  }
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1]!, cur = years[i]!;
    if (cur.year === prev.year) {
      problems.push(
        problem("CALENDAR_YEAR", `The year ${cur.year} is given twice in the calendar ${source.id}; keep one, or mark the new one \`replace: true\` to replace the old one.`, { year: cur.year, reason: "duplicate-year" }, cur.place),
      );
    } else if (cur.year !== prev.year + 1) {
      problems.push(
        problem(
          "CALENDAR_YEAR",
          `The calendar ${source.id} jumps from ${prev.year} to ${cur.year}; add the holiday notice of ${prev.year + 1} so that no year is guessed.`,
          { year: prev.year + 1, reason: "year-gap" },
          cur.place,
        ),
      );
    }
  }
  const firstYear = years[0]!.year;
  const lastYear = years[years.length - 1]!.year;
  const seen = new Map<number, { entry: PlacedEntry; makeup: boolean }>();
  let first = dayNumber(firstYear, 1, 1);
  const last = dayNumber(lastYear, 12, 31);

  const check = (e: PlacedEntry, year: number, makeup: boolean): void => {
    const day = parseDay(e.date);
    if (day === -Infinity) {
      problems.push(problem("INVALID_DATE", `${e.date} is not a real date; write it as YYYY-MM-DD.`, { value: e.date }, e.place));
      return;
    }
    // A notice may reach back into the previous December (the 2019 notice starts 2018-12-29).
    if (day < dayNumber(year - 1, 12, 1) || day > dayNumber(year, 12, 31)) {
      problems.push(
        problem(
          "CALENDAR_CONFLICT",
          `${e.date} is listed under the year ${year}, but a notice year only holds dates from ${year - 1}-12-01 to ${year}-12-31; move it under its own year.`,
          { date: e.date, reason: "outside-year" },
          e.place,
        ),
      );
      return;
    }
    const wd = weekday(day);
    if (makeup && wd !== 0 && wd !== 6) {
      problems.push(
        problem(
          "CALENDAR_CONFLICT",
          `${e.date} is a ${WEEKDAYS[wd]}, so it is already a working day and cannot be a makeup working day (调休上班 falls on Saturday or Sunday); check the date against the notice.`,
          { date: e.date, reason: "makeup-on-weekday" },
          e.place,
        ),
      );
      return;
    }
    const before = seen.get(day);
    if (before) {
      const where = placeText(before.entry);
      if (before.makeup !== makeup) {
        problems.push(
          problem(
            "CALENDAR_CONFLICT",
            `${e.date} is listed both as a holiday and as a makeup working day${where}; keep the one the notice gives.`,
            { date: e.date, reason: "holiday-and-makeup" },
            e.place,
          ),
        );
      } else {
        problems.push(
          problem("CALENDAR_CONFLICT", `${e.date} is listed twice as a ${makeup ? "makeup working day" : "holiday"}${where}; remove one.`, { date: e.date, reason: "duplicate" }, e.place),
        );
      }
      return;
    }
    seen.set(day, { entry: e, makeup });
    if (day < first) first = day;
  };
  for (const y of years) {
    for (const e of y.holidays) check(e, y.year, false);
    for (const e of y.makeupWorkdays) check(e, y.year, true);
  }
  if (problems.length === 0) for (const y of years) if (!y.provisional) checkStatutory(y, seen, problems);
  if (problems.length > 0) throw new YingshangError(problems);

  const size = last - first + 1;
  const kind = new Uint8Array(size);
  const names: (string | null)[] = new Array<string | null>(size).fill(null);
  for (let i = 0; i < size; i++) {
    const wd = weekday(first + i);
    kind[i] = wd === 0 || wd === 6 ? K_WEEKEND : K_WORKDAY;
  }
  for (const [day, { entry, makeup }] of seen) {
    kind[day - first] = makeup ? K_MAKEUP : K_HOLIDAY;
    names[day - first] = entry.name;
  }
  return new CompiledCalendar(source, { first, kind, names });
}

function placeText(e: PlacedEntry): string {
  const p = e.place;
  if (p.file && p.line) return ` (first at ${p.file}:${p.line}${p.col ? `:${p.col}` : ""})`;
  if (p.file) return ` (first in ${p.file}${p.path ? ` at ${p.path}` : ""})`;
  return p.path ? ` (first at ${p.path})` : "";
}

const REVISION_ZH = { "1999": "1999年修订", "2007": "2007年修订", "2013": "2013年修订", "2024": "2024年修订" } as const;

/**
 * A notice year must give off every statutory day of the 全国年节及纪念日放假办法 in force that
 * year; a year without them (an empty `holidays: []`, a year with no 春节) would be a silent
 * Monday-to-Friday guess. A year written ahead of its notice says `provisional: true` instead.
 */
function checkStatutory(y: SourceYear, seen: ReadonlyMap<number, { makeup: boolean }>, problems: Problem[]): void {
  const days = statutoryDays(y.year);
  if (days === null) {
    problems.push(
      problem(
        "CALENDAR_INCOMPLETE",
        `The year ${y.year} cannot be checked against the statutory holidays (the table covers ${STATUTORY_FROM}–${STATUTORY_TO}); mark it \`provisional: true\` if it is meant to stand unchecked.`,
        { year: y.year, missing: [], reason: "not-checkable" },
        y.place,
      ),
    );
    return;
  }
  const missing = days.filter((d) => seen.get(parseDay(d.date))?.makeup !== false);
  if (missing.length === 0) return;
  problems.push(
    problem(
      "CALENDAR_INCOMPLETE",
      `The year ${y.year} does not give off every statutory holiday of the 全国年节及纪念日放假办法 (${REVISION_ZH[statutoryRevision(y.year)]}): ${missing.map((d) => `${d.date} ${d.name}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing from its holidays; copy the whole notice, or mark the year \`provisional: true\` if the notice is not out yet.`,
      { year: y.year, missing, reason: "statutory-days-missing" },
      y.place,
    ),
  );
}
