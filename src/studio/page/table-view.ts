/**
 * Each assignment table as a decision table: one row per rule, one column per fact its conditions
 * read, the condition in each cell, the outputs and clause at the right; above it the hit policy and
 * what the loader proved about "exactly one" (checkExactlyOneLead ran when the pack compiled).
 */
import type { Condition, FactDoc, Pack, TableDoc, UnitRef } from "../../core.js";
import { candidateValues } from "../../engine/model/index.js";
import { factNames } from "../../engine/compile/index.js";
import { h } from "./dom.js";
import type { ViewContext } from "./state.js";
import { HIT_POLICY, idTip, OPERATOR, ROLE } from "./words.js";
import { own } from "../../base/own.js";

type Leaf = Extract<Condition, { fact: string }>;

/** The facts a table reads, in order of first use. */
function columns(t: TableDoc): string[] {
  const out = new Set<string>();
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else out.add(c.fact);
  };
  t.rules.forEach((r) => visit(r.when));
  return [...out];
}

function valueText(pack: Pack, doc: FactDoc | undefined, v: unknown): string {
  const one = (x: unknown): string => {
    if (typeof x === "string") return own(doc?.valuesZh, x) ?? pack.units.get(x)?.zh ?? x;
    if (typeof x === "boolean") return x ? "是" : "否";
    if (typeof x === "number") return x.toLocaleString("zh-CN");
    return JSON.stringify(x);
  };
  return Array.isArray(v) ? `｛${v.map(one).join("、")}｝` : one(v);
}

function leafText(pack: Pack, c: Leaf, withFact: boolean): string {
  const doc = pack.facts[c.fact];
  const name = withFact ? `${doc?.zh ?? c.fact}${c.path ? `.${c.path}` : ""} ` : "";
  if (doc?.type === "boolean" && c.operator === "equal" && typeof c.value === "boolean") return `${name}${c.value ? "是" : "否"}`;
  return `${name}${OPERATOR[c.operator] ?? c.operator} ${valueText(pack, doc, c.value)}`;
}

function conditionText(pack: Pack, c: Condition): string {
  if ("all" in c) return c.all.map((x) => conditionText(pack, x)).join(" 且 ");
  if ("any" in c) return `（${c.any.map((x) => conditionText(pack, x)).join(" 或 ")}）`;
  if ("not" in c) return `并非（${conditionText(pack, c.not)}）`;
  return leafText(pack, c, true);
}

/** The cells of a rule: top-level `all` leaves go to their fact's column, the rest to "其他条件". */
function cells(pack: Pack, when: Condition | undefined): { byFact: Map<string, string[]>; other: string[] } {
  const byFact = new Map<string, string[]>();
  const other: string[] = [];
  const top = !when ? [] : "all" in when ? when.all : [when];
  for (const c of top) {
    if ("fact" in c) byFact.set(c.fact, [...(byFact.get(c.fact) ?? []), leafText(pack, c, false)]);
    else other.push(conditionText(pack, c));
  }
  return { byFact, other };
}

function unitText(pack: Pack, r: UnitRef | UnitRef[]): string {
  const one = (u: UnitRef): string => {
    if (typeof u === "string") return pack.units.get(u)?.zh ?? u;
    if ("otherwise" in u) return `〔${pack.facts[u.fact]?.zh ?? u.fact}；未给出时：${one(u.otherwise)}〕`;
    if ("fact" in u) return `〔${pack.facts[u.fact]?.zh ?? u.fact}〕`;
    const lk = pack.docs.assignment.lookups?.[u.lookup];
    return `〔按“${lk?.zh ?? u.lookup}”查${pack.facts[u.key]?.zh ?? u.key}〕`;
  };
  return Array.isArray(r) ? r.map(one).join("、") : one(r);
}

/** The proof statement: how many fact combinations the loader tried, over which facts. */
function proof(pack: Pack, t: TableDoc): HTMLElement {
  if (!t.exactlyOneLead && t.hitPolicy !== "unique") return h("p", { class: "proof muted" }, "此表不要求“恰好一条”：", HIT_POLICY[t.hitPolicy] ?? t.hitPolicy, "。");
  const cands = candidateValues(pack.facts, t.rules.map((r) => r.when), pack.units);
  // The same facts, and the same candidate values, as the proof that ran when the pack compiled.
  const facts = factNames(t.rules, new Set());
  const used = [...facts].filter((f) => (cands.get(f) ?? []).length > 0);
  const total = used.reduce((n, f) => n * cands.get(f)!.length, 1);
  const limit = 4096;
  const what = [t.hitPolicy === "unique" ? "没有两条规则同时适用" : null, t.exactlyOneLead ? "每种情形都给出一个牵头单位（或“需指定”）" : null].filter(Boolean).join("，且");
  return h(
    "p",
    { class: "proof ok", "data-combinations": String(Math.min(total, limit)) },
    "✓ 已证明“恰好一条”：载入时对 ",
    h("strong", {}, total <= limit ? `全部 ${total.toLocaleString("zh-CN")} 种` : `${limit.toLocaleString("zh-CN")} 种（共 ${total.toLocaleString("zh-CN")} 种，按固定种子抽取）`),
    ` 事实组合逐一计算（${used.map((f) => `${pack.facts[f]?.zh ?? f} ${cands.get(f)!.length} 种`).join(" × ")}），${what}。`,
  );
}

function renderTable(pack: Pack, t: TableDoc): HTMLElement {
  const cols = columns(t);
  const anyOther = t.rules.some((r) => cells(pack, r.when).other.length);
  const roles = [...new Set(t.rules.flatMap((r) => Object.keys(r.then).filter((k) => k !== "note")))];
  const rows = t.rules.map((r, i) => {
    const c = cells(pack, r.when);
    return h(
      "tr",
      { "data-rule": r.id },
      h("td", { class: "num" }, String(i + 1)),
      h("td", { class: "rule", title: idTip(r.id) }, r.zh ? h("div", {}, r.zh) : h("code", {}, r.id)),
      cols.map((f) => h("td", { class: c.byFact.has(f) ? "cond" : "cond any" }, c.byFact.get(f)?.join("；") ?? "—")),
      anyOther ? h("td", { class: "cond" }, c.other.join("；")) : null,
      roles.map((k) => {
        const v = (r.then as Record<string, unknown>)[k];
        return h("td", { class: "out" }, v === undefined ? "" : k === "outcome" || k === "designationRequired" ? String(v) : unitText(pack, v as UnitRef));
      }),
      h("td", { class: "clause" }, r.source.clause),
    );
  });
  return h(
    "article",
    { class: "decision-table", "data-table": t.id },
    h("h3", { title: idTip(t.id) }, t.zh ?? t.id),
    h("p", { class: "hit-policy" }, "命中规则：", HIT_POLICY[t.hitPolicy] ?? t.hitPolicy),
    proof(pack, t),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h("tr", {}, h("th", {}, "#"), h("th", {}, "规则"), cols.map((f) => h("th", { class: "fact", title: f }, pack.facts[f]?.zh ?? f)), anyOther ? h("th", {}, "其他条件") : null, roles.map((k) => h("th", { class: "out" }, ROLE[k] ?? k)), h("th", {}, "条款")),
        ),
        h("tbody", {}, rows),
      ),
    ),
  );
}

export function renderTables(ctx: ViewContext): HTMLElement {
  const pack = ctx.state.edited().pack;
  if (!pack) return h("p", { class: "notice bad" }, "政策包有问题，无法编译：请先在“编辑”中改正，决策表才能显示。");
  return h("div", { class: "tables-view" }, pack.docs.assignment.tables.map((t) => renderTable(pack, t)));
}
