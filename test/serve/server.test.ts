// The service over real HTTP on 127.0.0.1: every endpoint, the same answers as the library, the
// problem objects of bad input, unknown packs, oversized bodies, and no stack trace anywhere.
// Expected values are worked out from the documents (clauses cited) and the 2026 holiday notice.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadline, escalate, evaluate, explain, loadPack, score, assign } from "../../src/index.js";
import { buildServer } from "../../src/serve/server.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
type Json = Record<string, any>;

let app: FastifyInstance;
let base = "";

beforeAll(async () => {
  app = await buildServer({ logger: false, bodyLimit: 64 * 1024 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const a = app.server.address();
  if (a === null || typeof a === "string") throw new TypeError("no address");
  base = `http://127.0.0.1:${a.port}`;
});
afterAll(() => app.close());

async function post(path: string, body: unknown, type = "application/json") {
  const r = await fetch(base + path, { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) as Json };
}
async function get(path: string) {
  const r = await fetch(base + path);
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) as Json };
}

const suqian = loadPack("suqian");
const xinghua = loadPack("xinghua");
// 宿政办发〔2024〕15号 一(八): a complex matter, 15 working days from receipt. Received Fri 2026-09-18:
// 9-20 (Sun, makeup day) is the 1st, 9-25 is 中秋节, 10-1..7 国庆节, 10-10 (Sat) a makeup day → the 15th is 10-15.
const complexCase = { asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } };
const receiptLine = (hash: string, asOf: string) => `pack=suqian; version=1.1.1; hash=${hash}; calendar=cn-mainland@2026.1; asOf=${asOf}`;

describe("service endpoints", () => {
  it("GET /healthz and /readyz", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
    const r = await get("/readyz");
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ status: "ready", packs: 4 });
  });

  it("GET /v1/packs lists the bundled packs with versions and hashes", async () => {
    const r = (await get("/v1/packs")).json();
    expect(r.packs.map((p: { id: string }) => p.id)).toEqual(["yingkou", "xinghua", "zibo", "suqian"]);
    const s = r.packs.find((p: { id: string }) => p.id === "suqian");
    expect(s).toMatchObject({ version: "1.1.1", hash: suqian.hash, calendar: { id: "cn-mainland", version: "2026.1" }, document: { number: "宿政办发〔2024〕15号" }, bundled: true });
  });

  it("POST evaluate answers as the library, with the receipt in the body and the header", async () => {
    const r = await post("/v1/packs/suqian/evaluate", complexCase);
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.deadlines["mayor-direct"].dueDate).toBe("2026-10-15");
    expect(body).toEqual(JSON.parse(JSON.stringify(evaluate(suqian, complexCase))));
    expect(body.receipt).toEqual({ pack: "suqian", version: "1.1.1", hash: suqian.hash, calendar: { id: "cn-mainland", version: "2026.1" }, asOf: "2026-09-18" });
    expect(r.headers.get("yingshang-receipt")).toBe(receiptLine(suqian.hash, "2026-09-18"));
    const untraced = (await post("/v1/packs/suqian/evaluate?trace=false", complexCase)).json();
    expect(untraced.deadlines["mayor-direct"].trace).toEqual([]);
  });

  it("POST explain gives the Chinese text and sections of the library's explain", async () => {
    const r = await post("/v1/packs/suqian/explain", complexCase);
    expect(r.status).toBe(200);
    const e = explain(suqian, evaluate(suqian, complexCase, { trace: true }), { lang: "zh", input: complexCase });
    expect(r.json().text).toBe(e.text);
    expect(r.json().text).toContain("2026-10-15");
    expect(r.json().sections).toEqual(JSON.parse(JSON.stringify(e.sections)));
    expect(r.json().receipt.hash).toBe(suqian.hash);
    const en = await post("/v1/packs/suqian/explain?lang=en", complexCase);
    expect(en.json().lang).toBe("en");
  });

  it("POST deadline/{id}, assign/{table}, escalate/{ladder}, score/{scorecard}", async () => {
    const d = await post("/v1/packs/suqian/deadline/mayor-direct", { asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { received: "2026-09-18" } });
    expect(d.status).toBe(200);
    expect(d.json().dueDate).toBe("2026-10-15");
    expect(d.json()).toEqual(JSON.parse(JSON.stringify(deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18" } }, { asOf: "2026-09-18" }))));

    // 营口 二(二)2: in construction a project a city department introduced is led by that department.
    const yingkou = loadPack("yingkou");
    const facts = { stage: "construction", introducer: "city-department", introducerUnit: "city-industry-it", landingUnit: "gaizhou" };
    const a = await post("/v1/packs/yingkou/assign/lead-unit", { asOf: "2026-03-02", facts });
    expect(a.status).toBe(200);
    expect(a.json().lead).toBe("city-industry-it");
    expect(a.json()).toEqual(JSON.parse(JSON.stringify(assign(yingkou, "lead-unit", facts, { asOf: "2026-03-02" }))));

    // 宿迁 二(十二): a complaint the receiving unit failed to settle goes to the graded joint meeting.
    const history = { facts: { receivingUnit: "county" }, history: [{ rung: "receiving-unit", at: "2026-03-02", outcome: "failed" }] };
    const e = await post("/v1/packs/suqian/escalate/complaint", { asOf: "2026-03-02", ...history });
    expect(e.status).toBe(200);
    expect([e.json().status, e.json().next.rung]).toEqual(["escalate", "graded-joint-meeting"]);
    expect(e.json()).toEqual(JSON.parse(JSON.stringify(escalate(suqian, "complaint", history as never, { asOf: "2026-03-02" }))));

    // 兴化 附件2三(三): 3 points a case for not practising first-ask responsibility; two cases → 94 with an all-优秀 survey.
    const input = { incidents: [{ item: "no-first-ask-or-notice", count: 2 }], survey: { 优秀: 10 } };
    const s = await post("/v1/packs/xinghua/score/scorecard", { asOf: "2021-03-31", ...input });
    expect(s.status).toBe(200);
    expect(s.json().total).toBe(94);
    expect(s.json()).toEqual(JSON.parse(JSON.stringify(score(xinghua, "scorecard", input, { asOf: "2021-03-31" }))));
    expect(s.headers.get("yingshang-receipt")).toContain(`hash=${xinghua.hash}`);
  });

  it("GET /v1/calendar/add|count|info|status, as `yingshang calendar … --json`", async () => {
    // 2026 notice: 10-1..7 国庆节 off, 10-10 (Sat) worked. The working day after Wed 9-30 is Thu 10-8.
    const add = await get("/v1/calendar/add?date=2026-09-30&n=1");
    expect(add.json()).toEqual({ date: "2026-10-08", receipt: { calendar: { id: "cn-mainland", version: "2026.1" } } });
    expect(add.headers.get("yingshang-receipt")).toBe("calendar=cn-mainland@2026.1");
    // (9-30, 10-10]: 10-8, 10-9, 10-10.
    expect((await get("/v1/calendar/count?from=2026-09-30&to=2026-10-10")).json().workingDays).toBe(3);
    expect((await get("/v1/calendar/info?date=2026-10-10")).json()).toMatchObject({ date: "2026-10-10", working: true, kind: "makeup-workday", name: "国庆节" });
    // The bundled data ends 2026-12-31: 30 days after 12-01.
    expect((await get("/v1/calendar/status?on=2026-12-01")).json()).toMatchObject({ id: "cn-mainland", version: "2026.1", to: "2026-12-31", daysLeft: 30 });
    const bad = await get("/v1/calendar/add?date=2026-09-30&n=two");
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_COUNT");
    const out = await get("/v1/calendar/add?date=2030-01-01&n=1");
    expect(out.status).toBe(400);
    expect(out.json().error.code).toBe("DATE_OUT_OF_RANGE");
  });

  it("POST batch: NDJSON in, NDJSON out in order, errors with line and id, blank lines counted", async () => {
    const lines = [JSON.stringify({ id: "a", ...complexCase }), "", JSON.stringify({ id: "b", asOf: "2026-09-18", facts: { issueKind: "very-urgent" } }), "{not json", "   ", JSON.stringify({ id: 7, ...complexCase })];
    const r = await post("/v1/packs/suqian/batch?select=deadlines.mayor-direct.dueDate", lines.join("\n") + "\n", "application/x-ndjson");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(r.headers.get("yingshang-receipt")).toBe(`pack=suqian; version=1.1.1; hash=${suqian.hash}; calendar=cn-mainland@2026.1`);
    const out = r.text.trimEnd().split("\n").map((l) => JSON.parse(l) as Json);
    expect(out[0]).toEqual({ line: 1, id: "a", "deadlines.mayor-direct.dueDate": "2026-10-15" });
    expect(out[1]).toMatchObject({ line: 3, id: "b", error: { code: "FACT_ENUM" } });
    expect(out[2]).toMatchObject({ line: 4, error: { code: "INPUT_INVALID" } });
    expect(out[2]).not.toHaveProperty("id");
    expect(out[3]).toEqual({ line: 6, id: 7, "deadlines.mayor-direct.dueDate": "2026-10-15" });
    expect(out[4]).toEqual({ summary: { lines: 6, ok: 2, errors: 2, blank: 2 } });
    const full = await post("/v1/packs/suqian/batch?full=true", JSON.stringify(complexCase), "application/x-ndjson");
    expect(JSON.parse(full.text.split("\n")[0]!)).toEqual({ line: 1, facts: complexCase.facts, ...JSON.parse(JSON.stringify(evaluate(suqian, complexCase, { trace: false }))) });
  });

  it("GET /v1/packs/{pack}/schema and /v1/openapi.json", async () => {
    const s = await get("/v1/packs/suqian/schema");
    expect(s.status).toBe(200);
    expect(s.json()).toMatchObject({ pack: "suqian", hash: suqian.hash });
    expect(s.json().input).toHaveProperty("type", "object");
    const doc = (await get("/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/packs/suqian/evaluate", "/v1/packs/suqian/deadline/{id}", "/v1/packs/xinghua/score/{scorecard}", "/v1/calendar/add", "/healthz"]));
  });
});

describe("service errors", () => {
  const noStack = (text: string) => {
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(text).not.toContain("stack");
  };

  it("bad input is a 400 with the CLI's problem objects", async () => {
    const r = await post("/v1/packs/suqian/evaluate", { asOf: "2026-09-18", facts: { issueKind: "very-urgent" } });
    expect(r.status).toBe(400);
    const p = r.json().error.problems[0];
    expect(r.json().error.code).toBe("FACT_ENUM");
    expect(p).toMatchObject({ code: "FACT_ENUM", path: "facts.issueKind" });
    expect(typeof p.message).toBe("string");
    noStack(r.text);
  });

  it("malformed JSON, a body that is not an object, an unknown key and a bad query are 400", async () => {
    const bad = await post("/v1/packs/suqian/evaluate", '{"asOf":');
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe("INPUT_INVALID");
    noStack(bad.text);
    const arr = await post("/v1/packs/suqian/evaluate", [1, 2]);
    expect(arr.status).toBe(400);
    const key = await post("/v1/packs/suqian/deadline/mayor-direct", { asOf: "2026-09-18", evnets: {} });
    expect(key.status).toBe(400);
    expect(key.json().error.problems[0]).toMatchObject({ path: "evnets" });
    expect(key.json().error.problems[0].message).toContain("did you mean `events`?");
    const q = await post("/v1/packs/suqian/evaluate?trace=maybe", complexCase);
    expect(q.status).toBe(400);
    const type = await post("/v1/packs/suqian/evaluate", "asOf=2026", "text/plain");
    expect(type.status).toBe(415);
    noStack(type.text);
  });

  it("an unknown pack, id or route is a 404", async () => {
    const p = await post("/v1/packs/nanjing/evaluate", complexCase);
    expect(p.status).toBe(404);
    expect(p.json().error.problems[0]).toMatchObject({ code: "PACK_UNKNOWN", params: { pack: "nanjing", known: ["yingkou", "xinghua", "zibo", "suqian"] } });
    const d = await post("/v1/packs/suqian/deadline/no-such", { asOf: "2026-09-18" });
    expect(d.status).toBe(404);
    expect(d.json().error.code).toBe("RULE_UNKNOWN");
    const u = await get("/v2/anything");
    expect(u.status).toBe(404);
    expect(u.json().error.code).toBe("ROUTE_UNKNOWN");
    expect((await get("/v1/packs/nanjing/schema")).status).toBe(404);
  });

  it("a body over the limit is a 413, and the server goes on", async () => {
    const big = JSON.stringify({ ...complexCase, pad: "x".repeat(70 * 1024) });
    const r = await post("/v1/packs/suqian/evaluate", big);
    expect(r.status).toBe(413);
    expect(r.json().error.problems[0]).toMatchObject({ code: "LIMIT_EXCEEDED", params: { limit: 64 * 1024 } });
    noStack(r.text);
    expect((await post("/v1/packs/suqian/evaluate", complexCase)).status).toBe(200);
  });
});
