/**
 * Impact of a pack change: run each case through both packs, compare the outcomes part by part
 * (each table, deadline, ladder, scorecard), count the cases whose outcome changes by kind, and
 * shrink one example of each kind to the fewest facts that still show the change.
 */
import { YingshangError } from "../../../errors.js";
import { assign } from "../../evaluate/index.js";
import { deadline } from "../../evaluate/index.js";
import { escalate } from "../../evaluate/index.js";
import { evaluate, type CaseInput, type CaseResult } from "../../evaluate/index.js";
import type { Pack } from "../../compile/index.js";
import { score } from "../../evaluate/index.js";
import { begin } from "../../evaluate/index.js";
import { missingFact } from "../explain/words.js";
import { inForce } from "../../check/index.js";

/** The kinds of outcome a change can touch. */
export const IMPACT_KINDS = ["lead", "roles", "outcome", "dueDate", "escalation", "scoreTotal", "applicability"] as const;
export type ImpactKind = (typeof IMPACT_KINDS)[number];

/** Words for each kind, for reports. */
export const IMPACT_LABELS: Record<ImpactKind, string> = {
  lead: "lead unit",
  roles: "roles (cooperating, helper, agent…)",
  outcome: "decision outcome (assigned / designation / no match / outcome word)",
  dueDate: "deadline due date",
  escalation: "escalation (status, who acts, by when, next rung)",
  scoreTotal: "score total",
  applicability: "whether the pack applies at all (effective dates, facts accepted)",
};

/** One minimal example of a changed outcome. */
export interface ImpactExample {
  /** The part that changed: `assignment:lead-unit`, `deadline:mayor-direct`, `escalation:complaint`, `score:scorecard`. */
  part: string;
  /** The case, cut down to that part and to the fewest facts that still show the change. */
  input: CaseInput;
  before: unknown;
  after: unknown;
}

/** How a deadline stands, in the four words of a compliance report (or none, without `now` or a completion). */
export type StatusWord = "on time" | "late" | "overdue" | "running" | "none";

/** The status word of a deadline status kind (done-on-time → on time; due-today, paused, not-started → running). */
export function statusWord(kind: unknown): StatusWord {
  switch (kind) {
    case "done-on-time":
      return "on time";
    case "done-late":
      return "late";
    case "overdue":
      return "overdue";
    case "running":
    case "due-today":
    case "paused":
    case "not-started":
      return "running";
    default:
      return "none";
  }
}

/** How many cases change, by kind, with an example of each. */
export interface ImpactReport {
  /** `population` (generated) or `cases` (from the user's file). */
  source: "population" | "cases";
  total: number;
  /** Cases with at least one changed outcome. */
  changed: number;
  byKind: { kind: ImpactKind; label: string; cases: number; example: ImpactExample | null }[];
  /** Deadlines whose status changes (on time → late, running → overdue…), one per case and deadline; most first. */
  statusChanges: { from: StatusWord; to: StatusWord; deadlines: number }[];
  /**
   * Per unit (the lead unit of the case's assignments under either pack, or the fact named by
   * `unitFact`): its cases, how many change, how many of its deadlines change status, and the
   * changed cases it gains or loses as lead. Most changed first.
   */
  byUnit: { unit: string; zh: string | null; cases: number; changed: number; statusChanges: number; gained: number; lost: number }[];
  /** The changed cases' ids (the case's \`id\`, else its 1-based position); null for a generated population. */
  changedIds: (string | number)[] | null;
}

type Part = Record<string, unknown>;
/** Outcomes of one case under one pack: a whole-case error, or one entry per part. */
type Outcomes = { whole: string | null; parts: Map<string, Part> };

/** The case as this pack sees it: facts, deadlines, ladders, scorecards, items and answers it does not know are left out. */
export function adapt(pack: Pack, input: CaseInput): CaseInput {
  const out: CaseInput = { ...input };
  if (input.facts && typeof input.facts === "object") out.facts = Object.fromEntries(Object.entries(input.facts).filter(([k]) => k in pack.facts));
  if (input.events) out.events = Object.fromEntries(Object.entries(input.events).filter(([k]) => pack.docs.deadlines.some((d) => d.id === k)));
  if (input.history) out.history = Object.fromEntries(Object.entries(input.history).filter(([k]) => pack.docs.ladders.some((l) => l.id === k)));
  if (input.scoring) {
    const asOf = input.asOf ?? "";
    const sc: NonNullable<CaseInput["scoring"]> = {};
    for (const [id, s] of Object.entries(input.scoring)) {
      const card = pack.docs.scorecards.find((c) => c.id === id && inForce(c.effective, asOf)) ?? pack.docs.scorecards.find((c) => c.id === id);
      if (!card || !s || typeof s !== "object") continue;
      const items = new Set(card.categories.flatMap((c) => (c.items ?? []).filter((i) => inForce(i.effective, asOf)).map((i) => i.id)));
      const survey = card.categories.find((c) => c.survey)?.survey;
      const next: typeof s = {};
      if (Array.isArray(s.incidents)) next.incidents = s.incidents.filter((i) => i && items.has(i.item));
      if (survey && s.survey && typeof s.survey === "object") next.survey = Object.fromEntries(Object.entries(s.survey).filter(([k]) => k in survey.answers));
      sc[id] = next;
    }
    out.scoring = sc;
  }
  return out;
}

function errorCode(e: unknown): string {
  if (e instanceof YingshangError) return e.code;
  throw e;
}

function fromResult(r: CaseResult, parts: Map<string, Part>): void {
  for (const [id, a] of Object.entries(r.assignment)) {
    if (a.kind === "not-evaluated") parts.set(`assignment:${id}`, { error: `not evaluated (fact ${missingFact(a) ?? "?"} missing)` });
    else parts.set(`assignment:${id}`, { kind: a.kind, lead: a.lead, roles: a.roles, outcome: a.outcome });
  }
  for (const [id, d] of Object.entries(r.deadlines)) parts.set(`deadline:${id}`, d.kind === "error" ? { error: d.problems[0]!.code } : d.kind === "period" ? { dueDate: d.dueDate, status: d.status?.kind ?? null } : { periods: d.periods.map((p) => p.due) });
  for (const [id, l] of Object.entries(r.escalation)) parts.set(`escalation:${id}`, l.kind === "error" ? { error: l.problems[0]!.code } : { status: l.status, current: l.current, actor: l.actor, dueBy: l.dueBy, next: l.next });
  for (const [id, s] of Object.entries(r.scores)) parts.set(`score:${id}`, s.kind === "error" ? { error: s.problems[0]!.code } : { total: s.total });
}

/** Every outcome of a case under a pack; an error in one part never hides the others. */
export function outcomes(pack: Pack, raw: CaseInput): Outcomes {
  const input = adapt(pack, raw);
  const parts = new Map<string, Part>();
  const asOf = input.asOf ?? "";
  try {
    begin(pack, input.facts, { asOf, trace: false });
  } catch (e) {
    return { whole: errorCode(e), parts };
  }
  try {
    fromResult(evaluate(pack, input, { trace: false }), parts);
    return { whole: null, parts };
  } catch (e) {
    errorCode(e);
  }
  // Some part fails: evaluate each part alone so that one error does not hide the others.
  const opts = { asOf, trace: false };
  for (const t of pack.compiled.tables) {
    if (!inForce(t.effective, asOf) || parts.has(`assignment:${t.id}`)) continue;
    try {
      const a = assign(pack, t.id, input.facts, opts);
      parts.set(`assignment:${t.id}`, { kind: a.kind, lead: a.lead, roles: a.roles, outcome: a.outcome });
    } catch (e) {
      const code = errorCode(e);
      parts.set(`assignment:${t.id}`, { error: code === "FACT_MISSING" ? `not evaluated (fact ${missingFact((e as YingshangError).problems[0]!) ?? "?"} missing)` : code });
    }
  }
  for (const [id, ev] of Object.entries(input.events ?? {})) {
    try {
      const d = deadline(pack, id, { facts: input.facts, events: ev, now: input.now }, opts);
      parts.set(`deadline:${id}`, "dueDate" in d ? { dueDate: d.dueDate, status: d.status?.kind ?? null } : { periods: d.periods.map((p) => p.due) });
    } catch (e) {
      parts.set(`deadline:${id}`, { error: errorCode(e) });
    }
  }
  for (const [id, history] of Object.entries(input.history ?? {})) {
    try {
      const l = escalate(pack, id, { facts: input.facts, history, now: input.now }, opts);
      parts.set(`escalation:${id}`, { status: l.status, current: l.current, actor: l.actor, dueBy: l.dueBy, next: l.next });
    } catch (e) {
      parts.set(`escalation:${id}`, { error: errorCode(e) });
    }
  }
  for (const [id, s] of Object.entries(input.scoring ?? {})) {
    try {
      parts.set(`score:${id}`, { total: score(pack, id, s, opts).total });
    } catch (e) {
      parts.set(`score:${id}`, { error: errorCode(e) });
    }
  }
  return { whole: null, parts };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** The kinds in which one part differs between the packs. */
function partKinds(key: string, pa: Part | undefined, pb: Part | undefined): ImpactKind[] {
  if (same(pa, pb)) return [];
  const area = key.slice(0, key.indexOf(":"));
  if (area === "deadline") return ["dueDate"];
  if (area === "escalation") return ["escalation"];
  if (area === "score") return ["scoreTotal"];
  if (!pa || !pb || "error" in pa || "error" in pb) return ["outcome"];
  const out: ImpactKind[] = [];
  if (!same(pa.lead, pb.lead)) out.push("lead");
  if (!same(pa.roles, pb.roles)) out.push("roles");
  if (!same(pa.kind, pb.kind) || !same(pa.outcome, pb.outcome)) out.push("outcome");
  return out;
}

type Diff = { key: string; kinds: ImpactKind[]; before: unknown; after: unknown };

/** The lead units of a case's assignments. */
function leadsOf(o: Outcomes): string[] {
  const out = new Set<string>();
  for (const [k, p] of o.parts) if (k.startsWith("assignment:") && typeof p.lead === "string") out.add(p.lead);
  return [...out];
}

/** The changed parts of a case, each with the kinds it touches. */
export function compareCase(a: Pack, b: Pack, input: CaseInput): Diff[] {
  return compareOutcomes(outcomes(a, input), outcomes(b, input));
}

function compareOutcomes(oa: Outcomes, ob: Outcomes): Diff[] {
  if (oa.whole !== null || ob.whole !== null) {
    return oa.whole === ob.whole ? [] : [{ key: "case", kinds: ["applicability"], before: oa.whole ? { error: oa.whole } : "applies", after: ob.whole ? { error: ob.whole } : "applies" }];
  }
  const keys = [...new Set([...oa.parts.keys(), ...ob.parts.keys()])];
  const out: { key: string; kinds: ImpactKind[]; before: unknown; after: unknown }[] = [];
  for (const k of keys) {
    const pa = oa.parts.get(k);
    const pb = ob.parts.get(k);
    const kinds = partKinds(k, pa, pb);
    if (kinds.length) out.push({ key: k, kinds, before: pa ?? "(not in this version)", after: pb ?? "(not in this version)" });
  }
  return out;
}

/** The case cut down to one part. */
function onlyPart(input: CaseInput, key: string): CaseInput {
  const [area, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  const out: CaseInput = { asOf: input.asOf, facts: { ...(input.facts ?? {}) } };
  if (area === "deadline" || area === "escalation") out.now = input.now;
  if (area === "deadline" && input.events?.[id]) out.events = { [id]: input.events[id]! };
  if (area === "escalation" && input.history?.[id]) out.history = { [id]: input.history[id]! };
  if (area === "score" && input.scoring?.[id]) out.scoring = { [id]: input.scoring[id]! };
  return out;
}

const isErr = (p: unknown) => typeof p === "object" && p !== null && "error" in p;

/** Shrinks a changed case to the fewest facts (and incidents) that still change `kind` in `key`, without turning either side into an error. */
export function minimalExample(a: Pack, b: Pack, input: CaseInput, key: string, kind: ImpactKind): ImpactExample | null {
  const probe = (c: CaseInput) => compareCase(a, b, c).find((x) => x.key === key && x.kinds.includes(kind));
  let cur = key === "case" ? { ...input } : onlyPart(input, key);
  const first = probe(cur);
  if (!first) return null;
  const errA = isErr(first.before);
  const errB = isErr(first.after);
  const keeps = (c: CaseInput) => {
    const r = probe(c);
    return r !== undefined && isErr(r.before) === errA && isErr(r.after) === errB ? r : undefined;
  };
  for (const f of Object.keys(cur.facts ?? {}).sort()) {
    const facts = { ...(cur.facts ?? {}) };
    delete facts[f];
    const c = { ...cur, facts };
    if (keeps(c)) cur = c;
  }
  if (cur.scoring) {
    for (const [id, s] of Object.entries(cur.scoring)) {
      for (let i = (s.incidents ?? []).length - 1; i >= 0; i--) {
        const incidents = (s.incidents ?? []).filter((_, j) => j !== i);
        const c = { ...cur, scoring: { ...cur.scoring, [id]: { ...s, incidents } } };
        if (keeps(c)) cur = c;
      }
    }
  }
  const r = probe(cur)!;
  return { part: key, input: cur, before: r.before, after: r.after };
}

/** Runs cases through both packs and reports how many outcomes change, by kind, by status and by unit. */
export function impact(a: Pack, b: Pack, cases: readonly CaseInput[], source: ImpactReport["source"], examples = true, unitFact?: string): ImpactReport {
  const counts = new Map<ImpactKind, number>();
  const firsts = new Map<ImpactKind, { input: CaseInput; key: string }[]>();
  const transitions = new Map<string, { from: StatusWord; to: StatusWord; deadlines: number }>();
  const units = new Map<string, ImpactReport["byUnit"][number]>();
  const unit = (u: string) => {
    let x = units.get(u);
    if (!x) units.set(u, (x = { unit: u, zh: b.units.get(u)?.zh ?? a.units.get(u)?.zh ?? null, cases: 0, changed: 0, statusChanges: 0, gained: 0, lost: 0 }));
    return x;
  };
  const changedIds: (string | number)[] = [];
  let changed = 0;
  cases.forEach((c, i) => {
    const oa = outcomes(a, c);
    const ob = outcomes(b, c);
    const diffs = compareOutcomes(oa, ob);
    // The case's units: the fact's value when one is named, else its lead units under either pack.
    const before = unitFact ? [] : leadsOf(oa);
    const after = unitFact ? [] : leadsOf(ob);
    const fact = unitFact ? c.facts?.[unitFact] : undefined;
    const own = unitFact ? [typeof fact === "string" && fact !== "" ? fact : fact === undefined ? "(not given)" : JSON.stringify(fact)] : [...new Set([...before, ...after])];
    if (!own.length) own.push("(no unit)");
    for (const u of own) unit(u).cases++;
    if (!diffs.length) return;
    changed++;
    if (source === "cases") changedIds.push(typeof c.id === "string" || typeof c.id === "number" ? c.id : i + 1);
    let moved = 0;
    for (const d of diffs) {
      if (!d.key.startsWith("deadline:") || isErr(d.before) || isErr(d.after)) continue;
      const from = statusWord((d.before as Part | undefined)?.status);
      const to = statusWord((d.after as Part | undefined)?.status);
      if (from === to) continue;
      moved++;
      const k = `${from}\u0000${to}`;
      const t = transitions.get(k) ?? { from, to, deadlines: 0 };
      t.deadlines++;
      transitions.set(k, t);
    }
    for (const u of own) {
      const x = unit(u);
      x.changed++;
      x.statusChanges += moved;
      if (after.includes(u) && !before.includes(u)) x.gained++;
      if (before.includes(u) && !after.includes(u)) x.lost++;
    }
    const kinds = new Set(diffs.flatMap((d) => d.kinds));
    for (const k of kinds) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      const list = firsts.get(k) ?? [];
      if (list.length < 8) list.push({ input: c, key: diffs.find((d) => d.kinds.includes(k))!.key });
      firsts.set(k, list);
    }
  });
  const byKind = IMPACT_KINDS.map((kind) => {
    let example: ImpactExample | null = null;
    if (examples) {
      for (const cand of firsts.get(kind) ?? []) {
        const ex = minimalExample(a, b, cand.input, cand.key, kind);
        if (ex && (!example || Object.keys(ex.input.facts ?? {}).length < Object.keys(example.input.facts ?? {}).length)) example = ex;
      }
    }
    return { kind, label: IMPACT_LABELS[kind], cases: counts.get(kind) ?? 0, example };
  });
  const statusChanges = [...transitions.values()].sort((x, y) => y.deadlines - x.deadlines || (x.from + x.to < y.from + y.to ? -1 : 1));
  const byUnit = [...units.values()].sort((x, y) => y.changed - x.changed || y.cases - x.cases || (x.unit < y.unit ? -1 : 1));
  return { source, total: cases.length, changed, byKind, statusChanges, byUnit, changedIds: source === "cases" ? changedIds : null };
}
