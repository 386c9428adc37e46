/**
 * Stage 0 of the engine — the model: the shapes every later stage shares and nothing else to depend on.
 * Takes nothing; gives the types of a pack's files (pack-types), of traces, receipts and the
 * evaluation record (trace), the engine's problem codes (errors), and small pure helpers: the pack
 * hash, generated fact values, period words, not-evaluated and part-error records.
 */

// ── exports (what later stages and the apps use)
export { candidateValues, factCombinations } from "./fact-space.js";
export { fnv1a64 } from "./hash.js";
export { notEvaluated, type NotEvaluated } from "./not-evaluated.js";
export { ROLES, type Assumption, type CadreKind, type Condition, type DeadlineDoc, type Effective, type FactDoc, type FactOtherwiseRef, type FactRef, type LadderDoc, type Operator, type Outcome, type PackDocs, type PackMeta, type PackTestDoc, type PeriodDoc, type Role, type RoleRef, type RungDoc, type ScorecardDoc, type Source, type StaffingCountDoc, type StaffingDoc, type StaffingRuleDoc, type TableDoc, type UnitDoc, type UnitRef } from "./pack-types.js";
export { partError, type PartError } from "./part-error.js";
export { parsePeriod, periodZh, readPeriod, type PeriodKind } from "./period.js";
export { PartsMemo, ResultMemo } from "./result-memo.js";
export { type EvalOptions, type Evaluation, type FailedLeaf, type Receipt, type TraceEntry } from "./trace.js";
