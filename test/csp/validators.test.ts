// The schema validators are generated at build time (scripts/gen-validators.mjs), so that nothing
// compiles code at run time. These tests keep them honest: the committed files are what the script
// makes from schema/ today, they hold no code generation and import nothing, and on any input they
// report exactly the errors ajv's own compiled validators report (the loaders' messages are made
// from those errors, so the messages stay the same).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import * as formatsModule from "ajv-formats";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import * as packValidators from "../../src/engine/read/pack-validators.gen.js";
import { PACK_FILES } from "../../src/engine/read/read-pack.js";
import { calendar as calendarValidator, type SchemaError } from "../../src/calendar/impl/calendar-validator.gen.js";

const root = resolve(__dirname, "..", "..");
const schema = (name: string) => JSON.parse(readFileSync(join(root, "schema", `${name}.schema.json`), "utf8")) as { $id: string };
const GENERATED = ["src/engine/read/pack-validators.gen.js", "src/calendar/impl/calendar-validator.gen.js"];
const PACKS = ["yingkou", "xinghua", "zibo", "suqian"];
// The schema of each pack file, as the reader checks them (tests/*.yaml: `tests`).
const FILE_SCHEMA: Record<string, keyof typeof packValidators> = PACK_FILES;

/** ajv compiling at run time, with the options the loaders used before the validators were generated. */
function runtimeAjv(): { pack: Map<string, ValidateFunction>; calendar: ValidateFunction } {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  const m = formatsModule as unknown as { default?: (a: Ajv) => Ajv };
  (m.default ?? (formatsModule as unknown as (a: Ajv) => Ajv))(ajv);
  ajv.addSchema(schema("defs"));
  const pack = new Map<string, ValidateFunction>();
  for (const n of ["pack", "units", "facts", "assignment", "deadlines", "escalation", "scoring", "duties", "tests", "staffing", "roster"]) pack.set(n, ajv.compile(schema(n)));
  return { pack, calendar: new Ajv({ allErrors: true, strict: true }).compile(schema("calendar")) };
}

/** What the loaders read of an error (the schema path differs: the generated code calls refs as functions). */
function seen(errors: readonly (ErrorObject | SchemaError)[] | null | undefined): unknown[] {
  return (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, params: e.params, message: e.message, data: "data" in e ? e.data : undefined, parentSchema: "parentSchema" in e ? e.parentSchema : undefined }));
}

/** Every file of the bundled packs, parsed: [schema name, data]. */
function packDocs(): [keyof typeof packValidators, unknown][] {
  const out: [keyof typeof packValidators, unknown][] = [];
  for (const p of PACKS) {
    const dir = join(root, "policies", p);
    for (const f of readdirSync(dir)) if (FILE_SCHEMA[f]) out.push([FILE_SCHEMA[f], parse(readFileSync(join(dir, f), "utf8"))]);
    for (const f of readdirSync(join(dir, "tests")).filter((n) => n.endsWith(".yaml"))) out.push(["tests", parse(readFileSync(join(dir, "tests", f), "utf8"))]);
  }
  return out;
}

/** The paths of every value in a JSON tree. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** A copy of `doc` with the value at `path` replaced (or removed, or given an extra key). */
function mutate(doc: unknown, path: (string | number)[], how: { kind: "set"; value: unknown } | { kind: "delete" } | { kind: "extra"; key: string }): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return how.kind === "set" ? how.value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how.kind === "set") parent[last] = how.value;
  else if (how.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) (target as Record<string, unknown>)[how.key] = 1;
  }
  return copy;
}

// Values that reach each helper of the generated code: dates (real and not: 02-29, 13, 00),
// strings counted in code points (emoji, lone surrogates), repeated list items (uniqueItems).
const value = fc.oneof(
  fc.stringMatching(/^\d{4}-(0\d|1[0-3])-(0\d|[1-3]\d)$/),
  fc.constantFrom("2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "2026-04-31", "2026-4-1"),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
  fc.constantFrom("", "a", "😀", "\ud800", "x".repeat(81), "city-commerce", "Bad_Id"),
  fc.integer({ min: -3, max: 100 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom("a", "b", 1, { x: 1 }), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom("zh", "en", "from", "id", "x"), fc.constantFrom("2026-01-01", "甲", 3), { maxKeys: 3 }),
);

describe("the generated schema validators", () => {
  it("are what scripts/gen-validators.mjs makes from schema/ today", () => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "gen-validators.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("generate no code, import nothing and load nothing at run time", () => {
    for (const f of GENERATED) {
      const text = readFileSync(join(root, f), "utf8");
      expect(text).not.toMatch(/new Function|\bFunction\(|\beval\(/);
      expect(text).not.toMatch(/^\s*import\s/m);
      expect(text).not.toMatch(/\brequire\(/);
    }
  });

  it("accept every file of the bundled packs and the bundled calendar, as ajv does", () => {
    for (const [name, doc] of packDocs()) expect([name, packValidators[name](doc), seen(packValidators[name].errors)]).toEqual([name, true, []]);
    expect(calendarValidator(parse(readFileSync(join(root, "calendars", "cn-mainland.yaml"), "utf8")))).toBe(true);
  });

  it("report the same errors as ajv's run-time compilation on mutated pack files", () => {
    const ajv = runtimeAjv();
    const docs = packDocs().map(([name, doc]) => ({ name, doc, paths: paths(doc) }));
    const how = fc.oneof(
      value.map((v) => ({ kind: "set" as const, value: v })),
      fc.constant({ kind: "delete" as const }),
      fc.constantFrom("note", "zh", "workingDay", "sourcee", "x").map((key) => ({ kind: "extra" as const, key })),
    );
    const input = fc
      .nat({ max: docs.length - 1 })
      .chain((i) => fc.tuple(fc.constant(docs[i]!), fc.nat({ max: docs[i]!.paths.length - 1 }), fc.array(how, { minLength: 1, maxLength: 3 })));
    let failing = 0;
    fc.assert(
      fc.property(input, ([d, p, changes]) => {
        let doc = d.doc;
        for (const c of changes) doc = mutate(doc, d.paths[p]!, c);
        const runtime = ajv.pack.get(d.name)!;
        const generated = packValidators[d.name];
        const ok = runtime(doc);
        expect(generated(doc)).toBe(ok);
        expect(seen(generated.errors)).toEqual(seen(runtime.errors));
        if (!ok) failing++;
      }),
      { numRuns: 400, seed: 20261201 },
    );
    // The comparison is about errors: at least a quarter of the mutated files must be broken.
    expect(failing).toBeGreaterThan(100);
  });

  it("report the same errors as ajv's run-time compilation on mutated calendar files", () => {
    const ajv = runtimeAjv();
    const base = parse(readFileSync(join(root, "calendars", "cn-mainland.yaml"), "utf8")) as { years: Record<string, unknown> };
    // Two years are enough to reach every part of the schema, and keep each run small.
    const doc = { ...base, years: { "2025": base.years["2025"], "2026": base.years["2026"] } };
    const all = paths(doc);
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), value, fc.boolean(), (p, v, del) => {
        const changed = mutate(doc, all[p]!, del ? { kind: "delete" } : { kind: "set", value: v });
        expect(calendarValidator(changed)).toBe(ajv.calendar(changed));
        expect(seen(calendarValidator.errors)).toEqual(seen(ajv.calendar.errors));
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
