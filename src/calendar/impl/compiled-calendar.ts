/**
 * The compiled calendar: a day index over the covered range so that every query is O(1).
 *
 *   kind[i]  what day i is (0 workday, 1 weekend, 2 holiday, 3 makeup working day)
 *   cum[i]   working days in [first day, day i], inclusive
 *   ord[k]   index of the k-th working day (0-based)
 *   str[i]   the day's `YYYY-MM-DD`, precomputed so output never formats
 *   lookup   (year, month, day) of a string → index, so input never does date arithmetic
 *
 * With these, "the n-th working day after i" is `ord[cum[i] + n - 1]` and "working days in
 * (a, b]" is `cum[b] - cum[a]`: no day-by-day walking.
 */
import { DateTime } from "luxon";
import { deepFreeze } from "../../base/freeze.js";
import { fail } from "../../errors.js";
import type { Calendar, DateInput, DayInfo, DayKind } from "../types.js";
import { civil, formatDay } from "./days.js";
import { toMoment, ZONE } from "./input.js";
import type { CalendarSource } from "./source.js";

export const K_WORKDAY = 0;
export const K_WEEKEND = 1;
export const K_HOLIDAY = 2;
export const K_MAKEUP = 3;
const KIND_NAMES: readonly DayKind[] = ["workday", "weekend", "holiday", "makeup-workday"];

/** Lookup key of a month and day: month * 40 + day. Any month ≤ 19 and day ≤ 39 stays below the stride. */

/** The arrays a calendar is compiled into (see the file comment). */
export interface DayIndex {
  first: number;
  kind: Uint8Array;
  names: (string | null)[];
}

/**
 * Marks a compiled calendar of any copy of this library: the ESM and the CommonJS builds are two
 * copies in one process when an ES module app uses a CommonJS dependency, and a pack loaded by one
 * must still be evaluated by the other. A registered symbol is the same in both.
 */
const CALENDAR_BRAND = Symbol.for("yingshang.CompiledCalendar");

export class CompiledCalendar implements Calendar {
  /** `instanceof` holds for calendars of either build (see CALENDAR_BRAND). */
  static [Symbol.hasInstance](x: unknown): boolean {
    if (this !== CompiledCalendar) return Function.prototype[Symbol.hasInstance].call(this, x);
    return typeof x === "object" && x !== null && (x as { [CALENDAR_BRAND]?: unknown })[CALENDAR_BRAND] === true;
  }

  get [CALENDAR_BRAND](): true {
    return true;
  }

  readonly id: string;
  readonly version: string;
  readonly range: { readonly from: string; readonly to: string };
  readonly bases: readonly string[];
  readonly provisionalYears: readonly number[];
  /** What the calendar was compiled from: kept so that a file can extend it. */
  readonly source: CalendarSource;
  /** Day number of the first covered day. */
  readonly first: number;
  readonly size: number;
  // The day index is private (#): typed arrays cannot be frozen, so they must not be reachable.
  readonly #kind: Uint8Array;
  readonly #cum: Int32Array;
  readonly #ord: Int32Array;
  readonly #str: string[];
  readonly #names: (string | null)[];

  constructor(source: CalendarSource, index: DayIndex) {
    this.id = source.id;
    this.version = source.version;
    this.bases = Object.freeze([...(source.bases ?? [])]);
    this.provisionalYears = Object.freeze(source.years.filter((y) => y.provisional).map((y) => y.year).sort((a, b) => a - b));
    this.source = deepFreeze(source);
    this.first = index.first;
    this.#kind = index.kind;
    this.#names = Object.freeze([...index.names]) as (string | null)[];
    const size = (this.size = index.kind.length);
    this.#cum = new Int32Array(size);
    const str: string[] = new Array<string>(size);
    let working = 0;
    for (let i = 0; i < size; i++) {
      const k = index.kind[i];
      if (k === K_WORKDAY || k === K_MAKEUP) working++;
      this.#cum[i] = working;
      str[i] = formatDay(this.first + i);
    }
    this.#str = Object.freeze(str) as string[];
    this.#ord = new Int32Array(working);
    for (let i = 0, k = 0; i < size; i++) {
      const kd = index.kind[i];
      if (kd === K_WORKDAY || kd === K_MAKEUP) this.#ord[k++] = i;
    }
    this.range = Object.freeze({ from: str[0] ?? "", to: str[size - 1] ?? "" });
    Object.freeze(this);
  }

  /**
   * Whether a computation whose dates span [lo, hi] (YYYY-MM-DD, either order) touched a
   * provisional year: any provisional year from lo's year to hi's year.
   */
  touchesProvisional(lo: string, hi: string): boolean {
    if (this.provisionalYears.length === 0) return false;
    let a = Number(lo.slice(0, 4)), b = Number(hi.slice(0, 4));
    if (a > b) [a, b] = [b, a];
    return this.provisionalYears.some((y) => y >= a && y <= b);
  }

  /** The `YYYY-MM-DD` text of day index `i`. */
  strAt(i: number): string {
    return this.#str[i]!;
  }

  /** Working days from the first covered day up to and including day index `i`. */
  cumAt(i: number): number {
    return this.#cum[i]!;
  }

  /** How many working days the range holds. */
  get workingDayCount(): number {
    return this.#ord.length;
  }

  /** Day index of the `k`-th working day (0-based) of the range. */
  ordAt(k: number): number {
    return this.#ord[k]!;
  }

  /** The kind code of day index `i` (see KIND_NAMES). */
  kindAt(i: number): number {
    return this.#kind[i]!;
  }

  /** The holiday or makeup-day name of day index `i`, or null. */
  nameAt(i: number): string | null {
    return this.#names[i] ?? null;
  }

  /** Index of a day inside the range; throws INVALID_DATE / DATE_OUT_OF_RANGE. */
  index(d: DateInput, what = "date"): number {
    const day = toMoment(d, what).day;
    const i = day - this.first;
    if (i < 0 || i >= this.size) {
      const date = formatDay(day);
      fail(
        "DATE_OUT_OF_RANGE",
        `${what === "date" ? date : `${what} (${date})`} is outside the calendar ${this.id}, which covers ${this.range.from} to ${this.range.to}; ${this.fix(day)}.`,
        { date, from: this.range.from, to: this.range.to },
        { path: what },
      );
    }
    return i;
  }

  /** The fix sentence for a day outside the range. */
  fix(day: number): string {
    const y = civil(day).y;
    return day < this.first
      ? `dates before ${this.range.from} are not supported; load a calendar file that covers ${y} (loadCalendar, or --calendar FILE)`
      : `load the ${y} State Council holiday notice as a calendar file that extends ${this.id} (loadCalendar with extends, or --calendar FILE)`;
  }

  /** A walk from index i by `step` (working or natural days) went outside the range. */
  walkOut(i: number, step: string, forward: boolean): never {
    const date = this.#str[i] ?? "";
    const edge = forward ? this.range.to : this.range.from;
    const beyond = forward ? this.first + this.size : this.first - 1;
    return fail(
      "DATE_OUT_OF_RANGE",
      `${step} from ${date} goes ${forward ? "past" : "before"} ${edge}, the ${forward ? "end" : "start"} of the calendar ${this.id}, which covers ${this.range.from} to ${this.range.to}; ${this.fix(beyond)}.`,
      { date, from: this.range.from, to: this.range.to },
      { path: "date" },
    );
  }

  /** Is index i a working day. */
  working(i: number): boolean {
    const k = this.#kind[i];
    return k === K_WORKDAY || k === K_MAKEUP;
  }

  /** Index of the n-th working day after index i (n ≥ 1), or the |n|-th before (n ≤ -1); n = 0: i or the next working day. */
  addIndex(i: number, n: number): number {
    const c = this.#cum[i] as number;
    let t: number;
    if (n > 0) t = c + n - 1;
    else if (n === 0) t = this.working(i) ? c - 1 : c;
    else t = c - (this.working(i) ? 1 : 0) + n;
    if (t >= this.#ord.length) this.walkOut(i, `Counting ${n} working day${n === 1 ? "" : "s"}`, true);
    if (t < 0) this.walkOut(i, `Counting ${n} working day${n === -1 ? "" : "s"}`, false);
    return this.#ord[t] as number;
  }

  info(d: DateInput): DayInfo {
    const i = this.index(d);
    const k = this.#kind[i] as number;
    return { date: this.#str[i] as string, working: k === K_WORKDAY || k === K_MAKEUP, kind: KIND_NAMES[k] as DayKind, name: this.#names[i] ?? null };
  }

  isWorkingDay(d: DateInput): boolean {
    const k = this.#kind[this.index(d)];
    return k === K_WORKDAY || k === K_MAKEUP;
  }

  addWorkingDays(d: DateInput, n: number): string {
    const i = this.index(d);
    if (!Number.isSafeInteger(n)) badCount(n, "n");
    // Inlined addIndex for the positive case: this is the call benchmarks and batches hammer.
    if (n > 0) {
      const t = (this.#cum[i] as number) + n - 1;
      if (t < this.#ord.length) return this.#str[this.#ord[t] as number] as string;
    }
    return this.#str[this.addIndex(i, n)] as string;
  }

  countWorkingDays(from: DateInput, to: DateInput): number {
    return (this.#cum[this.index(to, "to")] as number) - (this.#cum[this.index(from, "from")] as number);
  }

  nextWorkingDay(d: DateInput): string {
    return this.#str[this.addIndex(this.index(d), 1)] as string;
  }

  previousWorkingDay(d: DateInput): string {
    return this.#str[this.addIndex(this.index(d), -1)] as string;
  }

  addDays(d: DateInput, n: number): string {
    const i = this.index(d);
    if (!Number.isSafeInteger(n)) badCount(n, "n");
    const j = i + n;
    if (j < 0 || j >= this.size) this.walkOut(i, `Adding ${n} day${n === 1 || n === -1 ? "" : "s"}`, n > 0);
    return this.#str[j] as string;
  }

  toDate(d: DateInput): string {
    // Its Shanghai day, from the table when covered (no new string per call).
    const day = toMoment(d).day;
    const i = day - this.first;
    return i >= 0 && i < this.size ? (this.#str[i] as string) : formatDay(day);
  }

  toDateTime(d: string): DateTime {
    const { y, m, d: day } = civil(toMoment(d).day);
    return DateTime.fromObject({ year: y, month: m, day }, { zone: ZONE });
  }
}

/** Throws INVALID_COUNT for a count that is not a safe integer. */
export function badCount(n: unknown, what: string): never {
  return fail(
    "INVALID_COUNT",
    `${what} must be a whole number of days (e.g. 15), got ${JSON.stringify(n) ?? String(n)}.`,
    { value: String(n) },
    { path: what },
  );
}
