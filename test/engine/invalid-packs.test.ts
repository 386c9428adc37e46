// One invalid pack per kind of error: each fixture folder overrides files of test/fixtures/minimal
// and its expect.json names the code and the exact place (worked out from the fixture's text).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, YingshangError, type Problem } from "../../src/index.js";

const root = join(__dirname, "..", "fixtures");
const base: Record<string, string> = {};
for (const f of readdirSync(join(root, "minimal")).filter((n) => n.endsWith(".yaml"))) base[f] = readFileSync(join(root, "minimal", f), "utf8");

interface Expect {
  expect: { code: string; file: string; line: number | null; col: number | null };
  delete: string[];
  note: string;
}

const fixtures = readdirSync(join(root, "invalid")).sort();

function problemsOf(name: string): { problems: readonly Problem[]; spec: Expect } {
  const dir = join(root, "invalid", name);
  const spec = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8")) as Expect;
  const files = { ...base };
  for (const d of spec.delete) delete files[d];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) files[f] = readFileSync(join(dir, f), "utf8");
  try {
    compilePack(files, { folder: "minimal" });
  } catch (e) {
    if (e instanceof YingshangError) return { problems: e.problems, spec };
    throw e;
  }
  return { problems: [], spec };
}

describe("invalid packs", () => {
  it("has at least 25 fixtures, one per kind of error", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    const codes = new Set(fixtures.map((f) => problemsOf(f).spec.expect.code));
    expect(codes.size).toBeGreaterThanOrEqual(20);
  });

  it("the base pack itself is valid", () => {
    expect(compilePack(base, { folder: "minimal" }).id).toBe("minimal");
  });

  it.each(fixtures)("%s is reported with its code, file, line and column", (name) => {
    const { problems, spec } = problemsOf(name);
    expect(problems.length, `${name} compiled without problems`).toBeGreaterThan(0);
    const hit = problems.find((p) => p.code === spec.expect.code && p.file === spec.expect.file);
    expect(hit, `${name}: expected ${spec.expect.code} in ${spec.expect.file}, got ${JSON.stringify(problems.map((p) => [p.code, p.file, p.line, p.col]))}`).toBeDefined();
    if (spec.expect.line !== null) {
      expect([hit!.line, hit!.col]).toEqual([spec.expect.line, spec.expect.col]);
    }
    // Every problem is plain data a CI can serialise, with a sentence for people.
    expect(JSON.parse(JSON.stringify(hit))).toEqual(hit);
    expect(hit!.message.length).toBeGreaterThan(15);
  });

  it("suggests the field a misspelt key was meant to be", () => {
    const { problems } = problemsOf("unknown-key");
    const p = problems.find((x) => x.code === "SCHEMA_UNKNOWN_KEY")!;
    expect(p.message).toContain("did you mean `workingDays`?");
    expect(p.params).toMatchObject({ key: "workingDay", suggestion: "workingDays" });
  });

  it("reports every problem of a pack at once, not just the first", () => {
    const files = { ...base, "units.yaml": base["units.yaml"]!.replace("zh: 甲县, ", ""), "deadlines.yaml": base["deadlines.yaml"]!.replace("workingDays: 5", "workingDay: 5") };
    let problems: readonly Problem[] = [];
    try {
      compilePack(files, { folder: "minimal" });
    } catch (e) {
      problems = (e as YingshangError).problems;
    }
    expect(problems.map((p) => `${p.code}@${p.file}`).sort()).toEqual(["SCHEMA_MISSING_KEY@units.yaml", "SCHEMA_UNKNOWN_KEY@deadlines.yaml"]);
  });
});
