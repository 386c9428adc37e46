/** What every compile step shares: the documents, where things are, and the problem list. */
import { fail, problem, type Problem, type ProblemCode, type ProblemParams } from "../../errors.js";
import type { Effective, FactDoc, PackDocs, Source, UnitDoc, UnitRef } from "../model/index.js";
import { compileCondition, type Predicate } from "./conditions.js";
import type { Places } from "../read/index.js";
import { Skipped } from "../read/index.js";
import { suggest } from "../../base/suggest.js";
import type { Condition } from "../model/index.js";
import { own } from "../../base/readonly-map.js";

export class Ctx {
  readonly problems: Problem[] = [];
  /** Problems that leave the pack valid (`validate` prints them as warnings). */
  readonly warnings: Problem[] = [];
  readonly units: ReadonlyMap<string, UnitDoc>;
  readonly facts: Readonly<Record<string, FactDoc>>;
  readonly clauses: ReadonlySet<string>;
  /** Every clause cited by something in the pack (for coverage). */
  readonly cited = new Map<string, string[]>();

  constructor(
    readonly docs: PackDocs,
    readonly places: Places,
    /** Declarations a schema problem left out (the pack is invalid anyway): references to them are not reported. */
    readonly skipped: Skipped = new Skipped(),
  ) {
    const units = new Map<string, UnitDoc>();
    const first = new Map<string, number>();
    docs.units.forEach((u, i) => {
      const j = first.get(u.id);
      if (j !== undefined) this.duplicate("unit", u.id, "units.yaml", `/units/${j}/id`, `/units/${i}/id`, "keep one.");
      else first.set(u.id, i);
      units.set(u.id, u);
    });
    this.units = units;
    this.facts = docs.facts;
    this.clauses = new Set(docs.pack.clauses.map((c) => c.id));
  }

  /** Records a problem at a pointer of a file; the message gets the `file:line:col — ` prefix. */
  report<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], file: string, pointer: string, key = false): void {
    const place = this.places.at(file, pointer, key);
    this.problems.push(problem(code, message, params, place));
  }

  /** Reports an id declared again at `pointer`, naming where it was first declared. */
  duplicate(kind: string, id: string, file: string, firstPointer: string, pointer: string, advice: string): void {
    const first = this.places.at(file, firstPointer);
    const at = `${first.file}${first.line !== undefined ? `:${first.line}` : ""}`;
    const params = { kind, id, firstFile: first.file ?? file, firstLine: first.line ?? null, firstPath: first.path ?? "" };
    this.report("DUPLICATE_ID", `${kind} \`${id}\` is declared twice (first at ${at}); ${advice}`, params, file, pointer);
  }

  /** Records a warning at a pointer of a file (the pack stays valid). */
  warn<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], file: string, pointer: string): void {
    this.warnings.push(problem(code, message, params, this.places.at(file, pointer)));
  }

  /** Checks a `source` and records its clause as covered by `what`. */
  source(src: Source | undefined, what: string, file: string, pointer: string): void {
    if (!src) return;
    if (!this.clauses.has(src.clause)) {
      const hint = suggest(src.clause, this.clauses);
      this.report("UNKNOWN_REFERENCE", `clause \`${src.clause}\` is not in the clause index of pack.yaml${hint ? `; did you mean \`${hint}\`?` : "; add it to `clauses:` or correct the reference."}`, { kind: "clause", id: src.clause, suggestion: hint }, file, `${pointer}/clause`);
    }
    const list = this.cited.get(src.clause) ?? [];
    list.push(what);
    this.cited.set(src.clause, list);
  }

  /** Checks a unit reference; returns a resolver from facts to a unit id (null: lookup has no entry). */
  unitRef(ref: UnitRef, file: string, pointer: string): (facts: Readonly<Record<string, unknown>>) => string | null {
    if (typeof ref === "string") {
      this.checkUnit(ref, file, pointer);
      return () => ref;
    }
    if ("fact" in ref) {
      const fd = own(this.facts, ref.fact);
      if (!fd) this.unknownFact(ref.fact, file, `${pointer}/fact`);
      else if (fd.type !== "unit") this.report("CONDITION_INVALID", `\`${ref.fact}\` names a unit here, so it must be declared with \`type: unit\` (it is ${fd.type}).`, { detail: "unit fact of wrong type" }, file, `${pointer}/fact`);
      const name = ref.fact;
      if ("otherwise" in ref) {
        // The fact when the case gives it, else the fallback (营口 二(二)3: the designated department, else the usual one).
        if (fd && fd.default !== undefined) this.report("OTHERWISE_UNREACHABLE", `\`${name}\` has a \`default\`, so it is never missing and \`otherwise\` would never be used; drop the default (the fact is then given or not) or drop \`otherwise\`.`, { fact: name }, file, `${pointer}/otherwise`);
        const otherwise = this.unitRef(ref.otherwise, file, `${pointer}/otherwise`);
        return (f) => {
          const v = f[name];
          return typeof v === "string" ? v : otherwise(f);
        };
      }
      return (f) => {
        const v = f[name] ?? fd?.default;
        if (typeof v !== "string") return failMissing(name);
        return v;
      };
    }
    const table = own(this.docs.assignment.lookups, ref.lookup);
    if (!table) {
      if (this.skipped.has("lookup", ref.lookup)) return () => null;
      const hint = suggest(ref.lookup, Object.keys(this.docs.assignment.lookups ?? {}));
      this.report("UNKNOWN_REFERENCE", `lookup \`${ref.lookup}\` is not declared under \`lookups:\`${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "lookup", id: ref.lookup, suggestion: hint }, file, `${pointer}/lookup`);
      return () => null;
    }
    if (!own(this.facts, ref.key)) this.unknownFact(ref.key, file, `${pointer}/key`);
    const key = ref.key;
    const entries = new Map(Object.entries(table.entries));
    return (f) => {
      // No key, or a key the table lacks: the policy leaves the choice to a decision (never a guess).
      const k = f[key];
      return k === undefined ? null : (entries.get(String(k)) ?? null);
    };
  }

  checkUnit(id: string, file: string, pointer: string): void {
    if (this.units.has(id) || this.skipped.has("unit", id)) return;
    const hint = suggest(id, this.units.keys());
    this.report("UNKNOWN_REFERENCE", `unit \`${id}\` is not declared in units.yaml${hint ? `; did you mean \`${hint}\`?` : "; declare it there first."}`, { kind: "unit", id, suggestion: hint }, file, pointer);
  }

  unknownFact(name: string, file: string, pointer: string): void {
    if (this.skipped.has("fact", name)) return;
    const hint = suggest(name, Object.keys(this.facts));
    this.report("UNKNOWN_REFERENCE", `the fact \`${name}\` is not declared in facts.yaml${hint ? `; did you mean \`${hint}\`?` : "."}`, { kind: "fact", id: name, suggestion: hint }, file, pointer);
  }

  /** Compiles a condition, reporting static mistakes at their place. */
  condition(cond: Condition | undefined, rule: string, file: string, pointer: string): Predicate | null {
    if (!cond) return null;
    return compileCondition(cond, this.facts, rule, pointer, (detail, ptr, kind) => {
      if (kind === "fact") {
        const name = /`([^`]+)`/.exec(detail)?.[1] ?? "";
        this.unknownFact(name, file, ptr);
      } else this.report("CONDITION_INVALID", `${detail}.`, { detail }, file, ptr);
    });
  }

  /** Checks an `effective` block against itself and the pack's own dates. */
  effective(eff: Effective | undefined, file: string, pointer: string): void {
    if (!eff) return;
    if (eff.until && eff.until < eff.from) this.report("EFFECTIVE_INVALID", `\`until\` ${eff.until} is before \`from\` ${eff.from}.`, { detail: "until before from" }, file, `${pointer}/until`);
    const pack = this.docs.pack.effective;
    if (eff.from < pack.from) this.report("EFFECTIVE_INVALID", `this starts on ${eff.from}, before the pack itself is in force (${pack.from}).`, { detail: "rule starts before the pack" }, file, `${pointer}/from`);
  }
}

function failMissing(name: string): never {
  return fail("FACT_MISSING", `The fact \`${name}\` is needed to name a unit but was not given.`, { fact: name, rule: "(unit reference)" }, { path: `facts.${name}` });
}

/** True when `eff` is in force on `asOf` (both ends inclusive). */
export function inForce(eff: Effective | undefined, asOf: string): boolean {
  return !eff || (eff.from <= asOf && (eff.until === undefined || asOf <= eff.until));
}

/** Reports ids used twice in one list, unless their effective ranges do not overlap (versions). */
export function checkIds(ctx: Ctx, items: readonly { id: string; effective?: Effective }[], kind: string, file: string, pointer: string, itemAt: (i: number) => string = (i) => `${pointer}/${i}`): void {
  const seen = new Map<string, number[]>();
  items.forEach((it, i) => seen.set(it.id, [...(seen.get(it.id) ?? []), i]));
  for (const [id, idx] of seen) {
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        const x = items[idx[a]!]!;
        const y = items[idx[b]!]!;
        if (!x.effective || !y.effective) {
          ctx.duplicate(kind, id, file, `${itemAt(idx[a]!)}/id`, `${itemAt(idx[b]!)}/id`, "ids must be unique (or give each version non-overlapping `effective` dates).");
        } else if (overlap(x.effective, y.effective)) {
          ctx.report("EFFECTIVE_INVALID", `two versions of ${kind} \`${id}\` are in force at the same time (${x.effective.from}…${x.effective.until ?? "open"} and ${y.effective.from}…${y.effective.until ?? "open"}); end one before the other starts.`, { detail: `overlapping versions of ${id}` }, file, `${itemAt(idx[b]!)}/effective`);
        }
      }
    }
  }
}

function overlap(a: Effective, b: Effective): boolean {
  const aEnd = a.until ?? "9999-12-31";
  const bEnd = b.until ?? "9999-12-31";
  return a.from <= bEnd && b.from <= aEnd;
}

export type { Predicate };
