/**
 * A diff report in Chinese, for the policy officer who reviews a new version of a pack: each change
 * by the Chinese name of what changed (an item without one by its id, in backquotes), the impact on
 * cases, and the version check. Built from the report's data, not from its English sentences.
 */
import type { Condition, PackDocs } from "../../model/index.js";
import type { Pack } from "../../compile/index.js";
import { conditionText } from "../explain/words.js";
import type { DiffReport } from "./diff.js";
import type { ImpactKind, StatusWord } from "./impact.js";
import type { PackChange } from "./structure.js";
import { KIND_ZH } from "../../../messages/glossary.js";

// The words of the glossary, so `yingshang diff` and the studio name a change alike.
const AREA: Record<PackChange["area"], string> = KIND_ZH;

const FIELD: Record<string, string> = {
  version: "版本",
  "effective.from": "施行起始日",
  "effective.until": "施行截止日",
  calendar: "工作日历",
  "name.zh": "名称",
  "document.number": "文号",
  "document.title": "文件标题",
  "document.issued": "印发日期",
  title: "标题",
  zh: "名称",
  kind: "类别",
  when: "条件",
  "then.lead": "牵头单位",
  "then.outcome": "结论",
  "source.clause": "所引条款",
  "source.quote": "引文",
  "period.workingDays": "工作日数",
  "period.days": "自然日数",
  "within.workingDays": "期限（工作日）",
  "within.days": "期限（自然日）",
  actor: "办理单位",
  deduct: "扣分",
  max: "满分",
  total: "总分",
  order: "顺序",
  default: "默认值",
  values: "取值",
  type: "类型",
};

const IMPACT: Record<ImpactKind, string> = {
  lead: "牵头单位",
  roles: "其他角色（配合、帮办、代办等）",
  outcome: "决策结论（分派、认定、无匹配规则、结论用语）",
  dueDate: "时限的到期日",
  escalation: "督办（状态、办理单位、期限、下一层级）",
  scoreTotal: "考评总分",
  applicability: "政策包是否适用（施行日期、可接受的事实）",
};

const STATUS: Record<StatusWord, string> = { "on time": "按时办结", late: "逾期办结", overdue: "已超期", running: "办理中", none: "无" };

/** The Chinese name of the thing a change is about, in the pack that has it. */
function nameOf(docs: PackDocs, area: PackChange["area"], id: string): string | undefined {
  const [p, c, g] = id.split("/") as [string, string | undefined, string | undefined];
  const byId = <T extends { id: string }>(list: readonly T[] | undefined, x: string | undefined) => list?.find((y) => y.id === x);
  switch (area) {
    case "pack":
      return docs.pack.name.zh;
    case "clause":
      return byId(docs.pack.clauses, p)?.title;
    case "unit":
      return byId(docs.units, p)?.zh;
    case "fact":
      return Object.prototype.hasOwnProperty.call(docs.facts, p) ? docs.facts[p]!.zh : undefined;
    case "lookup":
      return docs.assignment.lookups && Object.prototype.hasOwnProperty.call(docs.assignment.lookups, p) ? docs.assignment.lookups[p]!.zh : undefined;
    case "table":
      return byId(docs.assignment.tables, p)?.zh;
    case "rule":
      return c === undefined ? byId(docs.assignment.tables, p)?.zh : byId(byId(docs.assignment.tables, p)?.rules, c)?.zh;
    case "deadline":
      return byId(docs.deadlines, p)?.zh;
    case "variant":
      return c === undefined ? byId(docs.deadlines, p)?.zh : byId(byId(docs.deadlines, p)?.variants, c)?.zh;
    case "ladder":
    case "return":
      return byId(docs.ladders, p)?.zh;
    case "rung":
      return c === undefined ? byId(docs.ladders, p)?.zh : byId(byId(docs.ladders, p)?.rungs, c)?.zh;
    case "jump":
      return c === undefined ? byId(docs.ladders, p)?.zh : byId(byId(docs.ladders, p)?.jumps, c)?.zh;
    case "scorecard":
      return byId(docs.scorecards, p)?.zh;
    case "category":
      return c === undefined ? byId(docs.scorecards, p)?.zh : byId(byId(docs.scorecards, p)?.categories, c)?.zh;
    case "item":
      return byId(byId(byId(docs.scorecards, p)?.categories, c)?.items, g)?.zh;
    case "duty":
      return byId(docs.duties, p)?.zh;
  }
}

const code = (s: string) => `\`${s}\``;

function value(pack: Pack, field: string, v: unknown): string {
  if (v === undefined) return "（无）";
  if (field === "when" && v && typeof v === "object") {
    try {
      return `「${conditionText(pack, v as Condition, "zh")}」`;
    } catch {
      return code(JSON.stringify(v));
    }
  }
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    const unit = pack.units.get(v);
    if (unit) return `「${unit.zh}」`;
    return /[\u4e00-\u9fff]/u.test(v) ? `「${v}」` : code(v);
  }
  if (typeof v === "boolean") return v ? "是" : "否";
  return code(JSON.stringify(v));
}

function changeText(a: Pack, b: Pack, c: PackChange): string {
  const pack = c.change === "removed" ? a : b;
  const zh = nameOf(pack.docs, c.area, c.id) ?? (c.change === "changed" ? nameOf(a.docs, c.area, c.id) : undefined);
  const own = `${AREA[c.area]}${zh ? `「${zh}」` : ` ${code(c.id)}`}`;
  // A rule, a deadline's variant or a ladder's rung is named with what it belongs to.
  const parentArea = ({ rule: "table", variant: "deadline", rung: "ladder" } as const)[c.area as "rule" | "variant" | "rung"];
  const parentId = c.id.split("/")[0]!;
  const parentZh = parentArea && c.id.includes("/") ? nameOf(pack.docs, parentArea, parentId) : undefined;
  const what = parentArea && c.id.includes("/") ? `${AREA[parentArea]}${parentZh ? `「${parentZh}」` : ` ${code(parentId)}`}的${own}` : own;
  if (c.change === "added") return `新增${what}`;
  if (c.change === "removed") return `删除${what}`;
  const field = c.field ?? "";
  if (field === "order") return `${what}的下级顺序改变`;
  return `${what}的${FIELD[field] ?? code(field)}：${value(a, field, c.before)} → ${value(b, field, c.after)}`;
}

/** A diff report as Chinese text for the terminal (the same data as `renderDiff`). */
export function renderDiffZh(d: DiffReport, a: Pack, b: Pack, names: { from?: string; to?: string } = {}): string {
  const out: string[] = [];
  out.push(`${code(names.from ?? d.from.id)} ${d.from.version} 版 → ${code(names.to ?? d.to.id)} ${d.to.version} 版${d.identical ? "（内容相同）" : ""}`);
  out.push("");
  out.push(d.changes.length ? `改动（${d.changes.length} 处）：` : "改动：规则内容没有改动。");
  const mark = { added: "+", removed: "-", changed: "~" } as const;
  for (const c of d.changes) out.push(`  ${mark[c.change]} ${changeText(a, b, c)}`);
  for (const r of [d.population, d.cases]) {
    if (!r) continue;
    out.push("");
    out.push(`对 ${r.total} 个${r.source === "population" ? "生成的案件" : "给定的案件"}的影响：${r.changed} 个结果改变${r.total ? `（${((100 * r.changed) / r.total).toFixed(1)}%）` : ""}`);
    for (const k of r.byKind) {
      if (!k.cases) continue;
      out.push(`  ${IMPACT[k.kind]}：${k.cases} 个`);
      if (k.example) {
        out.push(`    例：${code(k.example.part)}，案件 ${code(JSON.stringify(k.example.input))}`);
        out.push(`      改前：${code(JSON.stringify(k.example.before))}`);
        out.push(`      改后：${code(JSON.stringify(k.example.after))}`);
      }
    }
    if (r.statusChanges.length) {
      out.push(`  时限状态改变（${r.statusChanges.reduce((x, t) => x + t.deadlines, 0)} 项）：`);
      for (const t of r.statusChanges) out.push(`    ${STATUS[t.from]} → ${STATUS[t.to]}：${t.deadlines} 项`);
    }
    const hit = r.byUnit.filter((u) => u.changed > 0);
    if (hit.length) {
      out.push("  按单位（结果改变的案件 / 案件）：");
      for (const u of hit.slice(0, 20)) {
        const extra = [u.statusChanges ? `${u.statusChanges} 项时限状态改变` : "", u.gained ? `新增牵头 ${u.gained} 件` : "", u.lost ? `不再牵头 ${u.lost} 件` : ""].filter(Boolean).join("，");
        out.push(`    ${u.zh ?? code(u.unit)}：${u.changed} / ${u.cases}${extra ? `（${extra}）` : ""}`);
      }
      if (hit.length > 20) out.push(`    ……另有 ${hit.length - 20} 个单位`);
    }
  }
  // The same checks as the report's warnings, said in Chinese.
  if (d.from.id !== d.to.id) out.push(`\n提醒：这是两个不同的政策包（${code(d.from.id)} 和 ${code(d.to.id)}），不是同一政策包的两个版本。`);
  if (d.outcomesChanged && !d.versionChanged) out.push(`\n提醒：计算结果有改变，但版本仍是 ${d.to.version}；请提高 ${code("pack.yaml")} 中的版本号（${code("version")}），并在修订记录中写明。`);
  else if (d.outcomesChanged && !d.versionBumped) out.push(`\n提醒：计算结果有改变，但版本从 ${d.from.version} 改为 ${d.to.version}，并不更高。`);
  if (!d.outcomesChanged && d.changes.some((c) => c.area !== "pack")) out.push("\n提醒：两个版本不同，但没有任何生成的或给定的案件结果改变（改动在名称、引文，或这些案件没有用到的规则中）。");
  return out.join("\n");
}
