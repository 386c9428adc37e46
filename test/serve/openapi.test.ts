// The schemas the service publishes: `GET /v1/packs/{pack}/schema` is the library's inputSchema and
// resultSchema; `GET /v1/openapi.json` is a valid OpenAPI 3.1 document (checked by
// @readme/openapi-parser) whose per-pack components are those same schemas; and the server refuses
// exactly the bodies the published input schema refuses (one source of truth: the library's check is
// compiled from that schema, fastify validates nothing of its own).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as formatsModule from "ajv-formats";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inputSchema, loadPack, resultSchema, type Pack } from "../../src/index.js";
import { buildServer } from "../../src/serve/server.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
type Json = Record<string, any>;

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"] as const;
type Name = (typeof PACKS)[number];
const packs = Object.fromEntries(PACKS.map((p) => [p, loadPack(p)])) as Record<Name, Pack>;
const { listCases } = (await import("../reliability/cases.mjs" as string)) as { listCases: () => { pack: Name; asOf: string; input: Json }[] };

let app: FastifyInstance;
let base = "";
let doc: Json;

beforeAll(async () => {
  app = await buildServer({ logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const a = app.server.address();
  if (a === null || typeof a === "string") throw new TypeError("no address");
  base = `http://127.0.0.1:${a.port}`;
  doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as Json;
});
afterAll(() => app.close());

async function post(path: string, body: unknown) {
  const r = await fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Json };
}

function ajv(): Ajv2020 {
  // strict off: the root here is an OpenAPI document, whose own keys are not JSON Schema keywords.
  const a = new Ajv2020({ allErrors: true, strict: false });
  const m = formatsModule as unknown as { default?: (a: Ajv2020) => Ajv2020 };
  (m.default ?? (formatsModule as unknown as (a: Ajv2020) => Ajv2020))(a);
  return a;
}

/** Undoes the embedding by hand: `${name}_${def}` components back into `$defs`, their references back to `#/$defs/…`. */
function unembed(components: Json, name: string): Json {
  const prefix = `${name}_`;
  const back = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(back);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace(`#/components/schemas/${prefix}`, "#/$defs/") : k === "const" || k === "enum" || k === "default" ? x : back(x)]));
  };
  const defs = Object.fromEntries(Object.keys(components).filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), back(components[k])]));
  return { ...(back(components[name]) as Json), $defs: defs };
}

const withoutIds = (s: Json): Json => {
  const { $id: _id, $schema: _draft, ...rest } = s;
  return rest;
};

describe("published schemas", () => {
  it.each(PACKS)("GET /v1/packs/%s/schema is inputSchema(pack) and resultSchema(pack)", async (p) => {
    const r = await fetch(`${base}/v1/packs/${p}/schema`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Json;
    expect(body).toEqual({ pack: p, hash: packs[p].hash, input: JSON.parse(JSON.stringify(inputSchema(packs[p]))), result: JSON.parse(JSON.stringify(resultSchema(packs[p]))) });
  });

  it("GET /v1/openapi.json is valid OpenAPI 3.1, with every reference resolvable", async () => {
    const { validate, dereference } = await import("@readme/openapi-parser");
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(doc.openapi).toBe("3.1.0");
    // Dereferencing fails on a reference to nowhere (e.g. a `#/$defs/…` left inside an embedded schema).
    await expect(dereference(structuredClone(doc) as Parameters<typeof dereference>[0])).resolves.toBeTruthy();
  });

  it.each(PACKS)("the OpenAPI components of %s are the library's schemas, embedded", (p) => {
    const c = doc.components.schemas as Json;
    expect(unembed(c, `${p}_Input`)).toEqual(withoutIds(JSON.parse(JSON.stringify(inputSchema(packs[p]))) as Json));
    expect(unembed(c, `${p}_Result`)).toEqual(withoutIds(JSON.parse(JSON.stringify(resultSchema(packs[p]))) as Json));
    const ev = doc.paths[`/v1/packs/${p}/evaluate`].post;
    expect(ev.requestBody.content["application/json"].schema).toEqual({ $ref: `#/components/schemas/${p}_Input` });
    expect(ev.responses["200"].content["application/json"].schema).toEqual({ $ref: `#/components/schemas/${p}_Result` });
    for (const status of ["400", "404", "413"]) expect(ev.responses[status].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
  });
});

describe("one source of truth for input", () => {
  // Each pack's own test cases, as whole cases (the part each test is about, with its input).
  const cases = listCases().flatMap((c): [Name, Json][] => {
    const i = c.input;
    const b: Json = { asOf: c.asOf, ...(i.facts !== undefined ? { facts: i.facts } : {}) };
    if (i.assign !== undefined) return [[c.pack, b]];
    if (i.deadline !== undefined && i.events !== undefined) return [[c.pack, { ...b, events: { [i.deadline]: i.events } }]];
    if (i.escalate !== undefined) return [[c.pack, { ...b, history: { [i.escalate]: i.history } }]];
    return [];
  });

  /** The validators of the document's own components (the document is the schema root, so its references resolve). */
  const validators = (): { input: (p: Name) => ValidateFunction; result: (p: Name) => ValidateFunction; error: ValidateFunction } => {
    const a = ajv();
    a.addSchema({ $id: "urn:yingshang:openapi", components: doc.components as unknown }, "doc");
    const get = (n: string) => a.getSchema(`urn:yingshang:openapi#/components/schemas/${n}`)!;
    return { input: (p) => get(`${p}_Input`), result: (p) => get(`${p}_Result`), error: get("Error") };
  };

  // A case with one thing changed: a value set (or a key added) somewhere a client could get it wrong.
  const factNames = (p: Name) => Object.keys(packs[p].facts);
  const values = fc.oneof(
    fc.constantFrom<unknown>("2026-02-30", "2026-09-18", "2026-09-18T09:30:00+08:00", "complex", "construction", "county", "", 0, 1, -1, 2.5, true, null, [], {}),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const mutation = fc.record({
    at: fc.nat(),
    where: fc.constantFrom("fact", "top", "events", "history", "nothing"),
    key: fc.oneof(fc.constantFrom("asOf", "id", "now", "facts", "events", "history", "scoring", "received", "completed", "pauses", "rung", "outcome"), fc.string({ maxLength: 6 })),
    factAt: fc.nat(),
    value: values,
  });

  function mutate(c: Json, p: Name, m: { at: number; where: string; key: string; factAt: number; value: unknown }): Json {
    const x = structuredClone(c);
    if (m.where === "fact") {
      const names = factNames(p);
      x.facts = { ...(x.facts ?? {}), [names[m.factAt % names.length]!]: m.value };
    } else if (m.where === "top") x[m.key] = m.value;
    else if (m.where === "events" && x.events) {
      const id = Object.keys(x.events)[0]!;
      x.events[id] = { ...x.events[id], [m.key]: m.value };
    } else if (m.where === "history" && x.history) {
      const id = Object.keys(x.history)[0]!;
      x.history[id] = [{ ...x.history[id][0], [m.key]: m.value }, ...x.history[id].slice(1)];
    }
    return x;
  }

  // A schema says what a case may hold; that the pack is in force on `asOf` and the calendar covers
  // the dates is the rules' business, not the shape's. A case the schema admits is answered, or
  // refused for those reasons alone.
  const BEYOND_SHAPE = new Set(["PACK_NOT_IN_FORCE", "DATE_OUT_OF_RANGE"]);
  let beyondShape = 0;
  const answer = (r: { status: number; json: Json }, body: Json): number => {
    if (r.status !== 400) return r.status;
    const codes = (r.json.error.problems as Json[]).map((q) => q.code as string);
    expect([codes, body]).toEqual([codes.filter((c) => BEYOND_SHAPE.has(c)), body]);
    beyondShape++;
    return 200;
  };

  it("has cases from every pack", () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(new Set(cases.map(([p]) => p))).toEqual(new Set(PACKS));
  });

  it("POST evaluate refuses (400) exactly the bodies the published input schema refuses; answers match the published result and error schemas", async () => {
    const v = validators();
    let refused = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const [p, c] = cases[m.at % cases.length]!;
        const body = mutate(c, p, m);
        const schemaOk = v.input(p)(body);
        const r = await post(`/v1/packs/${p}/evaluate?trace=false`, body);
        expect([r.status, body], JSON.stringify(v.input(p).errors?.slice(0, 2))).toEqual([schemaOk ? expect.any(Number) : 400, body]);
        if (schemaOk) expect(answer(r, body)).toBe(200);
        if (r.status === 200) {
          answered++;
          expect(v.result(p)(r.json), JSON.stringify(v.result(p).errors?.slice(0, 2))).toBe(true);
        } else {
          refused++;
          expect(v.error(r.json), JSON.stringify(v.error.errors?.slice(0, 2))).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20261202 },
    );
    // Both sides were exercised.
    expect(refused).toBeGreaterThan(40);
    expect(answered).toBeGreaterThan(40);
  });

  it("and on every pack's own cases, unchanged", async () => {
    const v = validators();
    let ok = 0;
    for (const [p, c] of cases) {
      const schemaOk = v.input(p)(c);
      const r = await post(`/v1/packs/${p}/evaluate?trace=false`, c);
      expect([schemaOk ? answer(r, c) : r.status, c]).toEqual([schemaOk ? 200 : 400, c]);
      if (schemaOk) ok++;
    }
    expect(ok).toBeGreaterThan(150);
    expect(beyondShape).toBeGreaterThan(0); // the packs' own tests of a day before a policy was in force
  });
});
