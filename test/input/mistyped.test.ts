// Mistyped and wrongly-typed input, as a new user writes it. Each entry names the problem it must
// give: its code, its path and the suggestion ("did you mean"), worked out by hand from the pack's
// own declarations (the ids in facts.yaml, deadlines.yaml, escalation.yaml, scoring.yaml) and the
// case format in DESIGN.md. A case with any of these is refused whole: nothing is evaluated.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRoster, deadline, escalate, evaluate, loadPack, score, YingshangError, type Problem } from "../../src/index.js";

const suqian = loadPack("suqian");
const xinghua = loadPack("xinghua");
const packs = { suqian, xinghua };

/** The problems of a refused call (it must be refused). */
function problemsOf(f: () => unknown): readonly Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof YingshangError) return e.problems;
    throw e;
  }
  return expect.fail("the input was accepted");
}

/** The suggestion a problem makes: its `suggestion` param, or the "did you mean" of its sentence. */
function suggestionOf(p: Problem): string | null {
  const params = p.params as { suggestion?: string | null };
  if (params.suggestion !== undefined) return params.suggestion;
  return /did you mean `([^`]+)`/.exec(p.message)?.[1] ?? null;
}

// Valid parts the entries below change one thing in.
const SQ = { asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } };
const ladder = (entry: Record<string, unknown>) => ({ asOf: "2026-03-02", facts: { receivingUnit: "county" }, history: { complaint: [entry] } });
const card = (input: Record<string, unknown>) => ({ asOf: "2021-03-31", scoring: { scorecard: input } });
const mayor = (events: Record<string, unknown>) => ({ ...SQ, events: { "mayor-direct": events } });

type Entry = [what: string, pack: keyof typeof packs, input: unknown, code: string, path: string, suggestion: string | null];

const CASES: Entry[] = [
  // ── the case itself ──
  ["a misspelt top-level key (evnets)", "suqian", { ...SQ, evnets: {} }, "INPUT_UNKNOWN_KEY", "evnets", "events"],
  ["`fact` for `facts`", "suqian", { asOf: "2026-09-18", fact: { issueKind: "complex" } }, "INPUT_UNKNOWN_KEY", "fact", "facts"],
  ["`histroy` for `history`", "suqian", { ...SQ, histroy: {} }, "INPUT_UNKNOWN_KEY", "histroy", "history"],
  ["`scorring` for `scoring`", "suqian", { ...SQ, scorring: {} }, "INPUT_UNKNOWN_KEY", "scorring", "scoring"],
  ["`nwo` for `now`", "suqian", { ...SQ, nwo: "2026-10-16" }, "INPUT_UNKNOWN_KEY", "nwo", "now"],
  ["`asof` for `asOf`", "suqian", { asof: "2026-09-18" }, "INPUT_UNKNOWN_KEY", "asof", "asOf"],
  ["no asOf at all", "suqian", { facts: { issueKind: "complex" } }, "INPUT_MISSING_KEY", "asOf", null],
  ["a list instead of a case", "suqian", [SQ], "INPUT_TYPE", "", null],
  ["asOf as a number", "suqian", { ...SQ, asOf: 20260918 }, "INPUT_TYPE", "asOf", null],
  ["asOf on a day that does not exist", "suqian", { ...SQ, asOf: "2026-02-30" }, "INVALID_DATE", "asOf", null],
  ["now as NaN", "suqian", { ...SQ, now: NaN }, "INPUT_TYPE", "now", null],
  ["now as Infinity", "suqian", { ...SQ, now: Infinity }, "INPUT_TYPE", "now", null],
  ["now as a JavaScript Date", "suqian", { ...SQ, now: new Date(Date.UTC(2026, 9, 16)) }, "INPUT_TYPE", "now", null],
  ["now as a word", "suqian", { ...SQ, now: "tomorrow" }, "INVALID_DATE", "now", null],
  ["an id that is a mapping", "suqian", { ...SQ, id: { n: 1 } }, "INPUT_TYPE", "id", null],
  // ── facts (facts.yaml) ──
  ["a misspelt fact", "suqian", { ...SQ, facts: { issueKnid: "complex" } }, "FACT_UNKNOWN", "facts.issueKnid", "issueKind"],
  ["a misspelt enum value", "suqian", { ...SQ, facts: { issueKind: "complx" } }, "FACT_ENUM", "facts.issueKind", "complex"],
  ["a boolean fact as text", "suqian", { ...SQ, facts: { issueKind: "complex", involvesMultipleUnits: "yes" } }, "FACT_TYPE", "facts.involvesMultipleUnits", null],
  ["a boolean fact as NaN", "suqian", { ...SQ, facts: { issueKind: "complex", involvesMultipleUnits: NaN } }, "FACT_TYPE", "facts.involvesMultipleUnits", null],
  ["a number fact as Infinity", "xinghua", { asOf: "2021-03-31", facts: { investmentYuan: Infinity } }, "FACT_TYPE", "facts.investmentYuan", null],
  ["a unit fact that is no unit of the pack", "suqian", { ...SQ, facts: { issueKind: "complex", localUnit: "countyy" } }, "FACT_ENUM", "facts.localUnit", "county"],
  ["facts as text", "suqian", { ...SQ, facts: "complex" }, "INPUT_TYPE", "facts", null],
  // ── events of a deadline (deadlines.yaml: mayor-direct) ──
  ["`complete` for `completed`", "suqian", mayor({ received: "2026-09-18", complete: "2026-09-30" }), "INPUT_UNKNOWN_KEY", "events.mayor-direct.complete", "completed"],
  ["a misspelt deadline id", "suqian", { ...SQ, events: { "mayor-dirct": { received: "2026-09-18" } } }, "INPUT_UNKNOWN_KEY", "events.mayor-dirct", "mayor-direct"],
  ["received as a number (must be a date, not 'missing')", "suqian", mayor({ received: 20260918 }), "INPUT_TYPE", "events.mayor-direct.received", null],
  ["no received", "suqian", mayor({ completed: "2026-09-30" }), "INPUT_MISSING_KEY", "events.mayor-direct.received", null],
  ["received on 31 September", "suqian", mayor({ received: "2026-09-31" }), "INVALID_DATE", "events.mayor-direct.received", null],
  ["pauses as a mapping", "suqian", mayor({ received: "2026-09-18", pauses: { from: "2026-09-21" } }), "INPUT_TYPE", "events.mayor-direct.pauses", null],
  ["`form` for a pause's `from`", "suqian", mayor({ received: "2026-09-18", pauses: [{ form: "2026-09-21" }] }), "INPUT_UNKNOWN_KEY", "events.mayor-direct.pauses[0].form", "from"],
  ["a restart's `date` (it is `on`)", "suqian", mayor({ received: "2026-09-18", restarts: [{ date: "2026-09-21" }] }), "INPUT_UNKNOWN_KEY", "events.mayor-direct.restarts[0].date", null],
  ["an extension with both lengths", "suqian", mayor({ received: "2026-09-18", extensions: [{ requestedOn: "2026-09-21", workingDays: 5, days: 7 }] }), "INPUT_ONE_OF", "events.mayor-direct.extensions[0]", null],
  ["an extension of 1.5 working days", "suqian", mayor({ received: "2026-09-18", extensions: [{ requestedOn: "2026-09-21", workingDays: 1.5 }] }), "INPUT_TYPE", "events.mayor-direct.extensions[0].workingDays", null],
  ["`requestOn` for `requestedOn`", "suqian", mayor({ received: "2026-09-18", extensions: [{ requestOn: "2026-09-21", workingDays: 5 }] }), "INPUT_UNKNOWN_KEY", "events.mayor-direct.extensions[0].requestOn", "requestedOn"],
  ["completed as true", "suqian", mayor({ received: "2026-09-18", completed: true }), "INPUT_TYPE", "events.mayor-direct.completed", null],
  ["an instant with a bad hour", "suqian", mayor({ received: "2026-09-18T25:00:00+08:00" }), "INVALID_DATE", "events.mayor-direct.received", null],
  // ── ladder history (escalation.yaml: complaint) ──
  ["a misspelt rung", "suqian", ladder({ rung: "receiving-unt", at: "2026-03-02" }), "INPUT_VALUE", "history.complaint[0].rung", "receiving-unit"],
  ["a misspelt ladder id", "suqian", { asOf: "2026-03-02", history: { complain: [{ rung: "receiving-unit", at: "2026-03-02" }] } }, "INPUT_UNKNOWN_KEY", "history.complain", "complaint"],
  ["a misspelt outcome", "suqian", ladder({ rung: "receiving-unit", at: "2026-03-02", outcome: "faild" }), "INPUT_VALUE", "history.complaint[0].outcome", "failed"],
  ["an empty history", "suqian", { asOf: "2026-03-02", history: { complaint: [] } }, "INPUT_TYPE", "history.complaint", null],
  ["`date` for `at`", "suqian", ladder({ rung: "receiving-unit", date: "2026-03-02" }), "INPUT_UNKNOWN_KEY", "history.complaint[0].date", null],
  ["at as a number", "suqian", ladder({ rung: "receiving-unit", at: 5 }), "INPUT_TYPE", "history.complaint[0].at", null],
  // ── scoring input (scoring.yaml: scorecard) ──
  ["`incident` for `incidents` (gave 100 points before)", "xinghua", card({ incident: [{ item: "unqualified-staff" }], survey: {} }), "INPUT_UNKNOWN_KEY", "scoring.scorecard.incident", "incidents"],
  ["a misspelt item", "xinghua", card({ incidents: [{ item: "unqualifed-staff" }], survey: {} }), "INPUT_VALUE", "scoring.scorecard.incidents[0].item", "unqualified-staff"],
  ["a count of 0", "xinghua", card({ incidents: [{ item: "unqualified-staff", count: 0 }], survey: {} }), "INPUT_TYPE", "scoring.scorecard.incidents[0].count", null],
  ["a count as text", "xinghua", card({ incidents: [{ item: "unqualified-staff", count: "2" }], survey: {} }), "INPUT_TYPE", "scoring.scorecard.incidents[0].count", null],
  ["a survey answer cut short", "xinghua", card({ survey: { 优: 3 } }), "INPUT_UNKNOWN_KEY", "scoring.scorecard.survey.优", "优秀"],
  ["a negative number of answers", "xinghua", card({ survey: { 满意: -1 } }), "INPUT_TYPE", "scoring.scorecard.survey.满意", null],
  ["no survey where the scorecard has one", "xinghua", card({ incidents: [] }), "INPUT_MISSING_KEY", "scoring.scorecard.survey", null],
  ["a misspelt scorecard id", "xinghua", { asOf: "2021-03-31", scoring: { scorcard: { survey: {} } } }, "INPUT_UNKNOWN_KEY", "scoring.scorcard", "scorecard"],
];

describe("mistyped case input", () => {
  it(`has at least 40 entries (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)("%s → its code, path and suggestion; nothing evaluated", (_what, pack, input, code, path, suggestion) => {
    const ps = problemsOf(() => evaluate(packs[pack], input as never));
    const p = ps.find((x) => x.path === path);
    expect(p, JSON.stringify(ps)).toBeDefined();
    expect(p!.code).toBe(code);
    expect(suggestionOf(p!)).toBe(suggestion);
    // A sentence a person can act on: it names the place, and a value that JSON would show as null is named as such.
    expect(p!.message.length).toBeGreaterThan(20);
    expect(p!.message).not.toMatch(/""|is null\b/);
  });

  it("names NaN, Infinity and a JavaScript Date as such", () => {
    const msg = (now: unknown) => problemsOf(() => evaluate(suqian, { ...SQ, now } as never))[0]!.message;
    expect(msg(NaN)).toContain("NaN (not a number)");
    expect(msg(-Infinity)).toContain("-Infinity");
    expect(msg(new Date(0))).toMatch(/a JavaScript Date\. A case is JSON, so dates are text/);
  });

  it("reports every problem of a case in one round", () => {
    const ps = problemsOf(() => evaluate(suqian, { asOf: "2026-09-18", facts: { issueKnid: "complex", severity: "majr" }, evnets: {}, events: { "mayor-direct": { received: 5, complete: "x" } } } as never));
    expect(ps.map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      ["INPUT_UNKNOWN_KEY evnets", "INPUT_TYPE events.mayor-direct.received", "INPUT_UNKNOWN_KEY events.mayor-direct.complete", "FACT_UNKNOWN facts.issueKnid", "FACT_ENUM facts.severity"].sort(),
    );
  });
});

describe("mistyped input to the single evaluators", () => {
  it("deadline(): `event` for `events`", () => {
    const [p] = problemsOf(() => deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, event: { received: "2026-09-18" } } as never, { asOf: "2026-09-18" }));
    expect([p!.code, p!.path, suggestionOf(p!)]).toEqual(["INPUT_UNKNOWN_KEY", "event", "events"]);
  });

  it("deadline(): `complete` inside the events", () => {
    const [p] = problemsOf(() => deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18", complete: "2026-09-30" } as never }, { asOf: "2026-09-18" }));
    expect([p!.code, p!.path, suggestionOf(p!)]).toEqual(["INPUT_UNKNOWN_KEY", "events.complete", "completed"]);
  });

  it("escalate(): `histroy` for `history`", () => {
    const [p] = problemsOf(() => escalate(suqian, "complaint", { histroy: [] } as never, { asOf: "2026-03-02" }));
    expect([p!.code, p!.path, suggestionOf(p!)]).toEqual(["INPUT_UNKNOWN_KEY", "histroy", "history"]);
  });

  it("score(): `incident` for `incidents`", () => {
    const [p] = problemsOf(() => score(xinghua, "scorecard", { incident: [{ item: "unqualified-staff" }], survey: {} } as never, { asOf: "2021-03-31" }));
    expect([p!.code, p!.path, suggestionOf(p!)]).toEqual(["INPUT_UNKNOWN_KEY", "incident", "incidents"]);
  });
});

describe("mistyped rosters (schema/roster.schema.json)", () => {
  const file = "policies/xinghua/tests/rosters/valid-roster.yaml";
  const text = readFileSync(file, "utf8");
  const rosterProblem = (t: string, path: string) => {
    const r = checkRoster(xinghua, t, { file });
    expect(r.valid).toBe(false);
    const p = r.problems.find((x) => x.path === path);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    return p!;
  };

  it("`sinse` for `since` in the header", () => {
    const p = rosterProblem(text.replace("\n  since: 2023-01-01", "\n  sinse: 2023-01-01"), "roster.sinse");
    expect([p.code, (p.params as { cause: string }).cause, suggestionOf(p)]).toEqual(["ROSTER_INVALID", "SCHEMA_UNKNOWN_KEY", "since"]);
  });

  it("`cadr` for a person's `cadre`", () => {
    const p = rosterProblem(text.replace("{ name: 王一, post: 便民服务中心副主任, cadre:", "{ name: 王一, post: 便民服务中心副主任, cadr:"), "townships[0].agents[0].cadr");
    expect([p.code, (p.params as { cause: string }).cause, suggestionOf(p)]).toEqual(["ROSTER_INVALID", "SCHEMA_UNKNOWN_KEY", "cadre"]);
  });

  it("a date that is not a day", () => {
    const p = rosterProblem(text.replace("\n  since: 2023-01-01", "\n  since: 2023-02-30"), "roster.since");
    expect([p.code, (p.params as { cause: string }).cause]).toEqual(["ROSTER_INVALID", "PACK_INVALID_DATE"]);
  });
});

describe("case files on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "yingshang-mistyped-"));
  const cli = (file: string) => spawnSync(process.execPath, ["dist/cli.js", "eval", "suqian", file, "--json", "--no-trace"], { encoding: "utf8" });

  it("a JSON file with a UTF-8 byte-order mark (as Windows and WPS write it) is read", () => {
    const f = join(dir, "bom.json");
    writeFileSync(f, "\uFEFF" + JSON.stringify(SQ));
    const r = cli(f);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // 宿迁 一(八): a complex matter, 15 working days from Friday 2026-09-18 → 2026-10-15 (国庆 10-01…10-08, 09-20 a makeup workday).
    expect((JSON.parse(r.stdout) as { deadlines: Record<string, { dueDate: string }> }).deadlines["mayor-direct"]!.dueDate).toBe("2026-10-15");
  });

  it("a misspelt key is exit 2 with the problem, its path and its suggestion", () => {
    const f = join(dir, "typo.json");
    writeFileSync(f, JSON.stringify(mayor({ received: "2026-09-18", complete: "2026-09-30" })));
    const r = cli(f);
    expect(r.status).toBe(2);
    const p = (JSON.parse(r.stdout) as { error: { problems: Problem[] } }).error.problems[0]!;
    expect([p.code, p.path, suggestionOf(p)]).toEqual(["INPUT_UNKNOWN_KEY", "events.mayor-direct.complete", "completed"]);
    // The human form says the same, with no stack trace.
    const human = spawnSync(process.execPath, ["dist/cli.js", "eval", "suqian", f], { encoding: "utf8" });
    expect(human.status).toBe(2);
    expect(human.stderr).toContain("did you mean `completed`?");
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });
});
