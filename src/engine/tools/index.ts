/**
 * Stage 5 — the tools built on evaluation: `explain` (results in Chinese or English, with the
 * ledger of a deadline), `diff` (two packs and their impact on cases), `roster` (duty rosters
 * checked against the staffing rules) and the pack test runner.
 * Takes packs and cases; gives reports.
 */

// ── exports (what later stages and the apps use)
export { diffPacks, generatePopulation, parseCasesNdjson, renderDiff, statusWord, type StatusWord, type DiffOptions, type DiffReport, type ImpactExample, type ImpactKind, type ImpactReport, type PackChange } from "./diff/diff.js";
export { changeName } from "./diff/change-name.js";
export { renderDiffZh } from "./diff/render-zh.js";
export { statusText } from "./explain/ledger.js";
export { explain, type ExplainFailedCondition, type ExplainLang, type ExplainLine, type ExplainOptions, type ExplainSection, type Explanation } from "./explain/explain.js";
export { checkRoster, type RosterOptions, type RosterResult } from "./roster/roster.js";
export { runPackTests, type PackTestReport, type TestFailure, type TestFileReport } from "./test-runner.js";
