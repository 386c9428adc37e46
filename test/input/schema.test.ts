// The per-pack schemas: valid JSON Schema 2020-12, only the keywords the input check understands,
// the same through the CLI, and every result of the packs' own test cases valid against resultSchema.
import { execFileSync } from "node:child_process";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as formatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { evaluate, inputSchema, loadPack, resultSchema, YingshangError, type CaseInput, type Pack } from "../../src/index.js";
import { SUPPORTED } from "../../src/engine/compile/case-check.js";

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"] as const;
type Name = (typeof PACKS)[number];
interface TestCase {
  pack: Name;
  name: string;
  asOf: string;
  input: Record<string, unknown>;
}
const { listCases } = (await import("../reliability/cases.mjs" as string)) as { listCases: () => TestCase[] };
const packs = Object.fromEntries(PACKS.map((p) => [p, loadPack(p)])) as Record<(typeof PACKS)[number], Pack>;

function ajv(): Ajv2020 {
  const a = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
  const m = formatsModule as unknown as { default?: (a: Ajv2020) => Ajv2020 };
  (m.default ?? (formatsModule as unknown as (a: Ajv2020) => Ajv2020))(a);
  return a;
}

/** Every keyword used anywhere in a schema (keys of `properties`/`$defs` are names, not keywords). */
function keywords(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywords(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      out.add(k);
      if (k === "properties" || k === "$defs") Object.values(v as object).forEach((n) => keywords(n, out));
      else if (k !== "enum" && k !== "const" && k !== "default" && k !== "required") keywords(v, out);
    }
  }
  return out;
}

describe.each(PACKS)("schemas of %s", (name) => {
  const pack = packs[name];
  it("the input schema is valid JSON Schema 2020-12 (ajv strict) and uses only the keywords the input check compiles", () => {
    const s = inputSchema(pack);
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => ajv().compile(s)).not.toThrow();
    expect([...keywords(s)].filter((k) => !SUPPORTED.has(k))).toEqual([]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(inputSchema(pack)).toBe(s); // made once per pack
  });

  it("the result schema is valid JSON Schema 2020-12 (ajv strict)", () => {
    expect(() => ajv().compile(resultSchema(pack))).not.toThrow();
    expect(resultSchema(pack)).toBe(resultSchema(pack));
  });

  it("lists the pack's own facts, deadlines, ladders and scorecards", () => {
    const p = (inputSchema(pack) as { properties: Record<string, { properties?: Record<string, unknown> }> }).properties;
    expect(Object.keys(p.facts!.properties!)).toEqual(Object.keys(pack.facts));
    expect(Object.keys(p.history!.properties!)).toEqual([...new Set(pack.docs.ladders.map((l) => l.id))]);
    expect(Object.keys(p.scoring!.properties!)).toEqual([...new Set(pack.docs.scorecards.map((l) => l.id))]);
    const periodic = [...new Set(pack.docs.deadlines.filter((d) => !d.schedule).map((d) => d.id))];
    expect(Object.keys(p.events!.properties!)).toEqual(periodic);
  });

  it("`yingshang schema` prints the same schemas", () => {
    const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ["dist/cli.js", "schema", name, ...args], { encoding: "utf8" })) as unknown;
    expect(run("--json")).toEqual(inputSchema(pack));
    expect(run("--result")).toEqual(resultSchema(pack));
  });
});

describe("results against resultSchema", () => {
  // Each pack test turned into a whole case for evaluate: the part it is about, with its input.
  const cases = listCases().flatMap((c) => {
    const i = c.input;
    const base: CaseInput = { asOf: c.asOf, ...(i.facts !== undefined ? { facts: i.facts as Record<string, unknown> } : {}), ...(i.now !== undefined ? { now: i.now as string } : {}) };
    if (i.assign !== undefined) return [[c.pack, c.name, base] as const];
    if (i.deadline !== undefined && i.events !== undefined) return [[c.pack, c.name, { ...base, events: { [i.deadline as string]: i.events } } as CaseInput] as const];
    if (i.escalate !== undefined) return [[c.pack, c.name, { ...base, history: { [i.escalate as string]: i.history } } as CaseInput] as const];
    if (i.score !== undefined) return [[c.pack, c.name, { ...base, scoring: { [i.score as string]: { incidents: i.incidents, survey: i.survey } } } as CaseInput] as const];
    return [];
  });

  it("covers most of the packs' tests", () => expect(cases.length).toBeGreaterThan(180));

  it("every evaluated case (traced and not) matches its pack's result schema, part errors included", () => {
    const validators = Object.fromEntries(PACKS.map((p) => [p, ajv().compile(resultSchema(packs[p]))]));
    let checked = 0;
    let partErrors = 0;
    for (const [p, name, input] of cases) {
      for (const trace of [true, false]) {
        let r;
        try {
          r = evaluate(packs[p], JSON.parse(JSON.stringify(input)) as CaseInput, { trace });
        } catch (e) {
          if (e instanceof YingshangError) continue; // a refused case has no result
          throw e;
        }
        const json = JSON.parse(JSON.stringify(r)) as unknown;
        const ok = validators[p]!(json);
        expect(ok, `${p} ${name}: ${JSON.stringify(validators[p]!.errors?.slice(0, 3))}`).toBe(true);
        checked++;
        partErrors += [...Object.values(r.deadlines), ...Object.values(r.escalation), ...Object.values(r.scores)].filter((x) => x.kind === "error").length;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(partErrors).toBeGreaterThan(0);
  });
});
