/** Builds one section of an explanation per table, deadline, ladder and scorecard of a case result. */
import { computeDeadline } from "../../../calendar/index.js";
import { YingshangError } from "../../../errors.js";
import type { AssignmentResult } from "../../evaluate/index.js";
import type { DeadlineEvaluation, PeriodDeadlineResult } from "../../evaluate/index.js";
import type { EscalationResult } from "../../evaluate/index.js";
import type { CaseInput, NotEvaluated } from "../../evaluate/index.js";
import type { Pack } from "../../compile/index.js";
import type { Assumption, Condition, PeriodDoc, UnitRef } from "../../model/index.js";
import type { ScoreResult } from "../../evaluate/index.js";
import type { TraceEntry } from "../../model/index.js";
import type { PartError } from "../../model/index.js";
import { inForce } from "../../check/index.js";
import { ledgerLines, statusText } from "./ledger.js";
import { conditionFacts, conditionText, factLabel, leafText, missingFact, periodText, roleWord, shortQuote, triggerWord, unitName, valueText, type Lang } from "./words.js";

/** A condition that did not hold, with the fact's actual value, in words and as data. */
export interface ExplainFailedCondition {
  fact: string;
  /** The fact's name for the reader (its `zh`, or its id in English). */
  label: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  /** E.g. `条件「引进单位类型 等于 county-park」不满足（实际：city-department）`. */
  text: string;
}

/** One line of an explanation. */
export interface ExplainLine {
  kind: "decision" | "applied" | "not-applied" | "not-evaluated" | "requirement" | "period" | "status" | "warning" | "ledger" | "path" | "current" | "next" | "category" | "deduction" | "survey" | "schedule" | "assumption";
  text: string;
  /** The clause this line rests on, when it rests on one. */
  clause?: string;
  /** The document's words (whole; the text may shorten it). */
  quote?: string;
  /** The rule, variant, rung or item id. */
  id?: string;
  /** For ledger and schedule lines. */
  date?: string;
  /** For rules that did not apply: the conditions that were false, with actual values. */
  failed?: ExplainFailedCondition[];
}

/** One decision explained: a table, a deadline, a ladder or a scorecard. */
export interface ExplainSection {
  area: "assignment" | "deadline" | "escalation" | "score";
  id: string;
  /** The pack's own name for it (its `zh`), or its id. */
  title: string;
  /** The decision in one line. */
  summary: string;
  lines: ExplainLine[];
}

interface Ctx {
  pack: Pack;
  lang: Lang;
  asOf: string;
  input: CaseInput | undefined;
}

const zh = (c: Ctx) => c.lang === "zh";

/** 「（本包假定：…）」: one line per assumption an answer depends on (the English text says the same). */
function assumptionLines(c: Ctx, found: readonly (Assumption | undefined)[]): ExplainLine[] {
  const seen = new Set<string>();
  const out: ExplainLine[] = [];
  for (const a of found) {
    if (!a || seen.has(a.zh)) continue;
    seen.add(a.zh);
    out.push({ kind: "assumption", text: zh(c) ? `（本包假定：${a.zh}）` : `(the pack assumes: ${a.en ?? a.zh})` });
  }
  return out;
}

/** The assumptions of the facts a condition reads that the case did not give, so their defaults were used. */
function defaultAssumptions(c: Ctx, when: Condition | undefined): (Assumption | undefined)[] {
  if (!when) return [];
  return conditionFacts(when)
    .filter((f) => c.input?.facts?.[f] === undefined && c.pack.facts[f]?.default !== undefined)
    .map((f) => c.pack.facts[f]?.assumption);
}
/**
 * The lookup through which a unit reference resolved for this case, if it did (`{ fact, otherwise }` falls
 * back only when the fact is not given; without the case input that cannot be told, so the lookup counts).
 */
function lookupUsed(c: Ctx, ref: UnitRef): string | null {
  if (typeof ref === "string") return null;
  if ("lookup" in ref) return ref.lookup;
  if ("otherwise" in ref) return factValue(c, ref.fact) === undefined ? lookupUsed(c, ref.otherwise) : null;
  return null;
}
const cite = (c: Ctx, clause: string, quote: string): string => (zh(c) ? `依据 ${clause}：${shortQuote(quote)}` : `per ${clause}: ${shortQuote(quote)}`);

/** The value a rule reads for a fact: the given value, else its declared default. */
function factValue(c: Ctx, fact: string): unknown {
  const v = c.input?.facts?.[fact];
  return v !== undefined ? v : c.pack.facts[fact]?.default;
}

function failedConditions(c: Ctx, entry: TraceEntry): ExplainFailedCondition[] {
  return (entry.failed ?? []).map((f) => {
    const cond = leafText(c.pack, f, c.lang);
    const actual = valueText(c.pack, f.fact, f.actual, c.lang);
    return {
      fact: f.fact,
      label: factLabel(c.pack, f.fact, c.lang),
      operator: f.operator,
      expected: f.value,
      actual: f.actual,
      text: zh(c) ? `条件「${cond}」不满足（实际：${actual}）` : `condition "${cond}" does not hold (actual: ${actual})`,
    };
  });
}

/** "条件「…」成立（项目阶段＝…）" for a condition that held, with the facts' values when the input is known. */
function heldText(c: Ctx, when: Condition | undefined): string {
  if (!when) return zh(c) ? "无前提条件" : "it has no condition";
  const facts = c.input?.facts ? conditionFacts(when).map((f) => `${factLabel(c.pack, f, c.lang)}${zh(c) ? "＝" : " = "}${valueText(c.pack, f, factValue(c, f), c.lang)}`) : [];
  const vals = facts.length ? (zh(c) ? `（${facts.join("，")}）` : ` (${facts.join(", ")})`) : "";
  return zh(c) ? `条件「${conditionText(c.pack, when, c.lang)}」成立${vals}` : `condition "${conditionText(c.pack, when, c.lang)}" holds${vals}`;
}

/** Lines for trace entries of rules or variants: applied (with the condition that held) or not (with what failed). */
function ruleLines(c: Ctx, trace: readonly TraceEntry[], lookup: (id: string) => { zh?: string; when?: Condition } | undefined): ExplainLine[] {
  const out: ExplainLine[] = [];
  for (const t of trace) {
    if (t.kind !== "rule" && t.kind !== "variant") continue;
    const doc = lookup(t.id);
    const name = doc?.zh ? `「${doc.zh}」` : ` ${t.id.split("/").pop()}`;
    if (t.fired) {
      out.push({ kind: "applied", id: t.id, clause: t.clause, quote: t.quote, text: zh(c) ? `适用 ${t.clause}${name}：${heldText(c, doc?.when)}（${cite(c, t.clause, t.quote)}）` : `applies: ${t.clause}${name}: ${heldText(c, doc?.when)} (${cite(c, t.clause, t.quote)})` });
    } else if (t.note) {
      out.push({ kind: "not-applied", id: t.id, clause: t.clause, quote: t.quote, text: zh(c) ? `未适用 ${t.clause}${name}：${c.asOf} 不在其生效期内` : `does not apply: ${t.clause}${name}: not in force on ${c.asOf}` });
    } else {
      const failed = failedConditions(c, t);
      const why = failed.map((f) => f.text).join(zh(c) ? "；" : "; ");
      out.push({ kind: "not-applied", id: t.id, clause: t.clause, quote: t.quote, failed, text: zh(c) ? `未适用 ${t.clause}${name}：${why}` : `does not apply: ${t.clause}${name}: ${why}` });
    }
  }
  return out;
}

export function assignmentSection(c: Ctx, id: string, r: AssignmentResult | NotEvaluated): ExplainSection {
  const table = c.pack.compiled.tables.find((t) => t.id === id && inForce(t.effective, c.asOf)) ?? c.pack.compiled.tables.find((t) => t.id === id);
  const title = table?.zh ?? id;
  if (r.kind === "not-evaluated") {
    const fact = missingFact(r);
    const text = fact ? (zh(c) ? `未评估：缺少事实「${factLabel(c.pack, fact, c.lang)}」（案件中写作 \`${fact}\`），该表的规则需要它` : `not evaluated: the fact \`${fact}\` is missing and this table's rules need it`) : zh(c) ? "未评估" : "not evaluated";
    return { area: "assignment", id, title, summary: text, lines: [{ kind: "not-evaluated", text }] };
  }
  const decisions: ExplainLine[] = [];
  const ruleDoc = (ruleId: string) => table?.doc.rules.find((x) => x.id === ruleId && inForce(x.effective, c.asOf)) ?? table?.doc.rules.find((x) => x.id === ruleId);
  const firedRules = r.rules.map((x) => table?.rules.find((y) => y.id === x)).filter((x) => x !== undefined);
  if (r.kind === "designation-required") {
    decisions.push({ kind: "decision", text: zh(c) ? `牵头单位：需另行指定——${r.reasonZh ?? ""}` : `lead unit: must be designated — ${r.reason ?? ""}` });
  } else if (r.kind === "no-match") {
    decisions.push({ kind: "decision", text: zh(c) ? "没有规则适用于这些事实" : "no rule applies to these facts" });
  }
  if (r.lead === null && r.leads.length > 1) {
    const by = firedRules.find((x) => x.leads !== null) ?? firedRules[0];
    decisions.push({ kind: "decision", clause: by?.source.clause, quote: by?.source.quote, text: zh(c) ? `共同牵头单位：${r.leads.map((u) => unitName(c.pack, u, c.lang)).join("、")}${by ? `（${cite(c, by.source.clause, by.source.quote)}）` : ""}` : `joint lead units: ${r.leads.map((u) => unitName(c.pack, u, c.lang)).join(", ")}${by ? ` (${cite(c, by.source.clause, by.source.quote)})` : ""}` });
  }
  if (r.lead !== null) {
    const by = firedRules.find((x) => x.lead !== null) ?? firedRules[0];
    const src = by ? ` (${cite(c, by.source.clause, by.source.quote)})` : "";
    decisions.push({ kind: "decision", clause: by?.source.clause, quote: by?.source.quote, text: zh(c) ? `${roleWord("lead", c.lang)}：${unitName(c.pack, r.lead, c.lang)}${by ? `（${cite(c, by.source.clause, by.source.quote)}）` : ""}` : `${roleWord("lead", c.lang)}: ${unitName(c.pack, r.lead, c.lang)}${src}` });
  }
  for (const [role, units] of Object.entries(r.roles)) {
    decisions.push({ kind: "decision", text: `${roleWord(role, c.lang)}${zh(c) ? "：" : ": "}${(units ?? []).map((u) => unitName(c.pack, u, c.lang)).join(zh(c) ? "、" : ", ")}` });
  }
  if (r.outcome !== null) {
    const by = firedRules.find((x) => x.outcome !== null);
    const note = by ? ruleDoc(by.id)?.then.note : undefined;
    decisions.push({ kind: "decision", clause: by?.source.clause, quote: by?.source.quote, text: zh(c) ? `结论：${r.outcomeZh ?? r.outcome}${by ? `（${cite(c, by.source.clause, by.source.quote)}）` : ""}${note ? `；${note}` : ""}` : `outcome: ${r.outcome}${by ? ` (${cite(c, by.source.clause, by.source.quote)})` : ""}${note ? `; ${note}` : ""}` });
  }
  for (const q of r.consequences) {
    const to = q.to.length ? q.to.map((u) => unitName(c.pack, u, c.lang)).join(zh(c) ? "、" : ", ") : "";
    decisions.push({ kind: "decision", clause: q.clause, text: zh(c) ? `后果：${q.zh}${to ? `（对象：${to}` : ""}${q.by ? `${to ? "；" : "（"}由 ${unitName(c.pack, q.by, c.lang)} 作出` : ""}${to || q.by ? "）" : ""}（依据 ${q.clause}）` : `consequence: ${q.zh}${to ? ` (for ${to})` : ""}${q.by ? ` (by ${unitName(c.pack, q.by, c.lang)})` : ""} (per ${q.clause})` });
  }
  // What the answer depends on that the pack chose: the rules' own readings, lookups used, defaults used.
  const assumed = assumptionLines(
    c,
    r.rules.flatMap((rid) => {
      const d = ruleDoc(rid);
      if (!d) return [];
      // A lookup's assumption counts only when the lookup named the lead (not when the case gave the unit, nor when the table lacks it).
      const used = r.lead !== null && d.then.lead !== undefined && !Array.isArray(d.then.lead) ? lookupUsed(c, d.then.lead) : null;
      const lk = used === null ? undefined : c.pack.docs.assignment.lookups?.[used]?.assumption;
      // Conditions inside `then` (roles held under a condition, consequences) read facts too.
      const inner = (Object.values(d.then) as unknown[]).flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v])).flatMap((x) => (x && typeof x === "object" && "when" in x ? [(x as { when?: Condition }).when] : []));
      return [d.assumption, d.effective?.assumption, lk, ...defaultAssumptions(c, d.when), ...inner.flatMap((w) => defaultAssumptions(c, w))];
    }),
  );
  decisions.push(...assumed);
  const reasons = ruleLines(c, r.trace, (tid) => {
    const d = ruleDoc(tid.slice(id.length + 1));
    return d ? { zh: d.zh, when: d.when } : undefined;
  });
  const firstMiss = reasons.find((x) => x.kind === "not-applied");
  const summary = [...decisions.map((d) => d.text), ...(firstMiss ? [firstMiss.text] : [])].join(zh(c) ? "；" : "; ");
  return { area: "assignment", id, title, summary, lines: [...decisions, ...reasons] };
}

/** A deadline, ladder or scorecard that could not be computed for this case. */
export function errorSection(c: Ctx, area: "deadline" | "escalation" | "score", id: string, r: PartError): ExplainSection {
  const title = (area === "deadline" ? c.pack.compiled.deadlines.find((x) => x.id === id)?.zh : area === "escalation" ? c.pack.compiled.ladders.find((x) => x.id === id)?.zh : c.pack.docs.scorecards.find((x) => x.id === id)?.zh) ?? id;
  const what = zh(c) ? { deadline: "该时限", escalation: "该督办层级", score: "该考核" }[area] : { deadline: "this deadline", escalation: "this ladder", score: "this scorecard" }[area];
  const text = zh(c) ? `未能计算${what}：输入的日期或经过有误（共 ${r.problems.length} 处），其余部分照常计算` : `${what} could not be computed: ${r.problems.map((p) => p.message).join(" ")}`;
  return { area, id, title, summary: text, lines: [{ kind: "not-evaluated", text }] };
}

export function deadlineSection(c: Ctx, id: string, r: DeadlineEvaluation): ExplainSection {
  const d = c.pack.compiled.deadlines.find((x) => x.id === id && inForce(x.effective, c.asOf)) ?? c.pack.compiled.deadlines.find((x) => x.id === id);
  const title = d?.zh ?? id;
  const lines: ExplainLine[] = [];
  for (const t of r.trace) {
    if (t.kind !== "requirement") continue;
    const failed = failedConditions(c, t);
    lines.push({ kind: "requirement", clause: t.clause, quote: t.quote, failed, text: zh(c) ? `前提「${t.quote}」${t.fired ? "满足" : `不满足：${failed.map((f) => f.text).join("；")}`}` : `requirement "${t.quote}" ${t.fired ? "holds" : `fails: ${failed.map((f) => f.text).join("; ")}`}` });
  }
  if (r.kind === "schedule") {
    const periods = r.periods.map((p): ExplainLine => {
      const met = p.met === undefined ? "" : p.met ? (zh(c) ? `，已完成（${p.doneOn ?? ""}）` : `, done (${p.doneOn ?? ""})`) : zh(c) ? "，未完成" : ", not done";
      return { kind: "schedule", date: p.due, text: zh(c) ? `${p.period}：应于 ${p.due} 前${p.moved ? "（遇非工作日已调整）" : ""}${met}` : `${p.period}: due ${p.due}${p.moved ? " (moved off a non-working day)" : ""}${met}` };
    });
    const src = d?.doc.source;
    const head: ExplainLine = { kind: "period", clause: src?.clause, quote: src?.quote, text: zh(c) ? `定期事项，共 ${r.periods.length} 期${src ? `（${cite(c, src.clause, src.quote)}）` : ""}` : `a recurring duty, ${r.periods.length} periods${src ? ` (${cite(c, src.clause, src.quote)})` : ""}` };
    return { area: "deadline", id, title, summary: head.text, lines: [head, ...lines, ...periods] };
  }
  const pr = r as PeriodDeadlineResult;
  const variant = d?.doc.variants?.find((v) => v.id === pr.variant);
  const src = variant?.source ?? d?.doc.source;
  const capBy = pr.period.capClause ? (zh(c) ? `（${pr.period.capClause}）` : ` (${pr.period.capClause})`) : "";
  const cap = pr.period.extensionCap
    ? zh(c) ? `，可延期，合计最多 ${periodText(pr.period.extensionCap, c.lang)}${capBy}` : `, extendable by at most ${periodText(pr.period.extensionCap, c.lang)} in all${capBy}`
    : pr.period.totalCap
      ? zh(c) ? `，可延期，连同延期最长 ${periodText(pr.period.totalCap, c.lang)}${capBy}` : `, extendable to at most ${periodText(pr.period.totalCap, c.lang)} in all${capBy}`
      : "";
  const head: ExplainLine = {
    kind: "period",
    clause: src?.clause,
    quote: src?.quote,
    text: zh(c) ? `期限：${periodText(pr.period, c.lang)}${cap}，到期日 ${pr.dueDate}${src ? `（${cite(c, src.clause, src.quote)}）` : ""}` : `period: ${periodText(pr.period, c.lang)}${cap}; due ${pr.dueDate}${src ? ` (${cite(c, src.clause, src.quote)})` : ""}`,
  };
  const variants = ruleLines(c, r.trace, (tid) => {
    const v = d?.doc.variants?.find((x) => `${id}/${x.id}` === tid);
    return v ? { zh: v.zh, when: v.when } : undefined;
  }).filter(() => d?.doc.variants !== undefined);
  const now = c.input?.now;
  const status: ExplainLine = { kind: "status", text: zh(c) ? `状态${now ? `（按 ${nowZh(now)}）` : ""}：${statusText(pr.status, c.lang)}` : `status${now ? ` at ${now}` : ""}: ${statusText(pr.status, c.lang)}` };
  const warnings = pr.warnings.map((w): ExplainLine => ({ kind: "warning", date: w.date, text: zh(c) ? `预警：${Math.round(w.at * 100)}% 期限于 ${w.date}` : `warning: ${Math.round(w.at * 100)}% of the period on ${w.date}` }));
  const ledgerText = ledgerLines(c.pack.calendar, pr.ledger, c.lang);
  const ledger = pr.ledger.map((e, i): ExplainLine => ({ kind: "ledger", date: e.date, text: ledgerText[i]! }));
  const assumed = assumptionLines(c, [d?.doc.assumption, variant?.assumption, variant?.effective?.assumption, ...defaultAssumptions(c, variant?.when)]);
  return { area: "deadline", id, title, summary: [head.text, status.text, ...assumed.map((a) => a.text)].join(zh(c) ? "；" : "; "), lines: [head, ...assumed, ...lines, ...variants, status, ...warnings, ...ledger] };
}

const LADDER_STATUS = { open: { zh: "办理中", en: "open" }, escalate: { zh: "需要升级", en: "must be escalated" }, resolved: { zh: "已办结", en: "resolved" } } as const;

export function escalationSection(c: Ctx, id: string, r: EscalationResult): ExplainSection {
  const l = c.pack.compiled.ladders.find((x) => x.id === id && inForce(x.effective, c.asOf)) ?? c.pack.compiled.ladders.find((x) => x.id === id);
  const title = l?.zh ?? id;
  const rungName = (rid: string) => l?.byId.get(rid)?.zh ?? rid;
  const lines: ExplainLine[] = [];
  lines.push({ kind: "path", text: zh(c) ? `路径：${r.path.map(rungName).join(" → ")}` : `path: ${r.path.map(rungName).join(" → ")}` });
  r.trace.forEach((t, i) => {
    const rid = t.id.slice(id.length + 1);
    const what = t.kind === "jump" ? (zh(c) ? `跳级 ${rid}` : `jump ${rid}`) : t.kind === "return" ? (zh(c) ? `退回 ${rid}` : `return ${rid}`) : rungName(rid);
    lines.push({ kind: "path", id: t.id, clause: t.clause, quote: t.quote, text: zh(c) ? `${i + 1}. ${what}（${cite(c, t.clause, t.quote)}）` : `${i + 1}. ${what} (${cite(c, t.clause, t.quote)})` });
  });
  const status = LADDER_STATUS[r.status][c.lang];
  const cur = zh(c)
    ? `当前：「${rungName(r.current)}」，由 ${unitName(c.pack, r.actor, c.lang)} 办理${r.dueBy ? `，本级时限 ${r.dueBy}` : ""}${r.overdue ? "，已超期" : ""}；状态：${status}`
    : `now at "${rungName(r.current)}", acted on by ${unitName(c.pack, r.actor, c.lang)}${r.dueBy ? `, due by ${r.dueBy}` : ""}${r.overdue ? ", overdue" : ""}; status: ${status}`;
  lines.push({ kind: "current", id: r.current, text: cur });
  let nextText: string;
  if (r.next) {
    const nextRung = l?.byId.get(r.next.rung);
    const jumpName = (on: string) => (on.startsWith("jump:") ? c.pack.docs.ladders.find((x) => x.id === id)?.jumps?.find((j) => j.id === on.slice(5))?.zh : undefined);
    const on = r.next.on.map((o) => triggerWord(o, c.lang, jumpName(o))).join(zh(c) ? "或" : " or ");
    const nowDate = c.input?.now ? c.pack.calendar.toDate(c.input.now) : null;
    let when: string;
    if (r.status === "escalate") when = zh(c) ? `现在即应升级${nowDate ? `（${nowDate}）` : ""}` : `escalate now${nowDate ? ` (${nowDate})` : ""}`;
    else if (r.dueBy && r.next.on.includes("timeout")) when = zh(c) ? `如 ${r.dueBy} 前仍未办结即升级` : `escalate if not done by ${r.dueBy}`;
    else when = "";
    let within = "";
    const wd = nextRung?.doc.within;
    // A limit by deadline id is that deadline's period (the number lives there).
    const w: PeriodDoc | undefined = wd && "deadline" in wd ? c.pack.docs.deadlines.find((x) => x.id === wd.deadline)?.period : wd;
    if (w) {
      within = zh(c) ? `；升级后须在 ${periodText(w, c.lang, c.pack)} 内办结` : `; once escalated it has ${periodText(w, c.lang, c.pack)}`;
      if (r.status === "escalate" && nowDate && nextRung?.within) {
        try {
          const due = computeDeadline(c.pack.calendar, nextRung.within(c.input?.facts ?? {}), { received: nowDate }, undefined, { ledger: false }).dueDate;
          within += zh(c) ? `，即 ${due} 前` : `, i.e. by ${due}`;
        } catch (e) {
          if (!(e instanceof YingshangError)) throw e;
        }
      }
    }
    nextText = zh(c)
      ? `下一步：升至「${rungName(r.next.rung)}」，由 ${unitName(c.pack, r.next.actor, c.lang)} 办理；触发条件：${on}${when ? `；${when}` : ""}${within}${nextRung ? `（${cite(c, nextRung.source.clause, nextRung.source.quote)}）` : ""}`
      : `next: up to "${rungName(r.next.rung)}", acted on by ${unitName(c.pack, r.next.actor, c.lang)}; on: ${on}${when ? `; ${when}` : ""}${within}${nextRung ? ` (${cite(c, nextRung.source.clause, nextRung.source.quote)})` : ""}`;
    lines.push({ kind: "next", id: r.next.rung, clause: nextRung?.source.clause, quote: nextRung?.source.quote, text: nextText });
  } else {
    nextText = r.status === "resolved" ? (zh(c) ? "已办结，无需升级" : "resolved; nothing further") : zh(c) ? "这是最后一级，没有更高一级" : "this is the last rung; there is no higher one";
    lines.push({ kind: "next", text: nextText });
  }
  const ladderDoc = c.pack.docs.ladders.find((x) => x.id === id);
  const jumpsTaken = r.trace.filter((t) => t.kind === "jump").map((t) => ladderDoc?.jumps?.find((j) => `${id}/${j.id}` === t.id));
  const assumed = assumptionLines(c, [
    ...r.path.map((rid) => l?.byId.get(rid)?.doc.assumption),
    ...jumpsTaken.flatMap((j) => [j?.assumption, ...defaultAssumptions(c, j?.when)]),
    ...(ladderDoc?.jumps ?? []).filter((j) => j.from === r.current).flatMap((j) => defaultAssumptions(c, j.when)),
  ]);
  lines.push(...assumed);
  return { area: "escalation", id, title, summary: [cur, nextText, ...assumed.map((a) => a.text)].join(zh(c) ? "；" : "; "), lines };
}

export function scoreSection(c: Ctx, id: string, r: ScoreResult): ExplainSection {
  const card = c.pack.docs.scorecards.find((x) => x.id === id && inForce(x.effective, c.asOf)) ?? c.pack.docs.scorecards.find((x) => x.id === id);
  const title = card?.zh ?? id;
  const itemName = (item: string) => {
    for (const cat of card?.categories ?? []) for (const it of cat.items ?? []) if (it.id === item) return it.zh ?? item;
    return item;
  };
  const lines: ExplainLine[] = [];
  for (const [cid, cat] of Object.entries(r.categories)) {
    const name = cat.zh ?? cid;
    lines.push({ kind: "category", id: cid, clause: cat.clause, text: zh(c) ? `${name}：${cat.score} / ${cat.max}${cat.deducted ? `（扣 ${cat.deducted} 分${cat.capped ? "，扣完为止" : ""}）` : ""}（${cat.clause}）` : `${name}: ${cat.score} / ${cat.max}${cat.deducted ? ` (−${cat.deducted}${cat.capped ? `, capped: ${cat.deductedRaw} deducted in all` : ""})` : ""} (${cat.clause})` });
  }
  for (const d of r.deductions) {
    const times = d.count > 1 ? (zh(c) ? ` × ${d.count}` : ` × ${d.count}`) : "";
    lines.push({ kind: "deduction", id: d.item, clause: d.clause, quote: d.quote, text: zh(c) ? `扣 ${d.points} 分：${itemName(d.item)}${times}（${cite(c, d.clause, d.quote)}）` : `−${d.points}: ${itemName(d.item)}${times} (${cite(c, d.clause, d.quote)})` });
  }
  if (r.survey) {
    const s = r.survey;
    const t = r.trace.find((x) => x.kind === "survey");
    lines.push({
      kind: "survey",
      clause: t?.clause,
      quote: t?.quote,
      text: zh(c)
        ? `民主评议：计入 ${s.counted} 份${s.mean !== null ? `，平均 ${s.mean} 分` : "，无计入的答卷"}，得 ${s.score} 分（${s.rule}）${t ? `（${cite(c, t.clause, t.quote)}）` : ""}`
        : `survey: ${s.counted} counted${s.mean !== null ? `, mean ${s.mean}` : ", none counted"}, scores ${s.score} (${s.rule})${t ? ` (${cite(c, t.clause, t.quote)})` : ""}`,
    });
  }
  const summary = zh(c) ? `总分 ${r.total} / ${r.max}${r.deductions.length ? `，共 ${r.deductions.length} 项扣分` : "，无扣分"}` : `total ${r.total} / ${r.max}${r.deductions.length ? `, ${r.deductions.length} deductions` : ", no deductions"}`;
  return { area: "score", id, title, summary, lines: [{ kind: "decision", text: summary }, ...lines] };
}

export type { Ctx as SectionContext };

/** The instant a status is judged at, as a Chinese reader writes it: 2026-10-16 09:00 for Shanghai time; any other offset is kept as given. */
function nowZh(now: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?(\+08:?00)?$/.exec(now);
  return m ? `${m[1]} ${m[2]}${m[3] && m[3] !== "00" ? `:${m[3]}` : ""}` : now;
}
