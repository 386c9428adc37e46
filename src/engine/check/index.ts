/**
 * Stage 2 — checking a pack: the cross-file checks (ids, references, citations) in one context
 * that collects every problem, conditions checked against the fact declarations and turned into
 * predicates, the checker of a case's facts, the case's input schema, scorecards, duties and
 * staffing rules, assumptions and warnings.
 * Takes read documents; gives a checked context, or every problem found.
 */

// ── exports (what later stages and the apps use)
export { assumptionsOf, resolvePeriods } from "./assumptions.js";
export { factsOf } from "./conditions.js";
export { Ctx, checkIds, inForce, type Predicate } from "./ctx.js";
export { compileFactsCheck, factDomain, factSlots, wordsOf, type FactsChecker } from "./facts-check.js";
export { DATE, DRAFT, INSTANT, buildInputSchema, type SchemaNode } from "./input-schema.js";
export { checkPackWarnings } from "./pack-warnings.js";
export { checkDuties, checkScorecards } from "./scorecards.js";
export { checkStaffing } from "./staffing.js";
