/** Compiles deadlines: variants with their conditions, and periods whose numbers may come from facts. */
import type { PeriodSpec, ScheduleSpec } from "../../calendar/index.js";
import { fail } from "../../errors.js";
import type { DeadlineDoc, Effective, FactRef, PeriodDoc, Source } from "../model/index.js";
import { checkIds, type Ctx, type Predicate } from "../check/index.js";
import { own } from "../../base/readonly-map.js";
import { kindOf } from "../../calendar/impl/kind-words.js";

export type PeriodResolver = (facts: Readonly<Record<string, unknown>>) => PeriodSpec;

export interface CompiledVariant {
  readonly id: string | null;
  readonly when: Predicate | null;
  readonly period: PeriodResolver;
  readonly source: Source | undefined;
  readonly effective: Effective | undefined;
}

export interface CompiledDeadline {
  readonly id: string;
  readonly zh: string | undefined;
  readonly variants: readonly CompiledVariant[];
  readonly schedule: ScheduleSpec | null;
  readonly requires: { readonly when: Predicate; readonly message: string } | null;
  readonly effective: Effective | undefined;
  readonly doc: DeadlineDoc;
}

const FILE = "deadlines.yaml";

/**
 * Turns a pack period into a resolver; fact-valued numbers (the length and the caps) are read and
 * checked per case. A refused extension cites the cap's own clause, else the period's (`src`).
 */
export function compilePeriod(ctx: Ctx, p: PeriodDoc, file: string, pointer: string, rule: string, src?: Source): PeriodResolver {
  const kinds = (["workingDays", "days", "sameDay"] as const).filter((k) => p[k] !== undefined);
  if (kinds.length !== 1) {
    ctx.report("SCHEMA_VIOLATION", `a period needs exactly one of workingDays, days or sameDay (found ${kinds.length ? kinds.join(" and ") : "none"}).`, { keyword: "period", detail: "exactly one unit" }, file, pointer);
  }
  const numberOf = (v: number | FactRef | undefined, key: string): ((f: Readonly<Record<string, unknown>>) => number) | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === "number") return () => v;
    const fd = own(ctx.facts, v.fact);
    if (!fd) ctx.unknownFact(v.fact, file, `${pointer}/${key}/fact`);
    else if (fd.type !== "number") ctx.report("CONDITION_INVALID", `\`${v.fact}\` gives a number of days, so it must be declared with \`type: number\`.`, { detail: "period fact not a number" }, file, `${pointer}/${key}/fact`);
    const name = v.fact;
    return (f) => {
      const n = f[name];
      if (n === undefined) return fail("FACT_MISSING", `The fact \`${name}\` (the number of days) is needed by \`${rule}\` but was not given.`, { fact: name, rule }, { path: `facts.${name}` });
      // The period's own limit (≥ 1) is reached through the fact, so the error names the fact, not the period.
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) return fail("FACT_TYPE", `The fact \`${name}\` gives the ${key === "workingDays" ? "working days" : "days"} of \`${rule}\`, so it must be a whole number ≥ 1, but it is ${kindOf(n)}${n === 0 ? " (for 当场, the pack says sameDay: true)" : ""}.`, { fact: name, expected: "a whole number ≥ 1", actual: kindOf(n), rule }, { path: `facts.${name}` });
      return n;
    };
  };
  const wd = numberOf(p.workingDays, "workingDays");
  const d = numberOf(p.days, "days");
  const rest: PeriodSpec = {};
  if (p.sameDay) rest.sameDay = true;
  if (p.startDay) rest.startDay = p.startDay;
  if (p.cutoff) rest.cutoff = p.cutoff;
  if (p.warnAt) rest.warnAt = p.warnAt;
  // Caps: each of workingDays/days a number or a fact, read per case like the length.
  const caps: [("extensionCap" | "totalCap"), "workingDays" | "days", (f: Readonly<Record<string, unknown>>) => number][] = [];
  for (const key of ["extensionCap", "totalCap"] as const) {
    const cap = p[key];
    if (!cap) continue;
    const units = (["workingDays", "days"] as const).filter((k) => cap[k] !== undefined);
    if (units.length !== 1) {
      ctx.report("SCHEMA_VIOLATION", `\`${key}\` needs exactly one of workingDays or days (found ${units.length ? units.join(" and ") : "none"}).`, { keyword: key, detail: "exactly one unit" }, file, `${pointer}/${key}`);
      continue;
    }
    if (cap.source) ctx.source(cap.source, `${rule} ${key}`, file, `${pointer}/${key}/source`);
    caps.push([key, units[0]!, numberOf(cap[units[0]!], `${key}/${units[0]!}`)!]);
  }
  const capSource = p.totalCap?.source ?? p.extensionCap?.source ?? src;
  if (caps.length && capSource) rest.capClause = `${ctx.docs.pack.city.zh} ${capSource.clause}`;
  const fixedCaps = caps.every(([key, unit]) => typeof p[key]![unit] === "number");
  if (fixedCaps) for (const [key, unit, n] of caps) rest[key] = Object.freeze({ [unit]: n({}) });
  const withCaps = (spec: PeriodSpec, f: Readonly<Record<string, unknown>>): PeriodSpec => {
    if (fixedCaps) return spec;
    for (const [key, unit, n] of caps) spec[key] = { [unit]: n(f) };
    return spec;
  };
  if (!wd && !d) {
    const frozen = Object.freeze({ ...rest });
    return fixedCaps ? () => frozen : (f) => withCaps({ ...rest }, f);
  }
  if ((typeof p.workingDays === "number" || typeof p.days === "number") && fixedCaps) {
    const fixed = Object.freeze({ ...rest, ...(wd ? { workingDays: p.workingDays as number } : { days: p.days as number }) });
    return () => fixed;
  }
  return (f) => withCaps(wd ? { ...rest, workingDays: wd(f) } : { ...rest, days: d!(f) }, f);
}

export function compileDeadlines(ctx: Ctx): CompiledDeadline[] {
  const list = ctx.docs.deadlines;
  checkIds(ctx, list, "deadline", FILE, "/deadlines");
  return list.map((dl, i) => {
    const base = `/deadlines/${i}`;
    const forms = [dl.period, dl.schedule, dl.variants].filter((x) => x !== undefined).length;
    if (forms !== 1) ctx.report("SCHEMA_VIOLATION", `deadline \`${dl.id}\` needs exactly one of \`period\`, \`variants\` or \`schedule\`.`, { keyword: "deadline", detail: "exactly one form" }, FILE, base);
    if ((dl.period || dl.schedule) && !dl.source) ctx.report("SCHEMA_MISSING_KEY", `deadline \`${dl.id}\` needs \`source\` (its clause and quote).`, { key: "source" }, FILE, base);
    ctx.source(dl.source, `deadline ${dl.id}`, FILE, `${base}/source`);
    ctx.effective(dl.effective, FILE, `${base}/effective`);
    const variants: CompiledVariant[] = [];
    if (dl.period) variants.push({ id: null, when: null, period: compilePeriod(ctx, dl.period, FILE, `${base}/period`, dl.id, dl.source), source: dl.source, effective: undefined });
    if (dl.variants) {
      checkIds(ctx, dl.variants, "variant", FILE, `${base}/variants`);
      dl.variants.forEach((v, vi) => {
        const ptr = `${base}/variants/${vi}`;
        ctx.source(v.source, `deadline ${dl.id}/${v.id}`, FILE, `${ptr}/source`);
        ctx.effective(v.effective, FILE, `${ptr}/effective`);
        variants.push({ id: v.id, when: ctx.condition(v.when, `${dl.id}/${v.id}`, FILE, `${ptr}/when`), period: compilePeriod(ctx, v.period, FILE, `${ptr}/period`, `${dl.id}/${v.id}`, v.source), source: v.source, effective: v.effective });
      });
    }
    const requires = dl.requires ? { when: ctx.condition(dl.requires.condition, dl.id, FILE, `${base}/requires/condition`)!, message: dl.requires.message } : null;
    return Object.freeze({ id: dl.id, zh: dl.zh, variants: Object.freeze(variants), schedule: dl.schedule ?? null, requires, effective: dl.effective, doc: dl });
  });
}
