/**
 * Assumptions (本包假定): named periods of pack.yaml resolved into the `effective` blocks that name
 * them, and the list `coverage` shows — every value the pack chose, with its reason and place.
 */
import { pointerToPath } from "../../base/yaml-read.js";
import type { Ctx } from "./ctx.js";
import { own } from "../../base/own.js";
import { suggest } from "../../base/suggest.js";
import type { Assumption, Effective, FactDoc, PackDocs } from "../model/index.js";

/** Every `effective` block of a pack, with its file and pointer. */
function effectives(docs: PackDocs): { eff: Effective; file: string; pointer: string; set: (e: Effective) => void }[] {
  const out: { eff: Effective; file: string; pointer: string; set: (e: Effective) => void }[] = [];
  const add = (holder: { effective?: Effective } | undefined, file: string, pointer: string) => {
    if (holder?.effective) out.push({ eff: holder.effective, file, pointer: `${pointer}/effective`, set: (e) => (holder.effective = e) });
  };
  add(docs.pack as { effective?: Effective }, "pack.yaml", "");
  docs.assignment.tables.forEach((t, ti) => {
    add(t, "assignment.yaml", `/tables/${ti}`);
    t.rules.forEach((r, ri) => add(r, "assignment.yaml", `/tables/${ti}/rules/${ri}`));
  });
  docs.deadlines.forEach((d, i) => {
    add(d, "deadlines.yaml", `/deadlines/${i}`);
    d.variants?.forEach((v, vi) => add(v, "deadlines.yaml", `/deadlines/${i}/variants/${vi}`));
  });
  docs.ladders.forEach((l, li) => {
    add(l, "escalation.yaml", `/ladders/${li}`);
    l.rungs.forEach((r, ri) => add(r, "escalation.yaml", `/ladders/${li}/rungs/${ri}`));
  });
  docs.scorecards.forEach((sc, si) => {
    add(sc, "scoring.yaml", `/scorecards/${si}`);
    sc.categories.forEach((c, ci) => c.items?.forEach((it, ii) => add(it, "scoring.yaml", `/scorecards/${si}/categories/${ci}/items/${ii}`)));
  });
  docs.duties.forEach((d, i) => add(d, "duties.yaml", `/duties/${i}`));
  return out;
}

/**
 * Replaces each `effective: { period: id }` by that period's dates (keeping `period`), so one date
 * of pack.yaml serves every rule that names it; an unknown period is UNKNOWN_REFERENCE at its place.
 */
export function resolvePeriods(ctx: Ctx): void {
  const periods = ctx.docs.pack.periods ?? {};
  for (const [id, p] of Object.entries(periods)) {
    if (p.until !== undefined && p.until < p.from) ctx.report("EFFECTIVE_INVALID", `period \`${id}\` ends (${p.until}) before it starts (${p.from}).`, { detail: "until before from" }, "pack.yaml", `/periods/${id}/until`);
  }
  for (const e of effectives(ctx.docs)) {
    const ref = (e.eff as { period?: string }).period;
    if (ref === undefined) {
      if (!("from" in e.eff)) ctx.report("SCHEMA_MISSING_KEY", "`effective` needs `from` (the first day in force), or `period` naming a period of pack.yaml.", { key: "from" }, e.file, e.pointer);
      continue;
    }
    if ("from" in e.eff) {
      ctx.report("SCHEMA_VIOLATION", `\`effective\` gives both \`from\` and \`period\`; write the dates, or name the period of pack.yaml, not both.`, { keyword: "effective", detail: "both from and period" }, e.file, `${e.pointer}/period`);
      continue;
    }
    const p = Object.prototype.hasOwnProperty.call(periods, ref) ? periods[ref] : undefined;
    if (!p) {
      const hint = suggest(ref, Object.keys(periods));
      ctx.report("UNKNOWN_REFERENCE", `period \`${ref}\` is not declared under \`periods:\` in pack.yaml${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "period", id: ref, suggestion: hint }, e.file, `${e.pointer}/period`);
      e.set({ from: ctx.docs.pack.effective.from ?? "0000-01-01", period: ref });
      continue;
    }
    const resolved: Effective = { from: p.from, period: ref };
    if (p.until !== undefined) resolved.until = p.until;
    if (p.note !== undefined) resolved.note = p.note;
    if (p.assumption !== undefined) resolved.assumption = p.assumption;
    e.set(resolved);
  }
}

/** A fact's default as a policy officer reads it: 是/否, the value's Chinese name, else the value as typed. */
function valueZh(f: FactDoc): string {
  const v = f.default;
  if (typeof v === "boolean") return `「${v ? "是" : "否"}」`;
  const zh = typeof v === "string" ? own(f.valuesZh, v) : undefined;
  if (zh) return `「${zh}」`;
  return typeof v === "number" ? ` ${v}` : ` \`${typeof v === "string" ? v : JSON.stringify(v)}\``;
}

/** Every assumption of a pack, once each, with what it is about and where it is written. */
export function assumptionsOf(docs: PackDocs): { what: string; zh: string; file: string; path: string }[] {
  const out: { what: string; zh: string; file: string; path: string }[] = [];
  const add = (a: Assumption | undefined, what: string, file: string, pointer: string) => {
    if (a) out.push({ what, zh: a.zh, file, path: pointerToPath(pointer) });
  };
  for (const [id, p] of Object.entries(docs.pack.periods ?? {})) add(p.assumption, `期间「${p.zh}」（${p.from}…${p.until ?? ""}）`, "pack.yaml", `/periods/${id}`);
  for (const e of effectives(docs)) if (e.eff.period === undefined) add(e.eff.assumption, `生效日期（${e.eff.from}…${e.eff.until ?? ""}）`, e.file, e.pointer);
  for (const [name, f] of Object.entries(docs.facts)) add(f.assumption, `事实「${f.zh ?? name}」的默认值${valueZh(f)}`, "facts.yaml", `/facts/${name}`);
  for (const [id, lk] of Object.entries(docs.assignment.lookups ?? {})) add(lk.assumption, `对照表「${lk.zh ?? id}」`, "assignment.yaml", `/lookups/${id}`);
  docs.assignment.tables.forEach((t, ti) => t.rules.forEach((r, ri) => add(r.assumption, `规则「${r.zh ?? r.id}」`, "assignment.yaml", `/tables/${ti}/rules/${ri}`)));
  docs.deadlines.forEach((d, i) => {
    add(d.assumption, `时限「${d.zh ?? d.id}」`, "deadlines.yaml", `/deadlines/${i}`);
    d.variants?.forEach((v, vi) => add(v.assumption, `时限「${d.zh ?? d.id}」的情形「${v.zh ?? v.id}」`, "deadlines.yaml", `/deadlines/${i}/variants/${vi}`));
  });
  docs.ladders.forEach((l, li) => {
    l.rungs.forEach((r, ri) => add(r.assumption, `督办链「${l.zh ?? l.id}」的一级「${r.zh ?? r.id}」`, "escalation.yaml", `/ladders/${li}/rungs/${ri}`));
    l.jumps?.forEach((j, ji) => add(j.assumption, `督办链「${l.zh ?? l.id}」的跳级「${j.zh ?? j.id}」`, "escalation.yaml", `/ladders/${li}/jumps/${ji}`));
  });
  docs.duties.forEach((d, i) => add(d.sample?.assumption, `抽查「${d.zh ?? d.id}」的抽取人数取整`, "duties.yaml", `/duties/${i}/sample`));
  docs.scorecards.forEach((sc, si) => sc.categories.forEach((c, ci) => add(c.survey?.assumption, `评分表「${sc.zh ?? sc.id}」中「${c.zh ?? c.id}」的全部不了解时的得分`, "scoring.yaml", `/scorecards/${si}/categories/${ci}/survey`)));
  return out;
}
