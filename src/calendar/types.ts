/** The calendar's public types: what a date input is, what a day is, and what a calendar can answer. */
import type { DateTime } from "luxon";

/**
 * A day given to the calendar: `"YYYY-MM-DD"` (a Shanghai calendar day), an ISO instant
 * (`"2026-09-18T23:30:00-07:00"` → the Shanghai date of that instant, here 2026-09-19; without an
 * offset the wall time is read as Shanghai time), a luxon `DateTime` or a JavaScript `Date` (→ the
 * Shanghai date of that instant).
 */
export type DateInput = string | DateTime | Date;

/**
 * What a day is: an ordinary weekday (`workday`), a Saturday or Sunday (`weekend`), a day off
 * announced by the State Council (`holiday`, possibly a weekday), or a weekend day announced as a
 * working day (`makeup-workday`, 调休上班).
 */
export type DayKind = "workday" | "weekend" | "holiday" | "makeup-workday";

/** One day of a calendar. `name` is the festival (`国庆节`) for holidays and makeup days, else null. */
export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
}

/**
 * A compiled working-day calendar. Every method throws a `YingshangError` — `INVALID_DATE` for
 * a malformed input, `DATE_OUT_OF_RANGE` for a day (or a walk) outside {@link Calendar.range} —
 * and never guesses Monday–Friday outside the years it has data for.
 */
export interface Calendar {
  /** Calendar id, e.g. `cn-mainland`. */
  readonly id: string;
  /** Data version, bumped when a notice is added or corrected. */
  readonly version: string;
  /** Ids of the calendars this one extends, nearest first (`["cn-mainland"]` for a 2027 file); empty for a whole calendar. */
  readonly bases: readonly string[];
  /**
   * Years not from a published notice (filled from the statutory holidays with
   * `provisional: "statutory"`, or marked `provisional: true` in a file), ascending; usually empty.
   */
  readonly provisionalYears: readonly number[];
  /** First and last day covered (inclusive), `YYYY-MM-DD`. */
  readonly range: { readonly from: string; readonly to: string };
  /** What the day is, and whether it is a working day. */
  info(d: DateInput): DayInfo;
  /** True for a weekday that is not a holiday, and for a makeup working day. */
  isWorkingDay(d: DateInput): boolean;
  /**
   * n ≥ 1: the n-th working day after d (d itself not counted). n = 0: d if it is a working day,
   * else the next working day. n < 0: the |n|-th working day before d.
   */
  addWorkingDays(d: DateInput, n: number): string;
  /** Working days in (from, to]: `from` excluded, `to` included; negative when to < from. */
  countWorkingDays(from: DateInput, to: DateInput): number;
  /** The first working day strictly after d. */
  nextWorkingDay(d: DateInput): string;
  /** The last working day strictly before d. */
  previousWorkingDay(d: DateInput): string;
  /** d plus n natural days (n may be negative); the result must be inside the range. */
  addDays(d: DateInput, n: number): string;
  /** The Shanghai `YYYY-MM-DD` of an input (validated, not range-checked). */
  toDate(d: DateInput): string;
  /** The start of that day in Asia/Shanghai (validated, not range-checked). */
  toDateTime(d: string): DateTime;
}
