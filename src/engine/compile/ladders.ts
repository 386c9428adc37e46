/** Compiles escalation ladders and checks that they neither skip nor loop outside declared jumps/returns. */
import type { Effective, LadderDoc, PeriodDoc, RungDoc, Source, UnitRef } from "../model/index.js";
import { suggest } from "../../base/suggest.js";
import { checkIds, type Ctx, type Predicate } from "../check/index.js";
import { compilePeriod, type PeriodResolver } from "./deadlines.js";
import type { UnitResolver } from "./table-types.js";
import { ReadonlyIndex } from "../../base/readonly-map.js";
import { PartsMemo } from "../model/index.js";

export interface CompiledRung {
  readonly id: string;
  readonly zh: string | undefined;
  readonly index: number;
  readonly actor: (facts: Readonly<Record<string, unknown>>) => string | null;
  readonly within: PeriodResolver | null;
  readonly escalateOn: readonly string[];
  readonly final: boolean;
  /** A required step lies above this rung on its branch: `resolved` here moves the case on, it does not close it. */
  readonly mustContinue: boolean;
  readonly source: Source;
  readonly doc: RungDoc;
}

export interface CompiledLadder {
  readonly id: string;
  readonly zh: string | undefined;
  readonly rungs: readonly CompiledRung[];
  readonly byId: ReadonlyMap<string, CompiledRung>;
  /** `on`: the frozen trigger list a result shows for the jump, `jump:<id>`. */
  readonly jumps: readonly { readonly id: string; readonly from: number; readonly to: number; readonly when: Predicate | null; readonly exclusive: boolean; readonly on: readonly string[]; readonly source: Source }[];
  readonly returns: readonly { readonly from: number; readonly to: number; readonly on: string; readonly source: Source }[];
  readonly effective: Effective | undefined;
  readonly source: Source;
  /** Shared frozen paths (lists of rung ids), by the rungs taken. */
  readonly paths: PartsMemo<readonly string[]>;
  /** Shared frozen next steps, by rung, trigger list and actor. */
  readonly nexts: PartsMemo<NextStep>;
}

/** Where a case goes next, on which triggers, and who acts there. */
export interface NextStep {
  readonly rung: string;
  readonly actor: string | null;
  readonly on: readonly string[];
}

const FILE = "escalation.yaml";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A rung's time limit: a period of its own, or a deadline of deadlines.yaml by id — then the number
 * lives in one place and the ladder and the deadline cannot disagree.
 */
function compileWithin(ctx: Ctx, within: PeriodDoc | { deadline: string }, pointer: string, rule: string, src: Source): PeriodResolver | null {
  if (!("deadline" in within)) return compilePeriod(ctx, within, FILE, pointer, rule, src);
  const id = within.deadline;
  const found = ctx.docs.deadlines.filter((d) => d.id === id);
  if (found.length === 0) {
    if (ctx.skipped.has("deadline", id)) return null;
    const hint = suggest(id, ctx.docs.deadlines.map((d) => d.id));
    ctx.report("UNKNOWN_REFERENCE", `deadline \`${id}\` is not declared in deadlines.yaml${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "deadline", id, suggestion: hint }, FILE, `${pointer}/deadline`);
    return null;
  }
  const d = found[0]!;
  if (found.length > 1 || !d.period) {
    ctx.report("LADDER_INVALID", `rung \`${rule}\` takes its time limit from deadline \`${id}\`, which ${found.length > 1 ? "has several versions" : "is not a single period (it has variants or is a schedule)"}; name a deadline with one \`period\`.`, { ladder: rule.split("/")[0]!, detail: "rung limit is not a single period" }, FILE, `${pointer}/deadline`);
    return null;
  }
  const idx = ctx.docs.deadlines.indexOf(d);
  return compilePeriod(ctx, d.period, "deadlines.yaml", `/deadlines/${idx}/period`, id, d.source);
}

export function compileLadders(ctx: Ctx): CompiledLadder[] {
  const ladders = ctx.docs.ladders;
  checkIds(ctx, ladders, "ladder", FILE, "/ladders");
  return ladders.map((l: LadderDoc, li) => {
    const base = `/ladders/${li}`;
    ctx.source(l.source, `ladder ${l.id}`, FILE, `${base}/source`);
    ctx.effective(l.effective, FILE, `${base}/effective`);
    checkIds(ctx, l.rungs, "rung", FILE, `${base}/rungs`);
    const index = new Map<string, number>();
    l.rungs.forEach((r, i) => index.set(r.id, i));
    const rungs = l.rungs.map((r, i): Mutable<CompiledRung> => {
      const ptr = `${base}/rungs/${i}`;
      ctx.source(r.source, `ladder ${l.id} rung ${r.id}`, FILE, `${ptr}/source`);
      let actor: (f: Readonly<Record<string, unknown>>) => string | null;
      if (typeof r.actor === "object" && "cases" in r.actor) {
        const cases = r.actor.cases.map((c, ci) => {
          ctx.source(c.source, `ladder ${l.id} rung ${r.id}`, FILE, `${ptr}/actor/cases/${ci}/source`);
          return { when: ctx.condition(c.when, `${l.id}/${r.id}`, FILE, `${ptr}/actor/cases/${ci}/when`), unit: ctx.unitRef(c.unit, FILE, `${ptr}/actor/cases/${ci}/unit`) };
        });
        actor = (f) => {
          for (const c of cases) if (!c.when || c.when(f, null)) return c.unit(f);
          return null;
        };
      } else actor = ctx.unitRef(r.actor as UnitRef, FILE, `${ptr}/actor`) as UnitResolver;
      return {
        id: r.id,
        zh: r.zh,
        index: i,
        actor,
        within: r.within ? compileWithin(ctx, r.within, `${ptr}/within`, `${l.id}/${r.id}`, r.source) : null,
        escalateOn: Object.freeze(r.escalateOn ?? ["failed"]),
        // A rung ends its branch when marked final, when nothing may trigger a move up, or when it is the top.
        final: r.final === true || (r.escalateOn !== undefined && r.escalateOn.length === 0) || i === l.rungs.length - 1,
        mustContinue: false,
        source: r.source,
        doc: r,
      };
    });
    // A required rung above a rung on the same branch (no final rung between them) keeps the case open there.
    for (let i = rungs.length - 2; i >= 0; i--) {
      const r = rungs[i]!;
      const up = rungs[i + 1]!;
      if (!r.final) r.mustContinue = up.doc.required === true || up.mustContinue;
    }
    rungs.forEach((r) => Object.freeze(r));
    const rungAt = (id: string, ptr: string): number => {
      const i = index.get(id);
      if (i === undefined) ctx.report("UNKNOWN_REFERENCE", `rung \`${id}\` is not a rung of ladder \`${l.id}\` (rungs: ${[...index.keys()].join(", ")}).`, { kind: "rung", id, suggestion: null }, FILE, ptr);
      return i ?? -1;
    };
    const jumps = (l.jumps ?? []).map((j, ji) => {
      const ptr = `${base}/jumps/${ji}`;
      ctx.source(j.source, `ladder ${l.id} jump ${j.id}`, FILE, `${ptr}/source`);
      const from = rungAt(j.from, `${ptr}/from`);
      const to = rungAt(j.to, `${ptr}/to`);
      if (from >= 0 && to >= 0 && to <= from + 1) {
        ctx.report("LADDER_INVALID", `jump \`${j.id}\` goes from \`${j.from}\` to \`${j.to}\`, which is ${to <= from ? "backwards (a loop)" : "the next rung anyway"}; a jump must skip forward. Use \`returns\` to go back.`, { ladder: l.id, detail: "jump not forward" }, FILE, `${ptr}/to`);
      }
      if (j.exclusive && !j.when) ctx.report("LADDER_INVALID", `jump \`${j.id}\` is exclusive but has no \`when\`: it would forbid the step up from \`${j.from}\` for every case; give the condition under which the case must take it.`, { ladder: l.id, detail: "exclusive jump without when" }, FILE, `${ptr}/exclusive`);
      return { id: j.id, from, to, when: ctx.condition(j.when, `${l.id}/${j.id}`, FILE, `${ptr}/when`), exclusive: j.exclusive === true, on: Object.freeze([`jump:${j.id}`]), source: j.source };
    });
    const returns = (l.returns ?? []).map((r, ri) => {
      const ptr = `${base}/returns/${ri}`;
      ctx.source(r.source, `ladder ${l.id} return`, FILE, `${ptr}/source`);
      const from = rungAt(r.from, `${ptr}/from`);
      const to = rungAt(r.to, `${ptr}/to`);
      if (from >= 0 && to >= 0 && to >= from) ctx.report("LADDER_INVALID", `a return must go back down the ladder, but \`${r.from}\` → \`${r.to}\` does not.`, { ladder: l.id, detail: "return not backwards" }, FILE, `${ptr}/to`);
      return { from, to, on: r.on, source: r.source };
    });
    // Every rung must be reachable from the first by steps up (from non-final rungs) or jumps.
    const reached = new Set<number>([0]);
    for (let i = 0; i < rungs.length; i++) {
      if (!reached.has(i)) continue;
      if (!rungs[i]!.final) reached.add(i + 1);
      for (const j of jumps) if (j.from === i && j.to >= 0) reached.add(j.to);
    }
    rungs.forEach((r, i) => {
      if (!reached.has(i)) ctx.report("LADDER_INVALID", `rung \`${r.id}\` can never be reached: the rung below it ends its branch and no jump leads to it; remove \`final\` below it or add a jump.`, { ladder: l.id, detail: `unreachable rung ${r.id}` }, FILE, `${base}/rungs/${i}/id`);
    });
    return Object.freeze({ id: l.id, zh: l.zh, rungs: Object.freeze(rungs), byId: new ReadonlyIndex(rungs.map((r) => [r.id, r] as const)), jumps: Object.freeze(jumps), returns: Object.freeze(returns), effective: l.effective, source: l.source, paths: new PartsMemo<readonly string[]>(), nexts: new PartsMemo<NextStep>() });
  });
}
