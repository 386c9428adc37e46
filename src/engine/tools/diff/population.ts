/**
 * A generated population of cases for `diff`: facts from the declarations and the constants in
 * both packs' conditions (fact-space.ts), received dates in the calendar's range, escalation
 * histories along the ladders, incidents and survey answers for the scorecards. Reproducible:
 * a fixed-seed generator, so the same two packs always give the same population.
 */
import type { CaseInput } from "../../evaluate/index.js";
import type { HistoryEntry } from "../../evaluate/index.js";
import type { Condition, FactDoc, PackDocs } from "../../model/index.js";
import type { Pack } from "../../compile/index.js";
import type { ScoreInput } from "../../evaluate/index.js";
import { candidateValues } from "../../model/index.js";

/** xorshift32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 0x2545f491;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

function conditionsOf(docs: PackDocs): Condition[] {
  const out: Condition[] = [];
  const add = (c: Condition | undefined) => void (c && out.push(c));
  for (const t of docs.assignment.tables) for (const r of t.rules) add(r.when);
  for (const d of docs.deadlines) {
    for (const v of d.variants ?? []) add(v.when);
    add(d.requires?.condition);
  }
  for (const l of docs.ladders) {
    for (const j of l.jumps ?? []) add(j.when);
    for (const r of l.rungs) if (typeof r.actor === "object" && "cases" in r.actor) for (const c of r.actor.cases) add(c.when);
  }
  return out;
}

const TYPICAL_DAYS = [1, 2, 3, 5, 7, 10, 15, 20, 30];

/** The values each fact is drawn from; for facts both packs declare, only values valid in both. */
export function populationCandidates(a: Pack, b: Pack): Map<string, unknown[]> {
  const conds = [...conditionsOf(a.docs), ...conditionsOf(b.docs)];
  const sharedUnits = new Map([...a.units].filter(([id]) => b.units.has(id)));
  const ca = candidateValues(a.facts, conds, a.units);
  const cb = candidateValues(b.facts, conds, b.units);
  const out = new Map<string, unknown[]>();
  const names = [...new Set([...Object.keys(a.facts), ...Object.keys(b.facts)])].sort();
  for (const n of names) {
    const fa: FactDoc | undefined = a.facts[n];
    const fb: FactDoc | undefined = b.facts[n];
    const doc = (fa ?? fb)!;
    let vals: unknown[];
    if (doc.type === "unit") {
      // Every unit of the kinds allowed by both declarations (fact-space takes only four).
      const ok = (f: FactDoc | undefined, kind: string) => !f || !f.kinds || f.kinds.includes(kind);
      const pool = fa && fb ? sharedUnits : fa ? a.units : b.units;
      vals = [...pool.values()].filter((u) => ok(fa, u.kind) && ok(fb, u.kind)).map((u) => u.id);
    } else if (doc.type === "number") {
      const nums = new Set<number>([...((ca.get(n) ?? []) as number[]), ...((cb.get(n) ?? []) as number[]), ...TYPICAL_DAYS]);
      const within = (f: FactDoc | undefined, x: number) => !f || ((f.min === undefined || x >= f.min) && (f.max === undefined || x <= f.max));
      vals = [...nums].filter((x) => within(fa, x) && within(fb, x)).sort((p, q) => p - q);
    } else if (fa && fb) {
      const va = ca.get(n) ?? [];
      const vb = cb.get(n) ?? [];
      const key = (v: unknown) => JSON.stringify(v);
      const inB = new Set(vb.map(key));
      vals = doc.type === "enum" || doc.type === "boolean" ? va.filter((v) => inB.has(key(v))) : [...new Map([...va, ...vb].map((v) => [key(v), v])).values()];
    } else vals = (fa ? ca : cb).get(n) ?? [];
    if (vals.length) out.set(n, vals);
  }
  return out;
}

function addDays(date: string, n: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

/** The dates a case may be read as of: where either pack is in force, inside both calendars (leaving room to count). */
export function dateWindow(a: Pack, b: Pack): { from: string; to: string } {
  const calFrom = a.calendar.range.from > b.calendar.range.from ? a.calendar.range.from : b.calendar.range.from;
  const calToRaw = a.calendar.range.to < b.calendar.range.to ? a.calendar.range.to : b.calendar.range.to;
  const calTo = addDays(calToRaw, -120);
  const effFrom = a.meta.effective.from < b.meta.effective.from ? a.meta.effective.from : b.meta.effective.from;
  const ua = a.meta.effective.until ?? "9999-12-31";
  const ub = b.meta.effective.until ?? "9999-12-31";
  const effTo = ua > ub ? ua : ub;
  const from = effFrom > calFrom ? effFrom : calFrom;
  const to = effTo < calTo ? effTo : calTo;
  return to < from ? { from, to: from } : { from, to };
}

/**
 * `n` generated cases. Each has facts drawn from {@link populationCandidates}, an `asOf` in
 * {@link dateWindow} (also the day every period deadline's matter is received), a `now` up to 45
 * days later, a history for every ladder (walked up from the first rung, the last step's outcome
 * drawn from none, failed, resolved, dissatisfied) and incidents and survey answers for every scorecard.
 */
export function generatePopulation(a: Pack, b: Pack, n: number, seed = 0x9e3779b9): CaseInput[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const cands = populationCandidates(a, b);
  const win = dateWindow(a, b);
  const span = daysBetween(win.from, win.to);
  const periodDeadlines = [...new Set([...a.docs.deadlines, ...b.docs.deadlines].filter((d) => !d.schedule).map((d) => d.id))].sort();
  // Rungs up to the first final one: the path a case can walk one rung at a time.
  const ladders = new Map<string, string[]>();
  for (const l of [...b.docs.ladders, ...a.docs.ladders]) {
    const end = l.rungs.findIndex((r) => r.final === true);
    ladders.set(l.id, l.rungs.slice(0, end < 0 ? l.rungs.length : end + 1).map((r) => r.id));
  }
  const cards = new Map<string, { items: string[]; answers: string[] | null }>();
  for (const s of [...a.docs.scorecards, ...b.docs.scorecards]) {
    const prev = cards.get(s.id);
    const items = new Set(prev?.items ?? []);
    let answers = prev?.answers ?? null;
    for (const c of s.categories) {
      for (const i of c.items ?? []) items.add(i.id);
      if (c.survey) answers = answers ? answers.filter((x) => x in c.survey!.answers) : Object.keys(c.survey.answers);
    }
    cards.set(s.id, { items: [...items], answers });
  }
  const out: CaseInput[] = [];
  for (let k = 0; k < n; k++) {
    const facts: Record<string, unknown> = {};
    for (const [name, vals] of cands) facts[name] = pick(vals);
    const asOf = addDays(win.from, Math.floor(next() * (span + 1)));
    const now = addDays(asOf, Math.floor(next() * 46));
    const c: CaseInput = { asOf, facts, now };
    if (periodDeadlines.length) c.events = Object.fromEntries(periodDeadlines.map((id) => [id, { received: asOf }]));
    if (ladders.size) {
      c.history = {};
      for (const [id, rungs] of ladders) {
        const steps = 1 + Math.floor(next() * rungs.length);
        const h: HistoryEntry[] = [];
        for (let i = 0; i < steps; i++) h.push({ rung: rungs[i]!, at: addDays(asOf, i * 3), ...(i < steps - 1 ? { outcome: "failed" as const } : {}) });
        const last = pick([undefined, "failed", "resolved", "dissatisfied"] as const);
        if (last) h[h.length - 1]!.outcome = last;
        c.history[id] = h;
      }
    }
    if (cards.size) {
      c.scoring = {};
      for (const [id, card] of cards) {
        const s: ScoreInput = { incidents: card.items.filter(() => next() < 0.2).map((item) => ({ item, count: 1 + Math.floor(next() * 3) })) };
        if (card.answers) s.survey = Object.fromEntries(card.answers.map((x) => [x, Math.floor(next() * 5)]));
        c.scoring[id] = s;
      }
    }
    out.push(c);
  }
  return out;
}
