// The format additions of issue 12, each on the bundled pack whose document needs it. Expected
// values are worked out from the documents (clauses named) and the 2026 holiday schedule.
import { describe, expect, it } from "vitest";
import { assign, compilePack, deadline, escalate, evaluate, explain, loadPack, readPackDir, YingshangError, type Problem } from "../../src/index.js";

const yingkou = loadPack("policies/yingkou");
const xinghua = loadPack("policies/xinghua");
const zibo = loadPack("policies/zibo");
const suqian = loadPack("policies/suqian");

function problemOf(f: () => unknown): Problem {
  try {
    f();
  } catch (e) {
    if (e instanceof YingshangError) return e.problems[0]!;
    throw e;
  }
  throw new Error("expected a YingshangError"); // eslint-disable-line no-restricted-syntax
}

describe("joint leads (淄博 七) and one lead (营口 二)", () => {
  it("淄博 七 gives all five printed lead units and picks none of them", () => {
    const r = assign(zibo, "measure-units", { measure: "七" }, { asOf: "2024-06-03" });
    expect(r.kind).toBe("assigned");
    expect(r.lead).toBeNull();
    expect(r.leads).toEqual(["city-development-reform", "city-industry-it", "city-natural-resources", "city-housing-construction", "city-approval-service"]);
    const e = explain(zibo, evaluate(zibo, { asOf: "2024-06-03", facts: { measure: "七" } }), { lang: "zh" });
    expect(e.text).toContain("共同牵头单位：市发展改革委、市工业和信息化局、市自然资源局、市住房城乡建设局、市行政审批服务局");
  });

  it("营口's lead-unit table still says exactly one, so a joint lead written into it is refused at its place", () => {
    const files = readPackDir("policies/yingkou");
    const text = files["assignment.yaml"]!.replace("          lead: city-investment-bureau\n", "          lead: [city-investment-bureau, city-commerce]\n");
    const p = problemOf(() => compilePack({ ...files, "assignment.yaml": text }, { folder: "yingkou" }));
    expect(p.code).toBe("LEAD_NOT_ONE");
    expect(p.line).toBe(text.split("\n").indexOf("          lead: [city-investment-bureau, city-commerce]") + 1);
  });
});

describe("limits that are facts of the matter (营口 六.1, 六.3)", () => {
  const ext = (promised: number, statutory: number, workingDays: number, requestedOn = "2026-03-06") =>
    deadline(yingkou, "commitment", { facts: { promisedWorkingDays: promised, statutoryWorkingDays: statutory }, events: { received: "2026-03-02", extensions: [{ requestedOn, workingDays }] } }, { asOf: "2026-03-02" });

  it("5 + 12 against a statutory 20 is allowed (17 ≤ 20): received Monday 2026-03-02, due Wednesday 2026-03-25", () => {
    const r = ext(5, 20, 12);
    expect("dueDate" in r && r.dueDate).toBe("2026-03-25");
  });

  it("15 + 8 against a statutory 20 is refused (23 > 20), citing the pack's own clause, not a hard-coded one", () => {
    const p = problemOf(() => ext(15, 20, 8, "2026-03-10"));
    expect(p.code).toBe("EXTENSION_OVER_CAP");
    expect(p.params).toMatchObject({ requested: 8, allowed: 5, cap: 5, clause: "营口市 六.3" });
    expect(p.message).toContain("营口市 六.3");
  });

  it("a statutory limit that is not a whole number ≥ 0 is a fact error, not a guess", () => {
    expect(problemOf(() => ext(5, -1, 1)).code).toMatch(/^FACT_/);
  });

  it("a cap written in another pack cites that pack's clause (the engine no longer says 营口 for everyone)", () => {
    const files = readPackDir("test/fixtures/minimal");
    const d = files["deadlines.yaml"]!.replace("    period: { workingDays: 5 }", "    period: { workingDays: 5, totalCap: { workingDays: 5 } }");
    const pack = compilePack({ ...files, "deadlines.yaml": d }, { folder: "minimal" });
    const p = problemOf(() => deadline(pack, "reply", { events: { received: "2024-06-03", extensions: [{ requestedOn: "2024-06-04", workingDays: 1 }] } }, { asOf: "2024-06-03" }));
    expect(p.code).toBe("EXTENSION_OVER_CAP");
    expect(p.message).toContain("测试市 二");
    expect(p.message).not.toContain("营口");
  });
});

describe("one number in one place (营口 七)", () => {
  const history = [
    { rung: "classify", at: "2026-04-01", outcome: "failed" as const },
    { rung: "leader-handles", at: "2026-04-02" },
  ];
  it("the leader's rung takes its 7 working days from the mayor-mailbox deadline: referred Thursday 2026-04-02, due Tuesday 2026-04-14 (清明 04-04…06)", () => {
    expect(escalate(yingkou, "mayor-mailbox", { facts: { matterLevel: "city-department" }, history }, { asOf: "2026-04-01" }).dueBy).toBe("2026-04-14");
  });
  it("changing the one number changes both answers alike", () => {
    const files = readPackDir("policies/yingkou");
    const pack = compilePack({ ...files, "deadlines.yaml": files["deadlines.yaml"]!.replace("    period: { workingDays: 7 }", "    period: { workingDays: 5 }") }, { folder: "yingkou" });
    const d = deadline(pack, "mayor-mailbox", { events: { received: "2026-04-02" } }, { asOf: "2026-04-01" });
    const l = escalate(pack, "mayor-mailbox", { facts: { matterLevel: "city-department" }, history }, { asOf: "2026-04-01" });
    expect("dueDate" in d && d.dueDate).toBe("2026-04-10");
    expect(l.dueBy).toBe("2026-04-10");
  });
});

describe("exclusive branches and required steps", () => {
  it("宿迁 一(八): a major issue sent down the general path is refused", () => {
    const p = problemOf(() => escalate(suqian, "mayor-direct", { facts: { severity: "major", undertakingUnit: "county" }, history: [{ rung: "review", at: "2026-03-02" }, { rung: "sign-off", at: "2026-03-03" }] }, { asOf: "2026-03-02" }));
    expect(p).toMatchObject({ code: "ESCALATION_EXCLUDED_PATH", params: { ladder: "mayor-direct", from: "review", to: "sign-off", jump: "major-issue" } });
  });
  it("营口 七: the leader's `resolved` does not close the matter before the mailbox has asked the enterprise", () => {
    const r = escalate(yingkou, "mayor-mailbox", { facts: { matterLevel: "county-park" }, history: [{ rung: "classify", at: "2026-04-01", outcome: "failed" }, { rung: "leader-handles", at: "2026-04-02", outcome: "resolved" }] }, { asOf: "2026-04-01" });
    expect(r).toMatchObject({ status: "escalate", next: { rung: "enterprise-feedback", actor: "mayor-mailbox-office", on: ["resolved"] } });
  });
  it("兴化 四(三): 市行政审批局 takes a 重大难题 to the city leader in charge without a meeting first", () => {
    const r = escalate(xinghua, "approval", { facts: { reportedTo: "city-approval-bureau", majorDifficulty: true }, history: [{ rung: "helper", at: "2026-03-02", outcome: "failed" }, { rung: "department-or-bureau", at: "2026-03-03", outcome: "failed" }, { rung: "city-leader", at: "2026-03-05" }] }, { asOf: "2026-03-02" });
    expect(r.path).toEqual(["helper", "department-or-bureau", "city-leader"]);
  });
});

describe("consequences with conditions", () => {
  it("淄博 三: a priority enterprise missing a condition still gets 特事特办、全程帮办、容缺办理, only not the licence first", () => {
    const r = assign(zibo, "special-handling", { epidemicPriorityEnterprise: true, mainProductionConditionsMet: false, productQualityInspectionPassed: true }, { asOf: "2020-03-02" });
    expect(r.consequences.map((c) => c.zh)).toEqual(["特事特办", "全程帮办", "容缺办理"]);
  });
  it("宿迁 一(一): 通报批评 follows a finding, falls on the officer and the county, and is decided by 市商务局", () => {
    const e = explain(suqian, evaluate(suqian, { asOf: "2026-03-02", facts: { poorAgency: true } }), { lang: "zh" });
    expect(e.text).toContain("后果：对首席服务员和县区予以通报批评（对象：首席服务员（开发园区招商负责同志）、各县(区)人民政府；由 市商务局 作出）（依据 一(一)）");
  });
});

describe("outcome names and assumptions in what people read", () => {
  it("宿迁 三(十五): 「结论：无奖惩情形」, never the id", () => {
    const e = explain(suqian, evaluate(suqian, { asOf: "2026-03-02", facts: {} }), { lang: "zh" });
    expect(e.text).toContain("结论：无奖惩情形");
    expect(e.text).not.toContain("结论：no-action");
  });
  it("营口 二(二)3: an answer from the usual-designation table says it rests on the pack's assumption", () => {
    const facts = { stage: "construction", introducer: "investment-bureau", industry: "装备制造", landingUnit: "gaizhou" };
    const e = explain(yingkou, evaluate(yingkou, { asOf: "2026-03-02", facts }), { lang: "zh" });
    expect(e.text).toContain("（本包假定：文件规定由市政府按项目行业对口及关联度逐个指定牵头部门，未列行业对照表；本表是常见指定的参考，只在案件未给出市政府的指定时使用，个案以市政府的指定为准。）");
  });
  it("营口 二(二)5: a major project not said to be reported is answered on the pack's assumption, and says so", () => {
    const e = explain(yingkou, evaluate(yingkou, { asOf: "2026-03-02", facts: { isMajor: true } }), { lang: "zh" });
    expect(e.text).toContain("本包假定：文件写\"可由牵头单位呈报\"");
    expect(e.text).not.toContain("市政府分管领导牵头督办，协调解决） 督办");
  });
  it("coverage lists every assumption with its place: 淄博's epidemic end date once", () => {
    const epidemic = zibo.coverage.assumptions.filter((a) => a.zh.includes("乙类乙管"));
    expect(epidemic).toEqual([{ what: "期间「疫情防控期间」（2020-02-15…2023-01-07）", zh: expect.stringContaining("2023-01-07") as string, file: "pack.yaml", path: "periods.epidemic" }]);
    for (const p of [yingkou, xinghua, zibo, suqian]) expect(p.coverage.assumptions.length, p.id).toBeGreaterThan(0);
  });
});

describe("营口 二(二)3: the designated department is a fact of the case", () => {
  const base = { stage: "construction", introducer: "investment-bureau", introducerUnit: "city-investment-bureau", landingUnit: "laobian" };
  // With the input, explain knows which facts the case gave (without it, it marks every assumption that may apply).
  const zhText = (facts: Record<string, unknown>) => {
    const input = { asOf: "2026-03-02", facts };
    return explain(yingkou, evaluate(yingkou, input), { lang: "zh", input }).sections.find((x) => x.id === "lead-unit")!;
  };

  it("given: the designated department leads, and the answer rests on no assumption", () => {
    const s = zhText({ ...base, industry: "装备制造", designatedDepartment: "city-science-tech" });
    expect(s.summary).toContain("牵头单位：市科学技术局（依据 二(二)3");
    expect(s.summary).not.toContain("本包假定");
  });

  it("not given, an industry of the table: the table's department leads, marked as the pack's assumption", () => {
    const s = zhText({ ...base, industry: "文化旅游" });
    expect(s.summary).toContain("牵头单位：市文化旅游和广播电视局");
    expect(s.summary).toContain("（本包假定：文件规定由市政府按项目行业对口及关联度逐个指定牵头部门");
  });

  it("not given, an industry the table lacks: designation required, said in Chinese without ids, naming the fact that settles it", () => {
    const r = assign(yingkou, "lead-unit", { ...base, industry: "光伏" }, { asOf: "2026-03-02" });
    expect(r).toMatchObject({ kind: "designation-required", lead: null, leads: [] });
    expect(r.reasonZh).toContain("本案未给出「市政府指定的牵头部门(市招商局引进项目签约后)」");
    expect(r.reasonZh).toContain("依据 二(二)3");
    expect(r.reasonZh).not.toMatch(/[A-Za-z]/);
    const s = zhText({ ...base, industry: "光伏" });
    expect(s.summary).toContain("牵头单位：需另行指定——本案未给出「市政府指定的牵头部门(市招商局引进项目签约后)」");
    expect(s.summary).not.toMatch(/designat|no unit|[a-z]{4,}/);
    // The table proposed nothing, so the answer does not rest on it.
    expect(s.summary).not.toContain("本包假定");
    const en = explain(yingkou, evaluate(yingkou, { asOf: "2026-03-02", facts: { ...base, industry: "光伏" } }), { lang: "en" }).sections.find((x) => x.id === "lead-unit")!;
    expect(en.summary).toContain("lead unit: must be designated — the case does not give `designatedDepartment`");
  });

  it("a table lead written without a fallback keeps its English and Chinese reasons (淄博-style `designationRequired` text stays the pack's)", () => {
    const r = assign(yingkou, "lead-unit", { ...base }, { asOf: "2026-03-02" });
    expect(r.kind).toBe("designation-required");
    expect(r.reason).toMatch(/^the case does not give `designatedDepartment` and no unit is designated for these facts in the pack's table \(二\(二\)3\)/);
  });
});

describe("兴化 二(二)", () => {
  it("a 重大城建项目 needs no investment amount, in evaluate as in assign", () => {
    const r = evaluate(xinghua, { asOf: "2026-03-02", facts: { isMajorUrbanConstruction: true, locality: "township" } });
    expect(r.assignment.assignment).toMatchObject({ kind: "assigned", lead: "township", outcome: "bureau-focus", roles: { agent: ["township"], helper: ["city-approval-bureau", "government-departments"] } });
  });
});
