/** Problem codes of packs (reading, schema, cross-checks) and of evaluation, each with its params. */
export interface PackProblemParams {
  /** Bad input given to a command or function that is not about a pack (malformed JSON, missing argument). */
  INPUT_INVALID: { detail: string };
  /** Case input: a required key is absent (e.g. a deadline's `received`, the case's `asOf`). */
  INPUT_MISSING_KEY: { key: string };
  /** Case input: a value of the wrong kind (a number where a date is expected, NaN, a list for a mapping). */
  INPUT_TYPE: { expected: string; actual: string };
  /** Case input: a word that is not one of the allowed ones (a rung, an item, an outcome). */
  INPUT_VALUE: { value: string; allowed: string[]; suggestion: string | null };
  /** Case input: none, or more than one, of keys of which exactly one must be given. */
  INPUT_ONE_OF: { keys: string[]; given: string[] };
  /** A pack folder or file that does not exist or cannot be read. */
  FILE_MISSING: { file: string };
  /** A file that is not valid UTF-8. */
  FILE_ENCODING: { file: string };
  /** A path that leaves the pack folder (`../`, an absolute path, a symlink pointing outside). */
  PATH_ESCAPE: { path: string };
  /** A size, count or depth over its limit. */
  LIMIT_EXCEEDED: { what: string; limit: number; actual: number };
  /** YAML that does not parse. */
  YAML_SYNTAX: { detail: string };
  /** The same key twice in one mapping. */
  YAML_DUPLICATE_KEY: { detail: string };
  /** `__proto__`, `constructor` or `prototype` used as a key. */
  YAML_FORBIDDEN_KEY: { key: string };
  /** A mapping key that is not text. */
  YAML_NON_STRING_KEY: { key: string };
  /** A number that cannot be represented exactly (beyond 2^53, infinity, NaN). */
  YAML_UNSAFE_NUMBER: { value: string };
  /** A key that is not a field of this object. */
  SCHEMA_UNKNOWN_KEY: { key: string; suggestion: string | null; allowed: string[] };
  /** A required field is missing. */
  SCHEMA_MISSING_KEY: { key: string };
  /** A value of the wrong type. */
  SCHEMA_TYPE: { expected: string; actual: string };
  /** A value that is not one of the allowed words. */
  SCHEMA_ENUM: { allowed: string[]; actual: string; suggestion: string | null };
  /** Any other schema rule (pattern, range, length…). */
  SCHEMA_VIOLATION: { keyword: string; detail: string };
  /** A date string that is not a real date. */
  PACK_INVALID_DATE: { value: string };
  /** pack.yaml's id differs from its folder name. */
  PACK_ID_MISMATCH: { id: string; folder: string };
  /** A reference to a unit, fact, rung, lookup, item… that is not declared. */
  UNKNOWN_REFERENCE: { kind: string; id: string; suggestion: string | null };
  /** The same id declared twice. */
  /** `first*`: where the id was first declared (the problem's own place is the repeat). */
  DUPLICATE_ID: { kind: string; id: string; firstFile: string; firstLine: number | null; firstPath: string };
  /** A ladder whose rungs skip, loop or go backwards outside a declared jump/return. */
  LADDER_INVALID: { ladder: string; detail: string };
  /** A scorecard whose category maxima do not add up to its declared total. */
  SCORE_TOTAL_MISMATCH: { scorecard: string; declared: number; sum: number };
  /** Two rules of a table that can both match the same facts where only one may. */
  AMBIGUOUS_TABLE: { table: string; rules: string[]; facts: Record<string, unknown> };
  /** Facts for which a table that must give one lead unit gives none. */
  TABLE_GAP: { table: string; facts: Record<string, unknown> };
  /** Effective dates that end before they start, or two versions of a rule in force at once. */
  EFFECTIVE_INVALID: { detail: string };
  /** A condition that cannot be evaluated as written (wrong value type for the operator, unknown fact…). */
  CONDITION_INVALID: { detail: string };
  /** A rule that names joint leads (a list) in a table that says a case has exactly one lead unit. */
  LEAD_NOT_ONE: { table: string; rule: string; count: number };
  /** A unit `{ fact, otherwise }` whose fact has a default, so the fallback could never be used. */
  OTHERWISE_UNREACHABLE: { fact: string };
  /** Warning: a number of a rule or item that its own quote does not contain (五/5, 十五/15, 两/2 all count). */
  QUOTE_NUMBER_MISMATCH: { value: number; what: string; clause: string; quote: string };
  /** Warning: a value the pack chose (a default, a lookup, an effective date…) that no `assumption` marks. */
  ASSUMPTION_UNMARKED: { what: string };
  /** Warning: a text value that still holds a `TODO` placeholder of the scaffold (`yingshang new`). */
  TODO_PLACEHOLDER: { text: string };
  /** A pack test file entry that is malformed (e.g. names no evaluator or two). */
  TEST_INVALID: { detail: string };

  /** Evaluation: the pack is not in force on the asOf date. */
  PACK_NOT_IN_FORCE: { asOf: string; from: string; until: string | null };
  /** Evaluation: a fact a rule needs is missing. */
  FACT_MISSING: { fact: string; rule: string };
  /** Evaluation: a fact of the wrong type. */
  FACT_TYPE: { fact: string; expected: string; actual: string; rule: string | null };
  /** Evaluation: a fact whose value is not one of its allowed values. */
  FACT_ENUM: { fact: string; value: string; allowed: string[]; rule: string | null };
  /** Input: a key that is not one of the keys allowed at that place (often a typo); `suggestion` is the nearest allowed key. */
  INPUT_UNKNOWN_KEY: { key: string; suggestion: string | null; allowed: string[] };
  /** Evaluation: a fact that the pack does not declare (often a typo). */
  FACT_UNKNOWN: { fact: string; suggestion: string | null };
  /** Evaluation: a table, deadline, ladder, scorecard or duty id the pack does not have. */
  RULE_UNKNOWN: { kind: string; id: string; known: string[] };
  /** Evaluation: several rules of a `unique` table matched. */
  AMBIGUOUS_MATCH: { table: string; rules: string[] };
  /** Evaluation: no variant of a deadline applies to the facts. */
  NO_VARIANT: { deadline: string };
  /** Evaluation: a `requires` condition of the rule does not hold. */
  REQUIREMENT_FAILED: { rule: string; message: string };
  /** Evaluation: a case history that goes up more than one rung without a jump that allows it. */
  ESCALATION_SKIPPED_RUNG: { ladder: string; from: string; to: string };
  /** Evaluation: a case history that steps up from a rung where an exclusive jump's condition holds (the two paths exclude each other). */
  ESCALATION_EXCLUDED_PATH: { ladder: string; from: string; to: string; jump: string };
  /** Evaluation: a case history that is malformed (unknown rung, dates out of order…). */
  HISTORY_INVALID: { ladder: string; detail: string };
  /** Evaluation: scoring input that is malformed (unknown item, negative count, unknown answer). */
  SCORING_INPUT_INVALID: { scorecard: string; detail: string };

  /** Roster check: the pack has no staffing.yaml, so there are no staffing rules to check a roster against. */
  ROSTER_NO_STAFFING_RULES: { pack: string };
  /** Roster check: a malformed roster (unknown key, bad date, until before from, duplicate id or name, unknown unit…). `cause` is the underlying schema code, if any. */
  ROSTER_INVALID: { detail: string; cause: string | null };
  /** Roster check: a township/zone with fewer (or more) 代办员 in post than the staffing rule allows, from `date` to `until`. */
  ROSTER_AGENT_COUNT: { unit: string; unitZh: string; date: string; until: string; count: number; min: number | null; max: number | null; clause: string };
  /** Roster check: a department with a number of 帮办员 in post other than the staffing rule allows, from `date` to `until`. */
  ROSTER_HELPER_COUNT: { unit: string; unitZh: string; date: string; until: string; count: number; min: number | null; max: number | null; clause: string };
  /** Roster check: a department with a window whose 帮办员 is not its window head (窗口负责人). */
  ROSTER_WINDOW_HEAD: { unit: string; unitZh: string; person: string; clause: string };
  /** Roster check: a change outside the month the staffing rule allows, not marked special. */
  ROSTER_CHANGE_NOT_YEAR_END: { change: number; date: string; month: number; clause: string };
  /** Roster check: a change whose outgoing person served less than the minimum tenure, not marked special. */
  ROSTER_TENURE: { change: number; person: string; from: string; date: string; minYears: number; clause: string };
  /** Roster check: the initial plan (`change: null`) or a change not filed with, in advance of, or approved by the filing unit. */
  ROSTER_CHANGE_NOT_FILED: { change: number | null; missing: string[]; clause: string };
  /** Roster check: a change marked special without its reason. */
  ROSTER_SPECIAL_REASON: { change: number; clause: string };
  /** Roster check: a change and the people lists disagree (names, from/until dates, an unrecorded change). */
  ROSTER_CHANGE_MISMATCH: { unit: string; unitZh: string; person: string; detail: string; clause: string | null };
  /** Roster warning: a township/zone without its 项目代办专窗. */
  ROSTER_NO_AGENCY_WINDOW: { unit: string; unitZh: string; clause: string };
  /** Roster warning: a person whose kind of cadre is not the one the staffing rule names. */
  ROSTER_CADRE: { unit: string; unitZh: string; person: string; cadre: string; cadreZh: string; allowed: string[]; allowedZh: string[]; clause: string };
}
