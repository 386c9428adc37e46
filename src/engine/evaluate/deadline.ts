/** Deadlines: a pack's time limit for a case — due date, status at `now`, and the day-by-day ledger. */
import { computeDeadline, scheduleCompliance, scheduleDueDates, type CaseEvents, type DeadlineResult, type PeriodSpec } from "../../calendar/index.js";
import { fail } from "../../errors.js";
import { NO_LEDGER, NO_WARNINGS } from "../../calendar/deadline.js";
import type { CompiledDeadline } from "../compile/index.js";
import { inForce } from "../check/index.js";
import { begin } from "./begin.js";
import type { Evaluation } from "../model/index.js";
import { deepFreeze, EMPTY } from "../../base/freeze.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Receipt, TraceEntry } from "../model/index.js";
import { findInForce } from "./find.js";
import { checkKeys, instantCheck } from "../compile/index.js";

/** What a deadline evaluation needs: the case's facts and events, or for a schedule a date range. */
export interface DeadlineInput {
  facts?: Record<string, unknown>;
  /** When the clock started, pauses, restarts (补正), extensions, completion. */
  events?: CaseEvents;
  /** The instant to report the status at (never read from the clock). */
  now?: string;
  /** For schedules: the first and last day of the range. */
  from?: string;
  to?: string;
  /** For schedules: the days the duty was done. */
  done?: string[];
}

/** A period deadline's result. */
export interface PeriodDeadlineResult extends DeadlineResult {
  /** The discriminant: a period deadline (a due date and a status) rather than a schedule. */
  kind: "period";
  deadline: string;
  variant: string | null;
  /** The period applied, with numbers from facts filled in. */
  period: PeriodSpec;
  clause: string | null;
  trace: TraceEntry[];
  receipt: Receipt;
}

/** A schedule's due dates over a range, and whether each was met when `done` is given. */
export interface ScheduleDeadlineResult {
  /** The discriminant: a schedule (due dates over a range) rather than a period deadline. */
  kind: "schedule";
  deadline: string;
  periods: { period: string; due: string; moved: boolean; met?: boolean; doneOn?: string | null }[];
  clause: string | null;
  trace: TraceEntry[];
  receipt: Receipt;
}

export type DeadlineEvaluation = PeriodDeadlineResult | ScheduleDeadlineResult;

/**
 * Computes a pack deadline for a case.
 *
 * @example
 * import { loadPack, deadline } from "yingshang";
 * const suqian = loadPack("suqian");
 * const r = deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18" } }, { asOf: "2026-09-18" });
 * if (r.kind === "period") console.log(r.dueDate); // "2026-10-15"
 */
export function deadline(pack: Pack, id: string, input: DeadlineInput, options: EvalOptions): DeadlineEvaluation {
  // Every key is checked before anything is computed: a misspelt event is an error, not "no event".
  checkKeys(input, ["facts", "events", "now", "from", "to", "done"], "facts, events, now, or from, to, done for a schedule", { now: instantCheck });
  const ev = begin(pack, input?.facts, options, typeof input?.events?.received === "string" ? input.events.received : undefined);
  if (input?.events !== undefined) pack.compiled.checkCase.checkPart("events", id, input.events, "events");
  return freezeDeadline(runDeadline(pack, findDeadline(pack, id, ev.asOf), input, ev));
}

/** Freezes a deadline result by its known shape (a generic deep walk cost more than computing it). */
export function freezeDeadline(r: DeadlineEvaluation): DeadlineEvaluation {
  if (r.kind === "schedule") return deepFreeze(r);
  // The calendar gives statuses frozen (most are shared); the shared empty lists are frozen too.
  if ((r.warnings as readonly unknown[]) !== NO_WARNINGS) {
    for (let i = 0; i < r.warnings.length; i++) Object.freeze(r.warnings[i]);
    Object.freeze(r.warnings);
  }
  if (r.ledger !== NO_LEDGER) deepFreeze(r.ledger);
  if (!Object.isFrozen(r.period)) deepFreeze(r.period);
  if (r.trace !== EMPTY) deepFreeze(r.trace);
  return Object.freeze(r);
}

export function findDeadline(pack: Pack, id: string, asOf: string): CompiledDeadline {
  return findInForce("deadline", pack.id, pack.compiled.deadlines, pack.compiled.index.deadlines.get(id), id, asOf);
}

export function runDeadline(pack: Pack, d: CompiledDeadline, input: DeadlineInput, ev: Evaluation): DeadlineEvaluation {
  const { facts, trace, asOf } = ev;
  const cal = pack.calendar;
  if (d.requires) {
    const failed = trace ? [] : null;
    const ok = d.requires.when(facts, failed);
    if (trace) trace.push({ kind: "requirement", id: d.id, fired: ok, clause: d.doc.source?.clause ?? "", quote: d.requires.message, ...(ok ? {} : { failed: failed! }) });
    if (!ok) fail("REQUIREMENT_FAILED", `Deadline \`${d.id}\`: ${d.requires.message} (${d.doc.source?.clause ?? ""}).`, { rule: d.id, message: d.requires.message }, { path: `deadlines.${d.id}.requires` });
  }
  if (d.schedule) {
    if (typeof input?.from !== "string" || typeof input?.to !== "string") {
      fail("INPUT_INVALID", `Deadline \`${d.id}\` is a schedule; give \`from\` and \`to\` (dates) to list its due dates.`, { detail: "schedule needs from/to" }, { path: "from" });
    }
    // Due dates exist only while the rule is in force (e.g. a 年内 duty of one year).
    const eff = d.effective;
    const due = scheduleDueDates(cal, d.schedule, input.from, input.to).filter((p) => !eff || (p.due >= eff.from && (eff.until === undefined || p.due <= eff.until)));
    let periods: ScheduleDeadlineResult["periods"] = due;
    if (input.done) {
      const met = new Map(scheduleCompliance(cal, d.schedule, input.done, input.from, input.to).map((m) => [m.period, m]));
      periods = due.map((p) => ({ ...p, met: met.get(p.period)!.met, doneOn: met.get(p.period)!.doneOn }));
    }
    if (trace) trace.push({ kind: "rule", id: d.id, fired: true, clause: d.doc.source?.clause ?? "", quote: d.doc.source?.quote ?? "" });
    return { kind: "schedule", deadline: d.id, periods, clause: d.doc.source?.clause ?? null, trace: trace ?? EMPTY, receipt: ev.receipt };
  }
  let chosen: CompiledDeadline["variants"][number] | null = null;
  // An indexed loop over a frozen list (docs/performance.md).
  for (let i = 0; i < d.variants.length; i++) {
    const v = d.variants[i]!;
    if (!inForce(v.effective, asOf)) continue;
    const failed = trace ? [] : null;
    const ok = v.when === null || v.when(facts, failed);
    if (trace && v.source) trace.push({ kind: "variant", id: v.id ? `${d.id}/${v.id}` : d.id, fired: ok, clause: v.source.clause, quote: v.source.quote, ...(ok ? {} : { failed: failed! }) });
    if (ok) {
      chosen = v;
      break;
    }
  }
  if (!chosen) return fail("NO_VARIANT", `No variant of deadline \`${d.id}\` applies to these facts; check the facts against the variants' conditions.`, { deadline: d.id }, { path: `deadlines.${d.id}` });
  if (!input?.events || typeof input.events !== "object") {
    return fail("INPUT_INVALID", `Deadline \`${d.id}\` needs \`events\` with at least \`received\` (when the clock starts${d.doc.starts ? `: ${d.doc.starts}` : ""}).`, { detail: "events missing" }, { path: "events" });
  }
  const period = chosen.period(facts);
  const r = computeDeadline(cal, period, input.events, input.now, { ledger: trace !== null });
  // Fields listed one by one: spreading `r` here made a slow (dictionary-mode) object, five times
  // the cost of the computation itself.
  return { kind: "period", dueDate: r.dueDate, status: r.status, warnings: r.warnings, ledger: r.ledger, deadline: d.id, variant: chosen.id, period, clause: chosen.source?.clause ?? null, trace: trace ?? EMPTY, receipt: ev.receipt };
}
