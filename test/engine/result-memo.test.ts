// The shared-result memos are bounded: past 10,000 entries (maps and values) they start again.
// Answers must not change across that point, and a value seen before the restart is rebuilt
// (equal, not the same object).
import { describe, expect, it } from "vitest";
import { PartsMemo, ResultMemo } from "../../src/engine/model/result-memo.js";
import type { Receipt } from "../../src/engine/model/trace.js";

const receipt = Object.freeze({ pack: "p", version: "1", hash: "h", calendar: Object.freeze({ id: "c", version: "1" }), asOf: "2026-01-01" }) as Receipt;

describe("ResultMemo", () => {
  it("gives one shared result per combination of the resolved units, built once", () => {
    let builds = 0;
    const memo = new ResultMemo<{ unit: string }>([(f) => f.unit as string]);
    const a1 = memo.get({ unit: "a" }, receipt, () => (builds++, Object.freeze({ unit: "a" })));
    const a2 = memo.get({ unit: "a" }, receipt, () => (builds++, Object.freeze({ unit: "a" })));
    const b = memo.get({ unit: "b" }, receipt, () => (builds++, Object.freeze({ unit: "b" })));
    expect(a2).toBe(a1);
    expect(b).toEqual({ unit: "b" });
    expect(builds).toBe(2);
  });

  it("starts again once full, still answering every combination correctly", () => {
    const memo = new ResultMemo<{ unit: string }>([(f) => f.unit as string]);
    const get = (u: string) => memo.get({ unit: u }, receipt, () => Object.freeze({ unit: u }));
    const first = get("u0");
    expect(get("u0")).toBe(first);
    for (let i = 1; i < 20_000; i++) expect(get(`u${i}`).unit).toBe(`u${i}`);
    const again = get("u0");
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it("resolves every unit even when the combination is new, so a missing fact fails the same way", () => {
    const memo = new ResultMemo<object>([
      (f) => f.a as string,
      (f) => {
        if (f.b === undefined) throw new TypeError("b missing");
        return f.b as string;
      },
    ]);
    expect(() => memo.get({ a: "x" }, receipt, () => ({}))).toThrow("b missing");
  });
});

describe("PartsMemo", () => {
  it("gives one value per sequence of parts, telling prefixes apart", () => {
    const memo = new PartsMemo<string[]>();
    const p = {};
    const q = {};
    const pq = memo.get([p, q], () => ["p", "q"]);
    expect(memo.get([p, q], () => ["other"])).toBe(pq);
    expect(memo.get([p], () => ["p"])).toEqual(["p"]);
    expect(memo.get([q, p], () => ["q", "p"])).toEqual(["q", "p"]);
    expect(memo.get([], () => [])).toEqual([]);
  });

  it("starts again once full, counting the maps of long keys too (a thousand-step ladder path)", () => {
    const memo = new PartsMemo<{ n: number }>();
    const long = (n: number) => Array.from({ length: 1_000 }, (_, i) => (i === 999 ? n : i));
    const first = memo.get(long(0), () => ({ n: 0 }));
    expect(memo.get(long(0), () => ({ n: -1 }))).toBe(first);
    // Ten more share its first 999 maps and add one map and one value each: 1,021 entries, under the bound.
    for (let i = 1; i <= 10; i++) expect(memo.get(long(i), () => ({ n: i })).n).toBe(i);
    expect(memo.get(long(0), () => ({ n: -1 }))).toBe(first);
    // Keys that share nothing: ten of them pass 10,000 maps, so the memo starts again.
    for (let i = 0; i < 10; i++) expect(memo.get(Array.from({ length: 1_000 }, (_, j) => `k${i}-${j}`), () => ({ n: i })).n).toBe(i);
    const again = memo.get(long(0), () => ({ n: 0 }));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
