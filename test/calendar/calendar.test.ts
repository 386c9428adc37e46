// Hand-worked answers from the State Council holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知).
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { defaultCalendar, type Calendar } from "../../src/calendar/index.js";
import { YingshangError } from "../../src/errors.js";

const cal: Calendar = defaultCalendar();

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof YingshangError) return e.code;
    throw e;
  }
  return undefined;
}

describe("bundled calendar cn-mainland", () => {
  it("covers 2018-12-29 (the 2019 notice's makeup Saturday) to 2026-12-31", () => {
    expect(cal.id).toBe("cn-mainland");
    expect(cal.range).toEqual({ from: "2018-12-29", to: "2026-12-31" });
    expect(defaultCalendar()).toBe(cal); // compiled once
  });

  it("2026 notice: Sunday 2026-09-20 is a makeup working day; 10-01…10-07 国庆节 off; Saturday 10-10 works", () => {
    expect(cal.info("2026-09-20")).toEqual({ date: "2026-09-20", working: true, kind: "makeup-workday", name: "国庆节" });
    for (const d of ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-07"]) expect(cal.info(d)).toMatchObject({ working: false, kind: "holiday", name: "国庆节" });
    expect(cal.info("2026-10-10")).toMatchObject({ working: true, kind: "makeup-workday" });
    expect(cal.info("2026-10-11")).toEqual({ date: "2026-10-11", working: false, kind: "weekend", name: null });
    expect(cal.info("2026-10-08")).toEqual({ date: "2026-10-08", working: true, kind: "workday", name: null });
    // 中秋节 Friday 2026-09-25 is off.
    expect(cal.info("2026-09-25")).toMatchObject({ working: false, kind: "holiday", name: "中秋节" });
  });

  it("2020: the COVID extension (国办发明电〔2020〕1号) made 01-31 a holiday and cancelled the Saturday 02-01 makeup day", () => {
    expect(cal.isWorkingDay("2020-01-31")).toBe(false);
    expect(cal.isWorkingDay("2020-02-01")).toBe(false);
    expect(cal.isWorkingDay("2020-02-03")).toBe(true);
    expect(cal.isWorkingDay("2020-01-19")).toBe(true); // Sunday makeup of the original notice
  });

  it("2024: 除夕 Friday 02-09 was an ordinary working day; Sunday 02-04 and 02-18 were makeup days", () => {
    expect(cal.info("2024-02-09")).toMatchObject({ working: true, kind: "workday" });
    expect(cal.info("2024-02-04")).toMatchObject({ working: true, kind: "makeup-workday", name: "春节" });
    expect(cal.info("2024-02-18")).toMatchObject({ working: true, kind: "makeup-workday" });
    expect(cal.info("2024-02-12")).toMatchObject({ working: false, kind: "holiday", name: "春节" });
  });

  it("2019: Saturday 2018-12-29 works (元旦), and the revised 劳动节 made Sunday 05-05 a makeup day", () => {
    expect(cal.info("2018-12-29")).toMatchObject({ working: true, kind: "makeup-workday", name: "元旦" });
    expect(cal.info("2018-12-31")).toMatchObject({ working: false, kind: "holiday" });
    expect(cal.isWorkingDay("2019-05-05")).toBe(true);
    expect(cal.isWorkingDay("2019-05-03")).toBe(false);
  });

  it("adds working days over makeup days and holidays (2026 国庆/中秋)", () => {
    // Friday 2026-09-18: 1 = Sun 09-20 (makeup), 2 = Mon 09-21 … 5 = Thu 09-24.
    expect(cal.addWorkingDays("2026-09-18", 1)).toBe("2026-09-20");
    expect(cal.addWorkingDays("2026-09-18", 2)).toBe("2026-09-21");
    expect(cal.addWorkingDays("2026-09-18", 5)).toBe("2026-09-24");
    // 6 = Mon 09-28 (09-25…27 中秋节), 8 = 09-30, 9 = 10-08 (国庆 10-01…07), 11 = Sat 10-10, 15 = Thu 10-15.
    expect(cal.addWorkingDays("2026-09-18", 6)).toBe("2026-09-28");
    expect(cal.addWorkingDays("2026-09-18", 9)).toBe("2026-10-08");
    expect(cal.addWorkingDays("2026-09-18", 11)).toBe("2026-10-10");
    expect(cal.addWorkingDays("2026-09-18", 15)).toBe("2026-10-15");
  });

  it("n = 0 gives the day itself when working, else the next working day; negative n counts back", () => {
    expect(cal.addWorkingDays("2026-09-20", 0)).toBe("2026-09-20");
    expect(cal.addWorkingDays("2026-10-01", 0)).toBe("2026-10-08");
    expect(cal.addWorkingDays("2026-10-08", -1)).toBe("2026-09-30");
    expect(cal.addWorkingDays("2026-10-15", -15)).toBe("2026-09-18");
    expect(cal.addWorkingDays("2026-10-04", -1)).toBe("2026-09-30");
  });

  it("counts working days in (from, to], negative when reversed", () => {
    expect(cal.countWorkingDays("2026-09-18", "2026-10-15")).toBe(15);
    expect(cal.countWorkingDays("2026-09-30", "2026-10-08")).toBe(1);
    expect(cal.countWorkingDays("2026-10-08", "2026-09-30")).toBe(-1);
    expect(cal.countWorkingDays("2026-10-01", "2026-10-07")).toBe(0);
    expect(cal.countWorkingDays("2026-09-18", "2026-09-18")).toBe(0);
  });

  it("next and previous working day skip the 国庆 week", () => {
    expect(cal.nextWorkingDay("2026-09-30")).toBe("2026-10-08");
    expect(cal.previousWorkingDay("2026-10-08")).toBe("2026-09-30");
    expect(cal.nextWorkingDay("2026-09-19")).toBe("2026-09-20");
    expect(cal.previousWorkingDay("2026-09-21")).toBe("2026-09-20");
  });

  it("adds natural days inside the range", () => {
    expect(cal.addDays("2026-09-18", 2)).toBe("2026-09-20");
    expect(cal.addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(cal.addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("reads ISO instants and luxon DateTimes as their Shanghai date, whatever the host zone", () => {
    // 23:30 in Los Angeles (UTC-7) on 09-18 is 14:30 on Saturday 09-19 in Shanghai.
    expect(cal.toDate("2026-09-18T23:30:00-07:00")).toBe("2026-09-19");
    expect(cal.isWorkingDay("2026-09-18T23:30:00-07:00")).toBe(false);
    expect(cal.toDate("2026-09-30T16:30:00Z")).toBe("2026-10-01");
    const la = DateTime.fromISO("2026-09-30T20:00:00", { zone: "America/Los_Angeles" }); // 10-01 11:00 Shanghai
    expect(cal.info(la)).toMatchObject({ date: "2026-10-01", kind: "holiday" });
    expect(cal.toDateTime("2026-10-01").toISO()).toBe("2026-10-01T00:00:00.000+08:00");
    // Without an offset, the wall time is Shanghai time.
    expect(cal.toDate("2026-09-18T23:30:00")).toBe("2026-09-18");
  });

  it("rejects impossible dates with INVALID_DATE", () => {
    for (const bad of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2026-9-1", "tomorrow", "2026-09-1x", "2026-0:-01", ""]) {
      expect(codeOf(() => cal.isWorkingDay(bad)), bad).toBe("INVALID_DATE");
    }
    expect(cal.isWorkingDay("2024-02-29")).toBe(true); // leap day, a Thursday
  });

  it("rejects counts that are not whole numbers", () => {
    expect(codeOf(() => cal.addWorkingDays("2026-09-18", 1.5))).toBe("INVALID_COUNT");
    expect(codeOf(() => cal.addWorkingDays("2026-09-18", Number.NaN))).toBe("INVALID_COUNT");
    expect(codeOf(() => cal.addDays("2026-09-18", Infinity))).toBe("INVALID_COUNT");
  });

  it("never guesses outside the range: dates and walks that leave it are DATE_OUT_OF_RANGE naming the range", () => {
    expect(codeOf(() => cal.info("2027-01-01"))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.info("2018-12-28"))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.addWorkingDays("2026-12-31", 1))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.addWorkingDays("2018-12-29", -1))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.nextWorkingDay("2026-12-31"))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.addDays("2026-12-31", 1))).toBe("DATE_OUT_OF_RANGE");
    expect(codeOf(() => cal.countWorkingDays("2026-12-01", "2027-01-04"))).toBe("DATE_OUT_OF_RANGE");
    try {
      cal.addWorkingDays("2027-03-01", 1);
    } catch (e) {
      const p = (e as YingshangError).problems[0];
      expect(p?.params).toEqual({ date: "2027-03-01", from: "2018-12-29", to: "2026-12-31" });
      expect(p?.message).toContain("2018-12-29 to 2026-12-31");
      expect(p?.message).toContain("2027");
    }
    // The last working day of 2026 (Thursday 12-31) is still reachable.
    expect(cal.addWorkingDays("2026-12-30", 1)).toBe("2026-12-31");
  });
});
