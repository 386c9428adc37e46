/**
 * Proves, by generating facts, that a table marked `exactlyOneLead` gives exactly one lead unit
 * (or a designation) for every case, and that a `unique` table never has two rules applying.
 */
import { YingshangError } from "../../errors.js";
import type { Condition } from "../model/index.js";
import { runTable } from "./run-table.js";
import type { CompiledTable } from "./table-types.js";
import type { Ctx } from "../check/index.js";
import { candidateValues, factCombinations } from "../model/index.js";
import type { FactsChecker } from "../check/index.js";

const COMBINATION_LIMIT = 4096;

/** Names of every fact a table reads, in its conditions and in its unit references. */
export function factNames(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => factNames(v, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.fact === "string") out.add(o.fact);
    if (typeof o.lookup === "string" && typeof o.key === "string") out.add(o.key);
    for (const [k, v] of Object.entries(o)) if (k !== "source") factNames(v, out);
  }
  return out;
}

export function checkExactlyOneLead(ctx: Ctx, tables: readonly CompiledTable[], checkFacts: FactsChecker): void {
  tables.forEach((t, ti) => {
    if (!t.exactlyOneLead && t.hitPolicy !== "unique") return;
    const names = [...factNames(t.doc.rules, new Set())].filter((n) => ctx.facts[n]);
    const cands = candidateValues(ctx.facts, t.doc.rules.map((r) => r.when as Condition | undefined), ctx.units);
    const dates = new Set([ctx.docs.pack.effective.from]);
    for (const r of t.rules) if (r.effective) dates.add(r.effective.from);
    const reported = new Set<string>();
    for (const asOf of dates) {
      for (const facts of factCombinations(cands, names, COMBINATION_LIMIT)) {
        try {
          const positions = checkFacts(facts);
          // Traced: every rule is tested, without the decision index or the shared results.
          const r = runTable(t, { asOf, facts, positions, trace: [], receipt: null as never });
          if (t.exactlyOneLead && r.kind === "no-match" && !reported.has("gap")) {
            reported.add("gap");
            ctx.report("TABLE_GAP", `table \`${t.id}\` must give exactly one lead unit, but no rule applies to ${JSON.stringify(facts)} (as of ${asOf}); add a rule or a \`designationRequired\` rule for this case.`, { table: t.id, facts }, "assignment.yaml", `/tables/${ti}/id`);
          }
        } catch (e) {
          if (!(e instanceof YingshangError)) throw e;
          const p = e.problems[0]!;
          if (p.code === "AMBIGUOUS_MATCH" && !reported.has(p.params.rules.join())) {
            reported.add(p.params.rules.join());
            ctx.report("AMBIGUOUS_TABLE", `rules ${p.params.rules.map((x) => `\`${x}\``).join(" and ")} of table \`${t.id}\` both apply to ${JSON.stringify(facts)} (as of ${asOf}), but the table allows exactly one; narrow one of their conditions.`, { table: t.id, rules: p.params.rules, facts }, "assignment.yaml", `/tables/${ti}/id`);
          }
          // Other typed errors (e.g. a fact missing because a rule reads it only in some cases) are not a table defect.
        }
      }
    }
  });
}
