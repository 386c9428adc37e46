/** Compiles assignment tables: conditions to predicates, unit references to resolvers. */
import { ROLES, type Effective, type Role, type Source, type TableDoc, type UnitRef } from "../pack-types.js";
import { checkIds, type Ctx, type Predicate } from "./ctx.js";
import { buildTableIndex, type TableIndex } from "./table-index.js";
import { factsOf } from "./conditions.js";
import { ResultMemo } from "./result-memo.js";
import { factSlots } from "./facts-check.js";
import { notEvaluated, type NotEvaluated } from "./not-evaluated.js";
import type { AssignmentResult } from "../assign.js";

export type UnitResolver = (facts: Readonly<Record<string, unknown>>) => string | null;

export interface CompiledRule {
  readonly id: string;
  readonly zh: string | undefined;
  readonly when: Predicate | null;
  readonly lead: UnitResolver | null;
  readonly roles: readonly (readonly [Exclude<Role, "lead">, readonly UnitResolver[]])[];
  readonly outcome: string | null;
  readonly designationRequired: string | null;
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
}

const FILE = "assignment.yaml";

export function compileTables(ctx: Ctx): CompiledTable[] {
  const { assignment } = ctx.docs;
  for (const [id, lk] of Object.entries(assignment.lookups ?? {})) {
    ctx.source(lk.source, `lookup ${id}`, FILE, `/lookups/${id}/source`);
    for (const [k, unit] of Object.entries(lk.entries)) ctx.checkUnit(unit, FILE, `/lookups/${id}/entries/${k}`);
  }
  checkIds(ctx, assignment.tables, "table", FILE, "/tables");
  const slots = factSlots(ctx.facts);
  return assignment.tables.map((t, ti) => {
    const base = `/tables/${ti}`;
    ctx.effective(t.effective, FILE, `${base}/effective`);
    checkIds(ctx, t.rules, "rule", FILE, `${base}/rules`);
    const rules = t.rules.map((r, ri): CompiledRule => {
      const ptr = `${base}/rules/${ri}`;
      ctx.source(r.source, `${t.id}/${r.id}`, FILE, `${ptr}/source`);
      ctx.effective(r.effective, FILE, `${ptr}/effective`);
      const then = r.then;
      if (t.exactlyOneLead && then.lead === undefined && then.designationRequired === undefined) {
        ctx.report("CONDITION_INVALID", `table \`${t.id}\` gives exactly one lead unit, so rule \`${r.id}\` must set \`lead\` or \`designationRequired\`.`, { detail: "rule without lead in exactlyOneLead table" }, FILE, `${ptr}/then`);
      }
      if (then.outcome !== undefined && !(t.outcomes ?? []).includes(then.outcome)) {
        ctx.report("UNKNOWN_REFERENCE", `outcome \`${then.outcome}\` is not in the table's \`outcomes\` list (${(t.outcomes ?? []).join(", ") || "none declared"}).`, { kind: "outcome", id: then.outcome, suggestion: null }, FILE, `${ptr}/then/outcome`);
      }
      const roles: [Exclude<Role, "lead">, UnitResolver[]][] = [];
      // Resolvers that read facts: the result varies only with their values.
      const varying: UnitResolver[] = [];
      const lead = then.lead !== undefined ? ctx.unitRef(then.lead as UnitRef, FILE, `${ptr}/then/lead`) : null;
      if (lead !== null && typeof then.lead !== "string") varying.push(lead);
      for (const role of ROLES) {
        if (role === "lead") continue;
        const v = then[role];
        if (v === undefined) continue;
        const list: UnitRef[] = Array.isArray(v) ? v : [v];
        const resolvers = list.map((u, ui) => ctx.unitRef(u, FILE, Array.isArray(v) ? `${ptr}/then/${role}/${ui}` : `${ptr}/then/${role}`));
        resolvers.forEach((res, ui) => typeof list[ui] !== "string" && varying.push(res));
        roles.push([role, resolvers]);
      }
      return Object.freeze({
        id: r.id,
        zh: r.zh,
        when: ctx.condition(r.when, r.id, FILE, `${ptr}/when`),
        lead,
        roles: Object.freeze(roles),
        outcome: then.outcome ?? null,
        designationRequired: then.designationRequired ?? null,
        source: r.source,
        effective: r.effective,
        memo: new ResultMemo<AssignmentResult>(varying),
      });
    });
    const reads = new Set<string>();
    t.rules.forEach((r) => factsOf(r.when, reads));
    const needs = [...reads].filter((n) => ctx.facts[n] !== undefined && ctx.facts[n]!.default === undefined);
    const compiled = { id: t.id, zh: t.zh, hitPolicy: t.hitPolicy, exactlyOneLead: t.exactlyOneLead === true, effective: t.effective, rules: Object.freeze(rules), doc: t, index: null as TableIndex | null, needs: Object.freeze(needs), needSlots: Object.freeze(needs.map((n) => slots.get(n)!)), unevaluated: Object.freeze(needs.map((n) => notEvaluated(t.id, n))) };
    compiled.index = ctx.problems.length ? null : buildTableIndex(compiled, ctx.facts, reads, slots);
    return Object.freeze(compiled);
  });
}
