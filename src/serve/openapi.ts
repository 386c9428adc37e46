/**
 * The OpenAPI 3.1 document of a server, generated from the packs it serves: one set of paths per
 * pack, whose request and response bodies are that pack's case-input and result schemas (JSON Schema
 * 2020-12, which OpenAPI 3.1 takes as it is). Clients in Java or .NET are generated from it.
 */
import type { Pack } from "../core.js";
import { embedSchema, packSchemas } from "./schemas.js";

type Json = Record<string, unknown>;

// The problem objects of a 400/404/413, as `YingshangError.toJSON()` writes them (the CLI's `--json`).
const problemSchema: Json = {
  type: "object",
  additionalProperties: false,
  required: ["code", "message", "params"],
  properties: {
    code: { type: "string", description: "the problem code (ProblemCode), e.g. FACT_ENUM, PACK_UNKNOWN, LIMIT_EXCEEDED" },
    message: { type: "string", description: "a sentence naming the problem, the place and, where possible, the fix (did you mean …?)" },
    params: { type: "object", description: "the values the sentence is made of, by code" },
    path: { type: "string", description: "where in the body, query or URL, e.g. facts.issueKind" },
    file: { type: "string" },
    line: { type: "integer", minimum: 1 },
    col: { type: "integer", minimum: 1 },
  },
};
const errorSchema: Json = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: { error: { type: "object", additionalProperties: false, required: ["code", "problems"], properties: { code: { type: "string", description: "the first problem's code" }, problems: { type: "array", minItems: 1, items: { $ref: "#/components/schemas/Problem" } } } } },
};
const receiptSchema: Json = {
  type: "object",
  properties: { pack: { type: "string" }, version: { type: "string" }, hash: { type: "string" }, calendar: { type: "object", properties: { id: { type: "string" }, version: { type: "string" } } }, asOf: { type: "string", format: "date" } },
};

const errors = (extra: Record<string, string> = {}): Json =>
  Object.fromEntries(
    Object.entries({ "400": "Bad input: every problem, as the CLI's --json", "404": "Unknown pack or id", "413": "Body over the limit", ...extra }).map(([code, description]) => [code, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );

const receiptHeader: Json = { "yingshang-receipt": { description: "pack, version, hash, calendar and asOf of the answer", schema: { type: "string" } } };

const json = (schema: Json): Json => ({ "application/json": { schema } });

const traceParam: Json = { name: "trace", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] }, description: "include the trace (default true)" };

function anyObject(description: string): Json {
  return { type: "object", description };
}

/** The paths of one pack. */
function packPaths(pack: Pack, ref: (name: string) => Json): Record<string, Json> {
  const p = `/v1/packs/${pack.id}`;
  const tag = [pack.id];
  const paths: Record<string, Json> = {};
  const idParam = (name: string, ids: string[]): Json => ({ name, in: "path", required: true, schema: { type: "string", enum: ids } });
  paths[`${p}/evaluate`] = {
    post: {
      tags: tag,
      operationId: `${pack.id}Evaluate`,
      summary: `${pack.meta.name.zh}: evaluate a case (lead units, deadlines, escalation, scores)`,
      parameters: [traceParam],
      requestBody: { required: true, content: json(ref("Input")) },
      responses: { "200": { description: "the result, as `yingshang eval --json`", headers: receiptHeader, content: json(ref("Result")) }, ...errors() },
    },
  };
  paths[`${p}/explain`] = {
    post: {
      tags: tag,
      operationId: `${pack.id}Explain`,
      summary: `${pack.meta.name.zh}: the case's decisions explained, citing the clauses`,
      parameters: [{ name: "lang", in: "query", required: false, schema: { type: "string", enum: ["zh", "en"] } }],
      requestBody: { required: true, content: json(ref("Input")) },
      responses: { "200": { description: "text and sections", headers: receiptHeader, content: json({ type: "object", required: ["text", "sections", "receipt"], properties: { text: { type: "string" }, sections: { type: "array" }, receipt: { $ref: "#/components/schemas/Receipt" } } }) }, ...errors() },
    },
  };
  const part = (kind: string, param: string, ids: string[], body: Json, what: string) => {
    if (ids.length === 0) return;
    paths[`${p}/${kind}/{${param}}`] = {
      post: {
        tags: tag,
        operationId: `${pack.id}${kind[0]!.toUpperCase()}${kind.slice(1)}`,
        summary: `${pack.meta.name.zh}: ${what}`,
        parameters: [idParam(param, ids), traceParam],
        requestBody: { required: true, content: json(body) },
        responses: { "200": { description: what, headers: receiptHeader, content: json(anyObject(what)) }, ...errors() },
      },
    };
  };
  const asOf = { asOf: { type: "string", format: "date" } };
  // The facts and the events of one deadline are checked by the same parts of the input schema.
  const facts = ref("Input/properties/facts");
  part("deadline", "id", [...pack.compiled.index.deadlines.keys()], { type: "object", required: ["asOf"], properties: { ...asOf, facts, events: ref("Input_events"), now: { type: "string" }, from: { type: "string", format: "date" }, to: { type: "string", format: "date" }, done: { type: "array", items: { type: "string", format: "date" } } }, additionalProperties: false }, "one deadline: due date, status, ledger");
  part("assign", "table", [...pack.compiled.index.tables.keys()], { type: "object", required: ["asOf"], properties: { ...asOf, facts }, additionalProperties: false }, "one assignment table: lead unit and roles");
  part("escalate", "ladder", [...pack.compiled.index.ladders.keys()], { type: "object", required: ["asOf", "history"], properties: { ...asOf, facts, history: { type: "array" }, now: { type: "string" } }, additionalProperties: false }, "where a case stands on a ladder");
  part("score", "scorecard", pack.docs.scorecards.map((s) => s.id), { type: "object", required: ["asOf"], properties: { ...asOf, incidents: { type: "array" }, survey: { type: "object" } }, additionalProperties: false }, "one unit's score on a scorecard");
  paths[`${p}/batch`] = {
    post: {
      tags: tag,
      operationId: `${pack.id}Batch`,
      summary: `${pack.meta.name.zh}: NDJSON in (one case per line), NDJSON out, streamed, then a summary line`,
      parameters: [
        { name: "select", in: "query", required: false, schema: { type: "string" }, description: "comma-separated result paths, e.g. deadlines.mayor-direct.dueDate" },
        { name: "full", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
        { name: "trace", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
      ],
      requestBody: { required: true, content: { "application/x-ndjson": { schema: { type: "string" } } } },
      responses: { "200": { description: "one line per case in order, errors with line and id", headers: receiptHeader, content: { "application/x-ndjson": { schema: { type: "string" } } } }, ...errors({ "415": "Not application/x-ndjson" }) },
    },
  };
  paths[`${p}/schema`] = {
    get: {
      tags: tag,
      operationId: `${pack.id}Schema`,
      summary: `${pack.meta.name.zh}: the JSON Schemas of the case input and of the result`,
      // The two schema documents themselves (with their $id and $defs), not instances of them:
      // components ${pack}_Input and ${pack}_Result are the same schemas embedded in this document.
      responses: {
        "200": {
          description: "inputSchema(pack) and resultSchema(pack) of the library, as JSON Schema 2020-12 documents",
          content: json({
            type: "object",
            additionalProperties: false,
            required: ["pack", "hash", "input", "result"],
            properties: { pack: { const: pack.id }, hash: { type: "string" }, input: { type: "object", description: `the JSON Schema of a case (the same as components.schemas.${componentPrefix(pack.id)}_Input)` }, result: { type: "object", description: `the JSON Schema of a result (components.schemas.${componentPrefix(pack.id)}_Result)` } },
          }),
        },
        ...errors(),
      },
    },
  };
  return paths;
}

const calendarPath = (name: string, params: string[], summary: string, result: Json): Json => ({
  get: {
    tags: ["calendar"],
    operationId: `calendar${name[0]!.toUpperCase()}${name.slice(1)}`,
    summary,
    parameters: params.map((q) => ({ name: q, in: "query", required: true, schema: { type: "string" } })),
    responses: { "200": { description: summary, headers: receiptHeader, content: json(result) }, ...errors() },
  },
});

/** The prefix of a pack's component names (`suqian_Input`, `suqian_Result`, `suqian_Input_events`, …). */
export function componentPrefix(packId: string): string {
  return packId.replace(/[^A-Za-z0-9]/g, "_");
}

/** The OpenAPI 3.1 document for the packs given. */
export function openApiDocument(packs: readonly Pack[], info: { version: string }): Json {
  const schemas: Record<string, Json> = { Problem: problemSchema, Error: errorSchema, Receipt: receiptSchema };
  const paths: Record<string, Json> = {};
  for (const pack of packs) {
    const s = packSchemas(pack);
    const name = (kind: string) => `${componentPrefix(pack.id)}_${kind}`;
    Object.assign(schemas, embedSchema(s.input, name("Input")), embedSchema(s.result, name("Result")));
    Object.assign(paths, packPaths(pack, (kind) => ({ $ref: `#/components/schemas/${name(kind)}` })));
  }
  paths["/v1/packs"] = { get: { tags: ["packs"], operationId: "listPacks", summary: "the packs served: ids, names, versions, hashes", responses: { "200": { description: "the packs", content: json({ type: "object", required: ["packs"], properties: { packs: { type: "array", items: { type: "object" } } } }) } } } };
  paths["/v1/calendar/add"] = calendarPath("add", ["date", "n"], "the n-th working day after date", { type: "object", required: ["date"], properties: { date: { type: "string", format: "date" } } });
  paths["/v1/calendar/count"] = calendarPath("count", ["from", "to"], "working days in (from, to]", { type: "object", required: ["workingDays"], properties: { workingDays: { type: "integer" } } });
  paths["/v1/calendar/info"] = calendarPath("info", ["date"], "what a day is", { type: "object", required: ["date", "working", "kind"], properties: { date: { type: "string" }, working: { type: "boolean" }, kind: { type: "string", enum: ["workday", "weekend", "holiday", "makeup-workday"] }, name: { type: ["string", "null"] } } });
  paths["/v1/calendar/status"] = calendarPath("status", ["on"], "the calendar's range and the days left on a day", { type: "object", required: ["id", "version", "from", "to", "daysLeft"], properties: { id: { type: "string" }, version: { type: "string" }, from: { type: "string" }, to: { type: "string" }, daysLeft: { type: "integer" } } });
  paths["/v1/openapi.json"] = { get: { tags: ["service"], operationId: "openapi", summary: "this document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } } } };
  paths["/healthz"] = { get: { tags: ["service"], operationId: "healthz", summary: "the process is up", responses: { "200": { description: "up", content: json({ type: "object" }) } } } };
  paths["/readyz"] = { get: { tags: ["service"], operationId: "readyz", summary: "packs loaded and not shutting down", responses: { "200": { description: "ready", content: json({ type: "object" }) }, "503": { description: "not ready", content: json({ type: "object" }) } } } };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "yingshang 营商", version: info.version, description: "City policies on serving investment projects as executable rules: lead units, working-day deadlines with 调休, escalation ladders, scorecards. Every answer carries its receipt (pack hash, calendar version)." },
    paths,
    components: { schemas },
  };
}
