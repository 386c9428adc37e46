/** The shapes of compiled decision tables and of their results (types only). */
import type { Effective, Role, Source, TableDoc } from "../model/index.js";
import type { Predicate } from "../check/index.js";
import type { NotEvaluated } from "../model/index.js";
import type { ResultMemo } from "../model/index.js";
import type { Receipt, TraceEntry } from "../model/index.js";

export type UnitResolver = (facts: Readonly<Record<string, unknown>>) => string | null;

/** A consequence of a rule, compiled: its condition and the units it falls on. */
export interface CompiledConsequence {
  readonly id: string;
  readonly zh: string;
  readonly when: Predicate | null;
  readonly to: readonly UnitResolver[];
  readonly by: UnitResolver | null;
  readonly clause: string;
}

export interface CompiledRule {
  readonly id: string;
  readonly zh: string | undefined;
  readonly when: Predicate | null;
  /** The one lead unit; null when the rule names none or names joint leads (`leads`). */
  readonly lead: UnitResolver | null;
  /** Joint leads (并列牵头单位), all of them; null unless `lead` is a list. */
  readonly leads: readonly UnitResolver[] | null;
  readonly consequences: readonly CompiledConsequence[];
  readonly roles: readonly (readonly [Exclude<Role, "lead">, readonly UnitResolver[]])[];
  readonly outcome: string | null;
  readonly designationRequired: string | null;
  /** The fact that names the lead when the case gives it (`lead: { fact, otherwise }`), for the designation reason. */
  readonly designatedBy: { readonly id: string; readonly zh: string } | null;
  readonly source: Source;
  readonly effective: Effective | undefined;
  /** Untraced results when this rule alone applies, shared (see result-memo.ts). */
  readonly memo: ResultMemo<AssignmentResult>;
}

export interface CompiledTable {
  readonly id: string;
  readonly zh: string | undefined;
  readonly hitPolicy: TableDoc["hitPolicy"];
  readonly exactlyOneLead: boolean;
  readonly effective: Effective | undefined;
  /** The Chinese name of each outcome word. */
  /** Outcome id → its Chinese name (a read-only index: a frozen Map still accepts set). */
  readonly outcomeZh: ReadonlyMap<string, string>;
  readonly rules: readonly CompiledRule[];
  readonly doc: TableDoc;
  /** Candidate rules by enum/boolean facts, for untraced evaluation (null: no usable key). */
  readonly index: TableIndex | null;
  /** Facts the table's conditions read that have no default: all must be given to evaluate it. */
  readonly needs: readonly string[];
  /** The same facts' slots in the fact checker's positions. */
  readonly needSlots: readonly number[];
  /** For each fact in `needs`, the shared record saying the table was not evaluated without it. */
  readonly unevaluated: readonly NotEvaluated[];
  /** Whether the answer is decided with needed facts absent (see table-index.ts); null: never, the absence alone decides. */
  readonly decideWithout: DecideWithout | null;
}

/** The rules left for one combination of key facts. */
export interface Bucket {
  /** Rules that may still match, in table order. */
  readonly rules: readonly CompiledRule[];
  /**
   * The rules that apply, when the key facts alone decide it (every candidate's conditions are
   * true for the whole bucket, no rule has dates of its own, and the hit policy is satisfied);
   * otherwise null and the candidates' conditions are tested.
   */
  readonly fired: readonly CompiledRule[] | null;
}

export interface TableIndex {
  /**
   * The bucket for these facts (given as the fact checker's positions), or null when the index
   * cannot be used (a fact absent). Its tables
   * are plain arrays and Maps held in the closure: fast, and unreachable from outside.
   */
  readonly lookup: (positions: readonly number[]) => Bucket | null;
}

/** The outcome of one decision table for one case. */
export interface AssignmentResult {
  table: string;
  /** `assigned`: rules applied; `designation-required`: the policy leaves the choice to a decision; `no-match`: no rule applies. */
  kind: "assigned" | "designation-required" | "no-match";
  /** The one lead unit (牵头单位), as a unit id; null when there is none or there are joint leads. */
  lead: string | null;
  /** Every lead unit: the one lead, or all the joint leads (并列牵头单位) a rule names; empty when none. */
  leads: string[];
  /** Other roles, each a list of unit ids (only roles that were given). */
  roles: Partial<Record<Exclude<Role, "lead">, string[]>>;
  /** For decision tables (eligibility, enforcement…): the outcome word. */
  outcome: string | null;
  /** The outcome's Chinese name (what people read). */
  outcomeZh: string | null;
  /** Consequences of the rules that applied whose own conditions hold: what follows, for whom, decided by whom. */
  consequences: { id: string; zh: string; to: string[]; by: string | null; clause: string }[];
  /** Ids of the rules that applied, in order. */
  rules: string[];
  /** Why a designation is required, or null (English, for `--lang en`). */
  reason: string | null;
  /** The same reason in Chinese (what people read), or null. */
  reasonZh: string | null;
  /** Rules considered, with their clauses (empty when tracing is off). */
  trace: TraceEntry[];
  receipt: Receipt;
}

/** Whether a table is answered although facts it needs are absent: see `buildDecideWithout`. */
export type DecideWithout = (positions: readonly number[], facts: Readonly<Record<string, unknown>>, asOf: string) => boolean;
