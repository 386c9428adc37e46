// Periodic duties; weekdays of 2026 worked out by hand (2026-10-15 is a Thursday).
import { describe, expect, it } from "vitest";
import { defaultCalendar, scheduleCompliance, scheduleDueDates } from "../../src/calendar/index.js";
import { YingshangError } from "../../src/errors.js";

const cal = defaultCalendar();

describe("宿迁 二(十一): the monthly ledger is due on the 25th", () => {
  it("Sunday 2026-10-25 moves to Monday 10-26 (next), or back to Friday 10-23 (previous), or stays (keep)", () => {
    expect(scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "next" }, "2026-10-01", "2026-10-31")).toEqual([{ period: "2026-10", due: "2026-10-26", moved: true }]);
    expect(scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "previous" }, "2026-10-01", "2026-10-31")).toEqual([{ period: "2026-10", due: "2026-10-23", moved: true }]);
    expect(scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "keep" }, "2026-10-01", "2026-10-31")).toEqual([{ period: "2026-10", due: "2026-10-25", moved: false }]);
  });

  it("Saturday 2026-04-25 moves to Monday 04-27; Wednesday 11-25 stays", () => {
    const r = scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "next" }, "2026-04-01", "2026-11-30");
    expect(r[0]).toEqual({ period: "2026-04", due: "2026-04-27", moved: true });
    expect(r.at(-1)).toEqual({ period: "2026-11", due: "2026-11-25", moved: false });
    expect(r).toHaveLength(8);
  });

  it("Sunday 2026-01-25 moves to Monday 01-26; Wednesday 02-25 stays", () => {
    const r = scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "next" }, "2026-01-01", "2026-02-28");
    expect(r).toEqual([
      { period: "2026-01", due: "2026-01-26", moved: true },
      { period: "2026-02", due: "2026-02-25", moved: false },
    ]);
  });

  it("compliance: filed 10-26 meets October (moved due date); filed 11-26 misses November's 11-25", () => {
    const spec = { every: "month", day: 25, ifNotWorkingDay: "next" } as const;
    expect(scheduleCompliance(cal, spec, ["2026-10-26", "2026-11-26"], "2026-10-01", "2026-11-30")).toEqual([
      { period: "2026-10", due: "2026-10-26", met: true, doneOn: "2026-10-26" },
      { period: "2026-11", due: "2026-11-25", met: false, doneOn: "2026-11-26" },
    ]);
  });
});

describe("contact duties: at least once per period", () => {
  it("quarterly: a visit on 02-10 meets Q1; none in Q2", () => {
    const spec = { every: "quarter", atLeastOnce: true, ifNotWorkingDay: "keep" } as const;
    expect(scheduleCompliance(cal, spec, ["2026-02-10"], "2026-01-01", "2026-06-30")).toEqual([
      { period: "2026-Q1", due: "2026-03-31", met: true, doneOn: "2026-02-10" },
      { period: "2026-Q2", due: "2026-06-30", met: false, doneOn: null },
    ]);
  });
  it("monthly, due the last day: 2026-05-31 is a Sunday → previous working day Friday 05-29; a visit on Saturday 05-30 is still inside May", () => {
    const spec = { every: "month", atLeastOnce: true, ifNotWorkingDay: "previous" } as const;
    expect(scheduleCompliance(cal, spec, ["2026-05-30"], "2026-05-01", "2026-05-31")).toEqual([{ period: "2026-05", due: "2026-05-29", met: true, doneOn: "2026-05-30" }]);
  });
  it("half-year and year labels; the year's last day 2025-12-31 is a Wednesday", () => {
    expect(scheduleDueDates(cal, { every: "half-year", ifNotWorkingDay: "next" }, "2025-01-01", "2025-12-31")).toEqual([
      { period: "2025-H1", due: "2025-06-30", moved: false },
      { period: "2025-H2", due: "2025-12-31", moved: false },
    ]);
    // 2025-10-31 is a Friday: quarter 4 due in its 1st month (October) on day 31.
    expect(scheduleDueDates(cal, { every: "quarter", month: 1, day: 31, ifNotWorkingDay: "next" }, "2025-10-01", "2025-12-31")).toEqual([{ period: "2025-Q4", due: "2025-10-31", moved: false }]);
    expect(scheduleDueDates(cal, { every: "year", month: 2, day: 30, ifNotWorkingDay: "keep" }, "2024-01-01", "2024-12-31")).toEqual([{ period: "2024", due: "2024-02-29", moved: false }]);
  });
  it("bad schedules are PERIOD_INVALID; a schedule reaching past 2026 is DATE_OUT_OF_RANGE", () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof YingshangError ? e.code : "other";
      }
      return undefined;
    };
    expect(code(() => scheduleDueDates(cal, { every: "month", day: 32, ifNotWorkingDay: "next" }, "2026-01-01", "2026-12-31"))).toBe("PERIOD_INVALID");
    expect(code(() => scheduleDueDates(cal, { every: "quarter", month: 4, ifNotWorkingDay: "next" }, "2026-01-01", "2026-12-31"))).toBe("PERIOD_INVALID");
    expect(code(() => scheduleDueDates(cal, { every: "month", day: 25, ifNotWorkingDay: "next" }, "2026-01-01", "2027-03-31"))).toBe("DATE_OUT_OF_RANGE");
    // 2026-12-31 (Thursday) is the last covered day; moving to the next working day would leave the range.
    expect(code(() => scheduleDueDates(cal, { every: "month", day: 31, ifNotWorkingDay: "next" }, "2026-12-01", "2026-12-31"))).toBeUndefined();
  });
});
