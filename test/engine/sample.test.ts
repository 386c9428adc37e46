// Yingkou 九(四): every quarter a random 10 % of signed projects is inspected on site. The sample
// must be reproducible from (pack, period, project list) and re-derivable by anyone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPack, sample } from "../../src/index.js";

const yingkou = loadPack("yingkou");
const asOf = "2026-03-31";
const ids = (n: number) => Array.from({ length: n }, (_, i) => `YK-2026-${String(i + 1).padStart(3, "0")}`);

/** An independent re-derivation of the documented algorithm: FNV-1a-32 with BigInt, then sort. */
function rederive(pack: string, period: string, projects: string[], fraction: number): string[] {
  const fnv = (s: string) => {
    let h = 2166136261n;
    for (const b of Buffer.from(s, "utf8")) h = ((h ^ BigInt(b)) * 16777619n) % 4294967296n;
    return h;
  };
  const size = Math.ceil(Math.round(projects.length * fraction * 1e6) / 1e6);
  return [...projects]
    .map((p) => ({ p, h: fnv(`${pack}|${period}|${p}`) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.p < b.p ? -1 : 1))
    .slice(0, size)
    .map((x) => x.p)
    .sort();
}

describe("quarterly 10 % sample (九(四))", () => {
  it("samples 1 of 7 projects: 10 % of 7 is 0.7, rounded up", () => {
    expect(sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ids(7) }, { asOf }).size).toBe(1);
  });

  it("samples exactly 1 of 10 and 2 of 11 (1.1 rounds up), and none of none", () => {
    expect(sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ids(10) }, { asOf }).size).toBe(1);
    expect(sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ids(11) }, { asOf }).size).toBe(2);
    expect(sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: [] }, { asOf }).size).toBe(0);
  });

  it("gives the same sample whatever the order of the list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }).chain((n) => fc.shuffledSubarray(ids(n), { minLength: n, maxLength: n }).map((s) => [ids(n), s] as const)), ([sorted, shuffled]) => {
        const a = sample(yingkou, "quarterly-sample", { period: "2026-Q2", projects: sorted }, { asOf });
        const b = sample(yingkou, "quarterly-sample", { period: "2026-Q2", projects: shuffled }, { asOf });
        expect(b.selected).toEqual(a.selected);
      }),
      { numRuns: 300 },
    );
  });

  it("can be re-derived by hand from the documented algorithm (independent implementation)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom("2026-Q1", "2026-Q2", "2025-Q4"), (n, period) => {
        const s = sample(yingkou, "quarterly-sample", { period, projects: ids(n) }, { asOf });
        expect(s.selected).toEqual(rederive("yingkou", period, ids(n), 0.1));
      }),
      { numRuns: 200 },
    );
  });

  it("draws a different sample in a different quarter (not the same projects every time)", () => {
    const picks = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].map((period) => sample(yingkou, "quarterly-sample", { period, projects: ids(50) }, { asOf }).selected.join());
    expect(new Set(picks).size).toBeGreaterThan(1);
  });

  it("refuses a project listed twice rather than guessing", () => {
    expect(() => sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ["a", "b", "a"] }, { asOf })).toThrow(/listed twice/);
  });
});
