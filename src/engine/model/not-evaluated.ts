/** The record of a table left unevaluated because a fact it needs was not given. */
import { problem, type Problem } from "../../errors.js";
import { deepFreeze } from "../../base/freeze.js";

/** A table that was not evaluated for this case because a fact it needs is absent. */
export interface NotEvaluated {
  table: string;
  kind: "not-evaluated";
  /** The first absent fact (in the table's order of reading). */
  missing: string;
  /** The same as a typed problem (FACT_MISSING), for reports. */
  problem: Problem;
}

/**
 * Builds the (frozen) record; tables build one per fact they need, once, at load. `p`: the problem
 * to report, when a rule already raised one.
 */
export function notEvaluated(table: string, fact: string, p: Problem = problem("FACT_MISSING", `Table \`${table}\` was not evaluated: the fact \`${fact}\` it needs was not given.`, { fact, rule: table }, { path: `facts.${fact}` })): NotEvaluated {
  return deepFreeze({ table, kind: "not-evaluated", missing: fact, problem: p });
}
