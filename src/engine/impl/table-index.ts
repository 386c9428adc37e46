/**
 * A decision index for a table: for every combination of the enum and boolean facts its rules
 * compare, the rules that can still match (found at load time by three-valued partial evaluation).
 * Evaluation then tests only those candidates, so a 9-rule table costs about one rule.
 *
 * Used only when tracing is off (a trace must show every rule) and when every fact the table reads
 * is present, so answers and errors are exactly those of the rule-by-rule loop.
 */
import type { Condition, FactDoc } from "../pack-types.js";
import type { CompiledRule, CompiledTable } from "./compile-tables.js";

const MAX_BUCKETS = 4096;

type Tri = 0 | 1 | 2; // false, true, unknown

export interface TableIndex {
  /**
   * The candidate rules for these facts, in table order, or null when the index cannot be used (a
   * fact absent). Its tables are plain Maps held in the closure: fast, and unreachable from outside.
   */
  readonly lookup: (f: Readonly<Record<string, unknown>>) => readonly CompiledRule[] | null;
}

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

function collect(c: Condition | undefined, out: Set<string>): void {
  if (!c) return;
  if ("all" in c) c.all.forEach((x) => collect(x, out));
  else if ("any" in c) c.any.forEach((x) => collect(x, out));
  else if ("not" in c) collect(c.not, out);
  else {
    out.add(c.fact);
    if (typeof c.value === "object" && c.value !== null && !Array.isArray(c.value) && typeof (c.value as { fact?: unknown }).fact === "string") out.add((c.value as { fact: string }).fact);
  }
}

/** Builds the index, or returns null when the table has no small enum key space. */
export function buildTableIndex(table: CompiledTable, facts: Readonly<Record<string, FactDoc>>): TableIndex | null {
  const reads = new Set<string>();
  table.doc.rules.forEach((r) => collect(r.when, reads));
  const keyFacts = [...reads].filter((n) => facts[n]?.type === "enum" || facts[n]?.type === "boolean");
  if (keyFacts.length === 0) return null;
  const domains = keyFacts.map((n) => (facts[n]!.type === "boolean" ? [false, true] : [...facts[n]!.values!]));
  const total = domains.reduce((a, d) => a * d.length, 1);
  if (total > MAX_BUCKETS) return null;
  const buckets: CompiledRule[][] = [];
  for (let k = 0; k < total; k++) {
    const assign = new Map<string, unknown>();
    let rest = k;
    for (let i = keyFacts.length - 1; i >= 0; i--) {
      const d = domains[i]!;
      assign.set(keyFacts[i]!, d[rest % d.length]);
      rest = Math.floor(rest / d.length);
    }
    buckets.push(table.rules.filter((r, ri) => !table.doc.rules[ri]!.when || tri(table.doc.rules[ri]!.when!, assign) !== 0));
  }
  const readList = [...reads].filter((n) => facts[n]?.default === undefined);
  const keyList = keyFacts.map((n, i) => ({ name: n, values: new Map<unknown, number>(domains[i]!.map((v, j) => [v, j] as const)), def: facts[n]!.default }));
  const lookup = (f: Readonly<Record<string, unknown>>): readonly CompiledRule[] | null => {
    for (let i = 0; i < readList.length; i++) if (f[readList[i]!] === undefined) return null;
    let key = 0;
    for (let i = 0; i < keyList.length; i++) {
      const k = keyList[i]!;
      let v = f[k.name];
      if (v === undefined) v = k.def;
      const j = k.values.get(v);
      if (j === undefined) return null;
      key = key * k.values.size + j;
    }
    return buckets[key]!;
  };
  return { lookup };
}
