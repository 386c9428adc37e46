/** `yingshang demo`: real answers from the bundled packs, one screen per city. */
import type { Command } from "commander";
import { assign } from "../../engine/evaluate/index.js";
import { deadline, type PeriodDeadlineResult } from "../../engine/evaluate/index.js";
import { escalate } from "../../engine/evaluate/index.js";
import { loadPack } from "../../engine/compile/load.js";
import { rank } from "../../engine/evaluate/index.js";
import type { Pack } from "../../engine/compile/index.js";
import { statusText } from "../../engine/tools/index.js";
import { emit, runAction } from "../output.js";

// A person reads the demo: units, rungs and rules by their Chinese names.
const zh = (pack: Pack, id: string | null) => (id === null ? "—" : (pack.units.get(id)?.zh ?? id));
const rungZh = (pack: Pack, ladder: string, rung: string | undefined) => pack.docs.ladders.find((l) => l.id === ladder)?.rungs.find((r) => r.id === rung)?.zh ?? rung ?? "—";
const ruleZh = (pack: Pack, table: string, rule: string) => pack.docs.assignment.tables.find((t) => t.id === table)?.rules.find((r) => r.id === rule)?.zh ?? rule;

/** Runs the demo cases and returns plain data (also what `--json` prints). */
export function demoResults(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const yingkou = loadPack("yingkou");
  const a = assign(yingkou, "lead-unit", { stage: "construction", introducer: "investment-bureau", introducerUnit: "city-investment-bureau", landingUnit: "laobian", industry: "装备制造" }, { asOf: "2026-03-02" });
  out.push({ pack: "yingkou", question: "市招商局引进的装备制造项目签约后由谁牵头？(二(二)3)", answer: `${zh(yingkou, a.lead)}；配合：${(a.roles.cooperating ?? []).map((u) => zh(yingkou, u)).join("、")}` });
  const m = deadline(yingkou, "materials-notice", { events: { received: "2025-05-30" } }, { asOf: "2025-05-30" }) as PeriodDeadlineResult;
  out.push({ pack: "yingkou", question: "2025-05-30（端午节前的周五）收到材料不全的申请，一次性告知最迟何时？(六.2，2日内)", answer: `${m.dueDate}（第2日 2025-06-01 在端午假期内，顺延至下一个工作日，民法典第203条）` });

  const suqian = loadPack("suqian");
  const d = deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18" }, now: "2026-10-16T09:00:00+08:00" }, { asOf: "2026-09-18" }) as PeriodDeadlineResult;
  out.push({ pack: "suqian", question: "2026-09-18（周五）收到的复杂直通市长件，15个工作日内办结，何时到期？(一(八))", answer: `${d.dueDate}（2026-09-20 周日调休上班计入；国庆中秋 10-01 至 10-07 不计）；10-16 上午的状态：${statusText(d.status, "zh")}` });
  const e = escalate(suqian, "complaint", { facts: { receivingUnit: "county" }, history: [{ rung: "receiving-unit", at: "2026-03-02", outcome: "failed" }] }, { asOf: "2026-03-02" });
  out.push({ pack: "suqian", question: "接诉部门协调不了的投诉下一步找谁？(二(十二))", answer: `${rungZh(suqian, "complaint", e.next?.rung)}，由${zh(suqian, e.next?.actor ?? null)}办理` });

  const xinghua = loadPack("xinghua");
  const r = rank(xinghua, "scorecard", { 戴南镇: { incidents: [{ item: "not-accepted", count: 2 }], survey: { 优秀: 8, 满意: 2 } }, 张郭镇: { survey: { 优秀: 10 } }, 开发区: { incidents: [{ item: "monthly-report-missed", count: 1 }], survey: { 优秀: 10, 不了解: 3 } } }, { asOf: "2026-03-31" });
  out.push({ pack: "xinghua", question: "三个单位本季度考评得分与排名（附件2，百分制减分）", answer: r.ranking.map((x) => `${x.rank}. ${x.unit} ${x.total}`).join("；") });

  const zibo = loadPack("zibo");
  const z = assign(zibo, "one-plus-n", { industrialInvestmentProject: true, hazardousChemicals: true, nationalSecurity: false, ecologicalSecurity: false, majorProductiveForceLayout: false, majorPublicInterest: false }, { asOf: "2020-03-01" });
  out.push({ pack: "zibo", question: "涉及危化品的工业投资项目能否走“1+N”审批？(七)", answer: `${z.outcomeZh ?? z.outcome}（规则${z.rules.map((id) => `「${ruleZh(zibo, "one-plus-n", id)}」`).join("、")}）` });
  return out;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("print real answers from the bundled city packs (Yingkou, Suqian, Xinghua, Zibo)")
    .option("--json", "machine-readable output")
    .action((opts: { json?: boolean }) =>
      runAction(opts, () => {
        const results = demoResults();
        emit(opts, results, () => results.map((r) => `【${r.pack}】${r.question}\n  → ${r.answer}`).join("\n\n"));
      }),
    );
}
