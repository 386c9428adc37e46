/** Checks a case's facts against the pack's declarations before any rule reads them. */
import { fail } from "../../errors.js";
import type { FactDoc, UnitDoc } from "../pack-types.js";
import { suggest } from "./suggest.js";
import { parseDay } from "../../calendar/impl/days.js";

/**
 * Checks a case's facts and returns, for each declared fact (in declaration order, see
 * {@link factSlots}), -1 when it is absent, else its value's position in {@link factDomain}
 * (0 for facts without a small domain). Decision indexes read these instead of the facts.
 */
export type FactsChecker = (facts: unknown) => readonly number[];

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

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "string" ? `text ${JSON.stringify(v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

function typeErr(s: Spec, expected: string, v: unknown): never {
  const needed = s.rule ? ` (rule \`${s.rule}\` reads it)` : "";
  return fail("FACT_TYPE", `The fact \`${s.name}\` must be ${expected}, but it is ${kindOf(v)}${needed}.`, { fact: s.name, expected, actual: kindOf(v), rule: s.rule }, { path: `facts.${s.name}` });
}

function notAllowed(s: Spec, v: string): never {
  const needed = s.rule ? ` (rule \`${s.rule}\` reads it)` : "";
  const allowed = [...s.allowed!];
  const hint = suggest(v, allowed);
  const tail = `${needed}${hint ? `; did you mean \`${hint}\`?` : "."}`;
  const kinds = s.kinds ? `${s.kinds.join("/")} ` : "";
  const message = s.type === "enum" ? `The fact \`${s.name}\` is \`${v}\`, which is not one of its values (${allowed.join(", ")})${tail}` : `The fact \`${s.name}\` is \`${v}\`, which is not a ${kinds}unit of this pack${tail}`;
  return fail("FACT_ENUM", message, { fact: s.name, value: v, allowed, rule: s.rule }, { path: `facts.${s.name}` });
}

// Fact types as small numbers: the hot \`switch\` compares integers, not strings.
const CODE = { enum: 0, unit: 0, boolean: 1, number: 2, string: 3, date: 4, list: 5, object: 6 } as const;

function expectedOf(s: Spec): string {
  return s.type === "enum" ? `one of ${[...s.allowed!].join(", ")}` : "a unit id";
}

/** Checks a value of a fact without a small domain (number, text, date, list, mapping); returns 0. */
function checkOther(s: Spec, v: unknown): number {
  switch (s.code) {
    case 2:
      if (typeof v !== "number" || !Number.isFinite(v)) typeErr(s, "a number", v);
      else if (v < s.min || v > s.max) rangeErr(s, v);
      return 0;
    case 3:
      if (typeof v !== "string") typeErr(s, "text", v);
      return 0;
    case 4:
      if (typeof v !== "string" || parseDay(v) === -Infinity) typeErr(s, "a real date YYYY-MM-DD", v);
      return 0;
    case 5:
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) typeErr(s, "a list of words", v);
      return 0;
    default:
      if (typeof v !== "object" || v === null || Array.isArray(v)) typeErr(s, "a mapping", v);
      return 0;
  }
}

/** Throws the error for a value an enum, unit or boolean fact cannot take. */
function refuse(s: Spec, v: unknown): never {
  if (s.code === 1) return typeErr(s, "true or false", v);
  return typeof v !== "string" ? typeErr(s, expectedOf(s), v) : notAllowed(s, v);
}

function rangeErr(s: Spec, v: number): never {
  return typeErr(s, `a number in [${s.min === -Infinity ? "-∞" : s.min}, ${s.max === Infinity ? "∞" : s.max}]`, v);
}

/**
 * Compiles one checker per pack: every given fact must be declared and of its declared type.
 * `users` names, for each fact, the first rule that reads it, so an error can say who needed it.
 */
export function compileFactsChecker(facts: Readonly<Record<string, FactDoc>>, units: ReadonlyMap<string, UnitDoc>, users: ReadonlyMap<string, string> = new Map()): FactsChecker {
  const names = Object.keys(facts);
  const specs = new Map<string, Spec>();
  const slots = factSlots(facts);
  for (const [name, doc] of Object.entries(facts)) {
    let allowed: Set<string> | null = null;
    if (doc.type === "enum") allowed = new Set(doc.values ?? []);
    if (doc.type === "unit") {
      const kinds = doc.kinds ? new Set(doc.kinds) : null;
      allowed = new Set([...units.values()].filter((u) => !kinds || kinds.has(u.kind)).map((u) => u.id));
    }
    const domain = doc.type === "enum" ? factDomain(doc) : null;
    const positions = domain ? new Map(domain.map((v, i) => [v, i] as const)) : null;
    specs.set(name, { name, type: doc.type, code: CODE[doc.type], min: doc.min ?? -Infinity, max: doc.max ?? Infinity, kinds: doc.kinds ?? null, allowed, positions, slot: slots.get(name)!, rule: users.get(name) ?? null });
  }
  // Copied per call (a flat copy of small integers is cheap); -1 marks an absent fact. Not frozen
  // (copying a frozen array is slow) but private to this closure; the empty case gets a frozen one.
  const template: number[] = names.map(() => -1);
  const none: readonly number[] = Object.freeze(template.slice());
  return (input) => {
    if (input === undefined || input === null) return none;
    if (typeof input !== "object" || Array.isArray(input)) return fail("INPUT_INVALID", "`facts` must be a mapping of fact names to values.", { detail: "facts not an object" }, { path: "facts" });
    const f = input as Record<string, unknown>;
    const out = template.slice();
    for (const key in f) {
      if (!Object.prototype.hasOwnProperty.call(f, key)) continue;
      const spec = specs.get(key);
      if (spec === undefined) {
        const hint = suggest(key, names);
        fail("FACT_UNKNOWN", `The fact \`${key}\` is not declared by this pack${hint ? `; did you mean \`${hint}\`?` : ` (facts: ${names.join(", ")}).`}`, { fact: key, suggestion: hint }, { path: `facts.${key}` });
      }
      const v = f[key];
      if (v === undefined) continue;
      // The common kinds inline (enum, unit, boolean); the rest in checkOther.
      let at: number | undefined;
      if (spec.positions !== null) at = spec.positions.get(v);
      else if (spec.allowed !== null) at = spec.allowed.has(v as string) ? 0 : undefined;
      else if (spec.code === 1) at = v === true ? 1 : v === false ? 0 : undefined;
      else at = checkOther(spec, v);
      if (at === undefined) return refuse(spec, v);
      out[spec.slot] = at;
    }
    return out;
  };
}
