// Staffing rosters checked against a pack's staffing.yaml (issue 4, Xinghua 附件1). Every expected
// place below is worked out from the roster's text: the line holding a marker and the column of a
// word on it; each invalid roster also states its expected code, path and place in its header.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, loadPack, readPackDir, YingshangError, type Problem } from "../../src/index.js";
import { checkRoster } from "../../src/engine/tools/roster/roster.js";

const root = resolve(__dirname, "..", "..");
const rosters = join(root, "policies", "xinghua", "tests", "rosters");
const xinghua = loadPack(join(root, "policies", "xinghua"));
const text = (name: string) => readFileSync(join(rosters, name), "utf8");
const check = (t: string, file = "roster.yaml") => checkRoster(xinghua, t, { file });

/** The 1-based line of the first non-comment line containing `marker`, and the column of `word` (at or after the marker) on it. */
function placeOf(t: string, marker: string, word: string): { line: number; col: number } {
  const lines = t.split("\n");
  const i = lines.findIndex((l, k) => k > 0 && !l.startsWith("#") && l.includes(marker));
  expect(i, `marker ${marker}`).toBeGreaterThan(0);
  const col = lines[i]!.indexOf(word, lines[i]!.indexOf(marker));
  expect(col, `word ${word}`).toBeGreaterThanOrEqual(0);
  return { line: i + 1, col: col + 1 };
}

const INVALID: { file: string; code: string; path: string; clause: string; marker: string; word: string }[] = [
  { file: "invalid-mid-year-change.yaml", code: "ROSTER_CHANGE_NOT_YEAR_END", path: "changes[0].date", clause: "附件1第六条", marker: "- date: 2026-06-15", word: "2026-06-15" },
  { file: "invalid-not-window-head.yaml", code: "ROSTER_WINDOW_HEAD", path: "departments[0].helpers[0].windowHead", clause: "附件1第四条", marker: "name: 郑九", word: "false" },
  { file: "invalid-one-agent.yaml", code: "ROSTER_AGENT_COUNT", path: "townships[0].agents", clause: "附件1第四条", marker: "agents:", word: "agents" },
  { file: "invalid-short-tenure.yaml", code: "ROSTER_TENURE", path: "changes[1].out", clause: "附件1第六条", marker: "out: 孙六", word: "孙六" },
  { file: "invalid-two-helpers.yaml", code: "ROSTER_HELPER_COUNT", path: "departments[0].helpers", clause: "附件1第四条", marker: "helpers:", word: "helpers" },
  { file: "invalid-unfiled-change.yaml", code: "ROSTER_CHANGE_NOT_FILED", path: "changes[0]", clause: "附件1第六条", marker: "- date: 2026-04-01", word: "date" },
];

describe("checkRoster on Xinghua's example rosters", () => {
  it("covers every roster in policies/xinghua/tests/rosters/", () => {
    const named = new Set([...INVALID.map((x) => x.file), "valid-roster.yaml", "valid-with-warnings.yaml"]);
    expect(new Set(readdirSync(rosters))).toEqual(named);
  });

  it("passes the valid roster with no problems and no warnings", () => {
    const r = check(text("valid-roster.yaml"));
    expect(r).toEqual({ valid: true, problems: [], warnings: [] });
  });

  it.each(INVALID)("$file gives exactly $code at its place", ({ file, code, path, clause, marker, word }) => {
    const t = text(file);
    const r = check(t, `rosters/${file}`);
    expect(r.valid).toBe(false);
    expect(r.warnings).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual([code]);
    const p = r.problems[0]!;
    const at = placeOf(t, marker, word);
    expect({ file: p.file, line: p.line, col: p.col, path: p.path }).toEqual({ file: `rosters/${file}`, ...at, path });
    expect((p.params as { clause: string }).clause).toBe(clause);
    expect(p.message).toContain(clause);
    // The file's own header states the same code, path and place.
    expect(t.split("\n")[2]).toContain(`${code} at ${path} (${at.line}:${at.col})`);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it("words the agent-count problem for a policy officer: unit, number, date, clause, fix", () => {
    const p = check(text("invalid-one-agent.yaml")).problems[0]!;
    expect(p.message).toBe("戴南镇 has 1 代办员 in post from 2023-01-01 to 2026-11-21; 附件1第四条 requires at least 2. Add a 代办员 (and record the change under `changes`), or correct the from/until dates.");
    expect(p.params).toEqual({ unit: "dainan", unitZh: "戴南镇", date: "2023-01-01", until: "2026-11-21", count: 1, min: 2, max: null, clause: "附件1第四条" });
  });
});

describe("warnings", () => {
  it("do not make a roster invalid (valid-with-warnings.yaml: no 专窗, a helper who is not a 中层干部)", () => {
    const t = text("valid-with-warnings.yaml");
    const r = check(t);
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.path, w.line, w.col, (w.params as { clause: string }).clause])).toEqual([
      ["ROSTER_NO_AGENCY_WINDOW", "townships[0].window", ...Object.values(placeOf(t, "window: false", "false")), "四(一)"],
      ["ROSTER_CADRE", "departments[0].helpers[0].cadre", ...Object.values(placeOf(t, "name: 褚十二", "other")), "附件1第四条"],
    ]);
  });

  it("an agent who is not a 年轻后备干部 or 基层站所负责人 is a warning on an otherwise valid roster", () => {
    const r = check(text("valid-roster.yaml").replace("{ name: 吴八, post: 企业服务局科员, cadre: young-reserve", "{ name: 吴八, post: 企业服务局科员, cadre: other"));
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([["ROSTER_CADRE", { unit: "economic-development-zone", unitZh: "兴化经济开发区", person: "吴八", cadre: "other", cadreZh: "其他", allowed: ["young-reserve", "station-head"], allowedZh: ["年轻后备干部", "基层站所负责人"], clause: "附件1第四条" }]]);
  });
});

describe("the rules come from the pack", () => {
  const files = readPackDir(join(root, "policies", "xinghua"));
  const withStaffing = (edit: (s: string) => string) => compilePack({ ...files, "staffing.yaml": edit(files["staffing.yaml"]!) }, { folder: "xinghua" });

  it("a pack requiring 3 代办员 finds the valid roster short of them", () => {
    const pack = withStaffing((s) => s.replace("  min: 2\n", "  min: 3\n"));
    const r = checkRoster(pack, text("valid-roster.yaml"));
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ["ROSTER_AGENT_COUNT", "townships[0].agents"],
      ["ROSTER_AGENT_COUNT", "townships[2].agents"],
    ]);
  });

  it("a pack without a change month accepts a mid-year change", () => {
    const pack = withStaffing((s) => s.replace("  onlyInMonth: 12\n", ""));
    expect(checkRoster(pack, text("invalid-mid-year-change.yaml")).valid).toBe(true);
  });

  it("a pack without staffing.yaml gives a typed error when asked to check a roster", () => {
    const noStaffing = { ...files };
    delete noStaffing["staffing.yaml"];
    const pack = compilePack(noStaffing, { folder: "xinghua" });
    expect(pack.docs.staffing).toBeNull();
    let err: unknown;
    try {
      checkRoster(pack, text("valid-roster.yaml"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YingshangError);
    const e = err as YingshangError;
    expect(e.code).toBe("ROSTER_NO_STAFFING_RULES");
    expect(e.problems[0]!.params).toEqual({ pack: "xinghua" });
    expect(e.message).toContain("has no staffing.yaml");
  });
});

describe("more checks, on edited copies of the valid roster", () => {
  const valid = text("valid-roster.yaml");
  const codes = (r: { problems: Problem[] }) => r.problems.map((p) => p.code);

  it("accepts the filing unit by its id as well as by its Chinese name", () => {
    expect(check(valid.replace("filedWith: 市行政审批局\n  filedOn: 2022-12-20", "filedWith: city-approval-bureau\n  filedOn: 2022-12-20")).valid).toBe(true);
  });

  it("reports a header filed with another unit, at its filedWith", () => {
    const t = valid.replace("filedWith: 市行政审批局\n  filedOn: 2022-12-20", "filedWith: 市政府办公室\n  filedOn: 2022-12-20");
    const r = check(t);
    expect(codes(r)).toEqual(["ROSTER_CHANGE_NOT_FILED"]);
    expect(r.problems[0]).toMatchObject({ path: "roster.filedWith", ...placeOf(t, "filedWith: 市政府办公室", "市政府办公室"), params: { change: null, missing: ["filedWith"] } });
  });

  it("reports a change filed after it took effect, at its filedOn", () => {
    const r = check(valid.replace("filedOn: 2025-12-10", "filedOn: 2026-01-05"));
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([["ROSTER_CHANGE_NOT_FILED", "changes[0].filedOn"]]);
  });

  it("reports a special change without its reason", () => {
    const r = check(valid.replace("    reason: 郑九调任其他单位, 窗口负责人由冯十接任\n", ""));
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([["ROSTER_SPECIAL_REASON", "changes[1].special"]]);
  });

  it("accepts a tenure of exactly 2 years and refuses one day less (2年以上 includes 2)", () => {
    // 王一 is replaced by 张三 on 2025-12-31 (December, not special). Starting the roster, and 王一, on
    // 2023-12-31 gives exactly 2 years; starting them on 2024-01-01 gives one day less.
    const from = (day: string) => valid.replace("since: 2023-01-01", `since: ${day}`).replace("{ name: 王一, post: 便民服务中心副主任, cadre: young-reserve, from: 2023-01-01", `{ name: 王一, post: 便民服务中心副主任, cadre: young-reserve, from: ${day}`);
    expect(check(from("2023-12-31")).problems).toEqual([]);
    const short = check(from("2024-01-01"));
    expect(short.problems.map((p) => [p.code, p.path, p.params])).toEqual([["ROSTER_TENURE", "changes[0].out", { change: 0, person: "王一", from: "2024-01-01", date: "2025-12-31", minYears: 2, clause: "附件1第六条" }]]);
  });

  it("reports a change whose dates disagree with the people lists, and an unrecorded departure", () => {
    expect(check(valid.replace("from: 2025-12-31 }", "from: 2025-12-30 }")).problems.map((p) => [p.code, p.path])).toEqual([["ROSTER_CHANGE_MISMATCH", "changes[0].in"]]);
    const unrecorded = check(valid.replace("{ name: 陈十一, post: 市政务服务中心自然资源窗口负责人, cadre: mid-level, windowHead: true, from: 2023-01-01 }", "{ name: 陈十一, post: 市政务服务中心自然资源窗口负责人, cadre: mid-level, windowHead: true, from: 2023-01-01, until: 2030-01-01 }"));
    expect(unrecorded.problems.map((p) => [p.code, p.path, (p.params as { detail: string }).detail])).toEqual([["ROSTER_CHANGE_MISMATCH", "departments[1].helpers[0].until", "unrecorded departure"]]);
  });

  it("reports a department with a window and no helper at all as a helper-count problem", () => {
    const r = check(valid.replace("      - { name: 褚十二, post: 水政水资源科科长, cadre: mid-level, from: 2023-01-01 }\n", "").replace("    helpers:\n\nchanges:", "    helpers: []\n\nchanges:"));
    expect(r.problems.map((p) => [p.code, p.path, (p.params as { count: number }).count])).toEqual([["ROSTER_HELPER_COUNT", "departments[2].helpers", 0]]);
  });
});

describe("malformed and unreadable rosters", () => {
  const valid = text("valid-roster.yaml");

  it("reports an unknown key as ROSTER_INVALID at the key, with the schema's suggestion", () => {
    const t = valid.replace("    window: false\n", "    windw: false\n");
    const r = check(t);
    expect(r.valid).toBe(false);
    expect(r.problems).toHaveLength(2); // the unknown key, and the then-missing `window`
    const p = r.problems.find((x) => (x.params as { cause: string }).cause === "SCHEMA_UNKNOWN_KEY")!;
    expect(p).toMatchObject({ code: "ROSTER_INVALID", path: "departments[2].windw", ...placeOf(t, "windw: false", "windw") });
    expect(p.message).toContain("did you mean `window`?");
  });

  it("reports a date that is not real, a change to an unknown unit and a roster for another pack", () => {
    expect(check(valid.replace("asOf: 2026-11-21", "asOf: 2026-02-30")).problems.map((p) => [p.code, p.path, (p.params as { cause: string }).cause])).toEqual([["ROSTER_INVALID", "roster.asOf", "PACK_INVALID_DATE"]]);
    const unknown = check(valid.replace("unit: zhaoyang", "unit: zhaoyng")).problems;
    expect(unknown.map((p) => [p.code, p.path])).toEqual([["ROSTER_INVALID", "changes[0].unit"]]);
    expect(unknown[0]!.message).toContain("did you mean `zhaoyang`?");
    expect(check(valid.replace("  pack: xinghua\n  zh:", "  pack: zibo\n  zh:")).problems.map((p) => [p.code, p.path])).toEqual([["ROSTER_INVALID", "roster.pack"]]);
  });

  it("refuses text that is not YAML with a typed error, and an empty roster as invalid", () => {
    expect(() => check("roster: [unclosed\n")).toThrow(YingshangError);
    try {
      check("roster: [unclosed\n");
    } catch (e) {
      expect((e as YingshangError).code).toBe("YAML_SYNTAX");
    }
    expect(check("").problems.map((p) => p.code)).toEqual(["ROSTER_INVALID"]);
  });
});

describe("yingshang roster (CLI, dist/cli.js)", () => {
  const cli = join(root, "dist", "cli.js");
  const run = (...args: string[]) => {
    // Other builds may be replacing dist/ at this moment: wait for it to come back.
    for (let i = 0; i < 60 && !existsSync(cli); i++) spawnSync(process.execPath, ["-e", "setTimeout(() => {}, 500)"]);
    return spawnSync(process.execPath, [cli, "roster", ...args], { cwd: root, encoding: "utf8" });
  };

  it("exits 0 on the valid roster", () => {
    const r = run("xinghua", "policies/xinghua/tests/rosters/valid-roster.yaml");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("valid");
  });

  it("exits 0 on a roster with warnings only, and prints them", () => {
    const r = run("xinghua", "policies/xinghua/tests/rosters/valid-with-warnings.yaml");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/warning: policies\/xinghua\/tests\/rosters\/valid-with-warnings\.yaml:16:13 — .*\[ROSTER_NO_AGENCY_WINDOW\]/);
  });

  it("speaks Chinese with --lang zh: units and cadres by their Chinese names, no codes", () => {
    // valid-with-warnings.yaml: 戴南镇 (dainan) has no 项目代办专窗 (line 16), and 褚十二, 帮办员 of
    // 市水务局, is cadre `other` where 附件1第四条 names 机关中层干部 (line 25).
    const r = spawnSync(process.execPath, [cli, "roster", "xinghua", "policies/xinghua/tests/rosters/valid-with-warnings.yaml", "--lang", "zh"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("policies/xinghua/tests/rosters/valid-with-warnings.yaml：对照 xinghua 1.1.2 的人员配备规定，合格——0 个问题，2 个提醒");
    expect(lines[1]).toBe("提醒 policies/xinghua/tests/rosters/valid-with-warnings.yaml 第16行第13列：戴南镇没有项目代办专窗；四(一)要求设立（计入评分，不算无效）。");
    expect(lines[2]).toBe("提醒 policies/xinghua/tests/rosters/valid-with-warnings.yaml 第25行第42列：褚十二（市水务局）的干部类别是「其他」，而附件1第四条要求的是「机关中层干部」（计入评分，不算无效）。");
    expect(r.stdout).not.toMatch(/dainan|water-resources|mid-level|\[[A-Z_]+\]/);
  });

  it.each(INVALID)("exits 1 on $file and prints $code with its place", ({ file, code }) => {
    const r = run("xinghua", `policies/xinghua/tests/rosters/${file}`, "--json");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; problems: Problem[] };
    expect(out.valid).toBe(false);
    expect(out.problems.map((p) => [p.code, p.file])).toEqual([[code, `policies/xinghua/tests/rosters/${file}`]]);
  });

  it("exits 2 on a missing roster file, and on a pack without staffing.yaml", () => {
    const missing = run("xinghua", "policies/xinghua/tests/rosters/no-such-roster.yaml");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Cannot read the roster");
    const noRules = run("test/fixtures/minimal", "policies/xinghua/tests/rosters/valid-roster.yaml", "--json");
    expect(noRules.status).toBe(2);
    expect((JSON.parse(noRules.stdout) as { error: { code: string } }).error.code).toBe("ROSTER_NO_STAFFING_RULES");
  });
});

describe("roster: the filing unit by its full name (兴化 附件1第六条)", () => {
  it("accepts filings with 兴化市行政审批局, the full name of the document's 市行政审批局", () => {
    const full = text("valid-roster.yaml").replace(/filedWith: 市行政审批局/gu, "filedWith: 兴化市行政审批局");
    expect(full).not.toBe(text("valid-roster.yaml"));
    const r = check(full);
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("still refuses a filing with another unit (兴化市发展和改革委员会)", () => {
    const other = text("valid-roster.yaml").replace("\n  filedWith: 市行政审批局", "\n  filedWith: 兴化市发展和改革委员会");
    expect(other).not.toBe(text("valid-roster.yaml"));
    expect(check(other).problems.map((p) => p.code)).toContain("ROSTER_CHANGE_NOT_FILED");
  });
});
