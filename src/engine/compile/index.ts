/**
 * Stage 3 — compiling a pack: tables (with their decision index and how to run one), deadlines,
 * ladders, the one-lead proof, the receipt maker and the case check, put
 * together by `compilePack` into one frozen `Pack`. `load.ts` (`loadPack`, reading a pack from disk)
 * is the stage's Node-only door: imported directly, never through this index, so the browser core
 * never reaches `node:fs`.
 * Takes checked documents; gives a `Pack`, or throws every problem found.
 */

// ── exports (what later stages and the apps use)
export { checkKeys, instantCheck } from "./case-check.js";
export { type CompiledDeadline } from "./deadlines.js";
export { type CompiledLadder, type CompiledRung } from "./ladders.js";
export { factNames } from "./one-lead.js";
export { compilePack, compileRead, type CompileOptions, type Coverage, type Pack } from "./pack.js";
export { CALENDAR_END_WARNING_DAYS } from "./receipt.js";
export { fireUntraced, resultOf, runTable, type AssignmentResult } from "./run-table.js";
export { inputSchema, resultSchema, type JsonSchema } from "./schema.js";
export { type CompiledTable } from "./table-types.js";
