/**
 * Checks a case's facts before any rule reads them. The check is compiled from the `facts` node of
 * the pack's input schema (see input-schema.ts): the allowed values, ranges and kinds it enforces
 * are the ones a client reads there.
 */
import { problem, YingshangError, type Problem } from "../../errors.js";
import type { FactDoc } from "../model/index.js";
import { suggest } from "../../base/suggest.js";
import { parseDay } from "../../calendar/impl/days.js";
import { kindOf } from "../../calendar/impl/kind-words.js";
import type { SchemaNode } from "./input-schema.js";

/**
 * Checks a case's facts and returns, for each declared fact (in declaration order, see
 * {@link factSlots}), -1 when it is absent, else its value's position in {@link factDomain}
 * (0 for facts without a small domain). Decision indexes read these instead of the facts.
 * Throws a `YingshangError` with every problem of the facts.
 */
export type FactsChecker = (facts: unknown) => readonly number[];

/** The facts check in its two halves: a fast pass (null when anything is wrong) and the full report. */
export interface FactsCheck {
  readonly check: FactsChecker;
  /** Every position, or null when some fact is wrong: then {@link FactsCheck.problems} says what. */
  readonly positions: (facts: unknown) => readonly number[] | null;
  /** Every problem of the facts (empty when they are fine). */
  readonly problems: (facts: unknown) => Problem[];
}

/** The values of an enum or boolean fact, in the order their positions are numbered; else null. */
export function factDomain(doc: FactDoc): readonly unknown[] | null {
  return doc.type === "boolean" ? [false, true] : doc.type === "enum" ? (doc.values ?? []) : null;
}

/** Each declared fact's slot in the checker's output. */
export function factSlots(facts: Readonly<Record<string, FactDoc>>): ReadonlyMap<string, number> {
  return new Map(Object.keys(facts).map((n, i) => [n, i] as const));
}

/** How one declared fact is checked. Plain data read by one `switch`: cheaper than a closure per fact. */
interface Spec {
  readonly name: string;
  /** Copied from the declaration so every spec has one shape (a fast, monomorphic read). */
  readonly type: FactDoc["type"];
  readonly code: (typeof CODE)[keyof typeof CODE];
  readonly min: number;
  readonly max: number;
  readonly kinds: readonly string[] | null;
  /** Allowed words of an enum or unit fact (null for other types). */
  readonly allowed: ReadonlySet<string> | null;
  /** An enum's words with their positions (null for other types). */
  readonly positions: ReadonlyMap<unknown, number> | null;
  readonly slot: number;
  /** The rule named in errors as needing the fact, or null. */
  readonly rule: string | null;
}

function typeErr(s: Spec, expected: string, v: unknown): Problem {
  const needed = s.rule ? ` (rule \`${s.rule}\` reads it)` : "";
  return problem("FACT_TYPE", `The fact \`${s.name}\` must be ${expected}, but it is ${kindOf(v)}${needed}.`, { fact: s.name, expected, actual: kindOf(v), rule: s.rule }, { path: `facts.${s.name}` });
}

function notAllowed(s: Spec, v: string): Problem {
  const needed = s.rule ? ` (rule \`${s.rule}\` reads it)` : "";
  const allowed = [...s.allowed!];
  const hint = suggest(v, allowed);
  const tail = `${needed}${hint ? `; did you mean \`${hint}\`?` : "."}`;
  const kinds = s.kinds ? `${s.kinds.join("/")} ` : "";
  const message = s.type === "enum" ? `The fact \`${s.name}\` is \`${v}\`, which is not one of its values (${allowed.join(", ")})${tail}` : `The fact \`${s.name}\` is \`${v}\`, which is not a ${kinds}unit of this pack${tail}`;
  return problem("FACT_ENUM", message, { fact: s.name, value: v, allowed, rule: s.rule }, { path: `facts.${s.name}` });
}

// Fact types as small numbers: the hot `switch` compares integers, not strings.
const CODE = { enum: 0, unit: 0, boolean: 1, number: 2, string: 3, date: 4, list: 5, object: 6 } as const;

function expectedOf(s: Spec): string {
  return s.type === "enum" ? `one of ${[...s.allowed!].join(", ")}` : "a unit id";
}

/** Checks a value of a fact without a small domain (number, text, date, list, mapping): 0, or undefined when wrong. */
function checkOther(s: Spec, v: unknown): number | undefined {
  switch (s.code) {
    case 2:
      return typeof v === "number" && Number.isFinite(v) && v >= s.min && v <= s.max ? 0 : undefined;
    case 3:
      return typeof v === "string" ? 0 : undefined;
    case 4:
      return typeof v === "string" && parseDay(v) !== -Infinity ? 0 : undefined;
    case 5:
      return Array.isArray(v) && v.every((x) => typeof x === "string") ? 0 : undefined;
    default:
      return typeof v === "object" && v !== null && !Array.isArray(v) ? 0 : undefined;
  }
}

/** The problem with a value the fact cannot take. */
function refusal(s: Spec, v: unknown): Problem {
  switch (s.code) {
    case 0:
      return typeof v !== "string" ? typeErr(s, expectedOf(s), v) : notAllowed(s, v);
    case 1:
      return typeErr(s, "true or false", v);
    case 2:
      return typeof v === "number" && Number.isFinite(v) ? typeErr(s, `a number in [${s.min === -Infinity ? "-∞" : s.min}, ${s.max === Infinity ? "∞" : s.max}]`, v) : typeErr(s, "a number", v);
    case 3:
      return typeErr(s, "text", v);
    case 4:
      return typeErr(s, "a real date YYYY-MM-DD", v);
    case 5:
      return typeErr(s, "a list of words", v);
    default:
      return typeErr(s, "a mapping", v);
  }
}

/** The words a schema node allows (`oneOf` of `const`s, or `enum`), or null. */
export function wordsOf(node: SchemaNode): string[] | null {
  if (Array.isArray(node.enum)) return node.enum.map(String);
  const alts = node.oneOf;
  if (Array.isArray(alts) && alts.length > 0 && alts.every((a) => a && typeof a === "object" && "const" in a)) return alts.map((a) => String((a as { const: unknown }).const));
  return null;
}

/**
 * Compiles the facts check of a pack from the `facts` node of its input schema (`properties`: one
 * schema per declared fact, see input-schema.ts). `docs` gives each fact's declared type (which
 * decides its slot's numbering) and `users` names, for each fact, the first rule that reads it, so
 * an error can say who needed it.
 */
export function compileFactsCheck(node: SchemaNode, docs: Readonly<Record<string, FactDoc>>, users: ReadonlyMap<string, string> = new Map()): FactsCheck {
  const props = (node.properties ?? {}) as Record<string, SchemaNode>;
  const names = Object.keys(props);
  const specs = new Map<string, Spec>();
  const slots = factSlots(docs);
  for (const name of names) {
    const s = props[name]!;
    const doc = docs[name]!;
    const words = wordsOf(s);
    const allowed = doc.type === "enum" || doc.type === "unit" ? new Set(words ?? []) : null;
    const positions = doc.type === "enum" ? new Map((words ?? []).map((v, i) => [v, i] as const)) : null;
    const min = typeof s.minimum === "number" ? s.minimum : -Infinity;
    const max = typeof s.maximum === "number" ? s.maximum : Infinity;
    specs.set(name, { name, type: doc.type, code: CODE[doc.type], min, max, kinds: doc.kinds ?? null, allowed, positions, slot: slots.get(name)!, rule: users.get(name) ?? null });
  }
  // Copied per call (a flat copy of small integers is cheap); -1 marks an absent fact. Not frozen
  // (copying a frozen array is slow) but private to this closure; the empty case gets a frozen one.
  const template: number[] = names.map(() => -1);
  const none: readonly number[] = Object.freeze(template.slice());
  const positions = (input: unknown): readonly number[] | null => {
    if (input === undefined || input === null) return none;
    if (typeof input !== "object" || Array.isArray(input)) return null;
    const f = input as Record<string, unknown>;
    const out = template.slice();
    for (const key in f) {
      if (!Object.prototype.hasOwnProperty.call(f, key)) continue;
      const spec = specs.get(key);
      if (spec === undefined) return null;
      const v = f[key];
      if (v === undefined) continue;
      // The common kinds inline (enum, unit, boolean); the rest in checkOther.
      let at: number | undefined;
      if (spec.positions !== null) at = spec.positions.get(v);
      else if (spec.allowed !== null) at = spec.allowed.has(v as string) ? 0 : undefined;
      else if (spec.code === 1) at = v === true ? 1 : v === false ? 0 : undefined;
      else at = checkOther(spec, v);
      if (at === undefined) return null;
      out[spec.slot] = at;
    }
    return out;
  };
  const problems = (input: unknown): Problem[] => {
    if (input === undefined || input === null) return [];
    if (typeof input !== "object" || Array.isArray(input)) {
      return [problem("INPUT_TYPE", `\`facts\` must be a mapping of fact names to values, but it is ${kindOf(input)}.`, { expected: "a mapping", actual: kindOf(input) }, { path: "facts" })];
    }
    const out: Problem[] = [];
    const f = input as Record<string, unknown>;
    for (const key of Object.keys(f)) {
      const spec = specs.get(key);
      if (spec === undefined) {
        const hint = suggest(key, names);
        out.push(problem("FACT_UNKNOWN", `The fact \`${key}\` is not declared by this pack${hint ? `; did you mean \`${hint}\`?` : ` (facts: ${names.join(", ")}).`}`, { fact: key, suggestion: hint }, { path: `facts.${key}` }));
        continue;
      }
      const v = f[key];
      if (v === undefined) continue;
      const ok = spec.positions !== null ? spec.positions.has(v) : spec.allowed !== null ? spec.allowed.has(v as string) : spec.code === 1 ? typeof v === "boolean" : checkOther(spec, v) !== undefined;
      if (!ok) out.push(refusal(spec, v));
    }
    return out;
  };
  const check: FactsChecker = (input) => {
    const at = positions(input);
    if (at !== null) return at;
    throw new YingshangError(problems(input));
  };
  return { check, positions, problems };
}
