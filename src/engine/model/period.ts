/** Periods written as people write them: `2026-04`, `2026-Q2`, `2026-H1`, `2026`. */
import { fail } from "../../errors.js";
import { daysInMonth } from "../../calendar/impl/days.js";

export type PeriodKind = "month" | "quarter" | "half-year" | "year";

export interface PeriodRange {
  kind: PeriodKind;
  /** Its first and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  year: number;
  /** The month, quarter or half (1-based); 0 for a year. */
  n: number;
}

const RE = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** The period's kind and days, or null when the text is not a period. */
export function readPeriod(text: unknown): PeriodRange | null {
  if (typeof text !== "string") return null;
  const m = RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const [kind, n, first, len]: [PeriodKind, number, number, number] = m[2]
    ? ["month", Number(m[2]), Number(m[2]), 1]
    : m[3]
      ? ["quarter", Number(m[3]), (Number(m[3]) - 1) * 3 + 1, 3]
      : m[4]
        ? ["half-year", Number(m[4]), (Number(m[4]) - 1) * 6 + 1, 6]
        : ["year", 0, 1, 12];
  const last = first + len - 1;
  return { kind, year: y, n, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
}

/** The same, failing with a sentence when the text is not a period. */
export function parsePeriod(text: unknown, path = "period"): PeriodRange {
  return readPeriod(text) ?? fail("INPUT_INVALID", `\`${path}\` must name a period: a month 2026-04, a quarter 2026-Q2, a half-year 2026-H1 or a year 2026 (got ${JSON.stringify(text)}).`, { detail: path }, { path });
}

/** The period of a kind that contains a day (e.g. the quarter of 2026-05-12 is 2026-Q2). */
export function periodOf(kind: PeriodKind, day: string): string {
  const y = day.slice(0, 4);
  const mo = Number(day.slice(5, 7));
  switch (kind) {
    case "month":
      return `${y}-${pad(mo)}`;
    case "quarter":
      return `${y}-Q${Math.ceil(mo / 3)}`;
    case "half-year":
      return `${y}-H${mo <= 6 ? 1 : 2}`;
    default:
      return y;
  }
}

const QUARTER_ZH = ["一", "二", "三", "四"];

/** The period in Chinese, as a 通报 writes it: 2026年第一季度, 2026年4月, 2026年上半年, 2026年度. */
export function periodZh(text: string): string {
  const p = parsePeriod(text);
  switch (p.kind) {
    case "month":
      return `${p.year}年${p.n}月`;
    case "quarter":
      return `${p.year}年第${QUARTER_ZH[p.n - 1]}季度`;
    case "half-year":
      return `${p.year}年${p.n === 1 ? "上" : "下"}半年`;
    default:
      return `${p.year}年度`;
  }
}
