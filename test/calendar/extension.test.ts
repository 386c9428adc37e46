// Issue 11: a calendar file that extends the pack's calendar (directly or through a chain) is the
// one used, by every command and the API; the receipt names it; a calendar nobody uses is an error.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCalendar, loadCalendar } from "../../src/calendar/index.js";
import { evaluate } from "../../src/engine/evaluate/evaluate.js";
import { loadPack } from "../../src/engine/compile/load.js";
import { type Problem } from "../../src/errors.js";
import { y2027 } from "./helpers/year-2027.js";
import { cli, problems, root, run } from "./helpers/run.js";


// 宿迁 一(八): a complex complaint has 15 working days. Received Monday 2026-12-21: 12-22…12-31 are
// 8 working days; 2027-01-01…03 are off in the made-up file; 01-04…01-08 make 13; Sunday 01-10 is
// the file's makeup day (14); Monday 01-11 is the 15th.
const CASE = { asOf: "2026-12-21", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-12-21" } } };
const DUE = "2027-01-11";

let dir: string;
let file2027: string;
beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "ys-ext-"));
  file2027 = join(dir, "cn-2027.yaml");
  writeFileSync(file2027, y2027());
  writeFileSync(join(dir, "case.json"), JSON.stringify(CASE));
  writeFileSync(join(dir, "cases.ndjson"), JSON.stringify({ id: "a", ...CASE }) + "\n");
});

describe("loadPack(…, { calendars }) with a file extending cn-mainland", () => {
  it("uses the file for a pack that names cn-mainland, and the receipt says so", () => {
    // Without the file the deadline is that part's error record (the other parts are still answered).
    const without = evaluate(loadPack("suqian"), CASE).deadlines["mayor-direct"] as { kind: string; problems?: Problem[] };
    expect(without.kind).toBe("error");
    expect(without.problems?.[0]?.code).toBe("DATE_OUT_OF_RANGE");
    const cal = loadCalendar(y2027(), { file: "cn-2027.yaml" });
    expect(cal.bases).toEqual(["cn-mainland"]);
    const pack = loadPack("suqian", { calendars: [cal] });
    expect(pack.calendar).toBe(cal);
    const r = evaluate(pack, CASE);
    expect(r.deadlines["mayor-direct"]).toMatchObject({ dueDate: DUE });
    expect(r.receipt.calendar).toEqual({ id: "cn-mainland-2027", version: "test" });
  });

  it("follows a chain: a 2028 file on the 2027 file is used, its receipt naming the 2028 file", () => {
    const c27 = loadCalendar(y2027(), { file: "cn-2027.yaml" });
    const f28 = 'id: cn-mainland-2028\nversion: "test"\nextends: cn-mainland-2027\nyears:\n  "2028":\n    provisional: true\n    notices: [x]\n    holidays: []\n    makeupWorkdays: []\n';
    const c28 = loadCalendar(f28, { extends: c27 });
    expect(c28.bases).toEqual(["cn-mainland-2027", "cn-mainland"]);
    const pack = loadPack("suqian", { calendars: [c27, c28] });
    expect(pack.calendar.id).toBe("cn-mainland-2028");
    expect(evaluate(pack, CASE).receipt.calendar).toEqual({ id: "cn-mainland-2028", version: "test" });
  });

  it("a calendar given but used by no pack is an error, not silence", () => {
    const other = loadCalendar(y2027("hk-2027", null), { file: "hk.yaml" }).bases;
    expect(other).toEqual([]);
    const p = problems(() => loadPack("suqian", { calendars: [loadCalendar(y2027("hk-2027", null))] }));
    expect(p[0]).toMatchObject({ code: "CALENDAR_UNUSED", file: "pack.yaml", params: { id: "hk-2027", packCalendar: "cn-mainland", reason: "not-extending" } });
    // Two files that both extend cn-mainland and not each other: which one is meant is unclear.
    const a = loadCalendar(y2027("cn-a"));
    const b = loadCalendar(y2027("cn-b"));
    expect(problems(() => loadPack("suqian", { calendars: [a, b] }))[0]).toMatchObject({ code: "CALENDAR_UNUSED", params: { reason: "ambiguous" } });
  });
});

describe("calendar files: no silent Monday-to-Friday year, did-you-mean for keys", () => {
  it("refuses an empty year and a year without 春节, naming the missing statutory days", () => {
    const empty = 'id: e\nversion: "1"\nextends: cn-mainland\nyears:\n  "2027":\n    notices: [x]\n    holidays: []\n    makeupWorkdays: []\n';
    const p = problems(() => loadCalendar(empty, { file: "e.yaml" }));
    expect(p).toHaveLength(1);
    // 2024 revision, in force from 2025: 元旦 1 + 春节 4 + 清明 1 + 劳动节 2 + 端午 1 + 中秋 1 + 国庆 3 = 13 days.
    expect(p[0]).toMatchObject({ code: "CALENDAR_INCOMPLETE", file: "e.yaml", line: 5, params: { year: 2027, reason: "statutory-days-missing" } });
    expect((p[0]!.params as { missing: unknown[] }).missing).toHaveLength(13);
    const noSpring = y2027().replace(/ {6}- \{ date: "2027-02-0\d", name: 春节 \}\n/g, "");
    const q = problems(() => loadCalendar(noSpring));
    expect((q[0]!.params as { missing: { date: string; name: string }[] }).missing).toEqual([
      { date: "2027-02-05", name: "春节" }, // 除夕
      { date: "2027-02-06", name: "春节" }, // 正月初一
      { date: "2027-02-07", name: "春节" },
      { date: "2027-02-08", name: "春节" },
    ]);
    // Marked provisional, the same empty year stands, and the calendar says which years are so.
    const prov = loadCalendar(empty.replace("    notices:", "    provisional: true\n    notices:"));
    expect(prov.provisionalYears).toEqual([2027]);
    expect(prov.isWorkingDay("2027-02-08")).toBe(true);
  });

  it("the bundled years 2019–2026 each hold every statutory day (the check does not refuse real notices)", () => {
    expect(defaultCalendar().range).toEqual({ from: "2018-12-29", to: "2026-12-31" });
    // 2024 (2013 revision): 春节 初一–初三 = 02-10…02-12; 2025 (2024 revision): 除夕 01-28 and 05-02 too.
    for (const d of ["2024-02-10", "2024-02-12", "2025-01-28", "2025-05-02", "2026-02-16"]) expect(defaultCalendar().info(d).kind).toBe("holiday");
  });

  it("an unknown key gets a did-you-mean", () => {
    const typo = y2027().replace("    holidays:", "    holiday:");
    const p = problems(() => loadCalendar(typo, { file: "t.yaml" }));
    expect(p.some((x) => x.code === "CALENDAR_SCHEMA" && /did you mean `holidays`\?/.test(x.message) && x.line === 8)).toBe(true);
    const top = problems(() => loadCalendar(y2027().replace("extends:", "extend:"), { file: "t.yaml" }));
    expect(top.find((x) => x.code === "CALENDAR_SCHEMA")?.message).toMatch(/did you mean `extends`\?/);
    const entry = problems(() => loadCalendar(y2027().replace('{ date: "2027-01-01", name:', '{ date: "2027-01-01", nmae:')));
    expect(entry.some((x) => /did you mean `name`\?/.test(x.message))).toBe(true);
  });
});

describe("every command uses a --calendar file that extends the pack's calendar", () => {
  it("eval --json: the due date in 2027 and the receipt naming the file's calendar", () => {
    const before = run("eval", "suqian", join(dir, "case.json"), "--json");
    expect(before.code).toBe(2);
    expect(JSON.parse(before.out).deadlines["mayor-direct"].problems[0].code).toBe("DATE_OUT_OF_RANGE");
    const r = run("eval", "suqian", join(dir, "case.json"), "--json", "--calendar", file2027);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.deadlines["mayor-direct"].dueDate).toBe(DUE);
    expect(j.receipt.calendar).toEqual({ id: "cn-mainland-2027", version: "test" });
  });

  it("explain: the Chinese explanation counts into 2027", () => {
    const r = run("explain", "suqian", join(dir, "case.json"), "--calendar", file2027);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2027-01-11");
  });

  it("eval --ndjson: one line with the 2027 due date", () => {
    const r = run("eval", "suqian", "--ndjson", join(dir, "cases.ndjson"), "--workers", "1", "--calendar", file2027);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim().split("\n")[0]!);
    expect(line.deadlines["mayor-direct"].dueDate).toBe(DUE);
    expect(line.receipt.calendar.id).toBe("cn-mainland-2027");
  });

  it("validate --calendar names the calendar used; a file no pack uses fails", () => {
    const ok = run("validate", "suqian", "--calendar", file2027);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("ok   suqian (calendar cn-mainland-2027 test)");
    expect(JSON.parse(run("validate", "suqian", "--calendar", file2027, "--json").out).packs[0].calendar).toEqual({ id: "cn-mainland-2027", version: "test" });
    const hk = join(dir, "hk.yaml");
    writeFileSync(hk, y2027("hk-2027", null));
    const bad = run("validate", "suqian", "--json", "--calendar", hk);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain("CALENDAR_UNUSED");
    const e = run("eval", "suqian", join(dir, "case.json"), "--json", "--calendar", hk);
    expect(e.code).toBe(2);
  });

  it("calendar add --calendar uses the file (as before)", () => {
    expect(JSON.parse(run("calendar", "add", "2026-12-31", "1", "--json", "--calendar", file2027).out)).toEqual({ date: "2027-01-04" });
  });
});

describe("validate --on warns before the calendar's end", () => {
  it("warns 30 days before 2026-12-31, not 61 days before, and the pack stays valid", () => {
    // 2026-12-01 → 2026-12-31 is 30 days: inside the 60-day window; 2026-10-31 → 12-31 is 61 days: outside.
    const near = run("validate", "suqian", "--on", "2026-12-01", "--lang", "en");
    expect(near.code).toBe(0);
    expect(near.err).toContain("ends on 2026-12-31, 30 days after 2026-12-01");
    const far = run("validate", "suqian", "--on", "2026-10-31", "--lang", "en");
    expect(far.code).toBe(0);
    expect(far.err).not.toContain("ends on");
    expect(run("validate", "suqian", "--on", "2026-13-01").code).toBe(2);
  });
});

describe("a batch with --provisional counts provisional results", () => {
  it("flags the line and says so in the summary", () => {
    // 宿迁 一(八) complex: 15 working days from Monday 2026-12-21. Provisional 2027 has only the
    // statutory 元旦 (01-01) off and no 调休: 12-22…12-31 are 8, 01-04…01-08 make 13, 01-11 is 14, 01-12 the 15th.
    const file = join(dir, "provisional.ndjson");
    writeFileSync(file, JSON.stringify({ id: "p1", ...CASE }) + "\n");
    const r = run("eval", "suqian", "--ndjson", file, "--provisional", "--workers", "1");
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim()) as { id: string; provisional?: boolean; receipt: { provisionalYears?: number[] }; deadlines: Record<string, { dueDate?: string }> };
    expect(line.id).toBe("p1");
    expect(line.provisional).toBe(true);
    expect(line.receipt.provisionalYears).toEqual([2027]);
    expect(line.deadlines["mayor-direct"]?.dueDate).toBe("2027-01-12");
    expect(r.err).toContain("1 ok (1 provisional)");
  });
});
