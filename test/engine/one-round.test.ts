// Validation reports every problem in one round: a schema problem in one file (or one item) does not
// hide the cross-file checks of what did parse, and a duplicate id says where it was first declared.
// Expected places are read off the fixtures' text (line numbers count the schema comment as line 1).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, formatProblem, readPackDir, YingshangError, type Problem } from "../../src/index.js";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures");
const minimal: Record<string, string> = {};
for (const f of readdirSync(join(fixtures, "minimal")).filter((n) => n.endsWith(".yaml"))) minimal[f] = readFileSync(join(fixtures, "minimal", f), "utf8");

function problemsOf(files: Record<string, string>, folder = "minimal"): readonly Problem[] {
  try {
    compilePack(files, { folder });
  } catch (e) {
    if (e instanceof YingshangError) return e.problems;
    throw e;
  }
  return [];
}

const where = (ps: readonly Problem[]) => ps.map((p) => [p.code, p.file, p.line, p.col]);
/** minimal with one file's text edited. */
const edit = (file: string, from: string, to: string, files = minimal): Record<string, string> => {
  expect(files[file]).toContain(from);
  return { ...files, [file]: files[file]!.replace(from, to) };
};

describe("test/fixtures/many-problems: a typo, an unknown unit and a duplicate id in one round", () => {
  const problems = problemsOf(readPackDir(join(fixtures, "many-problems")), "many-problems");

  it("reports all of them, each at its place", () => {
    expect(where(problems)).toEqual([
      ["UNKNOWN_REFERENCE", "assignment.yaml", 10, 63], // cooperating: [city-industy]
      ["SCHEMA_UNKNOWN_KEY", "deadlines.yaml", 5, 15], // period: { workingDay: 5 }
      // The deadline after the one left out is still checked, at its own line (clause 五 is not in the index).
      ["UNKNOWN_REFERENCE", "deadlines.yaml", 10, 23],
      ["DUPLICATE_ID", "units.yaml", 6, 11], // county-a again; first on line 3
    ]);
    expect(problems.map((p) => p.path)).toEqual(["tables[0].rules[0].then.cooperating[0]", "deadlines[0].period.workingDay", "deadlines[1].source.clause", "units[3].id"]);
  });

  it("says where the duplicate id was first declared, in both languages", () => {
    const dup = problems.find((p) => p.code === "DUPLICATE_ID")!;
    expect(dup.params).toEqual({ kind: "unit", id: "county-a", firstFile: "units.yaml", firstLine: 3, firstPath: "units[0].id" });
    expect(dup.message).toContain("first at units.yaml:3");
    expect(formatProblem(dup, { lang: "zh" })).toContain("单位 `county-a` 声明了不止一次（首次声明在 `units.yaml` 第3行）");
    expect(formatProblem(dup, { lang: "en" })).toContain("(first at units.yaml:3)");
  });

  it("does not report what only looks wrong because of the part left out", () => {
    // escalation.yaml's rung takes its limit from deadline `reply`, whose period has the typo.
    expect(problems.some((p) => p.file === "escalation.yaml")).toBe(false);
  });

  it("validate --json prints the same problems from the command line, exit 1", () => {
    const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "validate", "test/fixtures/many-problems", "--json"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; packs: { problems: Problem[] }[] };
    expect(out.valid).toBe(false);
    const got = out.packs[0]!.problems;
    const dir = "test/fixtures/many-problems";
    expect(where(got)).toEqual([
      ["UNKNOWN_REFERENCE", `${dir}/assignment.yaml`, 10, 63],
      ["SCHEMA_UNKNOWN_KEY", `${dir}/deadlines.yaml`, 5, 15],
      ["UNKNOWN_REFERENCE", `${dir}/deadlines.yaml`, 10, 23],
      ["DUPLICATE_ID", `${dir}/units.yaml`, 6, 11],
    ]);
    expect(got[3]!.params).toMatchObject({ firstFile: `${dir}/units.yaml`, firstLine: 3 });
  });
});

describe("what a schema problem leaves out, and what it does not", () => {
  it("an unknown key in pack.yaml is left out and the other files are still checked", () => {
    let files = edit("pack.yaml", "issuer: 测试市人民政府", "issuer: 测试市人民政府\nissuerr: 测试市人民政府办公室");
    files = edit("assignment.yaml", "cooperating: [city-industry]", "cooperating: [city-industri]", files);
    expect(where(problemsOf(files))).toEqual([
      ["UNKNOWN_REFERENCE", "assignment.yaml", 10, 63],
      ["SCHEMA_UNKNOWN_KEY", "pack.yaml", 6, 1],
    ]);
  });

  it("a wrong value in a part of pack.yaml that only describes the document (its version) does not stop the other checks", () => {
    let files = edit("pack.yaml", "version: 1.0.0", "version: [1, 0, 0]");
    files = edit("assignment.yaml", "cooperating: [city-industry]", "cooperating: [city-industri]", files);
    expect(problemsOf(files).map((p) => [p.code, p.file, p.line])).toEqual([
      ["UNKNOWN_REFERENCE", "assignment.yaml", 10],
      ["SCHEMA_TYPE", "pack.yaml", 9],
    ]);
  });

  it("a deadline left out of a list that then is empty: the list's other checks still run (a rung naming another deadline)", () => {
    let files = edit("deadlines.yaml", "period: { workingDays: 5 }", "period: { workingDay: 5 }");
    files = edit("escalation.yaml", "within: { workingDays: 3 }", "within: { deadline: replies }", files);
    expect(problemsOf(files).map((p) => [p.code, p.file, p.line, p.params])).toEqual([
      ["SCHEMA_UNKNOWN_KEY", "deadlines.yaml", 5, { key: "workingDay", suggestion: "workingDays", allowed: expect.any(Array) }],
      ["UNKNOWN_REFERENCE", "escalation.yaml", 7, { kind: "deadline", id: "replies", suggestion: null }],
    ]);
  });

  it("a pack.yaml that cannot be used (a required key missing) stops the round: nothing else can be placed against it", () => {
    let files = edit("pack.yaml", "calendar: cn-mainland\n", "");
    files = edit("assignment.yaml", "cooperating: [city-industry]", "cooperating: [city-industri]", files);
    expect(problemsOf(files).map((p) => [p.code, p.file, p.path])).toEqual([["SCHEMA_MISSING_KEY", "pack.yaml", "calendar"]]);
  });

  it("a unit with a schema problem is left out, references to its id are not unknown, other unknown units are", () => {
    let files = edit("units.yaml", "{ id: city-industry, zh: 市工业和信息化局, kind: department }", "{ id: city-industry, zh: 市工业和信息化局, knd: department }");
    files = edit("escalation.yaml", "actor: city-leader", "actor: city-leadr", files);
    expect(where(problemsOf(files))).toEqual([
      ["UNKNOWN_REFERENCE", "escalation.yaml", 8, 30], // city-leadr; assignment.yaml's city-industry is not reported
      ["SCHEMA_MISSING_KEY", "units.yaml", 4, 5], // the unit has no `kind` …
      ["SCHEMA_UNKNOWN_KEY", "units.yaml", 4, 40], // … because it is spelt `knd`
    ]);
  });

  it("units.yaml that is not YAML: unit references are not checked (every one would look unknown), the rest is", () => {
    let files = edit("units.yaml", "  - { id: county-a, zh: 甲县, kind: county }", "  - { id: county-a, zh: 甲县, kind: county");
    files = edit("deadlines.yaml", "clause: 二", "clause: 二十", files);
    const ps = problemsOf(files);
    expect(ps.filter((p) => p.file === "units.yaml").length).toBeGreaterThan(0);
    expect(ps.filter((p) => p.file === "units.yaml").every((p) => p.code === "YAML_SYNTAX")).toBe(true);
    expect(where(ps.filter((p) => p.file !== "units.yaml"))).toEqual([["UNKNOWN_REFERENCE", "deadlines.yaml", 6, 23]]);
  });

  it("a pack file holding a second YAML document is refused at the line that starts it, the first document not used", () => {
    const text = minimal["units.yaml"]!;
    const secondAt = text.split("\n").length; // the text ends with a line break: `---` goes on the line after the last
    const ps = problemsOf({ ...minimal, "units.yaml": `${text}---\nunits: []\n` });
    const units = ps.filter((p) => p.file === "units.yaml");
    expect(units.map((p) => [p.code, p.line])).toEqual([["YAML_SYNTAX", secondAt]]);
    expect(units[0]!.message).toMatch(/more than one YAML document/);
  });

  it("a fact with a schema problem: conditions reading it are not reported, an undeclared fact still is", () => {
    let files = edit("facts.yaml", "type: enum, values: [county, city-department]", "type: enm, values: [county, city-department]");
    files = edit("assignment.yaml", "{ fact: introducer, operator: equal, value: city-department }", "{ fact: introducr, operator: equal, value: city-department }", files);
    expect(where(problemsOf(files))).toEqual([
      ["UNKNOWN_REFERENCE", "assignment.yaml", 13, 23], // introducr (by-county's `introducer` is not reported)
      ["SCHEMA_ENUM", "facts.yaml", 3, 35],
    ]);
  });

  it("a scorecard with a schema problem: a duty naming it is not reported as unknown", () => {
    let files = edit("scoring.yaml", "    total: 20", "    totl: 20");
    files = edit("duties.yaml", "source: { clause: 四, quote: 热情服务 } }", "source: { clause: 四, quote: 热情服务 }, scoring: { scorecard: card, item: refused, counts: [missed] } }", files);
    const ps = problemsOf(files);
    expect(ps.some((p) => p.file === "duties.yaml" && p.code === "UNKNOWN_REFERENCE")).toBe(false);
    expect(ps.filter((p) => p.file === "scoring.yaml").map((p) => p.code).sort()).toEqual(["SCHEMA_MISSING_KEY", "SCHEMA_UNKNOWN_KEY"]);
    // The duty's own problem (a scoring duty needs a schedule) is still found.
    expect(ps.filter((p) => p.file === "duties.yaml").map((p) => [p.code, p.line, p.params])).toEqual([["SCHEMA_MISSING_KEY", 3, { key: "schedule" }]]);
  });

  it("a duplicate rule id names the first rule's line", () => {
    const files = edit("assignment.yaml", "      - id: by-department", "      - id: by-county");
    const dup = problemsOf(files).find((p) => p.code === "DUPLICATE_ID")!;
    expect([dup.file, dup.line, dup.col]).toEqual(["assignment.yaml", 12, 13]);
    expect(dup.params).toEqual({ kind: "rule", id: "by-county", firstFile: "assignment.yaml", firstLine: 8, firstPath: "tables[0].rules[0].id" });
  });

  it("a duplicate scoring item names the item, in its category, where it was first declared", () => {
    const files = edit("scoring.yaml", "        survey:", "        items:\n          - { id: refused, deduct: 1, per: case, source: { clause: 四, quote: 推诿扣3分 } }\n        survey:");
    const dup = problemsOf(files).find((p) => p.code === "DUPLICATE_ID")!;
    expect([dup.file, dup.line, dup.col, dup.path]).toEqual(["scoring.yaml", 16, 19, "scorecards[0].categories[1].items[0].id"]);
    expect(dup.params).toMatchObject({ firstLine: 11, firstPath: "scorecards[0].categories[0].items[0].id" });
  });
});
