/**
 * yingshang/core: the whole API except reading packs from disk — no Node built-ins, so it runs in a
 * browser bundle. Compile packs from text with `compilePack({ "pack.yaml": …, … })`.
 */
export { YingshangError, formatProblem, type FormatProblemOptions, type ProblemLang, type Problem, type ProblemCode, type ProblemParams, type Place } from "./errors.js";

// Calendar: China's working days with 调休, deadline periods, periodic duties.
export {
  defaultCalendar,
  loadCalendar,
  computeDeadline,
  scheduleDueDates,
  scheduleCompliance,
  importNotice,
  noticeYaml,
  type ImportNoticeOptions,
  type ImportedNotice,
  type NoticeEntry,
  type NoticeWarning,
  type DefaultCalendarOptions,
  type Calendar,
  type DateInput,
  type DayInfo,
  type DayKind,
  type LoadCalendarOptions,
  type PeriodSpec,
  type CaseEvents,
  type DeadlineStatus,
  type LedgerEntry,
  type DeadlineResult,
  type ScheduleSpec,
} from "./calendar/index.js";

// Packs: load once, evaluate many.
export { compilePack, type Pack, type Coverage, type CompileOptions } from "./engine/compile/index.js";
export { assign, type AssignmentResult } from "./engine/evaluate/index.js";
export { deadline, type DeadlineInput, type DeadlineEvaluation, type PeriodDeadlineResult, type ScheduleDeadlineResult } from "./engine/evaluate/index.js";
export { escalate, type EscalationInput, type EscalationResult, type HistoryEntry } from "./engine/evaluate/index.js";
export { score, rank, type ScoreInput, type ScoreResult, type RankResult } from "./engine/evaluate/index.js";
export { sample, type SampleInput, type SampleResult } from "./engine/evaluate/index.js";
export { duties, dutyIncidents, type DutiesInput, type DutiesResult, type DutyEvaluation, type DutyCompliance, type DutyRecord, type DutyRecords, type DutyIncident } from "./engine/evaluate/index.js";
export { evaluate, type CaseInput, type CaseResult, type NotEvaluated, type PartError } from "./engine/evaluate/index.js";
export { inputSchema, resultSchema, type JsonSchema } from "./engine/compile/index.js";
export { explain, type Explanation, type ExplainOptions, type ExplainSection, type ExplainLine, type ExplainFailedCondition, type ExplainLang } from "./engine/tools/index.js";
export { diffPacks, parseCasesNdjson, renderDiff, generatePopulation, type DiffReport, type DiffOptions, type PackChange, type ImpactReport, type ImpactExample, type ImpactKind } from "./engine/tools/index.js";
export { checkRoster, type RosterResult, type RosterOptions } from "./engine/tools/index.js";
export { runPackTests, type PackTestReport, type TestFileReport, type TestFailure } from "./engine/tools/index.js";
export type { TraceEntry, Receipt, EvalOptions, FailedLeaf } from "./engine/model/index.js";
export type * from "./engine/model/pack-types.js";
