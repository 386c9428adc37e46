/**
 * Stage 1 — reading a pack: its files as text → documents that passed their JSON Schema, with the
 * place (file, line, column) of every value for error messages; the roster reader likewise.
 * Takes text; gives documents and places, or every problem found. Also the safe style of a pack
 * file (`yingshang fmt`): the same data, written in block style with Chinese text quoted.
 */

// ── exports (what later stages and the apps use)
export { formatPackFile, type FormatResult } from "./format-yaml.js";
export { readPackFiles } from "./read-pack.js";
export { buildRoster, readRosterYaml, type RosterChange, type RosterModel, type RosterSink, type RosterUnit } from "./roster-read.js";
export { checkSchema } from "./schemas.js";
export { fromPlainRead, Places, plainRead, plainReadFromJson, plainReadToJson, Skipped, type PlainRead, type ReadPackResult } from "./result.js";
