/** Compiles assignment tables: conditions to predicates, unit references to resolvers. */
import { ROLES, type Role, type RoleRef, type UnitRef } from "../model/index.js";
import { checkIds, inForce, type Ctx } from "../check/index.js";
import { buildDecideWithout, buildTableIndex } from "./table-index.js";
import type { CompiledConsequence, DecideWithout, CompiledRule, CompiledTable, TableIndex, UnitResolver } from "./table-types.js";

import { factsOf } from "../check/index.js";
import { ResultMemo } from "../model/index.js";
import { factSlots } from "../check/index.js";
import { notEvaluated } from "../model/index.js";
import { ReadonlyIndex } from "../../base/readonly-map.js";
import type { AssignmentResult } from "./table-types.js";

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
      if (then.outcome !== undefined && !(t.outcomes ?? []).some((o) => o.id === then.outcome)) {
        ctx.report("UNKNOWN_REFERENCE", `outcome \`${then.outcome}\` is not in the table's \`outcomes\` list (${(t.outcomes ?? []).map((o) => o.id).join(", ") || "none declared"}).`, { kind: "outcome", id: then.outcome, suggestion: null }, FILE, `${ptr}/then/outcome`);
      }
      const roles: [Exclude<Role, "lead">, UnitResolver[]][] = [];
      // Resolvers that read facts: the result varies only with their values.
      const varying: UnitResolver[] = [];
      let lead: UnitResolver | null = null;
      let leads: UnitResolver[] | null = null;
      if (Array.isArray(then.lead)) {
        // Joint leads: every unit listed leads; a table that says "exactly one" cannot have them.
        if (t.exactlyOneLead) ctx.report("LEAD_NOT_ONE", `table \`${t.id}\` gives exactly one lead unit (\`exactlyOneLead\`), but rule \`${r.id}\` names ${then.lead.length} joint leads; name one, or drop \`exactlyOneLead\` if the document prints several lead units side by side.`, { table: t.id, rule: r.id, count: then.lead.length }, FILE, `${ptr}/then/lead`);
        leads = then.lead.map((u, ui) => ctx.unitRef(u, FILE, `${ptr}/then/lead/${ui}`));
        leads.forEach((res, ui) => typeof (then.lead as UnitRef[])[ui] !== "string" && varying.push(res));
      } else if (then.lead !== undefined) {
        lead = ctx.unitRef(then.lead, FILE, `${ptr}/then/lead`);
        if (typeof then.lead !== "string") varying.push(lead);
      }
      for (const role of ROLES) {
        if (role === "lead") continue;
        const v = then[role];
        if (v === undefined) continue;
        const list: RoleRef[] = Array.isArray(v) ? v : [v];
        const resolvers = list.map((u, ui) => roleRef(ctx, u, Array.isArray(v) ? `${ptr}/then/${role}/${ui}` : `${ptr}/then/${role}`, `${t.id}/${r.id}`));
        resolvers.forEach((res, ui) => typeof list[ui] !== "string" && varying.push(res));
        roles.push([role, resolvers]);
      }
      const consequences = (then.consequences ?? []).map((c, ci): CompiledConsequence => {
        const cp = `${ptr}/then/consequences/${ci}`;
        ctx.source(c.source, `${t.id}/${r.id}/${c.id}`, FILE, `${cp}/source`);
        const when = ctx.condition(c.when, `${t.id}/${r.id}/${c.id}`, FILE, `${cp}/when`);
        const toList: UnitRef[] = c.to === undefined ? [] : Array.isArray(c.to) ? c.to : [c.to];
        const to = toList.map((u, ui) => ctx.unitRef(u, FILE, Array.isArray(c.to) ? `${cp}/to/${ui}` : `${cp}/to`));
        const by = c.by !== undefined ? ctx.unitRef(c.by, FILE, `${cp}/by`) : null;
        // The consequence's condition and fact-named units vary the result: they key the shared results.
        if (when) varying.push((f) => (when(f, null) ? "1" : null));
        to.forEach((res, ui) => typeof toList[ui] !== "string" && varying.push(res));
        if (by && typeof c.by !== "string") varying.push(by);
        return Object.freeze({ id: c.id, zh: c.zh, when, to: Object.freeze(to), by, clause: c.source.clause });
      });
      checkIds(ctx, then.consequences ?? [], "consequence", FILE, `${ptr}/then/consequences`);
      return Object.freeze({
        id: r.id,
        zh: r.zh,
        when: ctx.condition(r.when, r.id, FILE, `${ptr}/when`),
        lead,
        leads: leads ? Object.freeze(leads) : null,
        consequences: Object.freeze(consequences),
        roles: Object.freeze(roles),
        outcome: then.outcome ?? null,
        designationRequired: then.designationRequired ?? null,
        designatedBy: designatedBy(ctx, then.lead),
        source: r.source,
        effective: r.effective,
        memo: new ResultMemo<AssignmentResult>(varying),
      });
    });
    const reads = new Set<string>();
    t.rules.forEach((r) => factsOf(r.when, reads));
    const needs = [...reads].filter((n) => ctx.facts[n] !== undefined && ctx.facts[n]!.default === undefined);
    const compiled = { id: t.id, zh: t.zh, hitPolicy: t.hitPolicy, exactlyOneLead: t.exactlyOneLead === true, effective: t.effective, outcomeZh: new ReadonlyIndex((t.outcomes ?? []).map((o) => [o.id, o.zh] as const)), rules: Object.freeze(rules), doc: t, index: null as TableIndex | null, needs: Object.freeze(needs), needSlots: Object.freeze(needs.map((n) => slots.get(n)!)), unevaluated: Object.freeze(needs.map((n) => notEvaluated(t.id, n))), decideWithout: null as DecideWithout | null };
    compiled.index = ctx.problems.length ? null : buildTableIndex(compiled, ctx.facts, reads, slots);
    compiled.decideWithout = needs.length === 0 || ctx.problems.length ? null : buildDecideWithout(compiled, ctx.facts, reads, slots, inForce);
    return Object.freeze(compiled);
  });
}

/** The fact of a `lead: { fact, otherwise }`: when it is not given and the fallback names no unit, the reason says so. */
function designatedBy(ctx: Ctx, lead: UnitRef | UnitRef[] | undefined): { id: string; zh: string } | null {
  if (lead === undefined || typeof lead === "string" || Array.isArray(lead) || !("otherwise" in lead)) return null;
  return Object.freeze({ id: lead.fact, zh: ctx.facts[lead.fact]?.zh ?? lead.fact });
}

/** A role's unit; `{ unit, when }` holds the role only while its condition holds (null otherwise). */
function roleRef(ctx: Ctx, ref: RoleRef, pointer: string, rule: string): UnitResolver {
  if (typeof ref === "object" && "unit" in ref && "when" in ref) {
    if (ref.source) ctx.source(ref.source, rule, FILE, `${pointer}/source`);
    const unit = ctx.unitRef(ref.unit, FILE, `${pointer}/unit`);
    const when = ctx.condition(ref.when, rule, FILE, `${pointer}/when`);
    return when === null ? unit : (f) => (when(f, null) ? unit(f) : null);
  }
  return ctx.unitRef(ref as UnitRef, FILE, pointer);
}
