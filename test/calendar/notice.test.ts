// Issue 11: `calendar import` reads the published notice; `calendar status`, the end-of-calendar
// warning and provisional years (statutory holidays only) flagged end to end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { defaultCalendar, importNotice, loadCalendar, noticeYaml } from "../../src/calendar/index.js";
import { CN_MAINLAND } from "../../src/calendar/impl/cn-mainland.data.js";
import { FESTIVALS, FESTIVALS_FROM } from "../../src/calendar/impl/statutory.data.js";
import { statutoryDays } from "../../src/calendar/impl/statutory.js";
import { evaluate } from "../../src/engine/evaluate/evaluate.js";
import { loadPack } from "../../src/engine/compile/load.js";
import { styleOf, typesetNotice } from "./helpers/typeset-notice.js";
import { cli, problems, root, run } from "./helpers/run.js";

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("importNotice: every bundled year 2019–2026, typeset in the published form, reads back exactly", () => {
  for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
    for (const v of [0, 1, 2]) {
      it(`${year}, style ${v}`, () => {
        const y = CN_MAINLAND.years[String(year)]!;
        const text = typesetNotice(year, y.holidays, y.makeupWorkdays, styleOf(year, v));
        const r = importNotice(text);
        expect(r.year).toBe(year);
        expect(r.holidays).toEqual(y.holidays);
        expect(r.makeupWorkdays).toEqual(y.makeupWorkdays);
        // And the YAML it writes loads on top of cn-mainland with the year replaced by itself.
        const yaml = noticeYaml(r).replace("    notices:", "    replace: true\n    notices:");
        const cal = loadCalendar(yaml);
        expect(cal.bases).toEqual(["cn-mainland"]);
        for (const h of y.holidays) expect(cal.isWorkingDay(h.date)).toBe(false);
      });
    }
  }
  it("the styles cover every typography variant across the years", () => {
    const styles = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].flatMap((y) => [0, 1, 2].map((v) => styleOf(y, v)));
    for (const k of ["traditional", "fullWidth", "annotateHolidays", "lunar", "oneParagraph"] as const) expect(new Set(styles.map((s) => s[k]))).toEqual(new Set([true, false]));
    expect(new Set(styles.map((s) => s.weekday))).toEqual(new Set(["星期", "周", "週"]));
  });
});

// Hand-written odd forms, on 2025 (国办发明电〔2024〕12号's shape, dates worked out from the calendar).
const HEAD = "国务院办公厅关于2025年部分节假日安排的通知\n";
const REST = [
  "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。",
  "三、清明节：4月4日（周五）至6日（周日）放假，共3天。",
  "四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。",
  "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。",
  "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。",
].join("\n");
const reasons = (text: string) => problems(() => importNotice(text)).map((p) => (p.params as { reason: string }).reason);

describe("importNotice: odd forms and every doubt refused with its sentence", () => {
  it("reads the 2025 notice in its own words", () => {
    const r = importNotice(HEAD + "一、元旦：1月1日（周三）放假1天，不调休。\n" + REST);
    expect(r.holidays.filter((h) => h.name === "春节").map((h) => h.date)).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"]);
    expect(r.holidays.filter((h) => h.name === "国庆节、中秋节")).toHaveLength(8);
    expect(r.makeupWorkdays.map((m) => m.date)).toEqual(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
    expect(r.warnings).toEqual([]);
  });
  it("a wrong 共N天, weekday, lunar day, a weekday makeup day, a non-notice sentence are each an error quoting it", () => {
    const base = HEAD + "一、元旦：1月1日（周三）放假1天，不调休。\n" + REST;
    expect(reasons(base.replace("共8天。1月26日", "共7天。1月26日"))).toEqual(["count-mismatch"]);
    expect(reasons(base.replace("1月1日（周三）", "1月1日（周四）"))).toEqual(["weekday-mismatch"]);
    expect(reasons(base.replace("农历除夕、周二", "农历正月初一、周二"))).toEqual(["lunar-mismatch"]);
    expect(reasons(base.replace("4月27日（周日）上班", "4月28日上班"))).toEqual(["makeup-on-weekday"]);
    const p = problems(() => importNotice(base.replace("不调休。", "不调休。另行通知。")));
    expect(p[0]).toMatchObject({ code: "NOTICE_INVALID", line: 2, params: { reason: "unknown-sentence", sentence: "另行通知" } });
    // 春节 left out: its four statutory days (2024 revision: 除夕 to 初三) are missing.
    expect(reasons(base.replace(/二、春节：[^\n]*\n/, ""))).toEqual(["statutory-missing", "statutory-missing", "statutory-missing", "statutory-missing"]);
    expect(reasons("一、元旦：1月1日放假。")).toEqual(["no-year"]);
  });
  it("2023: a range across the year end, and its 7-day working stretch (10-07…10-13) warned", () => {
    const y = CN_MAINLAND.years["2023"]!;
    const r = importNotice(typesetNotice(2023, y.holidays, y.makeupWorkdays, styleOf(2023, 0)));
    expect(r.holidays.slice(0, 3).map((h) => h.date)).toEqual(["2022-12-31", "2023-01-01", "2023-01-02"]);
    expect(r.warnings.map((w) => [w.from, w.to, w.days])).toContainEqual(["2023-10-07", "2023-10-13", 7]);
  });
});

describe("provisional years, status, and the end-of-calendar warning", () => {
  it("statutory table: every row equals chinese-days' lunar calendar and solar terms", () => {
    // chinese-days computes with the host's local Date, so its answers shift west of UTC+8; the
    // oracle is asked in a child process in Asia/Shanghai (the table itself is zone-free data).
    const years: number[] = [];
    for (let y = FESTIVALS_FROM; y < FESTIVALS_FROM + FESTIVALS.length; y += 7) years.push(y);
    const script = `const cd=require(${JSON.stringify(createRequire(import.meta.url).resolve("chinese-days"))});process.stdout.write(JSON.stringify(${JSON.stringify(years)}.map((y)=>cd.getSolarDateFromLunar(y+"-01-01").date)))`;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, TZ: "Asia/Shanghai" } });
    const oracle = JSON.parse(child.stdout) as string[];
    years.forEach((y, i) => expect(FESTIVALS[y - FESTIVALS_FROM]!.slice(4, 8), String(y)).toBe(oracle[i]!.slice(5).replace("-", "")));
    // 2027 by the 2024 revision: 元旦, 春节 除夕–初三 (02-05…02-08), 清明 04-05, 05-01/02, 端午 06-09, 中秋 09-15, 国庆 10-01…03.
    expect(statutoryDays(2027)!.map((d) => d.date)).toEqual(["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"]);
  });
  it("only when asked: 2027 from the statutory holidays, no 调休, results flagged", () => {
    expect(problems(() => defaultCalendar().addWorkingDays("2026-12-31", 1))[0]?.code).toBe("DATE_OUT_OF_RANGE");
    const cal = defaultCalendar({ provisional: "statutory" });
    expect(cal.provisionalYears[0]).toBe(2027);
    // Thursday 12-31 + 1: 2027-01-01 (Fri) is 元旦, so Monday 01-04.
    expect(cal.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    const pack = loadPack("suqian", { provisional: "statutory" });
    const r = evaluate(pack, { asOf: "2026-12-21", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-12-21" } } });
    // 12-22…12-31: 8 working days; 01-01 off; 01-04…01-08 make 13; 01-11 (Mon) 14; 01-12 15.
    expect(r.deadlines["mayor-direct"]).toMatchObject({ dueDate: "2027-01-12" });
    expect(r.provisional).toBe(true);
    expect(r.receipt.provisionalYears).toEqual([2027]);
    expect(r.receipt.calendarEndsOn).toBeUndefined(); // the provisional calendar runs on to 2099
    const plain = evaluate(loadPack("suqian"), { asOf: "2026-12-01", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-12-01" } } });
    expect(plain.provisional).toBeUndefined();
    expect(plain.receipt.calendarEndsOn).toBe("2026-12-31"); // 30 days before the end
  });
  it("CLI: add --provisional --json, status --on, import --json, the stderr line", () => {
    expect(JSON.parse(run("calendar", "add", "2026-12-31", "1", "--provisional", "--json").out)).toEqual({ date: "2027-01-04", provisional: true });
    expect(JSON.parse(run("calendar", "add", "2026-09-18", "15", "--provisional", "--json").out)).toEqual({ date: "2026-10-15" });
    expect(JSON.parse(run("calendar", "status", "--on", "2026-12-01", "--json").out)).toEqual({ id: "cn-mainland", version: "2026.1", from: "2018-12-29", to: "2026-12-31", daysLeft: 30 });
    const dir = mkdtempSync(join(tmpdir(), "ys-notice-"));
    const y = CN_MAINLAND.years["2025"]!;
    writeFileSync(join(dir, "n.txt"), typesetNotice(2025, y.holidays, y.makeupWorkdays, styleOf(2025, 1)));
    expect(JSON.parse(run("calendar", "import", join(dir, "n.txt"), "--json").out)).toEqual({ year: 2025, holidays: y.holidays, makeupWorkdays: y.makeupWorkdays });
    writeFileSync(join(dir, "bad.txt"), HEAD + "一、元旦：1月1日（周四）放假1天，不调休。");
    expect(run("calendar", "import", join(dir, "bad.txt"), "--json").code).toBe(2);
    writeFileSync(join(dir, "case.json"), JSON.stringify({ asOf: "2026-12-01", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-12-01" } } }));
    const e = run("eval", "suqian", join(dir, "case.json"), "--json");
    expect(e.code).toBe(0);
    expect(e.err.trim().split("\n")).toHaveLength(1);
    expect(e.err).toContain("2026-12-31");
  });
});
