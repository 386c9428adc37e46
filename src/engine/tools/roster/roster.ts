/**
 * Checking a staffing roster (项目代办员、帮办员名册) against a pack's staffing rules
 * (staffing.yaml): how many agents and helpers each unit has on every day, who they are, and
 * whether each change was made at the right time, for a stated reason and filed.
 */
import { fail, type Problem } from "../../../errors.js";
import type { Pack } from "../../compile/index.js";
import { buildRoster, readRosterYaml } from "../../read/index.js";
import { checkStaffingRules } from "./rules.js";

/** Options of {@link checkRoster}. */
export interface RosterOptions {
  /** The roster's file name, used in every problem's place (default `roster.yaml`). */
  file?: string;
}

/** The outcome of {@link checkRoster}. */
export interface RosterResult {
  /** True when there are no problems; warnings never make a roster invalid. */
  valid: boolean;
  /** Errors: ROSTER_AGENT_COUNT, ROSTER_HELPER_COUNT, ROSTER_WINDOW_HEAD, ROSTER_CHANGE_* , ROSTER_TENURE, ROSTER_SPECIAL_REASON, ROSTER_INVALID. */
  problems: Problem[];
  /** Warnings (scored, not invalid): ROSTER_CADRE, ROSTER_NO_AGENCY_WINDOW. */
  warnings: Problem[];
}

/**
 * Checks a roster's text against the pack's staffing rules. Each problem has its code, the file,
 * line and column, the path in the roster, the clause of the rule (`params.clause`) and a sentence
 * saying what to do. Throws a `YingshangError` when the pack has no staffing.yaml
 * (ROSTER_NO_STAFFING_RULES) or the text is not readable YAML (YAML_SYNTAX, …).
 *
 * @example
 * import { readFileSync } from "node:fs";
 * import { loadPack, checkRoster } from "yingshang";
 * const file = "policies/xinghua/tests/rosters/valid-roster.yaml";
 * const r = checkRoster(loadPack("xinghua"), readFileSync(file, "utf8"), { file });
 * if (!r.valid) for (const p of r.problems) console.log(p.line, p.code, p.message);
 */
export function checkRoster(pack: Pack, rosterText: string, options: RosterOptions = {}): RosterResult {
  const rules = pack.docs.staffing;
  if (!rules) {
    return fail(
      "ROSTER_NO_STAFFING_RULES",
      `The pack \`${pack.id}\` has no staffing.yaml, so it has no staffing rules to check a roster against; add staffing.yaml to the pack (see docs/pack-format.md, "staffing.yaml and rosters").`,
      { pack: pack.id },
      { file: "staffing.yaml" },
    );
  }
  if (typeof rosterText !== "string") {
    return fail("INPUT_INVALID", "The roster must be given as text (the content of a YAML file).", { detail: `roster of type ${typeof rosterText}` });
  }
  const file = options.file ?? "roster.yaml";
  const { value, sink } = readRosterYaml(rosterText, file);
  const roster = buildRoster(value, sink, pack.id);
  if (roster) checkStaffingRules(roster, rules, pack.units, sink, pack.meta.city.zh);
  const order = (a: Problem, b: Problem) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
  const problems = [...sink.problems].sort(order);
  const warnings = [...sink.warnings].sort(order);
  return { valid: problems.length === 0, problems, warnings };
}
