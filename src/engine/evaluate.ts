/** One call for everything a pack computes about a case: assignment, deadlines, escalation, scores. */
import type { CaseEvents } from "../calendar/index.js";
import { fail, problem, YingshangError, type Problem } from "../errors.js";
import { freezeAssignment, runTable, type AssignmentResult } from "./assign.js";
import { findDeadline, runDeadline, type DeadlineEvaluation } from "./deadline.js";
import { findLadder, runLadder, type EscalationResult, type HistoryEntry } from "./escalate.js";
import { inForce } from "./impl/ctx.js";
import { begin, type Evaluation } from "./impl/begin.js";
import { deepFreeze } from "./impl/freeze.js";
import type { Pack } from "./pack.js";
import { findScorecard, runScore, type ScoreInput, type ScoreResult } from "./score.js";
import type { EvalOptions, Receipt } from "./trace.js";

/** A case, as given to `evaluate` and to `yingshang eval`. */
export interface CaseInput {
  /** The date the rules are read as of. May instead be given in the options. */
  asOf?: string;
  facts?: Record<string, unknown>;
  /** The instant statuses are judged at. */
  now?: string;
  /** Events per deadline id. Deadlines without events are not computed. */
  events?: Record<string, CaseEvents>;
  /** History per ladder id. */
  history?: Record<string, HistoryEntry[]>;
  /** Scoring input per scorecard id. */
  scoring?: Record<string, ScoreInput>;
}

/** A table that was not evaluated for this case because a fact it needs is absent. */
export interface NotEvaluated {
  table: string;
  kind: "not-evaluated";
  /** The first absent fact (in the table's order of reading). */
  missing: string;
  /** The same as a typed problem (FACT_MISSING), for reports. */
  problem: Problem;
}

export interface CaseResult {
  receipt: Receipt;
  assignment: Record<string, AssignmentResult | NotEvaluated>;
  deadlines: Record<string, DeadlineEvaluation>;
  escalation: Record<string, EscalationResult>;
  scores: Record<string, ScoreResult>;
}

/**
 * Evaluates everything the pack computes for one case.
 *
 * A table is `not-evaluated` (with the absent fact named) when a fact its conditions read is not
 * given and has no default — never a silent "no". Wrong facts (type, enum value, unknown name) throw.
 *
 * @example
 * import { loadPack, evaluate } from "yingshang";
 * const suqian = loadPack("suqian");
 * const r = evaluate(suqian, { asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } });
 * console.log(r.deadlines["mayor-direct"]);
 */
export function evaluate(pack: Pack, input: CaseInput, options: Partial<EvalOptions> = {}): CaseResult {
  if (!input || typeof input !== "object" || Array.isArray(input)) fail("INPUT_INVALID", "A case must be a mapping with asOf, facts and optional events, history, scoring.", { detail: "case not an object" }, { path: "" });
  const asOf = options.asOf ?? input.asOf;
  const ev = begin(pack, input.facts, { asOf: asOf as string, trace: options.trace });
  const out: CaseResult = { receipt: ev.receipt, assignment: {}, deadlines: {}, escalation: {}, scores: {} };
  // Each part gets its own trace list; untraced, they can all share the evaluation as it is.
  const part = (): Evaluation => (ev.trace ? { ...ev, trace: [] } : ev);
  const sub = part();
  for (const t of pack.compiled.tables) {
    if (!inForce(t.effective, ev.asOf) || out.assignment[t.id]) continue;
    // A table is evaluated only when every fact its conditions read is given (or has a default):
    // the case may simply not be about it. This rule does not depend on the order of conditions.
    const absent = t.needs.find((n) => ev.facts[n] === undefined);
    if (absent !== undefined) {
      out.assignment[t.id] = notEvaluated(t, absent);
      continue;
    }
    try {
      out.assignment[t.id] = runTable(t, sub);
    } catch (e) {
      if (e instanceof YingshangError && e.code === "FACT_MISSING") out.assignment[t.id] = { table: t.id, kind: "not-evaluated", missing: (e.problems[0]!.params as { fact: string }).fact, problem: e.problems[0]! };
      else throw e;
    }
  }
  for (const [id, events] of Object.entries(input.events ?? {})) {
    out.deadlines[id] = runDeadline(pack, findDeadline(pack, id, ev.asOf), { events, now: input.now }, part());
  }
  for (const [id, history] of Object.entries(input.history ?? {})) {
    out.escalation[id] = runLadder(pack, findLadder(pack, id, ev.asOf), { history, now: input.now }, part());
  }
  for (const [id, sc] of Object.entries(input.scoring ?? {})) {
    out.scores[id] = runScore(findScorecard(pack, id, ev.asOf), sc, ev.asOf, ev.trace ? [] : null, ev.receipt);
  }
  return freezeCase(out);
}

/** Freezes a case result part by part, by known shape (a generic walk was most of the cost). */
function freezeCase(out: CaseResult): CaseResult {
  for (const k in out.assignment) {
    const a = out.assignment[k]!;
    if (Object.isFrozen(a)) continue;
    if (a.kind === "not-evaluated") deepFreeze(a);
    else freezeAssignment(a);
  }
  for (const k in out.deadlines) deepFreeze(out.deadlines[k]);
  for (const k in out.escalation) {
    const e = out.escalation[k]!;
    Object.freeze(e.path);
    if (e.next) Object.freeze(Object.freeze(e.next).on);
    if (e.trace.length) deepFreeze(e.trace);
    Object.freeze(e);
  }
  for (const k in out.scores) deepFreeze(out.scores[k]);
  Object.freeze(out.assignment);
  Object.freeze(out.deadlines);
  Object.freeze(out.escalation);
  Object.freeze(out.scores);
  return Object.freeze(out);
}

// "Not evaluated" records depend only on (table, absent fact): build each once and share it (frozen).
const notEvaluatedCache = new WeakMap<object, Map<string, NotEvaluated>>();

function notEvaluated(table: { id: string }, fact: string): NotEvaluated {
  let byFact = notEvaluatedCache.get(table);
  if (!byFact) notEvaluatedCache.set(table, (byFact = new Map()));
  let ne = byFact.get(fact);
  if (!ne) {
    const p = problem("FACT_MISSING", `Table \`${table.id}\` was not evaluated: the fact \`${fact}\` it needs was not given.`, { fact, rule: table.id }, { path: `facts.${fact}` });
    byFact.set(fact, (ne = deepFreeze({ table: table.id, kind: "not-evaluated", missing: fact, problem: p })));
  }
  return ne;
}
