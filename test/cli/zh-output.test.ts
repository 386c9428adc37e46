// `test`, `coverage` (and `diff`) speak Chinese by default: no English word or label of ours in the
// Chinese text — ids, paths and values only in backquotes — `--lang en` keeps English, `--json` is the
// same in both. Words that come from the pack itself (its names and clause titles, shown in 「」 or as
// the title) are the pack's own and are taken out before the check.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack } from "../../src/index.js";
import { root, run } from "../calendar/helpers/run.js";
import { englishLeft } from "../helpers/chinese.js";

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"];

/** The English words of ours left in a Chinese text, line by line, after the pack's own words are taken out. */
function english(text: string, packText: readonly string[] = []): string[] {
  return text.split("\n").flatMap((line) => {
    let l = line.replace(/「[^」]*」/gu, "");
    for (const t of packText) l = l.split(t).join("");
    const left = englishLeft(l);
    return left ? [`${left}  ⟵ ${line.slice(0, 120)}`] : [];
  });
}

describe("yingshang test in Chinese", () => {
  it("lists each file with -v and ends with 通过 n/m, with no English word", () => {
    const r = run("test", "suqian", "-v");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    // suqian's five test files (policies/suqian/tests/), then the rule and the total.
    expect(lines.slice(0, 5).map((l) => l.replace(/：.*$/u, ""))).toEqual(["assignment", "deadlines", "enforcement", "escalation", "schedules"].map((f) => `\`suqian/tests/${f}.yaml\``));
    expect(lines.at(-1)).toMatch(/^通过：(\d+)\/\1$/u);
    expect(english(r.out)).toEqual([]);
  });

  it("is quiet on pass, and --lang en keeps PASS n/m", () => {
    const zh = run("test", "zibo");
    expect(zh.out.trim()).toMatch(/^通过：(\d+)\/\1$/u);
    const en = run("test", "zibo", "--lang", "en");
    expect(en.out.trim()).toMatch(/^PASS: (\d+)\/\1$/u);
    expect(JSON.parse(run("test", "zibo", "--json").out)).toEqual(JSON.parse(run("test", "zibo", "--json", "--lang", "zh").out));
  });

  it("shows expected against actual in Chinese, and a test that threw with its problem in Chinese", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "yingshang-zh-test-")), "suqian");
    cpSync(join(root, "policies", "suqian"), dir, { recursive: true });
    const file = join(dir, "tests", "deadlines.yaml");
    let t = readFileSync(file, "utf8");
    // The first test: a complex matter referred 2026-09-18 is due 2026-10-15 (一(八): 15 working days);
    // expecting 2026-10-14 must fail on dueDate. Its name is made Chinese, as a test name written by an officer.
    const first = t.indexOf("  - name: ");
    t = `${t.slice(0, first)}  - name: "复杂问题应于十五个工作日内办结（一(八)）"${t.slice(t.indexOf("\n", first))}`;
    t = t.replace("      dueDate: 2026-10-15\n", "      dueDate: 2026-10-14\n");
    writeFileSync(file, t);
    const r = run("test", dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("  未通过：复杂问题应于十五个工作日内办结（一(八)）（`" + dir + "/tests/deadlines.yaml` 第9行）\n    结果中的 `dueDate`\n      预期：`\"2026-10-14\"`\n      实际：`\"2026-10-15\"`\n");
    expect(r.out.trim().split("\n").at(-1)).toMatch(/^未通过：(\d+)\/(\d+)$/u);
    expect(english(r.out, [dir])).toEqual([]);
    const en = run("test", dir, "--lang", "en");
    expect(en.out).toContain('    dueDate\n      expected: "2026-10-14"\n      actual:   "2026-10-15"\n');
    expect(en.out.trim().split("\n").at(-1)).toMatch(/^FAIL: \d+\/\d+$/u);
  });
});

describe("yingshang coverage in Chinese", () => {
  it.each(PACKS)("names what covers each clause of %s by its Chinese name, with no English word of ours", (id) => {
    const r = run("coverage", id);
    expect(r.code).toBe(0);
    const pack = loadPack(id);
    const c = pack.coverage;
    expect(r.out.split("\n")[0]).toBe(`\`${id}\`：${c.total} 条中已覆盖 ${c.covered} 条（100.0%）`);
    const titles = c.clauses.map((cl) => cl.title ?? "").filter(Boolean);
    const assumptions = c.assumptions.map((a) => a.zh);
    expect(english(r.out, [...titles, ...assumptions])).toEqual([]);
    expect(r.out).not.toContain("NOT COVERED");
  });

  it("words a rule, a deadline's variant, a ladder's rung and a fact as a policy officer does", () => {
    const out = run("coverage", "suqian").out;
    // 一(八) is covered by the mayor-direct deadline's 15-working-day variant and the mayor-direct ladder (policies/suqian).
    const line = out.split("\n").find((l) => l.startsWith("  ✓ 一(八)"))!;
    expect(line).toContain("时限「企业问题投诉直达市长 承办时限」的情形「情况复杂或涉及多个单位的问题 15个工作日」");
    expect(line).toContain("督办链「企业问题投诉直达市长 报批路径」的层级「市长、副市长与企业会商解决」");
    expect(line).toContain("事实「涉及多个单位」");
    // A fact's default is said as 是/否, not as JSON.
    expect(out).toContain("本包假定 事实「涉及多个单位」的默认值「否」：");
  });

  it("--lang en keeps the English listing; --json is the same in both", () => {
    expect(run("coverage", "zibo", "--lang", "en").out.split("\n")[0]).toMatch(/^zibo: \d+\/\d+ clauses covered \(100\.0 %\)$/u);
    expect(run("coverage", "zibo", "--json").out).toBe(run("coverage", "zibo", "--json", "--lang", "en").out);
  });
});

describe("yingshang diff in Chinese", () => {
  // 一(八): complex matters 15 working days; the copy says 10 (policies/suqian/deadlines.yaml, mayor-direct/complex).
  const dir = join(mkdtempSync(join(tmpdir(), "yingshang-zh-diff-")), "suqian");
  cpSync(join(root, "policies", "suqian"), dir, { recursive: true });
  const file = join(dir, "deadlines.yaml");
  const text = readFileSync(file, "utf8");
  expect(text.match(/workingDays: 15\b/gu)).toHaveLength(1);
  writeFileSync(file, text.replace(/workingDays: 15\b/u, "workingDays: 10"));

  it("says the change by its Chinese names, the impact and the version check, with no English word", () => {
    const r = run("diff", "suqian", dir, "--population", "300");
    expect(r.code).toBe(1);
    expect(r.out).toContain("改动（1 处）：\n  ~ 时限「企业问题投诉直达市长 承办时限」的情形「情况复杂或涉及多个单位的问题 15个工作日」的工作日数：15 → 10\n");
    expect(r.out).toMatch(/\n对 300 个生成的案件的影响：\d+ 个结果改变（[\d.]+%）\n {2}时限到期日：\d+ 个\n/u);
    // The version was not raised (both 1.1.1), so the check says so.
    expect(r.out).toContain("提醒：计算结果有改变，但版本仍是 ");
    expect(english(r.out, [dir])).toEqual([]);
  });

  it("--lang en keeps the English report; --json is the same in both", () => {
    const en = run("diff", "suqian", dir, "--population", "100", "--lang", "en");
    expect(en.out).toContain("Changes (1):\n  ~ variant mayor-direct/complex");
    expect(run("diff", "suqian", dir, "--population", "100", "--json").out).toBe(run("diff", "suqian", dir, "--population", "100", "--json", "--lang", "en").out);
  });
});
