/**
 * Runs a compiled decision table on an evaluation's facts: the rules that apply under the table's
 * hit policy, and the frozen result they give. The compile stage uses it for the one-lead proof,
 * the evaluate stage for every assignment.
 */
import { fail } from "../../errors.js";
import type { AssignmentResult, CompiledRule, CompiledTable } from "./table-types.js";

export type { AssignmentResult } from "./table-types.js";
import { inForce } from "../check/index.js";
import { deepFreeze, EMPTY } from "../../base/freeze.js";
import type { Evaluation } from "../model/index.js";
import { designationReasonEn, designationReasonZh } from "../../messages/designation.js";

/** Freezes an assignment result by its known shape (cheaper than a generic deep walk). */
export function freezeAssignment(r: AssignmentResult): AssignmentResult {
  for (const k in r.roles) Object.freeze(r.roles[k as keyof AssignmentResult["roles"]]);
  Object.freeze(r.roles);
  Object.freeze(r.rules);
  Object.freeze(r.leads);
  if (r.consequences !== NO_CONSEQUENCES) {
    for (let i = 0; i < r.consequences.length; i++) {
      Object.freeze(r.consequences[i]!.to);
      Object.freeze(r.consequences[i]);
    }
    Object.freeze(r.consequences);
  }
  if (r.trace.length) deepFreeze(r.trace);
  else Object.freeze(r.trace);
  return Object.freeze(r);
}

const NO_CONSEQUENCES: AssignmentResult["consequences"] = Object.freeze([]) as never;
const NO_LEADS: string[] = Object.freeze([]) as never;

/** Evaluates a compiled table (result frozen); shared by `assign`, `evaluate` and the pack checks. */
export function runTable(table: CompiledTable, ev: Evaluation): AssignmentResult {
  return resultOf(table, ev.trace === null ? fireUntraced(table, ev) : fire(table, table.rules, ev), ev);
}

/**
 * The frozen result of the rules that applied. Untraced with one rule: a shared result (it depends
 * only on the rule, the receipt and the units resolved from the facts).
 */
export function resultOf(table: CompiledTable, fired: readonly CompiledRule[], ev: Evaluation): AssignmentResult {
  if (ev.trace === null && fired.length === 1) return fired[0]!.memo.get(ev.facts, ev.receipt, () => freezeAssignment(build(table, fired, ev)));
  return freezeAssignment(build(table, fired, ev));
}

/** The rules that apply, untraced: the decision index answers directly or leaves a few to test. */
export function fireUntraced(table: CompiledTable, ev: Evaluation): readonly CompiledRule[] {
  const bucket = table.index === null ? null : table.index.lookup(ev.positions);
  if (bucket === null) return fire(table, table.rules, ev);
  return bucket.fired ?? fire(table, bucket.rules, ev);
}

/** Tests rules in order under the table's hit policy, recording each in the trace when tracing. */
function fire(table: CompiledTable, pool: readonly CompiledRule[], ev: Evaluation): CompiledRule[] {
  const { facts, asOf, trace } = ev;
  const fired: CompiledRule[] = [];
  // Indexed loops over the pack's frozen lists (docs/performance.md).
  for (let i = 0; i < pool.length; i++) {
    const r = pool[i]!;
    if (r.effective !== undefined && !inForce(r.effective, asOf)) {
      if (trace) trace.push({ kind: "rule", id: `${table.id}/${r.id}`, fired: false, clause: r.source.clause, quote: r.source.quote, note: `not in force on ${asOf}` });
      continue;
    }
    const failed = trace ? [] : null;
    const ok = r.when === null || r.when(facts, failed);
    if (trace) trace.push(ok ? { kind: "rule", id: `${table.id}/${r.id}`, fired: true, clause: r.source.clause, quote: r.source.quote } : { kind: "rule", id: `${table.id}/${r.id}`, fired: false, clause: r.source.clause, quote: r.source.quote, failed: failed! });
    if (ok) {
      fired.push(r);
      if (table.hitPolicy === "first") break;
    }
  }
  if (table.hitPolicy === "unique" && fired.length > 1) {
    fail("AMBIGUOUS_MATCH", `Table \`${table.id}\` allows one rule to apply, but ${fired.map((r) => `\`${r.id}\``).join(" and ")} all apply to these facts; the pack needs correcting.`, { table: table.id, rules: fired.map((r) => r.id) }, { path: `assignment.${table.id}` });
  }
  return fired;
}

/** Builds the result of the rules that applied (not yet frozen). */
function build(table: CompiledTable, fired: readonly CompiledRule[], ev: Evaluation): AssignmentResult {
  const facts = ev.facts;
  const result: AssignmentResult = { table: table.id, kind: "no-match", lead: null, leads: NO_LEADS, roles: {}, outcome: null, outcomeZh: null, consequences: NO_CONSEQUENCES, rules: fired.length === 1 ? [fired[0]!.id] : fired.map((r) => r.id), reason: null, reasonZh: null, trace: ev.trace ?? EMPTY, receipt: ev.receipt };
  if (!fired.length) return result;
  result.kind = "assigned";
  let joint: string[] | null = null;
  for (let k = 0; k < fired.length; k++) {
    const r = fired[k]!;
    if (r.designationRequired !== null) {
      result.kind = "designation-required";
      result.reason = result.reasonZh = `${r.designationRequired}（${r.source.clause}）`;
    }
    if (r.leads !== null) {
      // Joint leads: all of them lead; the engine never picks one.
      joint ??= [];
      for (let i = 0; i < r.leads.length; i++) {
        const u = r.leads[i]!(facts);
        if (u !== null && !joint.includes(u)) joint.push(u);
      }
    }
    for (let i = 0; i < r.consequences.length; i++) {
      const c = r.consequences[i]!;
      if (c.when !== null && !c.when(facts, null)) continue;
      const to: string[] = [];
      for (let j = 0; j < c.to.length; j++) {
        const u = c.to[j]!(facts);
        if (u !== null && !to.includes(u)) to.push(u);
      }
      if (result.consequences === NO_CONSEQUENCES) result.consequences = [];
      result.consequences.push({ id: c.id, zh: c.zh, to, by: c.by === null ? null : c.by(facts), clause: c.clause });
    }
    if (r.lead) {
      const lead = r.lead(facts);
      if (lead === null) {
        result.kind = "designation-required";
        const why = { clause: r.source.clause, quote: r.source.quote, fact: r.designatedBy };
        result.reason = designationReasonEn(why);
        result.reasonZh = designationReasonZh(why);
      } else if (result.lead !== null && result.lead !== lead && table.exactlyOneLead) {
        fail("AMBIGUOUS_MATCH", `Table \`${table.id}\` gives one lead unit, but its rules give both \`${result.lead}\` and \`${lead}\`.`, { table: table.id, rules: fired.map((x) => x.id) }, { path: `assignment.${table.id}` });
      } else if (result.lead === null) result.lead = lead;
    }
    for (let i = 0; i < r.roles.length; i++) {
      const [role, resolvers] = r.roles[i]!;
      for (let j = 0; j < resolvers.length; j++) {
        const u = resolvers[j]!(facts);
        if (u === null) continue; // a role held under a condition that does not hold (or no unit)
        const list = (result.roles[role] ??= []);
        if (list.length === 0 || !list.includes(u)) list.push(u);
      }
    }
    if (r.outcome !== null && result.outcome === null) result.outcome = r.outcome;
  }
  if (joint !== null) {
    if (result.lead !== null && !joint.includes(result.lead)) joint.unshift(result.lead);
    result.leads = joint;
    result.lead = joint.length === 1 ? joint[0]! : null;
  } else if (result.lead !== null) result.leads = [result.lead];
  if (result.kind === "designation-required") {
    result.lead = null;
    result.leads = NO_LEADS;
  }
  if (result.outcome !== null) result.outcomeZh = table.outcomeZh.get(result.outcome) ?? null;
  return result;
}
