/**
 * A decision index for a table: for every combination of the enum and boolean facts its rules
 * compare, the rules that can still match (found at load time by three-valued partial evaluation).
 * Evaluation then tests only those candidates, so a 9-rule table costs about one rule.
 *
 * Used only when tracing is off (a trace must show every rule) and when every fact the table reads
 * is present, so answers and errors are exactly those of the rule-by-rule loop.
 */
import type { Condition, FactDoc } from "../model/index.js";
import type { Bucket, CompiledRule, CompiledTable, DecideWithout, TableIndex } from "./table-types.js";
import { factDomain } from "../check/index.js";

const MAX_BUCKETS = 4096;

type Tri = 0 | 1 | 2; // false, true, unknown

function tri(c: Condition, assign: ReadonlyMap<string, unknown>): Tri {
  if ("all" in c) {
    let r: Tri = 1;
    for (const x of c.all) {
      const v = tri(x, assign);
      if (v === 0) return 0;
      if (v === 2) r = 2;
    }
    return r;
  }
  if ("any" in c) {
    if (c.any.length === 0) return 1;
    let r: Tri = 0;
    for (const x of c.any) {
      const v = tri(x, assign);
      if (v === 1) return 1;
      if (v === 2) r = 2;
    }
    return r;
  }
  if ("not" in c) {
    const v = tri(c.not, assign);
    return v === 2 ? 2 : v === 1 ? 0 : 1;
  }
  if (!assign.has(c.fact) || c.path || (typeof c.value === "object" && c.value !== null && !Array.isArray(c.value))) return 2;
  const a = assign.get(c.fact);
  switch (c.operator) {
    case "equal":
      return a === c.value ? 1 : 0;
    case "notEqual":
      return a !== c.value ? 1 : 0;
    case "in":
      return Array.isArray(c.value) && c.value.includes(a) ? 1 : 0;
    case "notIn":
      return Array.isArray(c.value) && !c.value.includes(a) ? 1 : 0;
    default:
      return 2;
  }
}

/** The rules that apply in a bucket whose candidates are all decided true, or null (test them). */
function decide(table: CompiledTable, rules: readonly CompiledRule[], verdicts: readonly Tri[]): readonly CompiledRule[] | null {
  if (rules.some((r) => r.effective !== undefined)) return null; // depends on asOf
  if (table.hitPolicy === "first") return verdicts[0] === 1 ? Object.freeze([rules[0]!]) : rules.length === 0 ? Object.freeze([]) : null;
  if (verdicts.some((v) => v !== 1)) return null;
  // Two certain matches under `unique` is an error the rule-by-rule path reports.
  if (table.hitPolicy === "unique" && rules.length > 1) return null;
  return rules;
}

/**
 * Builds the index, or returns null when the table has no small enum key space. `reads`: the facts
 * the table's conditions read; `slots`: each fact's slot in the fact checker's positions.
 */
export function buildTableIndex(table: CompiledTable, facts: Readonly<Record<string, FactDoc>>, reads: ReadonlySet<string>, slots: ReadonlyMap<string, number>): TableIndex | null {
  const keyFacts = [...reads].filter((n) => facts[n]?.type === "enum" || facts[n]?.type === "boolean");
  if (keyFacts.length === 0) return null;
  const domains = keyFacts.map((n) => factDomain(facts[n]!)!);
  const total = domains.reduce((a, d) => a * d.length, 1);
  if (total > MAX_BUCKETS) return null;
  const buckets: Bucket[] = [];
  for (let k = 0; k < total; k++) {
    const assign = new Map<string, unknown>();
    let rest = k;
    for (let i = keyFacts.length - 1; i >= 0; i--) {
      const d = domains[i]!;
      assign.set(keyFacts[i]!, d[rest % d.length]);
      rest = Math.floor(rest / d.length);
    }
    const verdicts = table.rules.map((r, ri) => (table.doc.rules[ri]!.when ? tri(table.doc.rules[ri]!.when!, assign) : 1));
    const rules = table.rules.filter((_, ri) => verdicts[ri] !== 0);
    buckets.push(Object.freeze({ rules: Object.freeze(rules), fired: decide(table, rules, verdicts.filter((v) => v !== 0)) }));
  }
  // Facts read but not part of the key: each must still be present for the index to be used.
  const otherReads = [...reads].filter((n) => !keyFacts.includes(n) && facts[n]?.default === undefined).map((n) => slots.get(n)!);
  const keyList = keyFacts.map((n, i) => {
    const def = facts[n]!.default;
    return { slot: slots.get(n)!, size: domains[i]!.length, def: def === undefined ? -1 : domains[i]!.indexOf(def) };
  });
  const lookup = (positions: readonly number[]): Bucket | null => {
    for (let i = 0; i < otherReads.length; i++) if (positions[otherReads[i]!]! < 0) return null;
    let key = 0;
    for (let i = 0; i < keyList.length; i++) {
      const k = keyList[i]!;
      let j = positions[k.slot]!;
      if (j < 0) {
        if (k.def < 0) return null;
        j = k.def;
      }
      key = key * k.size + j;
    }
    return buckets[key]!;
  };
  return { lookup };
}

/**
 * Whether the table's answer is decided without the facts that are absent: every rule in force has
 * a condition that the present enum and boolean facts (`key`: those the table reads) already make
 * true or false (兴化 二(二): a 重大城建项目 is a focus project whatever its amount, so a missing
 * amount does not matter). Rules read their conditions lazily, so such a table can be run; a fact
 * still needed fails as FACT_MISSING.
 */
function decidedWithout(table: CompiledTable, key: readonly string[], facts: Readonly<Record<string, unknown>>, docs: Readonly<Record<string, FactDoc>>, asOf: string, inForce: (e: CompiledRule["effective"], asOf: string) => boolean): boolean {
  const assign = new Map<string, unknown>();
  for (const name of key) {
    const v = Object.prototype.hasOwnProperty.call(facts, name) && facts[name] !== undefined ? facts[name] : docs[name]!.default;
    if (v !== undefined) assign.set(name, v);
  }
  return table.rules.every((r, ri) => !inForce(r.effective, asOf) || !table.doc.rules[ri]!.when || tri(table.doc.rules[ri]!.when!, assign) !== 2);
}

/**
 * `decidedWithout` made ready at load time. Null when it can never hold (no values of the table's
 * enum and boolean facts decide every rule while a needed fact is absent): then the absence alone
 * decides, and evaluation skips the check. Otherwise, for tables whose rules have no dates of their
 * own, a lookup over those facts' positions (each value, or absent); with dates, or past
 * MAX_BUCKETS combinations, the check itself.
 */
export function buildDecideWithout(table: CompiledTable, facts: Readonly<Record<string, FactDoc>>, reads: ReadonlySet<string>, slots: ReadonlyMap<string, number>, inForce: (e: CompiledRule["effective"], asOf: string) => boolean): DecideWithout | null {
  const key = [...reads].filter((n) => facts[n]?.type === "enum" || facts[n]?.type === "boolean");
  const dynamic: DecideWithout = (_p, given, asOf) => decidedWithout(table, key, given, facts, asOf, inForce);
  const domains = key.map((n) => factDomain(facts[n]!)!);
  // Per key fact: its values, then "absent" when it has no default (a default stands in for absence).
  const sizes = key.map((n, i) => domains[i]!.length + (facts[n]!.default === undefined ? 1 : 0));
  const total = sizes.reduce((a, c) => a * c, 1);
  if (total > MAX_BUCKETS) return dynamic;
  const dated = table.rules.some((r) => r.effective !== undefined);
  const otherNeeded = [...reads].some((n) => !key.includes(n) && facts[n]?.default === undefined);
  const decided = new Uint8Array(total);
  let ever = false;
  for (let k = 0; k < total; k++) {
    const assign = new Map<string, unknown>();
    let rest = k;
    let someAbsent = otherNeeded;
    for (let i = key.length - 1; i >= 0; i--) {
      const j = rest % sizes[i]!;
      rest = Math.floor(rest / sizes[i]!);
      if (j < domains[i]!.length) assign.set(key[i]!, domains[i]![j]);
      else someAbsent = true;
    }
    // Dated rules may be out of force: counted as decided here, so "never" stays exact.
    const ok = table.rules.every((r, ri) => (dated && r.effective !== undefined) || !table.doc.rules[ri]!.when || tri(table.doc.rules[ri]!.when!, assign) !== 2);
    if (ok) decided[k] = 1;
    if (ok && someAbsent) ever = true;
  }
  if (!ever) return null;
  if (dated) return dynamic;
  const keyList = key.map((n, i) => {
    const def = facts[n]!.default;
    return { slot: slots.get(n)!, size: sizes[i]!, absent: def === undefined ? domains[i]!.length : domains[i]!.indexOf(def) };
  });
  return (positions) => {
    let k = 0;
    for (let i = 0; i < keyList.length; i++) {
      const e = keyList[i]!;
      const j = positions[e.slot]!;
      k = k * e.size + (j < 0 ? e.absent : j);
    }
    return decided[k] === 1;
  };
}
