/** The shapes of a pack's YAML files, as validated by the JSON Schemas in `schema/`. */
import type { PeriodSpec, ScheduleSpec } from "../../calendar/index.js";

/** The clause a rule encodes and the document's own words. */
export interface Source {
  clause: string;
  quote: string;
  note?: string;
}

/** 本包假定: a value the document leaves open, chosen by the pack, with the reason in Chinese. */
export interface Assumption {
  zh: string;
  en?: string;
}

/**
 * When a pack or rule is in force (both days inclusive). Written as dates, or as `{ period: id }` naming
 * a period of pack.yaml, which the reader replaces by that period's dates (keeping `period`).
 */
export interface Effective {
  from: string;
  until?: string;
  note?: string;
  assumption?: Assumption;
  /** The pack.yaml period these dates come from, when written as `{ period: id }`. */
  period?: string;
}

/** A named date range of pack.yaml (`periods:`), used by several `effective: { period: id }`. */
export interface PeriodRangeDoc {
  zh: string;
  from: string;
  until?: string;
  note?: string;
  assumption?: Assumption;
}

/** A json-rules-engine condition. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: Operator; value: unknown; path?: string };

/** Operators of the condition syntax: json-rules-engine's built-ins plus two on dates. */
export type Operator =
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanInclusive"
  | "greaterThan"
  | "greaterThanInclusive"
  | "in"
  | "notIn"
  | "contains"
  | "doesNotContain"
  | "dateBefore"
  | "dateOnOrAfter";

export interface FactRef {
  fact: string;
}

/**
 * A unit given as a fact of the case when it is given, else `otherwise` (营口 二(二)3: the department
 * the city government designated, else the pack's table of usual designations).
 */
export interface FactOtherwiseRef {
  fact: string;
  otherwise: UnitRef;
}

/** A unit: its id, a fact naming a unit id (optionally with a fallback), or a lookup keyed by a fact. */
export type UnitRef = string | FactRef | FactOtherwiseRef | { lookup: string; key: string };

export type UnitKind = "department" | "county" | "park" | "township" | "leader" | "role" | "office" | "meeting" | "enterprise" | "other";

export interface UnitDoc {
  id: string;
  zh: string;
  en?: string;
  kind: UnitKind;
  note?: string;
}

export type FactType = "enum" | "boolean" | "number" | "string" | "date" | "unit" | "list" | "object";

export interface FactDoc {
  zh?: string;
  type: FactType;
  values?: string[];
  valuesZh?: Record<string, string>;
  kinds?: string[];
  min?: number;
  max?: number;
  default?: unknown;
  /** The clause that makes this fact matter (optional). */
  source?: Source;
  /** Why the `default` was chosen, where the document gives none. */
  assumption?: Assumption;
  note?: string;
}

export interface PackMeta {
  id: string;
  name: { zh: string; en?: string };
  city: { zh: string; en?: string };
  issuer: string;
  document: { title: string; number?: string; issued?: string; seed?: string; note?: string };
  effective: Effective;
  /** Named date ranges that several `effective: { period: id }` refer to. */
  periods?: Record<string, PeriodRangeDoc>;
  calendar: string;
  version: string;
  changelog?: { version: string; date: string; note: string }[];
  clauses: { id: string; title?: string }[];
}

/** Roles an assignment can give. */
export const ROLES = ["lead", "cooperating", "helper", "agent", "supervisor", "coordinator", "leader", "liaison"] as const;
export type Role = (typeof ROLES)[number];

/** A unit that holds a role only while `when` holds (e.g. once an event has happened). */
export interface ConditionalUnitRef {
  unit: UnitRef;
  when: Condition;
  source?: Source;
}

/** A role's value: a unit, or a unit under a condition. */
export type RoleRef = UnitRef | ConditionalUnitRef;

/** A consequence of a rule: what follows, for whom, decided by whom, under its own condition. */
export interface ConsequenceDoc {
  id: string;
  zh: string;
  when?: Condition;
  to?: UnitRef | UnitRef[];
  by?: UnitRef;
  source: Source;
  note?: string;
}

export interface AssignmentRuleDoc {
  id: string;
  zh?: string;
  when?: Condition;
  then: { lead?: UnitRef | UnitRef[] } & Partial<Record<Exclude<Role, "lead">, RoleRef | RoleRef[]>> & {
      outcome?: string;
      note?: string;
      designationRequired?: string;
      consequences?: ConsequenceDoc[];
    };
  source: Source;
  effective?: Effective;
  assumption?: Assumption;
  note?: string;
}

/** An outcome word of a table with its Chinese name. */
export interface OutcomeDoc {
  id: string;
  zh: string;
  en?: string;
}

export interface TableDoc {
  id: string;
  zh?: string;
  hitPolicy: "first" | "unique" | "collect";
  exactlyOneLead?: boolean;
  outcomes?: OutcomeDoc[];
  effective?: Effective;
  note?: string;
  rules: AssignmentRuleDoc[];
}

export interface LookupDoc {
  zh?: string;
  entries: Record<string, string>;
  source: Source;
  assumption?: Assumption;
  note?: string;
}

export interface AssignmentDoc {
  lookups?: Record<string, LookupDoc>;
  tables: TableDoc[];
}

/** A limit on extensions as written in a pack: a number of days or a fact, and the clause a refusal cites. */
export interface CapDoc {
  workingDays?: number | FactRef;
  days?: number | FactRef;
  source?: Source;
}

/** A period as written in a pack: numbers may come from facts. */
export type PeriodDoc = Omit<PeriodSpec, "workingDays" | "days" | "extensionCap" | "totalCap" | "capClause"> & {
  workingDays?: number | FactRef;
  days?: number | FactRef;
  sameDayAllowed?: boolean;
  /** The most all extensions together may add. */
  extensionCap?: CapDoc;
  /** The most the period plus all its extensions may come to (e.g. the matter's statutory limit). */
  totalCap?: CapDoc;
};

export interface VariantDoc {
  id: string;
  zh?: string;
  when?: Condition;
  period: PeriodDoc;
  source: Source;
  effective?: Effective;
  assumption?: Assumption;
  note?: string;
}

export interface DeadlineDoc {
  id: string;
  zh?: string;
  starts?: string;
  period?: PeriodDoc;
  schedule?: ScheduleSpec;
  variants?: VariantDoc[];
  requires?: { condition: Condition; message: string };
  source?: Source;
  effective?: Effective;
  assumption?: Assumption;
  note?: string;
}

export type Outcome = "resolved" | "failed" | "dissatisfied" | "satisfied" | "timeout";

export interface RungDoc {
  id: string;
  zh?: string;
  actor: UnitRef | { cases: { when?: Condition; unit: UnitRef; source?: Source }[] };
  action?: string;
  /** The rung's time limit: a period, or a deadline of deadlines.yaml by id (one number in one place). */
  within?: PeriodDoc | { deadline: string };
  escalateOn?: ("failed" | "timeout" | "dissatisfied")[];
  final?: boolean;
  /** A step no case skips: `resolved` below it moves the case on to it instead of closing it. */
  required?: boolean;
  source: Source;
  effective?: Effective;
  assumption?: Assumption;
  note?: string;
}

export interface LadderDoc {
  id: string;
  zh?: string;
  source: Source;
  effective?: Effective;
  note?: string;
  rungs: RungDoc[];
  /** `exclusive`: when `when` holds the case must take the jump; stepping up from `from` instead is refused. */
  jumps?: { id: string; zh?: string; from: string; to: string; when?: Condition; exclusive?: boolean; assumption?: Assumption; source: Source }[];
  returns?: { id?: string; zh?: string; from: string; to: string; on: "dissatisfied" | "failed"; source: Source }[];
}

export interface ScoreItemDoc {
  id: string;
  zh?: string;
  deduct: number;
  per: "once" | "case" | "person-time";
  source: Source;
  effective?: Effective;
  note?: string;
}

export interface CategoryDoc {
  id: string;
  zh?: string;
  max: number;
  source: Source;
  note?: string;
  items?: ScoreItemDoc[];
  survey?: { answers: Record<string, number | null>; weight: number; whenNoAnswerCounts: "full" | "zero"; assumption?: Assumption; note?: string };
}

export interface ScorecardReportDoc {
  issuer?: { zh: string; en?: string };
  basis?: { zh: string; en?: string };
  source?: Source;
  /** Units ranked apart, e.g. 乡镇(街道)、开发区 apart from 政府职能部门; `units` are ids of units.yaml. */
  groups?: { id: string; zh: string; en?: string; units: string[] }[];
  note?: string;
}

export interface ScorecardDoc {
  id: string;
  zh?: string;
  total: number;
  period?: "month" | "quarter" | "half-year" | "year";
  /** How the periods' totals combine into the year-end ranking (综合排名), with the clause or a marked assumption. */
  yearEnd?: { combine: "mean" | "sum"; source?: Source; assumption?: string; note?: string };
  /** How the results are published (通报): issuer, the document applied (依据《…》), units ranked apart. */
  report?: ScorecardReportDoc;
  source: Source;
  effective?: Effective;
  note?: string;
  categories: CategoryDoc[];
}

export interface DutyDoc {
  id: string;
  zh?: string;
  unit?: UnitRef | UnitRef[];
  schedule?: ScheduleSpec;
  sample?: { every: "month" | "quarter" | "half-year" | "year"; fraction: number; rounding: "up" | "down" | "nearest"; of?: string; assumption?: Assumption };
  /** The scorecard item that missed (and, if listed, late) periods of this duty become. */
  scoring?: { scorecard: string; item: string; counts: ("missed" | "late")[]; note?: string };
  source: Source;
  effective?: Effective;
  note?: string;
}

/** A cadre kind a roster names: 年轻后备干部 / 基层站所负责人 / 机关中层干部 / other. */
export type CadreKind = "young-reserve" | "station-head" | "mid-level" | "other";

/** What every staffing rule has: its clause and the document's words. */
export interface StaffingRuleDoc {
  zh?: string;
  source: Source;
  /** Further clauses stating the same rule. */
  seeAlso?: Source[];
  note?: string;
}

/** How many people a unit must have in post: `exactly`, or `min` and/or `max`. */
export interface StaffingCountDoc extends StaffingRuleDoc {
  min?: number;
  max?: number;
  exactly?: number;
}

/** staffing.yaml: the staffing rules (人员选配报备) a roster is checked against. */
export interface StaffingDoc {
  zh?: string;
  note?: string;
  agentsPerLocality?: StaffingCountDoc;
  helpersPerDepartment?: StaffingCountDoc & { windowHeadWhereWindow?: boolean };
  changes?: StaffingRuleDoc & { onlyInMonth?: number; minTenureYears?: number; unlessSpecial?: boolean; specialNeedsReason?: boolean };
  filing?: StaffingRuleDoc & { filedWith: string; inAdvance?: boolean; approvalRequired?: boolean };
  cadres?: StaffingRuleDoc & { agents?: CadreKind[]; helpers?: CadreKind[] };
  agencyWindow?: StaffingRuleDoc & { required: boolean };
}

/** A pack's files after parsing and schema validation. */
export interface PackDocs {
  pack: PackMeta;
  units: UnitDoc[];
  facts: Record<string, FactDoc>;
  assignment: AssignmentDoc;
  deadlines: DeadlineDoc[];
  ladders: LadderDoc[];
  scorecards: ScorecardDoc[];
  duties: DutyDoc[];
  /** staffing.yaml: the rules a staffing roster is checked against; null when the pack has none. */
  staffing: StaffingDoc | null;
}

/** One pack test as written in tests/*.yaml. */
export interface PackTestDoc {
  name: string;
  asOf: string;
  input: Record<string, unknown>;
  expected: unknown;
}
