/**
 * The JSON Schema (2020-12) of a pack's case input, made from the pack's own declarations: its facts
 * (types, enum values with their Chinese names), its deadline ids and their events, its ladders and
 * rungs, its scorecards and items. This schema is the input check's only source: `input-check.ts`
 * compiles it once per pack, so what a client reads in the schema is exactly what is refused.
 */
import type { FactDoc, PackDocs, UnitDoc } from "../model/index.js";
import { own } from "../../base/own.js";

/** A JSON Schema node, as plain data. */
export type SchemaNode = { readonly [k: string]: unknown };

/** The draft every schema of this library declares. */
export const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** A calendar date: a real day, written YYYY-MM-DD. */
export const DATE: SchemaNode = { type: "string", format: "date", description: "A date, YYYY-MM-DD (e.g. 2026-09-18)." };

/**
 * A date or an ISO instant. An instant without an offset is Shanghai wall time; with one, it is
 * read in Asia/Shanghai. The pattern is the instant forms the calendar reads; the date part must be
 * a real day (checked as `format: date` on the first ten characters).
 */
export const INSTANT: SchemaNode = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}(?:[Tt](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?)?$",
  description: "A date YYYY-MM-DD, or an ISO instant (e.g. 2026-09-18T17:30:00+08:00; without an offset, Shanghai time).",
};

const TEXT: SchemaNode = { type: "string" };
const COUNT: SchemaNode = { type: "integer", minimum: 1 };

/** The events of one period deadline (`CaseEvents`). */
const EVENTS: SchemaNode = {
  type: "object",
  title: "事件",
  description: "What happened to the matter: when it was received, clock stops, restarts (补正), extensions (延期), completion.",
  additionalProperties: false,
  required: ["received"],
  properties: {
    received: { ...INSTANT, title: "受理（起算）时间" },
    pauses: {
      type: "array",
      title: "中止计时",
      items: { type: "object", additionalProperties: false, required: ["from"], properties: { from: { ...INSTANT, title: "中止起日" }, to: { ...INSTANT, title: "恢复日" }, reason: { ...TEXT, title: "原因" } } },
    },
    restarts: {
      type: "array",
      title: "补正后重新计算",
      items: { type: "object", additionalProperties: false, required: ["on"], properties: { on: { ...INSTANT, title: "材料补齐日" }, reason: { ...TEXT, title: "原因" } } },
    },
    extensions: {
      type: "array",
      title: "延期",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["requestedOn"],
        properties: { requestedOn: { ...INSTANT, title: "延期批准日" }, workingDays: { ...COUNT, title: "延长工作日数" }, days: { ...COUNT, title: "延长自然日数" }, reason: { ...TEXT, title: "原因" } },
        // Exactly one length, working days or natural days (with both, both branches hold: refused).
        oneOf: [{ required: ["workingDays"] }, { required: ["days"] }],
      },
    },
    completed: { ...INSTANT, title: "办结时间" },
  },
};

const OUTCOMES = [
  ["resolved", "已解决"],
  ["satisfied", "满意"],
  ["failed", "未解决"],
  ["dissatisfied", "不满意"],
  ["timeout", "超时"],
] as const;

/** Words with their Chinese names as titles: the form generators show the title, send the word. */
function words(pairs: readonly (readonly [string, string | undefined])[]): SchemaNode {
  return { type: "string", oneOf: pairs.map(([id, zh]) => (zh ? { const: id, title: zh } : { const: id })) };
}

/** One fact's schema, from its declaration in facts.yaml. */
export function factSchema(doc: FactDoc, units: ReadonlyMap<string, UnitDoc>): SchemaNode {
  const head: Record<string, unknown> = {};
  if (doc.zh) head.title = doc.zh;
  if (doc.note) head.description = doc.note;
  if (doc.default !== undefined) head.default = doc.default;
  switch (doc.type) {
    case "enum":
      return { ...head, ...words((doc.values ?? []).map((v) => [v, own(doc.valuesZh, v)] as const)) };
    case "unit": {
      const kinds = doc.kinds ? new Set(doc.kinds) : null;
      const list = [...units.values()].filter((u) => !kinds || kinds.has(u.kind)).map((u) => [u.id, u.zh] as const);
      return { ...head, ...words(list) };
    }
    case "boolean":
      return { ...head, type: "boolean" };
    case "number": {
      const n: Record<string, unknown> = { ...head, type: "number" };
      if (doc.min !== undefined) n.minimum = doc.min;
      if (doc.max !== undefined) n.maximum = doc.max;
      return n;
    }
    case "string":
      return { ...head, type: "string" };
    case "date":
      return { ...head, ...DATE, ...(doc.zh ? { title: doc.zh } : {}) };
    case "list":
      return { ...head, type: "array", items: { type: "string" } };
    case "object":
      return { ...head, type: "object" };
  }
}

/** A mapping whose keys are exactly the given ids (each optional), each with its own schema. */
function byId(title: string, description: string, entries: readonly (readonly [string, SchemaNode])[]): SchemaNode {
  return { type: "object", title, description, additionalProperties: false, properties: Object.fromEntries(entries) };
}

/** Versions of a rule share an id: one entry per id, in first-appearance order. */
function groups<T extends { id: string }>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) m.set(x.id, [...(m.get(x.id) ?? []), x]);
  return m;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Builds the input schema of a pack (not frozen; `inputSchema` freezes and keeps one per pack). */
export function buildInputSchema(docs: PackDocs, units: ReadonlyMap<string, UnitDoc>, hash: string): SchemaNode {
  const facts = byId(
    "事实",
    "The facts of the case, each declared in the pack's facts.yaml. A fact left out is absent (a table that needs it is not evaluated); an undeclared fact is refused.",
    Object.entries(docs.facts).map(([name, doc]) => [name, factSchema(doc, units)] as const),
  );
  // Only period deadlines take events in a case; a schedule is listed with `duties`/`deadline()`.
  const periodic = [...groups(docs.deadlines)].filter(([, vs]) => vs.some((d) => !d.schedule));
  const events = byId(
    "各时限的事件",
    "Events per deadline id: a deadline given events is computed, the others are not.",
    periodic.map(([id, vs]) => [id, { $ref: "#/$defs/events", ...(vs[0]!.zh ? { title: vs[0]!.zh } : {}) }] as const),
  );
  const history = byId(
    "各督办层级的经过",
    "The history of the case on each ladder: the rungs it reached, in order, when, and how each ended.",
    [...groups(docs.ladders)].map(([id, vs]) => {
      const rungs = uniq(vs.flatMap((l) => l.rungs.map((r) => `${r.id}\u0000${r.zh ?? ""}`))).map((s) => s.split("\u0000") as [string, string]);
      const entry = {
        type: "object",
        additionalProperties: false,
        required: ["rung", "at"],
        properties: { rung: { ...words(rungs.map(([i, z]) => [i, z || undefined] as const)), title: "层级" }, at: { ...INSTANT, title: "到达时间" }, outcome: { ...words(OUTCOMES), title: "结果" } },
      };
      return [id, { type: "array", ...(vs[0]!.zh ? { title: vs[0]!.zh } : {}), minItems: 1, maxItems: 1000, items: entry }] as const;
    }),
  );
  const scoring = byId(
    "考核评分输入",
    "Recorded incidents and survey answers per scorecard id.",
    [...groups(docs.scorecards)].map(([id, vs]) => {
      const cats = vs.flatMap((c) => c.categories);
      const items = uniq(cats.flatMap((c) => (c.items ?? []).map((it) => `${it.id}\u0000${it.zh ?? ""}`))).map((s) => s.split("\u0000") as [string, string]);
      const answers = uniq(cats.flatMap((c) => Object.keys(c.survey?.answers ?? {})));
      const props: Record<string, unknown> = {
        incidents: {
          type: "array",
          title: "扣分事项",
          items: { type: "object", additionalProperties: false, required: ["item"], properties: { item: { ...words(items.map(([i, z]) => [i, z || undefined] as const)), title: "扣分项" }, count: { ...COUNT, title: "次数（件次或人次）", default: 1 }, note: { ...TEXT, title: "备注" } } },
        },
      };
      const node: Record<string, unknown> = { type: "object", ...(vs[0]!.zh ? { title: vs[0]!.zh } : {}), additionalProperties: false, properties: props };
      if (answers.length) {
        props.survey = { type: "object", title: "民主评议", description: "The number of respondents giving each answer ({} if nobody answered).", additionalProperties: false, properties: Object.fromEntries(answers.map((a) => [a, { type: "integer", minimum: 0 }])) };
        node.required = ["survey"];
      }
      return [id, node] as const;
    }),
  );
  return {
    $schema: DRAFT,
    $id: `urn:yingshang:${docs.pack.id}:${docs.pack.version}:${hash}:input`,
    title: `${docs.pack.name.zh} — 案件输入`,
    description: `A case for the pack ${docs.pack.id} ${docs.pack.version} (${docs.pack.document.title}). Every key is checked: an unknown key, a wrong kind or an unknown value is refused and nothing is evaluated.`,
    type: "object",
    additionalProperties: false,
    required: ["asOf"],
    properties: {
      id: { type: ["string", "integer"], title: "案件编号", description: "The case's own id; batch results echo it." },
      asOf: { ...DATE, title: "适用日期", description: "The date the rules are read as of, YYYY-MM-DD (nothing reads the clock)." },
      facts,
      now: { ...INSTANT, title: "判断时点", description: "The instant statuses are judged at (a date or an ISO instant)." },
      events,
      history,
      scoring,
    },
    $defs: { events: EVENTS },
  };
}
