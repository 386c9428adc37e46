/**
 * Generates facts that exercise a set of conditions: every enum value, both booleans, each number
 * threshold and its neighbours, every date boundary. Used to prove a table gives exactly one lead
 * unit, to compare against json-rules-engine, and to build populations for `diff`.
 */
import type { Condition, FactDoc, UnitDoc } from "./pack-types.js";

/** Candidate values of each fact, from its declaration and the constants that conditions compare it to. */
export function candidateValues(facts: Readonly<Record<string, FactDoc>>, conditions: readonly (Condition | undefined)[], units: ReadonlyMap<string, UnitDoc>): Map<string, unknown[]> {
  const constants = new Map<string, unknown[]>();
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else {
      const list = constants.get(c.fact) ?? [];
      if (Array.isArray(c.value)) list.push(...c.value);
      else if (typeof c.value !== "object" || c.value === null) list.push(c.value);
      constants.set(c.fact, list);
    }
  };
  conditions.forEach(visit);
  const out = new Map<string, unknown[]>();
  for (const [name, doc] of Object.entries(facts)) {
    const seen = constants.get(name) ?? [];
    let vals: unknown[];
    switch (doc.type) {
      case "enum":
        vals = [...(doc.values ?? [])];
        break;
      case "boolean":
        vals = [false, true];
        break;
      case "number": {
        const nums = new Set<number>([0]);
        for (const v of seen) if (typeof v === "number") [v - 1, v, v + 1].forEach((x) => nums.add(x));
        vals = [...nums].filter((x) => (doc.min === undefined || x >= doc.min) && (doc.max === undefined || x <= doc.max)).sort((a, b) => a - b);
        break;
      }
      case "date": {
        const ds = new Set<string>(["2024-06-30"]);
        for (const v of seen) if (typeof v === "string") [shift(v, -1), v].forEach((x) => ds.add(x));
        vals = [...ds].sort();
        break;
      }
      case "unit": {
        const kinds = doc.kinds ? new Set(doc.kinds) : null;
        vals = [...units.values()].filter((u) => !kinds || kinds.has(u.kind)).map((u) => u.id).slice(0, 4);
        break;
      }
      case "list":
        vals = [[], [...new Set(seen.filter((x) => typeof x === "string"))]];
        break;
      case "string":
        vals = [...new Set([...seen.filter((x) => typeof x === "string"), "其他"])];
        break;
      default:
        vals = [{}];
    }
    if (vals.length) out.set(name, vals);
  }
  return out;
}

function shift(date: string, days: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Every combination of the candidate values of `names` when there are at most `limit`, otherwise
 * `limit` combinations chosen by a fixed-seed generator (so checks are reproducible).
 */
export function* factCombinations(cands: ReadonlyMap<string, unknown[]>, names: readonly string[], limit: number): Generator<Record<string, unknown>> {
  const lists = names.map((n) => cands.get(n) ?? []).filter((l) => l.length > 0);
  const used = names.filter((n) => (cands.get(n) ?? []).length > 0);
  let total = 1;
  for (const l of lists) total *= l.length;
  if (total <= limit) {
    const idx = new Array(lists.length).fill(0);
    for (let k = 0; k < total; k++) {
      const f: Record<string, unknown> = {};
      used.forEach((n, i) => (f[n] = lists[i]![idx[i]]));
      yield f;
      for (let i = 0; i < idx.length; i++) {
        if (++idx[i] < lists[i]!.length) break;
        idx[i] = 0;
      }
    }
    return;
  }
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  for (let k = 0; k < limit; k++) {
    const f: Record<string, unknown> = {};
    used.forEach((n, i) => (f[n] = lists[i]![Math.floor(next() * lists[i]!.length)]));
    yield f;
  }
}
