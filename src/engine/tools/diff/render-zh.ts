/**
 * A diff report in Chinese, for the policy officer who reviews a new version of a pack: each change
 * by the Chinese name of what changed (an item without one by its id, in backquotes), the impact on
 * cases, and the version check. Built from the report's data, not from its English sentences.
 */
import type { Condition } from "../../model/index.js";
import type { Pack } from "../../compile/index.js";
import { conditionText } from "../explain/words.js";
import type { DiffReport } from "./diff.js";
import type { ImpactKind, StatusWord } from "./impact.js";
import type { PackChange } from "./structure.js";
import { changeName } from "./change-name.js";
import { FIELD_ZH, IMPACT_ZH, KIND_ZH } from "../../../messages/glossary.js";

// The words of the glossary, so `yingshang diff` and the studio name a change, a field and an impact alike.
const AREA: Record<PackChange["area"], string> = KIND_ZH;

const IMPACT: Record<ImpactKind, string> = IMPACT_ZH;

const STATUS: Record<StatusWord, string> = { "on time": "按时办结", late: "逾期办结", overdue: "已超期", running: "办理中", none: "无" };

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
  const zh = changeName(pack.docs, c.area, c.id) ?? (c.change === "changed" ? changeName(a.docs, c.area, c.id) : undefined);
  const own = `${AREA[c.area]}${zh ? `「${zh}」` : ` ${code(c.id)}`}`;
  // A rule, a deadline's variant or a ladder's rung is named with what it belongs to.
  const parentArea = ({ rule: "table", variant: "deadline", rung: "ladder" } as const)[c.area as "rule" | "variant" | "rung"];
  const parentId = c.id.split("/")[0]!;
  const parentZh = parentArea && c.id.includes("/") ? changeName(pack.docs, parentArea, parentId) : undefined;
  const what = parentArea && c.id.includes("/") ? `${AREA[parentArea]}${parentZh ? `「${parentZh}」` : ` ${code(parentId)}`}的${own}` : own;
  if (c.change === "added") return `新增${what}`;
  if (c.change === "removed") return `删除${what}`;
  const field = c.field ?? "";
  if (field === "order") return `${what}的下级顺序改变`;
  return `${what}的${FIELD_ZH[field] ?? code(field)}：${value(a, field, c.before)} → ${value(b, field, c.after)}`;
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
