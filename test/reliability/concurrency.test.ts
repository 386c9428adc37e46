// Immutability and concurrency: compiled packs and results are frozen; evaluations interleaved
// across promises and across worker threads give the same answers as one by one.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { assign, evaluate, loadPack, type Pack } from "../../src/index.js";
import { BUNDLED, DIST, ROOT, unfrozenPaths } from "./helpers.js";

type Lib = typeof import("../../src/index.js");
type Cases = {
  listCases(): { pack: string; name: string; asOf: string; input: unknown }[];
  loadAll(lib: Lib): Record<string, unknown>;
  runCase(lib: Lib, packs: Record<string, unknown>, c: unknown): string;
};
const load = async () => {
  const lib = (await import(pathToFileURL(DIST).href)) as Lib;
  const cases = (await import(pathToFileURL(join(ROOT, "test/reliability/cases.mjs")).href)) as Cases;
  return { lib, cases, packs: cases.loadAll(lib), list: cases.listCases() };
};

describe("immutability", () => {
  const packs: Pack[] = BUNDLED.map((p) => loadPack(p));

  it("a compiled pack's data (meta, docs, facts, coverage, compiled lists) is deeply frozen", () => {
    for (const p of packs) {
      expect(Object.isFrozen(p)).toBe(true);
      for (const part of ["meta", "docs", "facts", "coverage"] as const) expect(unfrozenPaths(p[part], `${p.id}.${part}`), `${p.id}.${part}`).toEqual([]);
      expect(Object.isFrozen(p.compiled.tables) && Object.isFrozen(p.compiled.deadlines) && Object.isFrozen(p.compiled.ladders)).toBe(true);
    }
  });

  it("results are deeply frozen: writing to one throws (strict mode) and changes nothing", () => {
    const yingkou = packs[0]!;
    const facts = { stage: "construction", introducer: "city-department", introducerUnit: "city-industry-it", landingUnit: "gaizhou" };
    const r = assign(yingkou, "lead-unit", facts, { asOf: "2026-01-05" });
    expect(unfrozenPaths(r)).toEqual([]);
    expect(() => ((r as { lead: string | null }).lead = "x")).toThrow(TypeError);
    expect(() => (r.rules as string[]).push("x")).toThrow(TypeError);
    expect(assign(yingkou, "lead-unit", facts, { asOf: "2026-01-05" })).toEqual(r);
    const c = evaluate(yingkou, { asOf: "2026-01-05", facts });
    expect(unfrozenPaths(c)).toEqual([]);
    // The facts given are not changed or frozen by evaluation.
    expect(Object.isFrozen(facts)).toBe(false);
    expect(facts).toEqual({ stage: "construction", introducer: "city-department", introducerUnit: "city-industry-it", landingUnit: "gaizhou" });
  });

  // The pack object, its units (a read-only index, not a Map), the calendar (its day index is
  // private) and every compiled table, deadline and ladder are frozen all the way down.
  it("the whole compiled pack (units, calendar, compiled internals) is deeply frozen", () => {
    for (const p of packs) expect(unfrozenPaths(p, p.id)).toEqual([]);
  });
});

describe("concurrency", () => {
  it("evaluations interleaved across promises give the same answers as one by one", { timeout: 60_000 }, async () => {
    const { lib, cases, packs, list } = await load();
    const sequential = list.map((c) => cases.runCase(lib, packs, c));
    const tick = () => new Promise<void>((r) => setImmediate(r));
    // Each case runs in its own task, yielding a different number of times before it runs, in reverse order.
    const interleaved = await Promise.all(
      list.map(async (c, k) => {
        for (let i = 0; i < (k * 7) % 5; i++) await tick();
        const a = cases.runCase(lib, packs, c);
        await tick();
        const b = cases.runCase(lib, packs, list[list.length - 1 - k]);
        return [a, b] as const;
      }),
    );
    expect(interleaved.map((x) => x[0])).toEqual(sequential);
    expect(interleaved.map((x) => x[1])).toEqual([...sequential].reverse());
  });

  it("evaluations across worker threads (the built dist) give the same answers as one by one", { timeout: 120_000 }, async () => {
    const { lib, cases, packs, list } = await load();
    const sequential = list.map((c) => cases.runCase(lib, packs, c));
    const all = list.map((_, k) => k);
    // Two workers with interleaved halves, one with everything in reverse order.
    const chunks = [all.filter((k) => k % 2 === 0), all.filter((k) => k % 2 === 1), [...all].reverse()];
    const results = await Promise.all(
      chunks.map(
        (indices) =>
          new Promise<[number, string][]>((resolve, reject) => {
            const w = new Worker(join(ROOT, "test/reliability/worker.mjs"), { workerData: { dist: DIST, indices } });
            w.once("message", (m: [number, string][]) => {
              resolve(m);
              void w.terminate();
            });
            w.once("error", reject);
          }),
      ),
    );
    let compared = 0;
    for (const r of results) {
      for (const [k, json] of r) {
        expect(json, list[k]!.name).toBe(sequential[k]);
        compared++;
      }
    }
    expect(compared).toBe(list.length * 2);
    console.log(`concurrency: ${list.length} cases × 3 worker runs and interleaved promises, identical to sequential`);
  });
});
