/** Assignment: facts → the lead unit and other roles, by a pack's decision tables. */
import type { CompiledTable } from "../compile/index.js";
import { runTable, type AssignmentResult } from "../compile/index.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions } from "../model/index.js";
import { begin } from "./begin.js";
import { findInForce } from "./find.js";

export type { AssignmentResult } from "../compile/index.js";

/**
 * Runs one decision table of a pack on a case's facts.
 *
 * @example
 * import { loadPack, assign } from "yingshang";
 * const yingkou = loadPack("yingkou");
 * const r = assign(yingkou, "lead-unit", { stage: "construction", introducer: "city-department", introducerUnit: "city-commerce", landingUnit: "laobian" }, { asOf: "2026-01-05" });
 * console.log(r.lead); // "city-commerce"
 */
export function assign(pack: Pack, tableId: string, facts: unknown, options: EvalOptions): AssignmentResult {
  const ev = begin(pack, facts, options);
  const table = findTable(pack, tableId, ev.asOf);
  return runTable(table, ev);
}

/** Finds the version of a table in force on `asOf`. */
export function findTable(pack: Pack, id: string, asOf: string): CompiledTable {
  return findInForce("table", pack.id, pack.compiled.tables, pack.compiled.index.tables.get(id), id, asOf);
}

