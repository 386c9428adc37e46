/** The record of one part of a case (a deadline, a ladder, a scorecard) whose evaluation failed. */
import type { Problem } from "../../errors.js";
import { deepFreeze } from "../../base/freeze.js";

/**
 * A part of `evaluate`'s result that could not be computed (a deadline that leaves the calendar, a
 * ladder history that skips a rung, a scoring item not in force): its own problems, while the lead
 * unit and the other parts are still answered.
 */
export interface PartError {
  /** The discriminant. */
  kind: "error";
  /** The deadline, ladder or scorecard id. */
  id: string;
  /** What went wrong, every problem found. */
  problems: readonly Problem[];
}

/** Builds the (frozen) record. */
export function partError(id: string, problems: readonly Problem[]): PartError {
  return deepFreeze({ kind: "error", id, problems: [...problems] });
}
