// Two problems in different files come out together: for every pair of the invalid-pack fixtures
// (test/fixtures/invalid, one problem each) that change different files, the pack with both changes
// reports every problem each reports alone. Only what depends on a part left out may be missing:
// - when one of the two leaves out a whole file (not YAML, empty, or wrong at its top) or cannot use
//   pack.yaml, what is checked against that file (e.g. fact types against facts.yaml);
// - "exactly one lead" (TABLE_GAP, AMBIGUOUS_TABLE) is proved only while pack.yaml, units, facts and
//   the tables are whole and clean, since it runs the tables over generated facts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, YingshangError, type Problem } from "../../src/index.js";
import { readPackFiles } from "../../src/engine/read/read-pack.js";

const root = join(__dirname, "..", "fixtures");
const base: Record<string, string> = {};
for (const f of readdirSync(join(root, "minimal")).filter((n) => n.endsWith(".yaml"))) base[f] = readFileSync(join(root, "minimal", f), "utf8");

interface Fixture {
  name: string;
  touches: string[];
  files: (into: Record<string, string>) => void;
}
const fixtures: Fixture[] = readdirSync(join(root, "invalid"))
  .sort()
  .map((name) => {
    const dir = join(root, "invalid", name);
    const del = (JSON.parse(readFileSync(join(dir, "expect.json"), "utf8")) as { delete: string[] }).delete;
    const over = Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith(".yaml")).map((n) => [n, readFileSync(join(dir, n), "utf8")]));
    return {
      name,
      touches: [...del, ...Object.keys(over)],
      files: (into) => {
        for (const d of del) delete into[d];
        Object.assign(into, over);
      },
    };
  });

const pack = (...fs: Fixture[]): Record<string, string> => {
  const files = { ...base };
  for (const f of fs) f.files(files);
  return files;
};
const problemsOf = (files: Record<string, string>): readonly Problem[] => {
  try {
    compilePack(files, { folder: "minimal" });
  } catch (e) {
    if (e instanceof YingshangError) return e.problems;
    throw e;
  }
  return [];
};
const key = (p: Problem) => `${p.code} ${p.file}:${p.line}:${p.col}`;
const alone = new Map(fixtures.map((f) => [f.name, problemsOf(pack(f))]));
/** Leaves out a whole file, or pack.yaml cannot be used. */
const breaks = new Map(fixtures.map((f) => {
  const r = readPackFiles(pack(f));
  return [f.name, r.partial === null && r.docs === null ? true : r.unusable.length > 0] as const;
}));
const ONE_LEAD_FILES = ["pack.yaml", "units.yaml", "facts.yaml", "assignment.yaml"];

describe("problems in different files come out in one round", () => {
  it("each fixture alone reports its problem (the base of the comparison)", () => {
    for (const f of fixtures) expect(alone.get(f.name)!.length, f.name).toBeGreaterThan(0);
  });

  it("every pair reports both fixtures' problems, but for what depends on a part left out", () => {
    const missed: string[] = [];
    let pairs = 0;
    for (let i = 0; i < fixtures.length; i++) {
      for (let j = i + 1; j < fixtures.length; j++) {
        const a = fixtures[i]!;
        const b = fixtures[j]!;
        if (a.touches.some((t) => b.touches.includes(t))) continue;
        pairs++;
        const both = new Set(problemsOf(pack(a, b)).map(key));
        for (const [self, other] of [[a, b], [b, a]] as const) {
          for (const p of alone.get(self.name)!) {
            if (both.has(key(p))) continue;
            if (breaks.get(other.name)) continue; // a file left out whole: what depends on it is not checked
            if ((p.code === "TABLE_GAP" || p.code === "AMBIGUOUS_TABLE") && alone.get(other.name)!.some((q) => ONE_LEAD_FILES.includes(q.file ?? ""))) continue;
            missed.push(`${self.name} + ${other.name}: ${key(p)} missing`);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
    expect(missed).toEqual([]);
  });

  it("a fixture that leaves out a whole file still reports all of its own problems next to the other's", () => {
    const breaking = fixtures.filter((f) => breaks.get(f.name));
    expect(breaking.map((f) => f.name)).toEqual(expect.arrayContaining(["yaml-syntax", "empty-file"]));
    for (const a of breaking) {
      const b = fixtures.find((f) => f.name === "unknown-clause")!;
      if (a.touches.some((t) => b.touches.includes(t))) continue;
      const both = new Set(problemsOf(pack(a, b)).map(key));
      for (const p of alone.get(a.name)!) expect(both.has(key(p)), `${a.name}: ${key(p)}`).toBe(true);
    }
  });
});
