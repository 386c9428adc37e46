/** `/v1/packs…`: the packs served, and each evaluator of the library as a POST route. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { problem, type Problem } from "../errors.js";
import { assign } from "../engine/evaluate/index.js";
import { deadline, type DeadlineInput } from "../engine/evaluate/index.js";
import { escalate, type EscalationInput } from "../engine/evaluate/index.js";
import { evaluate, type CaseInput } from "../engine/evaluate/index.js";
import { explain } from "../engine/tools/index.js";
import type { Pack } from "../engine/compile/index.js";
import { score, type ScoreInput } from "../engine/evaluate/index.js";
import { suggest } from "../base/suggest.js";
import { HttpProblem, withReceipt } from "./http.js";

/** The pack named in the URL, from one snapshot of the registry (so a reload cannot change it mid-request). */
export function packOf(app: FastifyInstance, id: string): Pack {
  const snap = app.yingshang.registry.snapshot();
  const entry = snap.get(id);
  if (!entry) {
    const known = [...snap.keys()];
    throw new HttpProblem(404, [problem("PACK_UNKNOWN", `This server has no pack \`${id}\`; it serves ${known.join(", ")} (GET /v1/packs).`, { pack: id, known }, { path: "pack" })]);
  }
  return entry.pack;
}

/** The ids a pack has for a URL's `{table}`, `{id}`, `{ladder}` or `{scorecard}`; an unknown one is a 404. */
function knownId(pack: Pack, kind: "table" | "deadline" | "ladder" | "scorecard", id: string): void {
  const ids =
    kind === "table"
      ? [...pack.compiled.index.tables.keys()]
      : kind === "deadline"
        ? [...pack.compiled.index.deadlines.keys()]
        : kind === "ladder"
          ? [...pack.compiled.index.ladders.keys()]
          : pack.docs.scorecards.map((s) => s.id);
  if (!ids.includes(id)) throw new HttpProblem(404, [problem("RULE_UNKNOWN", `Pack ${pack.id} has no ${kind} \`${id}\`; it has ${ids.join(", ") || "none"}.`, { kind, id, known: ids }, { path: kind })]);
}

/** The JSON body as an object whose keys are all allowed (an unknown key is refused, never ignored). */
export function objectBody(req: FastifyRequest, allowed: readonly string[] | null): Record<string, unknown> {
  const b = req.body;
  if (b === null || typeof b !== "object" || Array.isArray(b)) {
    throw new HttpProblem(400, [problem("INPUT_INVALID", "The request body must be a JSON object (Content-Type: application/json).", { detail: "body not an object" }, { path: "" })]);
  }
  if (allowed) {
    const bad: Problem[] = [];
    for (const k of Object.keys(b)) {
      if (allowed.includes(k)) continue;
      const s = suggest(k, allowed);
      bad.push(problem("INPUT_INVALID", `The body has an unknown key \`${k}\`${s ? `; did you mean \`${s}\`?` : ""} It may have ${allowed.join(", ")}.`, { detail: `unknown key ${k}` }, { path: k }));
    }
    if (bad.length) throw new HttpProblem(400, bad);
  }
  return b as Record<string, unknown>;
}

/** The query string's options, each checked: an unknown one or a bad value is a 400. */
export function queryOf(req: FastifyRequest, allowed: Record<string, readonly string[]>): Record<string, string> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  const bad: Problem[] = [];
  for (const [k, v] of Object.entries(q)) {
    const values = allowed[k];
    if (!values) {
      bad.push(problem("INPUT_INVALID", `Unknown query parameter \`${k}\`; this route takes ${Object.keys(allowed).join(", ") || "none"}.`, { detail: `unknown query ${k}` }, { path: k }));
      continue;
    }
    if (typeof v !== "string" || (values.length > 0 && !values.includes(v))) {
      bad.push(problem("INPUT_INVALID", `Query parameter \`${k}\` must be ${values.length ? values.join(" or ") : "given once"} (got ${JSON.stringify(v)}).`, { detail: `bad query ${k}` }, { path: k }));
      continue;
    }
    out[k] = v;
  }
  if (bad.length) throw new HttpProblem(400, bad);
  return out;
}

function asOfOf(body: Record<string, unknown>): string {
  const a = body.asOf;
  if (typeof a !== "string") throw new HttpProblem(400, [problem("INPUT_INVALID", "The body needs `asOf`, the date the rules are read as of (YYYY-MM-DD); nothing reads the clock.", { detail: "asOf missing" }, { path: "asOf" })]);
  return a;
}

function without(body: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!keys.includes(k)) o[k] = v;
  return o;
}

interface PackParams {
  pack: string;
}

export function registerPackRoutes(v1: FastifyInstance): void {
  const app = v1;

  v1.get("/packs", (req, reply) => {
    const packs = [...app.yingshang.registry.snapshot().values()].map(({ pack, bundled }) => ({
      id: pack.id,
      name: pack.meta.name,
      city: pack.meta.city,
      version: pack.version,
      hash: pack.hash,
      calendar: { id: pack.calendar.id, version: pack.calendar.version },
      document: { title: pack.meta.document.title, number: pack.meta.document.number ?? null },
      bundled,
    }));
    return withReceipt(req, reply, {}, { packs });
  });

  // A case → `eval --json`'s result.
  v1.post<{ Params: PackParams }>("/packs/:pack/evaluate", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    const q = queryOf(req, { trace: ["true", "false"] });
    const result = evaluate(pack, objectBody(req, null) as CaseInput, { trace: q.trace !== "false" });
    return withReceipt(req, reply, result.receipt, result);
  });

  // A case → the explanation in Chinese (or English): text and sections.
  v1.post<{ Params: PackParams }>("/packs/:pack/explain", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    const q = queryOf(req, { lang: ["zh", "en"] });
    const input = objectBody(req, null) as CaseInput;
    const result = evaluate(pack, input, { trace: true });
    const e = explain(pack, result, { lang: q.lang === "en" ? "en" : "zh", input });
    return withReceipt(req, reply, result.receipt, { ...e, receipt: result.receipt });
  });

  v1.post<{ Params: PackParams & { id: string } }>("/packs/:pack/deadline/:id", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    knownId(pack, "deadline", req.params.id);
    const q = queryOf(req, { trace: ["true", "false"] });
    const body = objectBody(req, ["asOf", "facts", "events", "now", "from", "to", "done"]);
    const r = deadline(pack, req.params.id, without(body, "asOf") as DeadlineInput, { asOf: asOfOf(body), trace: q.trace !== "false" });
    return withReceipt(req, reply, r.receipt, r);
  });

  v1.post<{ Params: PackParams & { table: string } }>("/packs/:pack/assign/:table", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    knownId(pack, "table", req.params.table);
    const q = queryOf(req, { trace: ["true", "false"] });
    const body = objectBody(req, ["asOf", "facts"]);
    const r = assign(pack, req.params.table, body.facts ?? {}, { asOf: asOfOf(body), trace: q.trace !== "false" });
    return withReceipt(req, reply, r.receipt, r);
  });

  v1.post<{ Params: PackParams & { ladder: string } }>("/packs/:pack/escalate/:ladder", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    knownId(pack, "ladder", req.params.ladder);
    const q = queryOf(req, { trace: ["true", "false"] });
    const body = objectBody(req, ["asOf", "facts", "history", "now"]);
    const r = escalate(pack, req.params.ladder, without(body, "asOf") as unknown as EscalationInput, { asOf: asOfOf(body), trace: q.trace !== "false" });
    return withReceipt(req, reply, r.receipt, r);
  });

  v1.post<{ Params: PackParams & { scorecard: string } }>("/packs/:pack/score/:scorecard", (req, reply) => {
    const pack = packOf(app, req.params.pack);
    knownId(pack, "scorecard", req.params.scorecard);
    const q = queryOf(req, { trace: ["true", "false"] });
    const body = objectBody(req, ["asOf", "incidents", "survey"]);
    const r = score(pack, req.params.scorecard, without(body, "asOf") as ScoreInput, { asOf: asOfOf(body), trace: q.trace !== "false" });
    return withReceipt(req, reply, r.receipt, r);
  });
}
