/** One call for everything a pack computes about a case: assignment, deadlines, escalation, scores. */
import type { CaseEvents } from "../calendar/index.js";
import { fail, YingshangError, type Problem } from "../errors.js";
import { runTable, type AssignmentResult } from "./assign.js";
import { findDeadline, runDeadline, type DeadlineEvaluation } from "./deadline.js";
import { findLadder, runLadder, type EscalationResult, type HistoryEntry } from "./escalate.js";
import { inForce } from "./impl/ctx.js";
import { begin } from "./impl/begin.js";
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

/** A table that could not be evaluated for this case, and why (e.g. a fact it needs is absent). */
export interface NotEvaluated {
  table: string;
  kind: "not-evaluated";
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
 * Tables whose facts are absent are reported as `not-evaluated` with the missing fact, never as a
 * silent "no"; wrong facts (type, enum value, unknown name) throw.
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
  for (const t of pack.compiled.tables) {
    if (!inForce(t.effective, ev.asOf) || out.assignment[t.id]) continue;
    try {
      out.assignment[t.id] = runTable(t, { ...ev, trace: ev.trace ? [] : null });
    } catch (e) {
      if (e instanceof YingshangError && e.code === "FACT_MISSING") out.assignment[t.id] = { table: t.id, kind: "not-evaluated", problem: e.problems[0]! };
      else throw e;
    }
  }
  for (const [id, events] of Object.entries(input.events ?? {})) {
    out.deadlines[id] = runDeadline(pack, findDeadline(pack, id, ev.asOf), { events, now: input.now }, { ...ev, trace: ev.trace ? [] : null });
  }
  for (const [id, history] of Object.entries(input.history ?? {})) {
    out.escalation[id] = runLadder(pack, findLadder(pack, id, ev.asOf), { history, now: input.now }, { ...ev, trace: ev.trace ? [] : null });
  }
  for (const [id, sc] of Object.entries(input.scoring ?? {})) {
    out.scores[id] = runScore(findScorecard(pack, id, ev.asOf), sc, ev.asOf, ev.trace ? [] : null, ev.receipt);
  }
  return deepFreeze(out);
}
