/**
 * The JSON Schema (2020-12) of `evaluate`'s result for one pack: its table ids with their rules and
 * unit ids, its deadline, ladder and scorecard ids. Every part is discriminated by `kind`. A test
 * validates every bundled pack test's result against it (with ajv), so it says what is returned.
 */
import { ROLES, type PackDocs, type UnitDoc } from "../model/index.js";
import { DATE, DRAFT, type SchemaNode } from "../check/index.js";

const STR: SchemaNode = { type: "string" };
const NSTR: SchemaNode = { type: ["string", "null"] };
const INT: SchemaNode = { type: "integer" };
const NUM: SchemaNode = { type: "number" };
const BOOL: SchemaNode = { type: "boolean" };
const list = (items: SchemaNode): SchemaNode => ({ type: "array", items });
const ref = (name: string): SchemaNode => ({ $ref: `#/$defs/${name}` });

/** A closed object: every listed key required, unless named in `optional`. */
function obj(props: Record<string, SchemaNode>, optional: readonly string[] = [], extra: Record<string, unknown> = {}): SchemaNode {
  return { type: "object", additionalProperties: false, required: Object.keys(props).filter((k) => !optional.includes(k)), properties: props, ...extra };
}

const words = (ws: readonly string[]): SchemaNode => ({ type: "string", enum: [...ws] });
const kind = (k: string): SchemaNode => ({ const: k });

const STATUS: SchemaNode = {
  oneOf: [
    obj({ kind: kind("not-started") }),
    obj({ kind: kind("running"), workingDaysLeft: INT }),
    obj({ kind: kind("paused"), since: DATE }),
    obj({ kind: kind("due-today") }),
    obj({ kind: kind("overdue"), workingDaysOverdue: INT }),
    obj({ kind: kind("done-on-time"), completed: DATE }),
    obj({ kind: kind("done-late"), completed: DATE, workingDaysLate: INT }),
  ],
};

const DEFS: Record<string, SchemaNode> = {
  receipt: obj({ pack: STR, version: STR, hash: STR, calendar: obj({ id: STR, version: STR }), asOf: DATE }, [], { description: "What produced the result: pack, version, content hash, calendar, as-of date." }),
  trace: list(
    obj(
      {
        kind: words(["rule", "variant", "rung", "jump", "return", "item", "survey", "requirement"]),
        id: STR,
        fired: BOOL,
        clause: STR,
        quote: STR,
        failed: list(obj({ fact: STR, operator: STR, value: {}, actual: {} })),
        note: STR,
      },
      ["failed", "note"],
    ),
  ),
  problem: obj({ code: STR, message: STR, params: { type: "object" }, file: STR, line: INT, col: INT, path: STR }, ["file", "line", "col", "path"]),
  partError: obj({ kind: kind("error"), id: STR, problems: { type: "array", minItems: 1, items: ref("problem") } }, [], { description: "A part that could not be computed for this case; the other parts are still answered." }),
  period: obj(
    {
      workingDays: INT,
      days: INT,
      sameDay: BOOL,
      startDay: words(["excluded", "included"]),
      cutoff: STR,
      extensionCap: obj({ workingDays: INT, days: INT }, ["workingDays", "days"]),
      totalCap: obj({ workingDays: INT, days: INT }, ["workingDays", "days"]),
      capClause: STR,
      warnAt: list(NUM),
    },
    ["workingDays", "days", "sameDay", "startDay", "cutoff", "extensionCap", "totalCap", "capClause", "warnAt"],
  ),
  status: STATUS,
};

/** Builds the result schema of a pack (not frozen; `resultSchema` freezes and keeps one per pack). */
export function buildResultSchema(docs: PackDocs, units: ReadonlyMap<string, UnitDoc>, hash: string): SchemaNode {
  const unitIds = [...units.keys()];
  // A unit may also come from a fact or a lookup; both give unit ids of the pack.
  const unit: SchemaNode = unitIds.length ? words(unitIds) : STR;
  const tableIds = [...new Set(docs.assignment.tables.map((t) => t.id))];
  const roles = obj(Object.fromEntries(ROLES.filter((r) => r !== "lead").map((r) => [r, list(unit)])), ROLES.filter((r) => r !== "lead"));
  const assigned = (table: string) => {
    const rules = [...new Set(docs.assignment.tables.filter((t) => t.id === table).flatMap((t) => t.rules.map((r) => r.id)))];
    return obj({
      table: kind(table),
      kind: words(["assigned", "designation-required", "no-match"]),
      lead: { anyOf: [unit, { type: "null" }] },
      leads: list(unit),
      roles,
      outcome: NSTR,
      outcomeZh: NSTR,
      consequences: list(obj({ id: STR, zh: STR, to: list(unit), by: { anyOf: [unit, { type: "null" }] }, clause: STR })),
      rules: list(words(rules)),
      reason: NSTR,
      reasonZh: NSTR,
      trace: ref("trace"),
      receipt: ref("receipt"),
    });
  };
  const notEvaluated = (table: string) => obj({ table: kind(table), kind: kind("not-evaluated"), missing: words(Object.keys(docs.facts)), problem: ref("problem") });
  // Tables not in force on asOf are left out; so are parts the case gave no input for.
  const assignment = obj(Object.fromEntries(tableIds.map((t) => [t, { oneOf: [assigned(t), notEvaluated(t)] }])), tableIds);

  const deadlineIds = [...new Set(docs.deadlines.map((d) => d.id))];
  const periodResult = (id: string) =>
    obj({
      kind: kind("period"),
      dueDate: DATE,
      status: { anyOf: [ref("status"), { type: "null" }] },
      warnings: list(obj({ at: NUM, date: DATE })),
      ledger: list(obj({ date: DATE, kind: words(["received", "start", "count", "skip", "pause", "resume", "restart", "extension", "moved", "due", "warning"]), n: INT, reason: STR }, ["n"])),
      deadline: kind(id),
      variant: NSTR,
      period: ref("period"),
      clause: NSTR,
      trace: ref("trace"),
      receipt: ref("receipt"),
    });
  const scheduleResult = (id: string) =>
    obj({
      kind: kind("schedule"),
      deadline: kind(id),
      periods: list(obj({ period: STR, due: DATE, moved: BOOL, met: BOOL, doneOn: { anyOf: [DATE, { type: "null" }] } }, ["met", "doneOn"])),
      clause: NSTR,
      trace: ref("trace"),
      receipt: ref("receipt"),
    });
  const deadlines = obj(
    Object.fromEntries(
      deadlineIds.map((id) => {
        const vs = docs.deadlines.filter((d) => d.id === id);
        const forms = [...(vs.some((d) => !d.schedule) ? [periodResult(id)] : []), ...(vs.some((d) => d.schedule) ? [scheduleResult(id)] : []), ref("partError")];
        return [id, { oneOf: forms }];
      }),
    ),
    deadlineIds,
  );

  const ladderIds = [...new Set(docs.ladders.map((l) => l.id))];
  const ladder = (id: string) => {
    const rungs = words([...new Set(docs.ladders.filter((l) => l.id === id).flatMap((l) => l.rungs.map((r) => r.id)))]);
    return obj({
      kind: kind("escalation"),
      ladder: kind(id),
      status: words(["open", "escalate", "resolved"]),
      current: rungs,
      actor: { anyOf: [unit, { type: "null" }] },
      dueBy: { anyOf: [DATE, { type: "null" }] },
      overdue: BOOL,
      next: { anyOf: [obj({ rung: rungs, actor: { anyOf: [unit, { type: "null" }] }, on: list(STR) }), { type: "null" }] },
      path: list(rungs),
      trace: ref("trace"),
      receipt: ref("receipt"),
    });
  };
  const escalation = obj(Object.fromEntries(ladderIds.map((id) => [id, { oneOf: [ladder(id), ref("partError")] }])), ladderIds);

  const cardIds = [...new Set(docs.scorecards.map((s) => s.id))];
  const card = (id: string) => {
    const cats = docs.scorecards.filter((s) => s.id === id).flatMap((s) => s.categories);
    const catIds = [...new Set(cats.map((c) => c.id))];
    const items = [...new Set(cats.flatMap((c) => (c.items ?? []).map((i) => i.id)))];
    return obj({
      kind: kind("score"),
      scorecard: kind(id),
      total: NUM,
      max: NUM,
      categories: obj(Object.fromEntries(catIds.map((c) => [c, obj({ zh: NSTR, max: NUM, deducted: NUM, deductedRaw: NUM, capped: BOOL, score: NUM, clause: STR })])), catIds),
      deductions: list(obj({ item: items.length ? words(items) : STR, category: words(catIds), count: INT, points: NUM, clause: STR, quote: STR })),
      survey: { anyOf: [obj({ counted: INT, mean: { type: ["number", "null"] }, score: NUM, rule: STR }), { type: "null" }] },
      trace: ref("trace"),
      receipt: ref("receipt"),
    });
  };
  const scores = obj(Object.fromEntries(cardIds.map((id) => [id, { oneOf: [card(id), ref("partError")] }])), cardIds);

  return {
    $schema: DRAFT,
    $id: `urn:yingshang:${docs.pack.id}:${docs.pack.version}:${hash}:result`,
    title: `${docs.pack.name.zh} — 评估结果`,
    description: `The result of evaluate() (and of \`yingshang eval --json\`) for the pack ${docs.pack.id} ${docs.pack.version}. Only the deadlines, ladders and scorecards the case gave input for appear.`,
    ...obj({ receipt: ref("receipt"), assignment, deadlines, escalation, scores }),
    $defs: DEFS,
  };
}
