/** Escalation: where a case stands on a pack's ladder, who must act by when, and what comes next. */
import { dueWithin } from "../../calendar/deadline.js";
import { fail } from "../../errors.js";
import type { Outcome } from "../model/index.js";
import type { CompiledLadder, CompiledRung } from "../compile/index.js";
import { begin } from "./begin.js";
import type { Evaluation } from "../model/index.js";
import { deepFreeze, EMPTY } from "../../base/freeze.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Receipt, TraceEntry } from "../model/index.js";
import { findInForce } from "./find.js";
import { checkKeys, instantCheck } from "../compile/index.js";

/** One step of a case's history: the rung it reached, when, and how that rung ended (if it has). */
export interface HistoryEntry {
  rung: string;
  at: string;
  outcome?: Outcome;
}

export interface EscalationInput {
  facts?: Record<string, unknown>;
  history: HistoryEntry[];
  /** The instant to judge "overdue" at. */
  now?: string;
}

export interface EscalationResult {
  /** The discriminant (an evaluated ladder, not a part error of `evaluate`). */
  kind: "escalation";
  ladder: string;
  /** `open`: the current rung is working on it; `escalate`: it must move to `next` now; `resolved`: closed. */
  status: "open" | "escalate" | "resolved";
  current: string;
  /** The unit that must act on the current rung. */
  actor: string | null;
  /** The last day the current rung has, when the rung has a time limit. */
  dueBy: string | null;
  overdue: boolean;
  /** Where the case goes next and on what (failed, timeout, dissatisfied, or a jump). */
  next: { rung: string; actor: string | null; on: string[] } | null;
  /** The rungs taken so far, in order. */
  path: string[];
  trace: TraceEntry[];
  receipt: Receipt;
}

const TRIGGERS = new Set(["failed", "timeout", "dissatisfied"]);
const CLOSED = new Set(["resolved", "satisfied"]);
const OUTCOMES = new Set([...TRIGGERS, ...CLOSED]);

/**
 * Walks a case's history up a ladder and says where it stands. A history that skips a rung
 * without a jump the ladder allows is refused (`ESCALATION_SKIPPED_RUNG`).
 *
 * @example
 * import { loadPack, escalate } from "yingshang";
 * const suqian = loadPack("suqian");
 * const r = escalate(suqian, "complaint", { facts: { receivingUnit: "county" }, history: [{ rung: "receiving-unit", at: "2026-03-02", outcome: "failed" }] }, { asOf: "2026-03-02" });
 * console.log(r.status, r.next?.rung); // "escalate" "graded-joint-meeting"
 */
export function escalate(pack: Pack, ladderId: string, input: EscalationInput, options: EvalOptions): EscalationResult {
  checkKeys(input, ["facts", "history", "now"], "facts, history and now", { now: instantCheck });
  const ev = begin(pack, input?.facts, options);
  if (input?.history !== undefined) pack.compiled.checkCase.checkPart("history", ladderId, input.history, "history");
  return freezeEscalation(runLadder(pack, findLadder(pack, ladderId, ev.asOf), input, ev));
}

/** Freezes an escalation result by its known shape (cheaper than a generic deep walk). */
export function freezeEscalation(e: EscalationResult): EscalationResult {
  // The path and the next step are shared frozen values already.
  if (e.trace !== EMPTY) deepFreeze(e.trace);
  return Object.freeze(e);
}

export function findLadder(pack: Pack, id: string, asOf: string): CompiledLadder {
  return findInForce("ladder", pack.id, pack.compiled.ladders, pack.compiled.index.ladders.get(id), id, asOf);
}

export function runLadder(pack: Pack, l: CompiledLadder, input: EscalationInput, ev: Evaluation): EscalationResult {
  const { facts, trace } = ev;
  const cal = pack.calendar;
  const history = input?.history;
  if (!Array.isArray(history) || history.length === 0) return fail("HISTORY_INVALID", `Ladder \`${l.id}\` needs a \`history\` with at least the rung where the case starts (\`${l.rungs[0]!.id}\`).`, { ladder: l.id, detail: "empty history" }, { path: "history" });
  if (history.length > 1000) badStep(l, "a history longer than 1000 steps is refused", 1000);
  // Plain loops and lists made at their final length: this runs for every ladder of every case.
  const n = history.length;
  const rungs = new Array<CompiledRung>(n);
  const ats = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const h = history[i];
    if (!h || typeof h !== "object" || typeof h.rung !== "string" || typeof h.at !== "string") return badStep(l, "each entry needs `rung` and `at`", i);
    const rung = l.byId.get(h.rung);
    if (!rung) badStep(l, `\`${h.rung}\` is not a rung of this ladder (rungs: ${l.rungs.map((r) => r.id).join(", ")})`, i);
    if (h.outcome !== undefined && !OUTCOMES.has(h.outcome)) badStep(l, `outcome \`${String(h.outcome)}\` is not one of ${[...OUTCOMES].join(", ")}`, i);
    rungs[i] = rung!;
    ats[i] = cal.toDate(h.at);
  }
  const first = rungs[0]!;
  if (first.index !== 0) {
    fail("ESCALATION_SKIPPED_RUNG", `Ladder \`${l.id}\` starts at \`${l.rungs[0]!.id}\`; a case cannot start at \`${first.id}\` (${first.source.clause}).`, { ladder: l.id, from: "(start)", to: first.id }, { path: "history[0]" });
  }
  if (trace) trace.push({ kind: "rung", id: `${l.id}/${first.id}`, fired: true, clause: first.source.clause, quote: first.source.quote });
  for (let i = 1; i < rungs.length; i++) {
    const prev = rungs[i - 1]!;
    const cur = rungs[i]!;
    const prevOutcome = history[i - 1]!.outcome; // checked in the loop above
    if (ats[i]! < ats[i - 1]!) badStep(l, `the date ${ats[i]} is before the previous step's ${ats[i - 1]}`, i);
    // Resolved below a required step is not closed: the case moves on to that step (and only there).
    const continues = prevOutcome !== undefined && CLOSED.has(prevOutcome) && prev.mustContinue;
    if (prevOutcome !== undefined && CLOSED.has(prevOutcome) && !(continues && cur.index === prev.index + 1)) {
      badStep(l, prev.mustContinue ? `the case was ${prevOutcome} at \`${prev.id}\`, so it goes on to \`${l.rungs[prev.index + 1]!.id}\`, a required step, not to \`${cur.id}\`` : `the case was already ${prevOutcome} at \`${prev.id}\`; a closed case does not move on`, i);
    }
    const from = prev.index;
    const to = cur.index;
    const ret = findReturn(l, from, to, prevOutcome);
    const jump = findJump(l, from, to, facts);
    if (to === from + 1 && !prev.final) {
      const ex = findExclusive(l, from, facts);
      if (ex && ex.to !== to) {
        fail("ESCALATION_EXCLUDED_PATH", `Ladder \`${l.id}\`: for these facts the case must take jump \`${ex.id}\` from \`${prev.id}\` to \`${l.rungs[ex.to]!.id}\`; it cannot step up to \`${cur.id}\`, because the two paths exclude each other (${ex.source.clause}).`, { ladder: l.id, from: prev.id, to: cur.id, jump: ex.id }, { path: `history[${i}]` });
      }
    }
    if (to === from + 1 && !prev.final && prevOutcome !== undefined && !continues && !listHas(prev.escalateOn, prevOutcome) && !jump && !ret) {
      badStep(l, `\`${prev.id}\` ended ${prevOutcome}, which does not move a case up (it moves up on: ${prev.escalateOn.join(", ")})`, i);
    }
    if (to === from + 1 && !prev.final) {
      if (trace) trace.push({ kind: "rung", id: `${l.id}/${cur.id}`, fired: true, clause: cur.source.clause, quote: cur.source.quote });
    } else if (jump) {
      if (trace) trace.push({ kind: "jump", id: `${l.id}/${jump.id}`, fired: true, clause: jump.source.clause, quote: jump.source.quote });
    } else if (ret) {
      if (trace) trace.push({ kind: "return", id: `${l.id}/${prev.id}->${cur.id}`, fired: true, clause: ret.source.clause, quote: ret.source.quote });
    } else if (to > from) {
      fail("ESCALATION_SKIPPED_RUNG", `Ladder \`${l.id}\` goes one rung at a time: after \`${prev.id}\` comes \`${l.rungs[from + 1]?.id ?? "(nothing: it is the last rung)"}\`, not \`${cur.id}\`, and no jump allows it for these facts.`, { ladder: l.id, from: prev.id, to: cur.id }, { path: `history[${i}]` });
    } else {
      badStep(l, `the case cannot go back from \`${prev.id}\` to \`${cur.id}\`: the ladder has no return for that${prevOutcome ? ` on ${prevOutcome}` : ""}`, i);
    }
  }
  const last = rungs.length - 1;
  const rung = rungs[last]!;
  const lastOutcome = history[last]!.outcome;
  const actor = rung.actor(facts);
  let dueBy: string | null = null;
  if (rung.within) dueBy = dueWithin(cal, rung.within(facts), ats[last]!);
  const today = input.now !== undefined ? cal.toDate(input.now) : null;
  const overdue = dueBy !== null && today !== null && today > dueBy;
  // The path is a shared frozen list for these rungs (it depends on nothing else).
  const path = l.paths.get(rungs, () => Object.freeze(rungs.map((r) => r.id))) as string[];
  const result: EscalationResult = { kind: "escalation", ladder: l.id, status: "open", current: rung.id, actor, dueBy, overdue, next: null, path, trace: trace ?? EMPTY, receipt: ev.receipt };
  if (lastOutcome !== undefined && CLOSED.has(lastOutcome)) {
    if (rung.mustContinue) {
      // A required step lies ahead: the case is not closed before it has been taken.
      result.status = "escalate";
      result.next = nextOf(l, facts, l.rungs[rung.index + 1]!, ON_OUTCOME.get(lastOutcome)!);
      return result;
    }
    result.status = "resolved";
    return result;
  }
  const ret = lastOutcome !== undefined ? findReturnOn(l, rung.index, lastOutcome) : undefined;
  const jump = findJump(l, rung.index, -1, facts);
  if (ret) {
    result.status = "escalate";
    result.next = nextOf(l, facts, l.rungs[ret.to]!, ON_OUTCOME.get(lastOutcome!)!);
  } else if (jump) {
    result.next = nextOf(l, facts, l.rungs[jump.to]!, jump.on);
    if (lastOutcome !== undefined || overdue) result.status = "escalate";
  } else if (!rung.final) {
    result.next = nextOf(l, facts, l.rungs[rung.index + 1]!, rung.escalateOn);
    const triggered = (lastOutcome !== undefined && listHas(rung.escalateOn, lastOutcome)) || (overdue && listHas(rung.escalateOn, "timeout"));
    if (triggered) result.status = "escalate";
  }
  return result;
}

/** `list.includes(x)` by index: the pack's lists are frozen, which makes the builtin slow here. */
function listHas(list: readonly string[], x: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
  return false;
}

function badStep(l: CompiledLadder, detail: string, i: number): never {
  return fail("HISTORY_INVALID", `Ladder \`${l.id}\`, history[${i}]: ${detail}`, { ladder: l.id, detail }, { path: `history[${i}]` });
}

/** The next step, a shared frozen value (its trigger list too: from the pack, or one per outcome). */
function nextOf(l: CompiledLadder, facts: Readonly<Record<string, unknown>>, r: CompiledRung, on: readonly string[]): EscalationResult["next"] {
  const actor = r.actor(facts);
  return l.nexts.get([r, on, actor], () => Object.freeze({ rung: r.id, actor, on })) as EscalationResult["next"];
}

const ON_OUTCOME = new Map([...OUTCOMES].map((o) => [o, Object.freeze([o])] as const));

type Jump = CompiledLadder["jumps"][number];
type Return = CompiledLadder["returns"][number];

/** The first jump from `from` (to `to`, or anywhere when `to` is -1) whose condition holds. */
function findJump(l: CompiledLadder, from: number, to: number, facts: Readonly<Record<string, unknown>>): Jump | undefined {
  // Indexed loops over frozen lists (docs/performance.md).
  const jumps = l.jumps;
  for (let i = 0; i < jumps.length; i++) {
    const j = jumps[i]!;
    if (j.from === from && (to === -1 || j.to === to) && (j.when === null || j.when(facts, null))) return j;
  }
  return undefined;
}

/** The first exclusive jump from `from` whose condition holds: the case must take it. */
function findExclusive(l: CompiledLadder, from: number, facts: Readonly<Record<string, unknown>>): Jump | undefined {
  const jumps = l.jumps;
  for (let i = 0; i < jumps.length; i++) {
    const j = jumps[i]!;
    if (j.exclusive && j.from === from && j.when !== null && j.when(facts, null)) return j;
  }
  return undefined;
}

/** The first return from `from` to `to` on `outcome` (any outcome when none is recorded). */
function findReturn(l: CompiledLadder, from: number, to: number, outcome: string | undefined): Return | undefined {
  const returns = l.returns;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r.from === from && r.to === to && (outcome === undefined || r.on === outcome)) return r;
  }
  return undefined;
}

/** The first return from `from` on `outcome`. */
function findReturnOn(l: CompiledLadder, from: number, outcome: string): Return | undefined {
  const returns = l.returns;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r.from === from && r.on === outcome) return r;
  }
  return undefined;
}
