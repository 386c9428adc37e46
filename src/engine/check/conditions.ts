/**
 * Compiles json-rules-engine conditions into plain synchronous closures. Nothing from a pack is
 * ever turned into source code: values are captured as data, so pack text cannot run as code.
 */
import type { FailedLeaf } from "../model/index.js";
import type { Condition, FactDoc, Operator } from "../model/index.js";
import { fail } from "../../errors.js";
import { own } from "../../base/readonly-map.js";

/** A failed leaf, kept for traces: which fact, what was required, what it was. */
export type { FailedLeaf } from "../model/index.js";

/** A compiled condition. `failed`, when given, collects the leaves that came out false. */
export type Predicate = (facts: Readonly<Record<string, unknown>>, failed: FailedLeaf[] | null) => boolean;

/** Reports a problem in the pack at a JSON pointer inside the current file. */
export type Reporter = (detail: string, pointer: string, kind?: "fact") => void;

const NUMERIC = new Set<Operator>(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);
const DATE_OPS = new Set<Operator>(["dateBefore", "dateOnOrAfter"]);


function isFactRef(v: unknown): v is { fact: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === "string" && Object.keys(v).length === 1;
}

/** Builds a reader for one fact that applies its default and refuses a missing value. */
export function factReader(name: string, doc: FactDoc | undefined, rule: string): (f: Readonly<Record<string, unknown>>) => unknown {
  const hasDefault = doc !== undefined && doc.default !== undefined;
  const def = doc?.default;
  const missing = (): never => fail("FACT_MISSING", `The fact \`${name}\` is needed by rule \`${rule}\` but was not given.`, { fact: name, rule }, { path: `facts.${name}` });
  // Only a name that Object.prototype also has (toString, valueOf…) needs the own-property check;
  // deciding that once here keeps the common read a plain property access.
  if (name in Object.prototype) {
    return (f) => {
      const v = own(f, name);
      return v !== undefined ? v : hasDefault ? def : missing();
    };
  }
  return (f) => {
    const v = f[name];
    return v !== undefined ? v : hasDefault ? def : missing();
  };
}

function pathReader(path: string | undefined): ((v: unknown) => unknown) | null {
  if (!path) return null;
  const keys = path.split(".").slice(1);
  return (v) => {
    let cur = v;
    for (const k of keys) {
      if (typeof cur !== "object" || cur === null || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  };
}

function test(op: Operator, a: unknown, b: unknown): boolean {
  switch (op) {
    case "equal":
      return a === b;
    case "notEqual":
      return a !== b;
    case "in":
      return Array.isArray(b) && b.indexOf(a) > -1;
    case "notIn":
      return Array.isArray(b) && b.indexOf(a) === -1;
    case "contains":
      return Array.isArray(a) && a.indexOf(b) > -1;
    case "doesNotContain":
      return Array.isArray(a) && a.indexOf(b) === -1;
    case "lessThan":
      return typeof a === "number" && (a as number) < (b as number);
    case "lessThanInclusive":
      return typeof a === "number" && (a as number) <= (b as number);
    case "greaterThan":
      return typeof a === "number" && (a as number) > (b as number);
    case "greaterThanInclusive":
      return typeof a === "number" && (a as number) >= (b as number);
    case "dateBefore":
      return typeof a === "string" && typeof b === "string" && a < b;
    case "dateOnOrAfter":
      return typeof a === "string" && typeof b === "string" && a >= b;
  }
}

/**
 * Compiles `cond` for rule `rule`. Statically wrong conditions (unknown fact, a number operator on
 * text, an enum value the fact cannot take) are reported through `report` and compile to a
 * predicate that is never used, because the pack then fails to load.
 */
export function compileCondition(cond: Condition, facts: Readonly<Record<string, FactDoc>>, rule: string, pointer: string, report: Reporter): Predicate {
  if ("all" in cond) {
    const parts = cond.all.map((c, i) => compileCondition(c, facts, rule, `${pointer}/all/${i}`, report));
    return (f, failed) => {
      for (const p of parts) if (!p(f, failed)) return false;
      return true;
    };
  }
  if ("any" in cond) {
    const parts = cond.any.map((c, i) => compileCondition(c, facts, rule, `${pointer}/any/${i}`, report));
    // json-rules-engine (the reference) treats an empty \`any\` as true; packs cannot contain one (schema).
    if (parts.length === 0) return () => true;
    return (f, failed) => {
      for (const p of parts) if (p(f, failed)) return true;
      return false;
    };
  }
  if ("not" in cond) {
    const inner = compileCondition(cond.not, facts, rule, `${pointer}/not`, report);
    // A leaf that is false inside `not` makes the whole true, so it is not a reason for failure.
    return (f, failed) => {
      const mark = failed ? failed.length : 0;
      const r = !inner(f, failed);
      if (failed) failed.length = mark;
      return r;
    };
  }
  const keys = Object.keys(cond);
  if (!("fact" in cond) || !("operator" in cond) || !("value" in cond)) {
    report(`a condition needs all of fact, operator and value, or one of all/any/not (found: ${keys.join(", ")})`, pointer);
    return () => false;
  }
  const leaf = cond;
  const doc = own(facts, leaf.fact);
  if (!doc) {
    report(`the fact \`${leaf.fact}\` is not declared in facts.yaml`, `${pointer}/fact`, "fact");
    return () => false;
  }
  checkLeaf(leaf, doc, facts, pointer, report);
  const read = factReader(leaf.fact, doc, rule);
  const sub = pathReader(leaf.path);
  const op = leaf.operator;
  const rhsRef = isFactRef(leaf.value) ? factReader(leaf.value.fact, own(facts, leaf.value.fact), rule) : null;
  const constant = leaf.value;
  const fact = leaf.fact;
  // The two commonest shapes get closures without the operator switch (the hot path of tables).
  if (!sub && !rhsRef && op === "equal") {
    return (f, failed) => {
      const a = read(f);
      if (a === constant) return true;
      if (failed) failed.push({ fact, operator: op, value: constant, actual: a });
      return false;
    };
  }
  if (!sub && !rhsRef && op === "in" && Array.isArray(constant)) {
    const set = new Set(constant);
    return (f, failed) => {
      const a = read(f);
      if (set.has(a)) return true;
      if (failed) failed.push({ fact, operator: op, value: constant, actual: a });
      return false;
    };
  }
  return (f, failed) => {
    const raw = read(f);
    const a = sub ? sub(raw) : raw;
    const b = rhsRef ? rhsRef(f) : constant;
    const r = test(op, a, b);
    if (!r && failed) failed.push({ fact, operator: op, value: b, actual: a });
    return r;
  };
}

function checkLeaf(leaf: { fact: string; operator: Operator; value: unknown; path?: string }, doc: FactDoc, facts: Readonly<Record<string, FactDoc>>, pointer: string, report: Reporter): void {
  const { operator: op, value } = leaf;
  if (isFactRef(value)) {
    if (!own(facts, value.fact)) report(`the fact \`${value.fact}\` (used as a value) is not declared in facts.yaml`, `${pointer}/value/fact`, "fact");
    return;
  }
  if (leaf.path) {
    if (doc.type !== "object") report(`\`path\` reads inside an object, but \`${leaf.fact}\` is of type ${doc.type}`, `${pointer}/path`);
    return;
  }
  if (NUMERIC.has(op) && (typeof value !== "number" || doc.type !== "number")) {
    report(`${op} compares numbers, but ${doc.type !== "number" ? `\`${leaf.fact}\` is of type ${doc.type}` : `the value is ${JSON.stringify(value)}`}`, `${pointer}/value`);
  }
  if (DATE_OPS.has(op) && (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || doc.type !== "date")) {
    report(`${op} compares dates (YYYY-MM-DD) of a fact of type date`, `${pointer}/value`);
  }
  if ((op === "in" || op === "notIn") && !Array.isArray(value)) report(`${op} needs a list as its value`, `${pointer}/value`);
  if ((op === "contains" || op === "doesNotContain") && doc.type !== "list") report(`${op} looks inside a list, but \`${leaf.fact}\` is of type ${doc.type}`, `${pointer}/operator`);
  // An enum compared with a word it can never take is almost always a typo: catch it at load.
  if (doc.type === "enum" && doc.values) {
    const words = op === "in" || op === "notIn" ? (Array.isArray(value) ? value : []) : op === "equal" || op === "notEqual" ? [value] : [];
    for (const w of words) {
      if (!doc.values.includes(w as string)) report(`\`${String(w)}\` is not a value of \`${leaf.fact}\` (values: ${doc.values.join(", ")})`, `${pointer}/value`);
    }
  }
  if (doc.type === "boolean" && (op === "equal" || op === "notEqual") && typeof value !== "boolean") {
    report(`\`${leaf.fact}\` is true or false, but the value is ${JSON.stringify(value)}`, `${pointer}/value`);
  }
}

/** The facts a condition reads (for generating facts and for docs). */
export function factsOf(cond: Condition | undefined, out: Set<string> = new Set()): Set<string> {
  if (!cond) return out;
  if ("all" in cond) cond.all.forEach((c) => factsOf(c, out));
  else if ("any" in cond) cond.any.forEach((c) => factsOf(c, out));
  else if ("not" in cond) factsOf(cond.not, out);
  else {
    out.add(cond.fact);
    if (isFactRef(cond.value)) out.add(cond.value.fact);
  }
  return out;
}
