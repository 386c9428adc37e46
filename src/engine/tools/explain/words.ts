/**
 * Words for explanations: operators, roles, statuses, fact values and conditions in plain Chinese
 * or English, using the pack's own names (units' `zh`, facts' `zh`, enum `valuesZh`).
 */
import type { Condition, Operator } from "../../model/index.js";
import type { Pack } from "../../compile/index.js";
import { own } from "../../../base/own.js";

/** The language of an explanation. */
export type Lang = "zh" | "en";

const OPS: Record<Operator, { zh: string; en: string }> = {
  equal: { zh: "等于", en: "equals" },
  notEqual: { zh: "不等于", en: "does not equal" },
  lessThan: { zh: "小于", en: "is less than" },
  lessThanInclusive: { zh: "不超过", en: "is at most" },
  greaterThan: { zh: "大于", en: "is greater than" },
  greaterThanInclusive: { zh: "不少于", en: "is at least" },
  in: { zh: "属于", en: "is one of" },
  notIn: { zh: "不属于", en: "is not one of" },
  contains: { zh: "包含", en: "contains" },
  doesNotContain: { zh: "不包含", en: "does not contain" },
  dateBefore: { zh: "早于", en: "is before" },
  dateOnOrAfter: { zh: "不早于", en: "is on or after" },
};

/** An operator in words: `greaterThanInclusive` → 不少于 / is at least. */
export function opWord(op: Operator | string, lang: Lang): string {
  const w = OPS[op as Operator];
  return w ? w[lang] : op;
}

const ROLE_WORDS: Record<string, { zh: string; en: string }> = {
  lead: { zh: "牵头单位", en: "Lead unit" },
  cooperating: { zh: "配合单位", en: "Cooperating" },
  helper: { zh: "帮办", en: "Helper" },
  agent: { zh: "代办", en: "Agent" },
  supervisor: { zh: "督办", en: "Supervisor" },
  coordinator: { zh: "协调", en: "Coordinator" },
  leader: { zh: "包扶(挂钩)领导", en: "Leader" },
  liaison: { zh: "联络(挂钩)人员", en: "Liaison" },
};

/** A role in words: `cooperating` → 配合单位 / Cooperating. */
export function roleWord(role: string, lang: Lang): string {
  return ROLE_WORDS[role]?.[lang] ?? role;
}

const TRIGGERS: Record<string, { zh: string; en: string }> = {
  failed: { zh: "本级未能解决", en: "the rung fails to resolve it" },
  timeout: { zh: "本级超时", en: "the rung runs out of time" },
  dissatisfied: { zh: "企业不满意", en: "the enterprise is dissatisfied" },
  resolved: { zh: "本级已办结（但后面还有必经步骤）", en: "the rung resolved it (a required step still follows)" },
  satisfied: { zh: "已满意（但后面还有必经步骤）", en: "satisfied (a required step still follows)" },
};

/** An escalation trigger in words (`jump:<id>` → the jump's own name). */
export function triggerWord(on: string, lang: Lang, jumpName?: string): string {
  if (on.startsWith("jump:")) return lang === "zh" ? `跳级「${jumpName ?? on.slice(5)}」` : `the jump "${jumpName ?? on.slice(5)}"`;
  return TRIGGERS[on]?.[lang] ?? on;
}

/** A unit id by its name: 市工业和信息化局 (zh) or its English name when the pack gives one. */
export function unitName(pack: Pack, id: string | null | undefined, lang: Lang): string {
  if (id === null || id === undefined) return lang === "zh" ? "（无）" : "(none)";
  const u = pack.units.get(id);
  if (!u) return id;
  return lang === "zh" ? u.zh : u.en ?? `${u.zh} (${id})`;
}

/** A fact's name for the reader: its `zh` label (Chinese) or its id (English). */
export function factLabel(pack: Pack, fact: string, lang: Lang): string {
  if (lang === "en") return fact;
  return pack.facts[fact]?.zh ?? fact;
}

function isFactRef(v: unknown): v is { fact: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === "string";
}

/** A fact's value in words: enum values by `valuesZh`, units by name, booleans as 是/否. */
export function valueText(pack: Pack, fact: string, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === "zh" ? "未给出" : "not given";
  if (isFactRef(value)) return lang === "zh" ? `「${factLabel(pack, value.fact, lang)}」` : `"${value.fact}"`;
  if (Array.isArray(value)) return value.length === 0 ? (lang === "zh" ? "（空）" : "(none)") : value.map((v) => valueText(pack, fact, v, lang)).join(lang === "zh" ? "、" : ", ");
  const doc = pack.facts[fact];
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (typeof value === "string") {
    if (lang === "zh") {
      const zh = own(doc?.valuesZh, value);
      if (zh) return zh;
    }
    if (doc?.type === "unit" || pack.units.has(value)) {
      if (pack.units.has(value)) return unitName(pack, value, lang);
    }
    return value;
  }
  if (value === null) return lang === "zh" ? "空" : "null";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** One leaf `{fact, operator, value}` in words: 引进单位类型 等于 县(市)区、园区. */
export function leafText(pack: Pack, leaf: { fact: string; operator: string; value: unknown; path?: string }, lang: Lang): string {
  const label = factLabel(pack, leaf.fact, lang) + (leaf.path ? leaf.path.slice(1) : "");
  return `${label} ${opWord(leaf.operator, lang)} ${valueText(pack, leaf.fact, leaf.value, lang)}`;
}

/** A whole condition in words, `all` as 且 / and, `any` as 或 / or, `not` as 并非 / not. */
export function conditionText(pack: Pack, c: Condition, lang: Lang, top = true): string {
  if ("all" in c) {
    const s = c.all.map((x) => conditionText(pack, x, lang, false)).join(lang === "zh" ? " 且 " : " and ");
    return top || c.all.length < 2 ? s : lang === "zh" ? `（${s}）` : `(${s})`;
  }
  if ("any" in c) {
    const s = c.any.map((x) => conditionText(pack, x, lang, false)).join(lang === "zh" ? " 或 " : " or ");
    return top || c.any.length < 2 ? s : lang === "zh" ? `（${s}）` : `(${s})`;
  }
  if ("not" in c) return lang === "zh" ? `并非（${conditionText(pack, c.not, lang, true)}）` : `not (${conditionText(pack, c.not, lang, true)})`;
  return leafText(pack, c, lang);
}

/** The facts a condition reads, in order of first use. */
export function conditionFacts(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  if ("all" in c) c.all.forEach((x) => conditionFacts(x, out));
  else if ("any" in c) c.any.forEach((x) => conditionFacts(x, out));
  else if ("not" in c) conditionFacts(c.not, out);
  else {
    if (!out.includes(c.fact)) out.push(c.fact);
    if (isFactRef(c.value) && !out.includes(c.value.fact)) out.push(c.value.fact);
  }
  return out;
}

/** A quote shortened for one line of text (the structured form keeps it whole). */
export function shortQuote(q: string, max = 40): string {
  const chars = [...q];
  return chars.length <= max ? q : chars.slice(0, max).join("") + "……";
}

const WEEK_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEK_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The weekday of a `YYYY-MM-DD` date: 周五 / Fri. */
export function weekday(date: string, lang: Lang): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))).getUTCDay();
  return (lang === "zh" ? WEEK_ZH : WEEK_EN)[d] ?? "";
}

/** A period in words: 15 个工作日 / 15 working days; 当场 / the same day. */
export function periodText(p: { workingDays?: number | { fact: string }; days?: number | { fact: string }; sameDay?: boolean }, lang: Lang, pack?: Pack): string {
  const num = (v: number | { fact: string }): string => (typeof v === "number" ? String(v) : pack ? valueText(pack, v.fact, v, lang) : v.fact);
  if (p.workingDays !== undefined) return lang === "zh" ? `${num(p.workingDays)} 个工作日` : `${num(p.workingDays)} working days`;
  if (p.days !== undefined) return lang === "zh" ? `${num(p.days)} 日（自然日）` : `${num(p.days)} days (calendar days)`;
  if (p.sameDay) return lang === "zh" ? "当场（当日）" : "the same day";
  return "";
}

/** The absent fact of a table that was not evaluated (`missing`, or the older `problem.params.fact`), or of a FACT_MISSING problem. */
export function missingFact(r: object): string | null {
  const x = r as { missing?: unknown; params?: { fact?: unknown }; problem?: { params?: { fact?: unknown } } };
  if (typeof x.missing === "string") return x.missing;
  const f = x.problem?.params?.fact ?? x.params?.fact;
  return typeof f === "string" ? f : null;
}
