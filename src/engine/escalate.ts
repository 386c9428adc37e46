/** Escalation: where a case stands on a pack's ladder, who must act by when, and what comes next. */
import { computeDeadline } from "../calendar/index.js";
import { fail } from "../errors.js";
import type { Outcome } from "./pack-types.js";
import type { CompiledLadder, CompiledRung } from "./impl/compile-ladders.js";
import { begin, type Evaluation } from "./impl/begin.js";
import { deepFreeze, EMPTY } from "./impl/freeze.js";
import type { Pack } from "./pack.js";
import type { EvalOptions, Receipt, TraceEntry } from "./trace.js";
import { findInForce } from "./impl/find.js";

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
  const ev = begin(pack, input?.facts, options);
  return deepFreeze(runLadder(pack, findLadder(pack, ladderId, ev.asOf), input, ev));
}

export function findLadder(pack: Pack, id: string, asOf: string): CompiledLadder {
  return findInForce("ladder", pack.id, pack.compiled.ladders, pack.compiled.index.ladders.get(id), id, asOf);
}

export function runLadder(pack: Pack, l: CompiledLadder, input: EscalationInput, ev: Evaluation): EscalationResult {
  const { facts, trace } = ev;
  const cal = pack.calendar;
  const bad = (detail: string, i: number): never => fail("HISTORY_INVALID", `Ladder \`${l.id}\`, history[${i}]: ${detail}`, { ladder: l.id, detail }, { path: `history[${i}]` });
  const history = input?.history;
  if (!Array.isArray(history) || history.length === 0) return fail("HISTORY_INVALID", `Ladder \`${l.id}\` needs a \`history\` with at least the rung where the case starts (\`${l.rungs[0]!.id}\`).`, { ladder: l.id, detail: "empty history" }, { path: "history" });
  if (history.length > 1000) bad("a history longer than 1000 steps is refused", 1000);
  const steps: { rung: CompiledRung; at: string; outcome: string | undefined }[] = [];
  history.forEach((h, i) => {
    if (!h || typeof h !== "object" || typeof h.rung !== "string" || typeof h.at !== "string") bad("each entry needs `rung` and `at`", i);
    const rung = l.byId.get(h.rung);
    if (!rung) bad(`\`${h.rung}\` is not a rung of this ladder (rungs: ${l.rungs.map((r) => r.id).join(", ")})`, i);
    if (h.outcome !== undefined && !OUTCOMES.has(h.outcome)) bad(`outcome \`${String(h.outcome)}\` is not one of ${[...OUTCOMES].join(", ")}`, i);
    steps.push({ rung: rung!, at: cal.toDate(h.at), outcome: h.outcome });
  });
  const first = steps[0]!;
  if (first.rung.index !== 0) {
    fail("ESCALATION_SKIPPED_RUNG", `Ladder \`${l.id}\` starts at \`${l.rungs[0]!.id}\`; a case cannot start at \`${first.rung.id}\` (${first.rung.source.clause}).`, { ladder: l.id, from: "(start)", to: first.rung.id }, { path: "history[0]" });
  }
  if (trace) trace.push({ kind: "rung", id: `${l.id}/${first.rung.id}`, fired: true, clause: first.rung.source.clause, quote: first.rung.source.quote });
  for (let i = 1; i < steps.length; i++) {
    const prev = steps[i - 1]!;
    const cur = steps[i]!;
    if (cur.at < prev.at) bad(`the date ${cur.at} is before the previous step's ${prev.at}`, i);
    if (prev.outcome !== undefined && CLOSED.has(prev.outcome)) bad(`the case was already ${prev.outcome} at \`${prev.rung.id}\`; a closed case does not move on`, i);
    const from = prev.rung.index;
    const to = cur.rung.index;
    const ret = l.returns.find((r) => r.from === from && r.to === to && (prev.outcome === undefined || r.on === prev.outcome));
    const jump = l.jumps.find((j) => j.from === from && j.to === to && (j.when === null || j.when(facts, null)));
    if (to === from + 1 && !prev.rung.final && prev.outcome !== undefined && !prev.rung.escalateOn.includes(prev.outcome) && !jumpOrReturn(l, from, to, prev.outcome, facts)) {
      bad(`\`${prev.rung.id}\` ended ${prev.outcome}, which does not move a case up (it moves up on: ${prev.rung.escalateOn.join(", ")})`, i);
    }
    if (to === from + 1 && !prev.rung.final) {
      if (trace) trace.push({ kind: "rung", id: `${l.id}/${cur.rung.id}`, fired: true, clause: cur.rung.source.clause, quote: cur.rung.source.quote });
    } else if (jump) {
      if (trace) trace.push({ kind: "jump", id: `${l.id}/${jump.id}`, fired: true, clause: jump.source.clause, quote: jump.source.quote });
    } else if (ret) {
      if (trace) trace.push({ kind: "return", id: `${l.id}/${prev.rung.id}->${cur.rung.id}`, fired: true, clause: ret.source.clause, quote: ret.source.quote });
    } else if (to > from) {
      fail("ESCALATION_SKIPPED_RUNG", `Ladder \`${l.id}\` goes one rung at a time: after \`${prev.rung.id}\` comes \`${l.rungs[from + 1]?.id ?? "(nothing: it is the last rung)"}\`, not \`${cur.rung.id}\`, and no jump allows it for these facts.`, { ladder: l.id, from: prev.rung.id, to: cur.rung.id }, { path: `history[${i}]` });
    } else {
      bad(`the case cannot go back from \`${prev.rung.id}\` to \`${cur.rung.id}\`: the ladder has no return for that${prev.outcome ? ` on ${prev.outcome}` : ""}`, i);
    }
  }
  const last = steps[steps.length - 1]!;
  const rung = last.rung;
  const path = steps.map((s) => s.rung.id);
  const actor = rung.actor(facts);
  let dueBy: string | null = null;
  if (rung.within) dueBy = computeDeadline(cal, rung.within(facts), { received: last.at }, undefined, { ledger: false }).dueDate;
  const today = input.now !== undefined ? cal.toDate(input.now) : null;
  const overdue = dueBy !== null && today !== null && today > dueBy;
  const result: EscalationResult = { ladder: l.id, status: "open", current: rung.id, actor, dueBy, overdue, next: null, path, trace: trace ?? EMPTY, receipt: ev.receipt };
  if (last.outcome !== undefined && CLOSED.has(last.outcome)) {
    result.status = "resolved";
    return result;
  }
  const nextOf = (r: CompiledRung, on: string[]) => ({ rung: r.id, actor: r.actor(facts), on });
  const ret = last.outcome !== undefined ? l.returns.find((r) => r.from === rung.index && r.on === last.outcome) : undefined;
  const jump = l.jumps.find((j) => j.from === rung.index && (j.when === null || j.when(facts, null)));
  if (ret) {
    result.status = "escalate";
    result.next = nextOf(l.rungs[ret.to]!, [last.outcome!]);
  } else if (jump) {
    result.next = nextOf(l.rungs[jump.to]!, [`jump:${jump.id}`]);
    if (last.outcome !== undefined || overdue) result.status = "escalate";
  } else if (!rung.final) {
    result.next = nextOf(l.rungs[rung.index + 1]!, [...rung.escalateOn]);
    const triggered = (last.outcome !== undefined && rung.escalateOn.includes(last.outcome)) || (overdue && rung.escalateOn.includes("timeout"));
    if (triggered) result.status = "escalate";
  }
  return result;
}

function jumpOrReturn(l: CompiledLadder, from: number, to: number, outcome: string, facts: Readonly<Record<string, unknown>>): boolean {
  return l.returns.some((r) => r.from === from && r.to === to && r.on === outcome) || l.jumps.some((j) => j.from === from && j.to === to && (j.when === null || j.when(facts, null)));
}
