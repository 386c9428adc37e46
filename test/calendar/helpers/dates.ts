// Test helpers: every date of the bundled range, computed with luxon in UTC (pure date arithmetic,
// independent of the host zone and of the code under test).
import { DateTime } from "luxon";

export const FROM = "2018-12-29";
export const TO = "2026-12-31";

export const ALL_DATES: string[] = (() => {
  const out: string[] = [];
  let d = DateTime.fromISO(FROM, { zone: "UTC" });
  const end = DateTime.fromISO(TO, { zone: "UTC" });
  while (d <= end) {
    out.push(d.toISODate() as string);
    d = d.plus({ days: 1 });
  }
  return out;
})();

/** Deterministic pseudo-random numbers (LCG), so generated cases are the same in every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
