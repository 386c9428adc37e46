/**
 * Stage 4 — evaluating: pure synchronous calls on a compiled `Pack` — `assign`, `deadline`,
 * `escalate`, `score`, `duties`, `sample` and `evaluate`, which runs them all on one case.
 * Takes a pack and a case; gives frozen results, each with its receipt.
 */

// ── exports (what later stages and the apps use)
export { assign, type AssignmentResult } from "./assign.js";
export { begin } from "./begin.js";
export { deadline, type DeadlineEvaluation, type DeadlineInput, type PeriodDeadlineResult, type ScheduleDeadlineResult } from "./deadline.js";
export { duties, dutyIncidents, type DutiesInput, type DutiesResult, type DutyCompliance, type DutyEvaluation, type DutyIncident, type DutyRecord, type DutyRecords } from "./duties.js";
export { escalate, type EscalationInput, type EscalationResult, type HistoryEntry } from "./escalate.js";
export { evaluate, type CaseInput, type CaseResult, type NotEvaluated, type PartError } from "./evaluate.js";
export { sample, type SampleInput, type SampleResult } from "./sample.js";
export { findScorecard, rank, score, type RankResult, type ScoreInput, type ScoreResult } from "./score.js";
