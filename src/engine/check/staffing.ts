/** Checks staffing.yaml beyond its schema: every citation, the filing unit, and the shape of each count. */
import type { StaffingCountDoc, StaffingRuleDoc } from "../model/index.js";
import type { Ctx } from "./ctx.js";

const FILE = "staffing.yaml";

export function checkStaffing(ctx: Ctx): void {
  const st = ctx.docs.staffing;
  if (!st) return;
  const rules: [string, StaffingRuleDoc | undefined][] = [
    ["agentsPerLocality", st.agentsPerLocality],
    ["helpersPerDepartment", st.helpersPerDepartment],
    ["changes", st.changes],
    ["filing", st.filing],
    ["cadres", st.cadres],
    ["agencyWindow", st.agencyWindow],
  ];
  for (const [key, rule] of rules) {
    if (!rule) continue;
    ctx.source(rule.source, `staffing ${key}`, FILE, `/${key}/source`);
    (rule.seeAlso ?? []).forEach((s, i) => ctx.source(s, `staffing ${key}`, FILE, `/${key}/seeAlso/${i}`));
  }
  if (st.agentsPerLocality) checkCount(ctx, st.agentsPerLocality, "agentsPerLocality");
  if (st.helpersPerDepartment) checkCount(ctx, st.helpersPerDepartment, "helpersPerDepartment");
  if (st.filing) ctx.checkUnit(st.filing.filedWith, FILE, "/filing/filedWith");
}

function checkCount(ctx: Ctx, c: StaffingCountDoc, key: string): void {
  const ptr = `/${key}`;
  if (c.exactly !== undefined && (c.min !== undefined || c.max !== undefined)) {
    ctx.report("SCHEMA_VIOLATION", `\`${key}\` has \`exactly\` and also \`min\`/\`max\`; give either \`exactly\` or \`min\`/\`max\`.`, { keyword: "exactly", detail: "exactly with min or max" }, FILE, `${ptr}/exactly`, true);
  } else if (c.exactly === undefined && c.min === undefined && c.max === undefined) {
    ctx.report("SCHEMA_MISSING_KEY", `\`${key}\` needs a number of people: \`exactly\`, or \`min\` and/or \`max\`.`, { key: "min" }, FILE, ptr);
  } else if (c.min !== undefined && c.max !== undefined && c.min > c.max) {
    ctx.report("SCHEMA_VIOLATION", `\`${key}\` has \`min: ${c.min}\` above \`max: ${c.max}\`, so no unit could meet it.`, { keyword: "max", detail: "min above max" }, FILE, `${ptr}/max`);
  }
}
