/**
 * Warnings of `validate` (the pack stays valid): a number of a rule that its own quote does not
 * contain (QUOTE_NUMBER_MISMATCH), and a chosen value — a fact's default, a lookup, an effective date
 * other than the document's, a survey's choice for all-不了解 — that no `assumption` marks
 * (ASSUMPTION_UNMARKED), and a `TODO` placeholder of the scaffold left in a value (TODO_PLACEHOLDER).
 * All point at the value, with its file, line and column.
 */
import { pointerSegment } from "../../base/yaml-read.js";
import type { ProblemCode, ProblemParams } from "../../errors.js";
import type { Condition, Effective, PackDocs, PeriodDoc, Source } from "../model/index.js";
import { quoteHas } from "./quote-numbers.js";

/** What the warning pass needs from the compile context. */
export interface WarnSink {
  readonly docs: PackDocs;
  warn<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], file: string, pointer: string): void;
}

/** Runs every warning check over a pack's documents. */
export function checkPackWarnings(ctx: WarnSink): void {
  checkQuoteNumbers(ctx);
  checkAssumptions(ctx);
  checkPlaceholders(ctx);
}

function number(ctx: WarnSink, n: unknown, src: Source | undefined, file: string, pointer: string, what: string): void {
  if (typeof n !== "number" || !src) return;
  if (quoteHas(src.quote, n)) return;
  ctx.warn(
    "QUOTE_NUMBER_MISMATCH",
    `the number ${n} (${what}) is not in the quote of this rule ("${src.quote.length > 60 ? `${src.quote.slice(0, 60)}…` : src.quote}", ${src.clause}); if the document says another number, correct it here, and if the number is right, quote the words that give it.`,
    { value: n, what, clause: src.clause, quote: src.quote },
    file,
    pointer,
  );
}

function periodNumbers(ctx: WarnSink, p: PeriodDoc | undefined, src: Source | undefined, file: string, pointer: string): void {
  if (!p) return;
  number(ctx, p.workingDays, src, file, `${pointer}/workingDays`, "working days");
  number(ctx, p.days, src, file, `${pointer}/days`, "days");
  for (const cap of ["extensionCap", "totalCap"] as const) {
    const c = p[cap];
    if (!c) continue;
    const s = c.source ?? src;
    number(ctx, c.workingDays, s, file, `${pointer}/${cap}/workingDays`, cap);
    number(ctx, c.days, s, file, `${pointer}/${cap}/days`, cap);
  }
}

function conditionNumbers(ctx: WarnSink, cond: Condition | undefined, src: Source | undefined, file: string, pointer: string): void {
  if (!cond) return;
  if ("all" in cond) cond.all.forEach((c, i) => conditionNumbers(ctx, c, src, file, `${pointer}/all/${i}`));
  else if ("any" in cond) cond.any.forEach((c, i) => conditionNumbers(ctx, c, src, file, `${pointer}/any/${i}`));
  else if ("not" in cond) conditionNumbers(ctx, cond.not, src, file, `${pointer}/not`);
  else number(ctx, cond.value, src, file, `${pointer}/value`, `compared with ${cond.fact}`);
}

function checkQuoteNumbers(ctx: WarnSink): void {
  const d = ctx.docs;
  d.assignment.tables.forEach((t, ti) =>
    t.rules.forEach((r, ri) => conditionNumbers(ctx, r.when, r.assumption ? undefined : r.source, "assignment.yaml", `/tables/${ti}/rules/${ri}/when`)),
  );
  d.deadlines.forEach((dl, i) => {
    const base = `/deadlines/${i}`;
    // A rule that carries its own assumption says openly that its numbers are the pack's reading.
    const src = dl.assumption ? undefined : dl.source;
    periodNumbers(ctx, dl.period, src, "deadlines.yaml", `${base}/period`);
    if (dl.schedule) number(ctx, dl.schedule.day, src, "deadlines.yaml", `${base}/schedule/day`, "day of the month");
    dl.variants?.forEach((v, vi) => {
      if (v.assumption) return;
      periodNumbers(ctx, v.period, v.source, "deadlines.yaml", `${base}/variants/${vi}/period`);
      conditionNumbers(ctx, v.when, v.source, "deadlines.yaml", `${base}/variants/${vi}/when`);
    });
  });
  d.ladders.forEach((l, li) =>
    l.rungs.forEach((r, ri) => {
      if (r.within && !("deadline" in r.within) && !r.assumption) periodNumbers(ctx, r.within, r.source, "escalation.yaml", `/ladders/${li}/rungs/${ri}/within`);
    }),
  );
  d.scorecards.forEach((sc, si) =>
    sc.categories.forEach((c, ci) => {
      const base = `/scorecards/${si}/categories/${ci}`;
      number(ctx, c.max, c.source, "scoring.yaml", `${base}/max`, "the category's points");
      c.items?.forEach((it, ii) => number(ctx, it.deduct, it.source, "scoring.yaml", `${base}/items/${ii}/deduct`, "points deducted"));
    }),
  );
  d.duties.forEach((du, i) => {
    if (du.sample) number(ctx, du.sample.fraction, du.source, "duties.yaml", `/duties/${i}/sample/fraction`, "the fraction sampled");
    if (du.schedule) number(ctx, du.schedule.day, du.source, "duties.yaml", `/duties/${i}/schedule/day`, "day of the month");
  });
  const st = d.staffing;
  if (st) {
    for (const key of ["agentsPerLocality", "helpersPerDepartment"] as const) {
      const rule = st[key];
      if (!rule) continue;
      for (const k of ["min", "max", "exactly"] as const) number(ctx, rule[k], rule.source, "staffing.yaml", `/${key}/${k}`, "number of people");
    }
    if (st.changes) number(ctx, st.changes.minTenureYears, st.changes.source, "staffing.yaml", "/changes/minTenureYears", "years of tenure");
  }
}

function unmarked(ctx: WarnSink, what: string, file: string, pointer: string): void {
  ctx.warn(
    "ASSUMPTION_UNMARKED",
    `${what} is a value the pack chose, not one the document gives; mark it with \`assumption: { zh: 理由 }\` (why this value), so that explain and coverage show it as the pack's assumption.`,
    { what },
    file,
    pointer,
  );
}

function effectiveDates(ctx: WarnSink, eff: Effective | undefined, file: string, pointer: string, holder?: { assumption?: unknown }): void {
  if (!eff || eff.assumption || eff.period !== undefined || holder?.assumption) return;
  const d = ctx.docs.pack;
  const supported = new Set([d.effective.from, ...(d.document.issued ? [d.document.issued] : [])]);
  if (!supported.has(eff.from)) unmarked(ctx, `the start date ${eff.from}`, file, `${pointer}/from`);
  if (eff.until !== undefined) unmarked(ctx, `the end date ${eff.until}`, file, `${pointer}/until`);
}

function checkAssumptions(ctx: WarnSink): void {
  const d = ctx.docs;
  const pe = d.pack.effective;
  if (!pe.assumption) {
    if (pe.from !== d.pack.document.issued) unmarked(ctx, `the pack's start date ${pe.from}${d.pack.document.issued ? ` (the document is dated ${d.pack.document.issued})` : " (the document is undated)"}`, "pack.yaml", "/effective/from");
    if (pe.until !== undefined) unmarked(ctx, `the pack's end date ${pe.until}`, "pack.yaml", "/effective/until");
  }
  for (const [id, p] of Object.entries(d.pack.periods ?? {})) {
    if (!p.assumption && p.until !== undefined) unmarked(ctx, `the end date ${p.until} of period \`${id}\``, "pack.yaml", `/periods/${id}/until`);
  }
  for (const [name, f] of Object.entries(d.facts)) {
    if (f.default !== undefined && !f.assumption) unmarked(ctx, `the default ${JSON.stringify(f.default)} of fact \`${name}\``, "facts.yaml", `/facts/${name}/default`);
  }
  for (const [id, lk] of Object.entries(d.assignment.lookups ?? {})) {
    if (!lk.assumption) unmarked(ctx, `the lookup table \`${id}\``, "assignment.yaml", `/lookups/${id}/entries`);
  }
  // A fraction of a count is rarely whole: how it is rounded is the pack's choice (营口 九(四) "按10%比例").
  d.duties.forEach((du, i) => {
    if (du.sample && !du.sample.assumption) unmarked(ctx, `the rounding \`${du.sample.rounding}\` of the sample of duty \`${du.id}\``, "duties.yaml", `/duties/${i}/sample/rounding`);
  });
  d.assignment.tables.forEach((t, ti) => {
    effectiveDates(ctx, t.effective, "assignment.yaml", `/tables/${ti}/effective`);
    t.rules.forEach((r, ri) => effectiveDates(ctx, r.effective, "assignment.yaml", `/tables/${ti}/rules/${ri}/effective`, r));
  });
  d.deadlines.forEach((dl, i) => {
    effectiveDates(ctx, dl.effective, "deadlines.yaml", `/deadlines/${i}/effective`, dl);
    dl.variants?.forEach((v, vi) => effectiveDates(ctx, v.effective, "deadlines.yaml", `/deadlines/${i}/variants/${vi}/effective`, v));
  });
  d.ladders.forEach((l, li) => {
    effectiveDates(ctx, l.effective, "escalation.yaml", `/ladders/${li}/effective`);
    l.rungs.forEach((r, ri) => effectiveDates(ctx, r.effective, "escalation.yaml", `/ladders/${li}/rungs/${ri}/effective`, r));
  });
  d.duties.forEach((du, i) => effectiveDates(ctx, du.effective, "duties.yaml", `/duties/${i}/effective`));
  d.scorecards.forEach((sc, si) => {
    effectiveDates(ctx, sc.effective, "scoring.yaml", `/scorecards/${si}/effective`);
    sc.categories.forEach((c, ci) => {
      c.items?.forEach((it, ii) => effectiveDates(ctx, it.effective, "scoring.yaml", `/scorecards/${si}/categories/${ci}/items/${ii}/effective`));
      if (c.survey && !c.survey.assumption) unmarked(ctx, `the score of a survey with no counted answer (whenNoAnswerCounts: ${c.survey.whenNoAnswerCounts})`, "scoring.yaml", `/scorecards/${si}/categories/${ci}/survey/whenNoAnswerCounts`);
    });
  });
}

// ── leftover `TODO` placeholders: what `yingshang new` writes for the officer to replace (values only; comments are guidance)

const TODO = /\bTODO\b/;

/** The pack files whose documents are walked, with the document each one holds. */
function filesOf(ctx: WarnSink): [file: string, value: unknown][] {
  const d = ctx.docs;
  return [
    ["pack.yaml", d.pack],
    ["units.yaml", { units: d.units }],
    ["facts.yaml", { facts: d.facts }],
    ["assignment.yaml", d.assignment],
    ["deadlines.yaml", { deadlines: d.deadlines }],
    ["escalation.yaml", { ladders: d.ladders }],
    ["scoring.yaml", { scorecards: d.scorecards }],
    ["duties.yaml", { duties: d.duties }],
    ["staffing.yaml", d.staffing],
  ];
}

/** Warns on every text value of the pack's documents that still holds a `TODO` placeholder. */
function checkPlaceholders(ctx: WarnSink): void {
  for (const [file, value] of filesOf(ctx)) {
    const walk = (v: unknown, pointer: string): void => {
      if (typeof v === "string") {
        if (TODO.test(v)) ctx.warn("TODO_PLACEHOLDER", `"${v}" is a placeholder left by yingshang new; replace it with the document's own words.`, { text: v }, file, pointer);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${pointerSegment(k)}`);
    };
    walk(value, "");
  }
}
