// Values that are also the names of what every object inherits (`constructor`, `toString`,
// `__proto__`), used where a value becomes a key: an enum value looked up in `valuesZh`, a CSV cell
// looked up among the Chinese names. The object fuzz found one: an enum value `__proto__` made the
// input schema hold Object.prototype, and freezing the schema froze it for the whole process.
import { describe, expect, it } from "vitest";
import { compilePack, evaluate, explain, inputSchema, YingshangError } from "../../src/index.js";
import { caseOf, planColumns } from "../../src/cli/batch/csv.js";
import { bundledFiles } from "./helpers.js";

const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype, Object, Function];
const HOSTILE = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

/** Suqian with the enum fact `severity` given the hostile values too (a key `constructor` in valuesZh is refused by the YAML reader, so they have no Chinese names). */
function hostilePack(values: readonly string[]) {
  const files = { ...bundledFiles("suqian") };
  const before = "values: [ general, major ]\n    valuesZh: { general: 一般问题, major: 重大问题 }";
  expect(files["facts.yaml"]).toContain(before);
  files["facts.yaml"] = files["facts.yaml"]!.replace(before, `values: [ general, major, ${values.map((v) => `"${v}"`).join(", ")} ]\n    valuesZh: { general: 一般问题, major: 重大问题 }`);
  return files;
}

describe("values named like inherited properties", () => {
  it("a pack whose enum values are constructor, toString, __proto__… loads or is refused with a typed error, and no built-in is frozen", () => {
    let outcome: unknown;
    try {
      outcome = compilePack(hostilePack(HOSTILE), { folder: "suqian" });
    } catch (e) {
      outcome = e;
    }
    expect(outcome instanceof YingshangError || (typeof outcome === "object" && outcome !== null && "id" in outcome)).toBe(true);
    for (const b of BUILT_INS) expect(Object.isExtensible(b)).toBe(true);
  });

  it("an enum value `constructor` is a value like any other: its schema title, its explanation and a CSV cell are the pack's words, not a built-in", () => {
    const pack = compilePack(hostilePack(["constructor", "toString"]), { folder: "suqian" });
    const facts = (inputSchema(pack) as unknown as { properties: { facts: { properties: Record<string, { oneOf?: { const: string; title?: unknown }[] }> } } }).properties.facts.properties;
    const titles = Object.fromEntries((facts.severity!.oneOf ?? []).map((o) => [o.const, o.title]));
    // valuesZh names general and major only.
    expect(titles).toEqual({ general: "一般问题", major: "重大问题", constructor: undefined, toString: undefined });
    const r = evaluate(pack, { asOf: "2026-09-18", facts: { issueKind: "general", severity: "toString" } });
    expect(explain(pack, r).text).not.toMatch(/function|native code/);
    // A CSV cell `toString` in that column stays the text toString (for the fact check), not a function.
    const plan = planColumns(pack, ["severity"], {}, []);
    expect(caseOf(plan, ["toString"])).toEqual({ facts: { severity: "toString" } });
    expect(caseOf(plan, ["constructor"])).toEqual({ facts: { severity: "constructor" } });
    expect(caseOf(plan, ["重大问题"])).toEqual({ facts: { severity: "major" } });
    for (const b of BUILT_INS) expect(Object.isExtensible(b)).toBe(true);
  });
});
