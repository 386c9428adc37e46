/** What every result carries so it can be checked against the document by someone who cannot read code. */
import type { Operator } from "./pack-types.js";

/** A condition leaf that came out false, as the trace shows it. */
export interface FailedLeaf {
  fact: string;
  operator: Operator;
  value: unknown;
  actual: unknown;
}

/** One rule, variant, rung, jump or item that was considered, whether it applied, and why not. */
export interface TraceEntry {
  /** What kind of thing was considered. */
  kind: "rule" | "variant" | "rung" | "jump" | "return" | "item" | "survey" | "requirement";
  /** Its id (`table/rule` for table rules). */
  id: string;
  /** Whether it applied. */
  fired: boolean;
  /** The clause it encodes. */
  clause: string;
  /** The document's words. */
  quote: string;
  /** For a rule that did not apply: the conditions that were false, with the facts' actual values. */
  failed?: FailedLeaf[];
  /** Free text for the reader (e.g. "not in force on 2023-01-01"). */
  note?: string;
}

/** Identifies exactly what produced a result. */
export interface Receipt {
  pack: string;
  version: string;
  /** FNV-1a-64 of the pack's files (names and contents), hex. */
  hash: string;
  calendar: { id: string; version: string };
  asOf: string;
  /**
   * The calendar's last day, present when asOf or a received date is within 60 days of it (or past
   * it): the next State Council notice must be loaded soon (`yingshang calendar import`).
   */
  calendarEndsOn?: string;
  /** The provisional years (filled from the statutory holidays) this result touched, when any. */
  provisionalYears?: number[];
}

/** Options common to every evaluator. */
export interface EvalOptions {
  /** The date the rules are read as of (YYYY-MM-DD). Required: nothing reads the clock. */
  asOf: string;
  /** Collect the trace (default true). Switch off for batch speed. */
  trace?: boolean;
}

/** One evaluation under way: the date, the checked facts, the trace (when on) and the receipt. */
export interface Evaluation {
  readonly asOf: string;
  readonly facts: Readonly<Record<string, unknown>>;
  /** Per declared fact: -1 if absent, else its value's position (see check/facts-check.ts). */
  readonly positions: readonly number[];
  /** null when tracing is off. */
  readonly trace: TraceEntry[] | null;
  readonly receipt: Receipt;
}
