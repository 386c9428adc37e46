/** explain: decisions and reasons in words, citing clauses, with the facts' actual values. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, type CaseInput } from "../../src/engine/evaluate/evaluate.js";
import { explain } from "../../src/engine/tools/explain/explain.js";
import { loadPack } from "../../src/engine/compile/load.js";

const yingkou = loadPack("policies/yingkou");
const suqian = loadPack("policies/suqian");
const xinghua = loadPack("policies/xinghua");
const run = (pack: typeof yingkou, input: CaseInput, lang: "zh" | "en" = "zh") => explain(pack, evaluate(pack, input), { lang, input });

const leadCase: CaseInput = { asOf: "2026-03-02", facts: { stage: "construction", introducer: "city-department", introducerUnit: "city-industry-it", landingUnit: "gaizhou" } };
const mayorCase: CaseInput = {
  asOf: "2026-09-18",
  facts: { issueKind: "complex", receivingUnit: "city-commerce" },
  now: "2026-10-16T09:00:00+08:00",
  events: { "mayor-direct": { received: "2026-09-18" } },
  history: { complaint: [{ rung: "receiving-unit", at: "2026-09-18", outcome: "failed" }] },
};

describe("explain: lead unit (营口 二(二))", () => {
  it("names the lead unit in Chinese with its clause, and each rule not applied with the failed condition and the actual value", () => {
    const e = run(yingkou, leadCase);
    const s = e.sections.find((x) => x.id === "lead-unit")!;
    expect(s.summary).toMatch(/^牵头单位：市工业和信息化局（依据 二\(二\)2：市直部门引进的项目/);
    expect(e.text).toContain("配合单位：相关部门、盖州市");
    expect(e.text).toContain("未适用 二(二)1「签约后至竣工阶段,县(市)区、园区引进的项目继续由其牵头,市直相关部门配合」：条件「引进(首谈)单位类型 等于 县(市)区、园区」不满足（实际：市直部门）");
    expect(e.text).toContain("未适用 二(三)1");
    const applied = s.lines.find((l) => l.kind === "applied")!;
    expect(applied.clause).toBe("二(二)2");
    expect(applied.text).toContain("引进(首谈)单位类型＝市直部门");
    const miss = s.lines.find((l) => l.id === "lead-unit/construction-county-park")!;
    expect(miss.failed).toEqual([expect.objectContaining({ fact: "introducer", operator: "equal", expected: "county-park", actual: "city-department" })]);
  });

  it("says the same in English, with operators in words", () => {
    const e = run(yingkou, leadCase, "en");
    expect(e.text).toContain("Lead unit: 市工业和信息化局 (city-industry-it) (per 二(二)2:");
    expect(e.text).toContain('does not apply: 二(二)1「签约后至竣工阶段,县(市)区、园区引进的项目继续由其牵头,市直相关部门配合」: condition "introducer equals county-park" does not hold (actual: city-department)');
  });

  it("reports a table whose facts are missing as not evaluated, naming the fact by its Chinese name", () => {
    expect(run(yingkou, leadCase).text).toContain("未评估：缺少事实「项目审批权限所在层级」（案件中写作 `approvalAuthority`），该表的规则需要它");
  });

  it("shows enum values by valuesZh and booleans as 是/否 (宿迁 三(十五))", () => {
    const e = run(suqian, mayorCase);
    expect(e.text).toContain("条件「作为方面的问题 属于 不作为、慢作为、乱作为」不满足（实际：无）");
    expect(e.text).toContain("条件「涉嫌违纪违法 等于 是」不满足（实际：否）");
  });
});

describe("explain: deadline ledger (宿迁 一(八), 2026 国庆 with 调休)", () => {
  it("lists every counted and skipped day with the reason, the due date and the status", () => {
    const e = run(suqian, mayorCase);
    const s = e.sections.find((x) => x.area === "deadline" && x.id === "mayor-direct")!;
    expect(s.summary).toContain("期限：15 个工作日，到期日 2026-10-15（依据 一(八)：");
    expect(s.summary).toContain("已超期 1 个工作日");
    const ledger = s.lines.filter((l) => l.kind === "ledger").map((l) => l.text);
    expect(ledger).toContain("2026-09-18 周五 起算：自次日起计算 15 个工作日（民法典第二百零一条：开始的当日不计入）");
    expect(ledger).toContain("2026-09-19 周六 不计：周末");
    expect(ledger).toContain("2026-09-20 周日 计第 1 个工作日（调休上班日（国庆节））");
    expect(ledger).toContain("2026-10-01 周四 不计：法定节假日（国庆节）");
    expect(ledger).toContain("2026-10-10 周六 计第 11 个工作日（调休上班日（国庆节））");
    expect(ledger).toContain("2026-10-15 周四 到期：共 15 个工作日");
    expect(ledger.filter((l) => l.includes("计第"))).toHaveLength(15);
    expect(e.text).toContain("适用 一(八)「情况复杂或涉及多个单位的问题 15个工作日」：条件「直通市长问题的类别（承办时限） 等于 情况复杂的问题 或 涉及多个单位 等于 是」成立（直通市长问题的类别（承办时限）＝情况复杂的问题，涉及多个单位＝否）");
  });

  it("in English keeps the engine's day-by-day reasons", () => {
    const e = run(suqian, mayorCase, "en");
    expect(e.text).toContain("2026-09-20 Sun makeup working day");
    expect(e.text).toContain("status at 2026-10-16T09:00:00+08:00: overdue by 1 working days");
  });

  it("shows pauses and extensions (营口 六.1, 六.3)", () => {
    const input: CaseInput = {
      asOf: "2026-03-02",
      facts: { promisedWorkingDays: 10, statutoryWorkingDays: 20 },
      now: "2026-10-16",
      events: { commitment: { received: "2026-09-25", pauses: [{ from: "2026-09-28", to: "2026-09-29", reason: "专家评审" }], extensions: [{ requestedOn: "2026-10-12", workingDays: 3, reason: "情况复杂" }] } },
    };
    const text = run(yingkou, input).text;
    expect(text).toContain("2026-09-28 周一 自次日起暂停计时：专家评审");
    expect(text).toContain("2026-09-29 周二 不计：工作日，计时暂停中");
    expect(text).toContain("2026-10-12 周一 延期 3 个工作日：情况复杂");
    expect(text).toContain("到期日 2026-10-21");
    expect(text).toContain("前提「承诺的办理时限不得超过法律、法规规定的时限(六.1)」满足");
  });
});

describe("explain: escalation and scores", () => {
  it("gives the path and the next step with who and when (宿迁 二(十二))", () => {
    const s = run(suqian, mayorCase).sections.find((x) => x.area === "escalation")!;
    expect(s.summary).toContain("由 市商务局 办理");
    const next = s.lines.find((l) => l.kind === "next")!;
    expect(next.text).toMatch(/^下一步：升至「.+」，由 .+ 办理；触发条件：本级未能解决；现在即应升级（2026-10-16）/);
    expect(next.clause).toBe("二(十二)");
  });

  it("lists each deduction with its clause and the survey (兴化 附件2)", () => {
    const input: CaseInput = { asOf: "2021-03-31", scoring: { scorecard: { incidents: [{ item: "not-accepted", count: 2 }, { item: "window-or-helper-missing" }], survey: { 优秀: 3, 满意: 1, 不了解: 1 } } } };
    const s = run(xinghua, input).sections.find((x) => x.area === "score")!;
    expect(s.summary).toBe("总分 82.5 / 100，共 2 项扣分");
    expect(s.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^扣 6 分：未及时受理、推诿或拒绝代办、帮办 × 2（依据 附件2三\(三\)：/),
        expect.stringMatching(/^扣 10 分：未设立项目代办专窗.*（依据 附件2三\(一\)：未到位的扣10分）$/),
        expect.stringMatching(/^民主评议：计入 4 份，平均 95 分，得 28.5 分/),
      ]),
    );
  });

  it("refuses a result from another pack", () => {
    expect(() => explain(suqian, evaluate(yingkou, leadCase))).toThrow(/computed with pack yingkou/);
  });
});

describe("yingshang explain (CLI)", () => {
  const cli = process.env.YINGSHANG_CLI ?? "dist/cli.js";
  const dir = mkdtempSync(join(tmpdir(), "ys-explain-"));
  const file = join(dir, "case.json");
  writeFileSync(file, JSON.stringify(leadCase));

  it("prints Chinese by default and JSON sections with --json", () => {
    const text = execFileSync("node", [cli, "explain", "yingkou", file], { encoding: "utf8" });
    expect(text).toContain("牵头单位：市工业和信息化局（依据 二(二)2");
    const json = JSON.parse(execFileSync("node", [cli, "explain", "yingkou", file, "--json", "--lang", "en"], { encoding: "utf8" }));
    expect(json.lang).toBe("en");
    expect(json.sections[0]).toMatchObject({ area: "assignment", id: "lead-unit" });
  });

  it("exits 2 on a bad language or malformed input, without a stack trace", () => {
    const r = spawnSync("node", [cli, "explain", "yingkou", file, "--lang", "fr"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--lang must be zh or en");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{not json");
    const r2 = spawnSync("node", [cli, "explain", "yingkou", bad], { encoding: "utf8" });
    expect(r2.status).toBe(2);
    expect(r2.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
