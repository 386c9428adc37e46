// Yingkou 九(四): every quarter a random 10 % of signed projects is inspected on site. The draw is
// unpredictable before the seed is published and re-derivable by anyone after.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPack, sample, YingshangError } from "../../src/index.js";

const yingkou = loadPack("yingkou");
const asOf = "2026-03-31";
const seed = "2026-04-01 市招商局公开摇号 07-19-23";
const ids = (n: number) => Array.from({ length: n }, (_, i) => `YK-2026-${String(i + 1).padStart(3, "0")}`);
const draw = (period: string, projects: string[], s = seed) => sample(yingkou, "quarterly-sample", { period, projects, seed: s }, { asOf });

/** An independent re-derivation of the documented algorithm, with Node's own SHA-256. */
function rederive(s: string, period: string, projects: string[]): string[] {
  const h = (p: string) => createHash("sha256").update([s, "yingkou", period, p].join("\n"), "utf8").digest("hex");
  return [...projects].sort((a, b) => (h(a) < h(b) ? -1 : 1)).slice(0, Math.ceil((projects.length * 10) / 100));
}

describe("quarterly 10 % sample (九(四))", () => {
  it("size is 10 % rounded up: 1 of 7 (0.7), 1 of 10, 2 of 11 (1.1), 12 of 120, none of none", () => {
    expect([7, 10, 11, 120, 0].map((n) => draw("2026-Q1", ids(n)).size)).toEqual([1, 1, 2, 12, 0]);
  });

  it("the worked example of docs/sampling.md: P2, and the documented Python script prints the same", () => {
    const s = draw("2026-Q1", ["P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
    expect(s.selected).toEqual(["P2"]);
    expect(s.ranking.map((r) => r.id)).toEqual(["P2", "P7", "P1", "P6", "P3", "P4", "P5"]);
    expect(s.ranking[0]).toEqual({ rank: 1, id: "P2", sha256: "02d84ba10b2269b779813a400cb47074bf9ffd113b5ffbefbe1324824f024200", selected: true });
    expect(s).toMatchObject({ seed, population: 7, period: "2026-Q1", clause: "九(四)", hashed: `${seed}\\nyingkou\\n2026-Q1\\n<id>` });
    const doc = readFileSync(fileURLToPath(new URL("../../docs/sampling.md", import.meta.url)), "utf8");
    const script = /```python\n([\s\S]*?)```/.exec(doc)![1]!;
    const py = spawnSync("python3", ["-c", script], { encoding: "utf8" });
    expect(py.status, py.stderr).toBe(0);
    expect(py.stdout.trim()).toBe("['P2']");
  });

  it("matches an independent SHA-256 re-derivation for any population, period and seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom("2026-Q1", "2026-Q2", "2025-Q4"), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""), (n, period, s) => {
        expect(draw(period, ids(n), s).selected).toEqual(rederive(s, period, ids(n)));
      }),
      { numRuns: 200 },
    );
  });

  it("same inputs give the same sample, whatever the order of the list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }).chain((n) => fc.shuffledSubarray(ids(n), { minLength: n, maxLength: n }).map((s) => [ids(n), s] as const)), ([sorted, shuffled]) => {
        expect(JSON.stringify(draw("2026-Q2", shuffled))).toBe(JSON.stringify(draw("2026-Q2", sorted)));
      }),
      { numRuns: 200 },
    );
  });

  it("a different seed gives a different sample (100 projects, 10 drawn: two seeds agree with probability 1 / C(100, 10))", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(a !== b && a.trim() !== "" && b.trim() !== "");
        expect(draw("2026-Q3", ids(100), a).selected).not.toEqual(draw("2026-Q3", ids(100), b).selected);
      }),
      { numRuns: 200 },
    );
  });

  it("does not cluster by county: over 600 draws of 12 from 6 counties × 20 projects, county shares pass a chi-square test (5 d.f., bound 20.52 = the 0.1 % critical value)", () => {
    const counties = ["站前区", "西市区", "鲅鱼圈区", "老边区", "大石桥市", "盖州市"];
    const projects = counties.flatMap((c) => Array.from({ length: 20 }, (_, i) => `${c}-${String(i + 1).padStart(2, "0")}`));
    const counts = new Map(counties.map((c) => [c, 0]));
    const draws = 600;
    for (let i = 0; i < draws; i++) for (const p of draw("2026-Q1", projects, `draw ${i}`).selected) counts.set(p.split("-")[0]!, counts.get(p.split("-")[0]!)! + 1);
    const expected = (draws * 12) / counties.length; // 1200 each
    const chi2 = [...counts.values()].reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(20.52);
    // And the single draw that FNV-1a clustered: 12 picks of 2026-Q1 now come from more than one county.
    expect(new Set(draw("2026-Q1", projects).selected.map((p) => p.split("-")[0])).size).toBeGreaterThan(1);
  });

  it("refuses, all at once: a missing seed, a project listed twice, a misspelt key", () => {
    let err: YingshangError | null = null;
    try {
      sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ["a", "b", "a"], sede: "x" } as never, { asOf });
    } catch (e) {
      err = e as YingshangError;
    }
    expect(err!.problems.map((p) => [p.code, p.path])).toEqual([["INPUT_UNKNOWN_KEY", "sede"], ["INPUT_INVALID", "seed"], ["INPUT_INVALID", "projects[2]"]]);
    expect(err!.problems[0]!.params).toMatchObject({ suggestion: "seed" });
    expect(() => sample(yingkou, "quarterly-sampel", { period: "2026-Q1", projects: [], seed }, { asOf })).toThrow(/did you mean `quarterly-sample`/);
  });
});
