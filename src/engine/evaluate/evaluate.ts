/** One call for everything a pack computes about a case: assignment, deadlines, escalation, scores. */
import type { CaseEvents } from "../../calendar/index.js";
import { YingshangError } from "../../errors.js";
import { fireUntraced, resultOf, runTable, type AssignmentResult } from "../compile/index.js";
import { PartsMemo } from "../model/index.js";
import { findDeadline, freezeDeadline, runDeadline, type DeadlineEvaluation } from "./deadline.js";
import { findLadder, freezeEscalation, runLadder, type EscalationResult, type HistoryEntry } from "./escalate.js";
import { inForce } from "../check/index.js";
import { beginChecked, latestReceived } from "./begin.js";
import { provisionalTouched } from "./provisional-touch.js";
import { deepFreeze } from "../../base/freeze.js";
import { notEvaluated, type NotEvaluated } from "../model/index.js";
import type { CompiledTable } from "../compile/index.js";
import type { Pack } from "../compile/index.js";
import { findScorecard, runScore, type ScoreInput, type ScoreResult } from "./score.js";
import type { EvalOptions, Receipt } from "../model/index.js";
import { partError, type PartError } from "../model/index.js";

/** A case, as given to `evaluate` and to `yingshang eval`. */
export interface CaseInput {
  /** The case's own id: batch results echo it, and \`diffPacks\` lists the changed cases by it. */
  id?: string | number;
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

export type { NotEvaluated } from "../model/index.js";

export type { PartError } from "../model/index.js";

/**
 * What a pack computes for a case. Each part is discriminated by `kind`: a table's `assigned`,
 * `designation-required`, `no-match` or `not-evaluated`; a deadline's `period` or `schedule`; and for
 * a deadline, ladder or scorecard that could not be computed, `error` with its problems.
 */
export interface CaseResult {
  receipt: Receipt;
  assignment: Record<string, AssignmentResult | NotEvaluated>;
  deadlines: Record<string, DeadlineEvaluation | PartError>;
  escalation: Record<string, EscalationResult | PartError>;
  scores: Record<string, ScoreResult | PartError>;
  /**
   * Present (true) when the result touched a provisional year — one filled from the statutory
   * holidays (`provisional: "statutory"`) because its notice is not published; the receipt's
   * `provisionalYears` names them. Such dates may move when the notice comes out.
   */
  provisional?: true;
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
  // Every key of the case is checked against the pack's input schema first: a case with an unknown
  // key, a wrong kind or an unknown word is refused whole, with every problem, and nothing is evaluated.
  const positions = pack.compiled.checkCase.check(input, options.asOf !== undefined);
  const asOf = options.asOf ?? input.asOf;
  const ev = beginChecked(pack, input.facts, positions, asOf, options.trace !== false, input.events === undefined ? undefined : latestReceived(input.events));
  // Each part (each table, deadline, ladder) gets its own trace list; untraced, they can all share
  // the evaluation as it is.
  const traced = ev.trace !== null;
  const { steps, records } = planOf(pack);
  const parts: (AssignmentResult | NotEvaluated)[] = [];
  let allShared = !traced;
  for (let g = 0; g < steps.length; g++) {
    const step = steps[g]!;
    const t = step.table ?? step.versions.find((v) => inForce(v.effective, ev.asOf));
    if (t === undefined) continue;
    // A table is evaluated only when every fact its conditions read is given (or has a default):
    // the case may simply not be about it. This rule does not depend on the order of conditions.
    const absent = firstAbsent(step.table !== null ? step.needSlots : t.needSlots, ev.positions);
    if (absent >= 0 && !(t.decideWithout !== null && t.decideWithout(ev.positions, ev.facts, ev.asOf))) {
      parts.push(t.unevaluated[absent]!);
      continue;
    }
    try {
      if (traced) parts.push(runTable(t, { ...ev, trace: [] }));
      else {
        const fired = fireUntraced(t, ev);
        if (fired.length !== 1) allShared = false; // only a one-rule result is a shared one
        parts.push(resultOf(t, fired, ev));
      }
    } catch (e) {
      if (!(e instanceof YingshangError && e.code === "FACT_MISSING")) throw e;
      parts.push(notEvaluated(t.id, (e.problems[0]!.params as { fact: string }).fact, e.problems[0]!));
      allShared = false;
    }
  }
  // Untraced, every part is usually a shared object, and so can the record of them be.
  const assignment = allShared ? records.get(parts, () => recordOf(parts)) : recordOf(parts);
  // Parts the case does not ask for share one frozen empty record.
  let deadlines: CaseResult["deadlines"] = NONE;
  for (const id in input.events) {
    if (!Object.prototype.hasOwnProperty.call(input.events, id)) continue;
    if (deadlines === NONE) deadlines = {};
    try {
      deadlines[id] = freezeDeadline(runDeadline(pack, findDeadline(pack, id, ev.asOf), { events: input.events[id]!, now: input.now }, traced ? { ...ev, trace: [] } : ev));
    } catch (e) {
      deadlines[id] = partOf(id, e);
    }
  }
  let escalation: CaseResult["escalation"] = NONE;
  for (const id in input.history) {
    if (!Object.prototype.hasOwnProperty.call(input.history, id)) continue;
    if (escalation === NONE) escalation = {};
    try {
      escalation[id] = freezeEscalation(runLadder(pack, findLadder(pack, id, ev.asOf), { history: input.history[id]!, now: input.now }, traced ? { ...ev, trace: [] } : ev));
    } catch (e) {
      escalation[id] = partOf(id, e);
    }
  }
  let scores: CaseResult["scores"] = NONE;
  for (const id in input.scoring) {
    if (!Object.prototype.hasOwnProperty.call(input.scoring, id)) continue;
    if (scores === NONE) scores = {};
    try {
      scores[id] = deepFreeze(runScore(findScorecard(pack, id, ev.asOf), input.scoring[id]!, ev.asOf, ev.trace ? [] : null, ev.receipt));
    } catch (e) {
      scores[id] = partOf(id, e);
    }
  }
  if (deadlines !== NONE) Object.freeze(deadlines);
  if (escalation !== NONE) Object.freeze(escalation);
  if (scores !== NONE) Object.freeze(scores);
  if (pack.calendar.provisionalYears.length > 0) {
    const years = provisionalTouched(pack.calendar, [deadlines, escalation, scores], input.now);
    if (years.length > 0) return Object.freeze({ receipt: Object.freeze({ ...ev.receipt, provisionalYears: Object.freeze(years) as number[] }), assignment, deadlines, escalation, scores, provisional: true as const });
  }
  return Object.freeze({ receipt: ev.receipt, assignment, deadlines, escalation, scores });
}

const NONE: Record<string, never> = Object.freeze({});

/** A part's own error record: a user error stays with its part; a bug still throws. */
function partOf(id: string, e: unknown): PartError {
  if (!(e instanceof YingshangError)) throw e;
  // Paths of a part's problems are relative to its input; say where in the case they are.
  return partError(id, e.problems);
}

/** The frozen record of table results, by table id. */
function recordOf(parts: readonly (AssignmentResult | NotEvaluated)[]): CaseResult["assignment"] {
  const rec: CaseResult["assignment"] = {};
  for (let i = 0; i < parts.length; i++) rec[parts[i]!.table] = parts[i]!;
  return Object.freeze(rec);
}

/** One table id of a pack, as evaluate walks them. */
interface PlanStep {
  /** The table when it has one version and no dates of its own (then always in force); else null. */
  readonly table: CompiledTable | null;
  readonly versions: readonly CompiledTable[];
  /** `table.needSlots`, copied. */
  readonly needSlots: readonly number[];
}

// evaluate walks a plain copy of the pack's frozen lists, made once per pack and kept out of reach
// here (docs/performance.md).
// The memo of shared assignment records lives here too, one per pack.
const plans = new WeakMap<Pack, Plan>();

interface Plan {
  readonly steps: readonly PlanStep[];
  readonly records: PartsMemo<CaseResult["assignment"]>;
}

function planOf(pack: Pack): Plan {
  let plan = plans.get(pack);
  if (plan === undefined) {
    const steps = pack.compiled.tableGroups.map((versions) => {
      const table = versions.length === 1 && versions[0]!.effective === undefined ? versions[0]! : null;
      return { table, versions, needSlots: table ? [...table.needSlots] : [] };
    });
    plan = { steps, records: new PartsMemo() };
    plans.set(pack, plan);
  }
  return plan;
}

/** The index in `slots` of the first fact that is absent, or -1. */
function firstAbsent(slots: readonly number[], positions: readonly number[]): number {
  for (let i = 0; i < slots.length; i++) if (positions[slots[i]!]! < 0) return i;
  return -1;
}

