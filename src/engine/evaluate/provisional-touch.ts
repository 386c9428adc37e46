/**
 * Which provisional years (filled from the statutory holidays, not from a notice) a result
 * touched: any provisional year between the earliest and the latest date the result holds (its
 * deadlines, ladders and scores, and `now`). Only run when the calendar has provisional years.
 */
import type { Calendar } from "../../calendar/index.js";

const DATE_START = /^\d{4}-\d{2}-\d{2}/;

export function provisionalTouched(cal: Calendar, parts: readonly unknown[], now: unknown): number[] {
  if (cal.provisionalYears.length === 0) return [];
  let lo = Infinity, hi = -Infinity;
  const see = (s: string): void => {
    if (!DATE_START.test(s)) return;
    const y = Number(s.slice(0, 4));
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === "string") see(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v !== null && typeof v === "object" && depth < 12) {
      // The receipt's asOf and a trace's fact values are not calendar walks.
      for (const [k, x] of Object.entries(v)) if (k !== "receipt" && k !== "trace") walk(x, depth + 1);
    }
  };
  for (const p of parts) walk(p, 0);
  if (typeof now === "string") see(now);
  return cal.provisionalYears.filter((y) => y >= lo && y <= hi);
}
