/**
 * diff: modified copies of bundled packs in a temp folder; the report must list exactly the changes
 * made, and count the changed outcomes as worked out by hand from the generated population.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffPacks, generatePopulation, parseCasesNdjson } from "../../src/engine/tools/diff/diff.js";
import { loadPack } from "../../src/engine/compile/load.js";
import { score } from "../../src/engine/evaluate/score.js";

const root = mkdtempSync(join(tmpdir(), "ys-diff-"));
const cli = process.env.YINGSHANG_CLI ?? "dist/cli.js";
const N = 2000;

/** Copies a bundled pack (without its tests) to root/label/<pack> and applies text edits to its files. */
function copy(pack: string, label: string, edits: Record<string, [string, string][]> = {}): string {
  const dir = join(root, label, pack);
  cpSync(join("policies", pack), dir, { recursive: true });
  rmSync(join(dir, "tests"), { recursive: true, force: true });
  for (const [file, subs] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), "utf8");
    for (const [from, to] of subs) {
      expect(text.split(from).length - 1, `${file}: ${from}`).toBe(1);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

// The English report (Chinese is the default; test/cli/zh-output.test.ts checks it).
const cliRun = (...args: string[]) => spawnSync("node", [cli, "diff", ...args, "--lang", "en"], { encoding: "utf8" });

const suqianA = copy("suqian", "a");
const suqianShorter = copy("suqian", "shorter", { "deadlines.yaml": [["period: { workingDays: 15 }", "period: { workingDays: 10 }"]] });
const suqianBumped = copy("suqian", "bumped", { "deadlines.yaml": [["period: { workingDays: 15 }", "period: { workingDays: 10 }"]], "pack.yaml": [["\nversion: 1.1.1\n", "\nversion: 1.2.0\n"]] });
const suqianRenamed = copy("suqian", "renamed", { "units.yaml": [["{ id: city-commerce, zh: 市商务局,", "{ id: city-commerce, zh: 宿迁市商务局,"]] });

describe("diff: a deadline shortened (宿迁 一(八) complex matters 15 → 10 working days)", () => {
  const a = loadPack(suqianA);
  const b = loadPack(suqianShorter);
  const d = diffPacks(a, b, { population: N });

  it("reports exactly that change", () => {
    expect(d.changes).toEqual([expect.objectContaining({ area: "variant", change: "changed", id: "mayor-direct/complex", field: "period.workingDays", before: 15, after: 10 })]);
    expect(d.changes[0]!.text).toBe("variant mayor-direct/complex (情况复杂或涉及多个单位的问题 15个工作日): period.workingDays 15 → 10");
  });

  it("changes the due date of every generated case the complex variant applies to, and nothing else", () => {
    // The complex variant applies when issueKind is complex or several units are involved; 10 working days always end earlier than 15.
    const expected = generatePopulation(a, b, N).filter((c) => c.facts!.issueKind === "complex" || c.facts!.involvesMultipleUnits === true).length;
    expect(expected).toBeGreaterThan(N / 2);
    const kinds = Object.fromEntries(d.population!.byKind.map((k) => [k.kind, k.cases]));
    expect(kinds).toEqual({ lead: 0, roles: 0, outcome: 0, dueDate: expected, escalation: 0, scoreTotal: 0, applicability: 0 });
    expect(d.population!.changed).toBe(expected);
    expect(d.outcomesChanged).toBe(true);
  });

  it("gives a minimal example: one fact", () => {
    const ex = d.population!.byKind.find((k) => k.kind === "dueDate")!.example!;
    expect(ex.part).toBe("deadline:mayor-direct");
    expect(Object.keys(ex.input.facts!)).toHaveLength(1);
    expect(ex.input.events).toEqual({ "mayor-direct": expect.any(Object) });
    expect((ex.before as { dueDate: string }).dueDate > (ex.after as { dueDate: string }).dueDate).toBe(true);
  });

  it("counts real cases from NDJSON: the complex and the multi-unit ones change, the others do not", () => {
    const lines = [
      { asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } },
      { asOf: "2026-09-18", facts: { issueKind: "general" }, events: { "mayor-direct": { received: "2026-09-18" } } },
      { asOf: "2026-09-18", facts: { issueKind: "urgent", involvesMultipleUnits: true }, events: { "mayor-direct": { received: "2026-09-18" } } },
      { asOf: "2026-09-18", facts: { issueKind: "urgent" }, events: { "mayor-direct": { received: "2026-09-18" } } },
      { asOf: "2026-03-02", facts: { receivingUnit: "city-commerce" }, history: { complaint: [{ rung: "receiving-unit", at: "2026-03-02", outcome: "failed" }] } },
    ];
    const file = join(root, "cases.ndjson");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n\n");
    const r = diffPacks(a, b, { population: 0, cases: parseCasesNdjson(readFileSync(file, "utf8"), file) });
    expect(r.population).toBeNull();
    expect(r.cases).toMatchObject({ total: 5, changed: 2 });
    const due = r.cases!.byKind.find((k) => k.kind === "dueDate")!;
    expect(due.cases).toBe(2);
    // From 2026-09-18: day 1 is the makeup Sunday 09-20, days 5/6 straddle 中秋 (09-25…27), day 8 is 09-30, then 国庆 (10-01…07): day 10 = 2026-10-09, day 15 = 2026-10-15.
    expect(due.example).toMatchObject({ input: { facts: { issueKind: "complex" } }, before: { dueDate: "2026-10-15" }, after: { dueDate: "2026-10-09" } });
  });

  it("warns when outcomes change but the version does not", () => {
    expect(d.versionChanged).toBe(false);
    expect(d.warnings.join("\n")).toMatch(/outcomes change but the version is still 1.1.1/);
    const bumped = diffPacks(a, loadPack(suqianBumped), { population: 300 });
    expect(bumped.versionBumped).toBe(true);
    expect(bumped.warnings).toEqual([]);
    expect(bumped.changes.map((c) => `${c.area}:${c.id}:${c.field}`)).toEqual(["pack:suqian:version", "variant:mayor-direct/complex:period.workingDays"]);
  });
});

describe("diff: a unit renamed (宿迁 市商务局 → 宿迁市商务局)", () => {
  it("reports the new name and no outcome change", () => {
    const d = diffPacks(loadPack(suqianA), loadPack(suqianRenamed), { population: N });
    expect(d.changes).toEqual([expect.objectContaining({ area: "unit", change: "changed", id: "city-commerce", field: "zh", before: "市商务局", after: "宿迁市商务局" })]);
    expect(d.population!.changed).toBe(0);
    expect(d.outcomesChanged).toBe(false);
  });
});

describe("diff: a scoring item added (兴化 附件2三(三))", () => {
  const xa = copy("xinghua", "xa");
  const xb = copy("xinghua", "xb", {
    "scoring.yaml": [
      [
        "        items:\n          - id: not-accepted\n",
        "        items:\n          - id: late-reply\n            zh: 未按时答复企业\n            deduct: 1\n            per: case\n            source:\n              clause: 附件2三(三)\n              quote: 未及时受理、推诿或拒绝代办、帮办的,每件次扣3分\n          - id: not-accepted\n",
      ],
    ],
  });
  const a = loadPack(xa);
  const b = loadPack(xb);
  const d = diffPacks(a, b, { population: N });

  it("reports exactly the new item", () => {
    expect(d.changes).toEqual([expect.objectContaining({ area: "item", change: "added", id: "scorecard/service/late-reply" })]);
    expect(d.changes[0]!.text).toBe("item scorecard/service/late-reply (未按时答复企业) added (−1 per case, 附件2三(三))");
  });

  it("changes the total of exactly the cases with that incident whose 规范服务 category still had points", () => {
    let expected = 0;
    for (const c of generatePopulation(a, b, N)) {
      const s = c.scoring!.scorecard!;
      if (!s.incidents!.some((i) => i.item === "late-reply")) continue;
      const before = score(a, "scorecard", { ...s, incidents: s.incidents!.filter((i) => i.item !== "late-reply") }, { asOf: c.asOf! });
      if (before.categories.service!.score > 0) expected++;
    }
    expect(expected).toBeGreaterThan(N / 10);
    const kinds = Object.fromEntries(d.population!.byKind.map((k) => [k.kind, k.cases]));
    expect(kinds).toMatchObject({ scoreTotal: expected, lead: 0, roles: 0, outcome: 0, dueDate: 0, escalation: 0 });
    const ex = d.population!.byKind.find((k) => k.kind === "scoreTotal")!.example!;
    expect(ex.input.scoring!.scorecard!.incidents).toEqual([{ item: "late-reply", count: expect.any(Number) }]);
    expect(ex.input.facts).toEqual({});
  });
});

describe("diff: a lead unit changed (营口 二(二)2)", () => {
  it("reports the rule's new lead and changes the lead of every construction-stage project a city department brought in", () => {
    const ya = copy("yingkou", "ya");
    const yb = copy("yingkou", "yb", { "assignment.yaml": [["          lead: { fact: introducerUnit }\n          cooperating: [relevant-departments, { fact: landingUnit }]\n        source:\n          clause: 二(二)2", "          lead: city-investment-bureau\n          cooperating: [relevant-departments, { fact: landingUnit }]\n        source:\n          clause: 二(二)2"]] });
    const a = loadPack(ya);
    const b = loadPack(yb);
    const d = diffPacks(a, b, { population: N });
    expect(d.changes).toEqual([expect.objectContaining({ area: "rule", id: "lead-unit/construction-city-department", field: "then.lead", before: { fact: "introducerUnit" }, after: "city-investment-bureau" })]);
    const expected = generatePopulation(a, b, N).filter((c) => c.facts!.stage === "construction" && c.facts!.introducer === "city-department" && c.facts!.introducerUnit !== "city-investment-bureau").length;
    const lead = d.population!.byKind.find((k) => k.kind === "lead")!;
    expect(lead.cases).toBe(expected);
    expect(d.population!.byKind.find((k) => k.kind === "roles")!.cases).toBe(0);
    expect(lead.example!.input.facts).toMatchObject({ stage: "construction", introducer: "city-department" });
    expect(lead.example!.after).toMatchObject({ lead: "city-investment-bureau" });
  });
});

describe("yingshang diff (CLI exit codes)", () => {
  it("exits 0 when nothing changes", () => {
    const r = cliRun(suqianA, copy("suqian", "same"), "--population", "300");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Changes: none in domain terms.");
  });

  // Four CLI runs of 300 cases each: the limit is for a hang, set so that a busy machine does not fail it.
  it("exits 1 when outcomes change, with or without a bump; --require-bump passes once the version is raised", { timeout: 600_000 }, () => {
    const r = cliRun(suqianA, suqianShorter, "--population", "300");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("deadline due date:");
    expect(r.stdout).toContain("warning: outcomes change but the version is still 1.1.1");
    expect(cliRun(suqianA, suqianShorter, "--population", "300", "--require-bump").status).toBe(1);
    expect(cliRun(suqianA, suqianBumped, "--population", "300").status).toBe(1);
    expect(cliRun(suqianA, suqianBumped, "--population", "300", "--require-bump").status).toBe(0);
  });

  it("gives JSON with --json", () => {
    const r = cliRun(suqianA, suqianRenamed, "--population", "200", "--json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ outcomesChanged: false, exitCode: 0, population: { total: 200, changed: 0 } });
  });

  it("exits 2 on bad input: an unknown pack, a malformed NDJSON line, a bad population", () => {
    expect(cliRun(suqianA, join(root, "nope")).status).toBe(2);
    const bad = join(root, "bad.ndjson");
    writeFileSync(bad, '{"asOf":"2026-03-02"}\n{oops\n');
    const r = cliRun(suqianA, suqianShorter, "--cases", bad, "--population", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bad.ndjson:2");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(cliRun(suqianA, suqianShorter, "--population", "-5").status).toBe(2);
  });
});
