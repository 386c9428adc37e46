// Worked examples from the city policies, each expected date counted by hand on the 2026 notice
// (国办发明电 2025-11-04: 中秋 09-25…27 off, 国庆 10-01…07 off, Sundays 09-20 and Saturday 10-10 work).
import { describe, expect, it } from "vitest";
import { computeDeadline, defaultCalendar, type CaseEvents, type PeriodSpec } from "../../src/calendar/index.js";
import { YingshangError } from "../../src/errors.js";

const cal = defaultCalendar();

function problemOf(f: () => unknown): { code: string; params: unknown; path?: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof YingshangError) return { code: e.code, params: e.problems[0]?.params, path: e.problems[0]?.path };
    throw e;
  }
  throw new YingshangError([]);
}

describe("宿迁 一(八) 企业问题投诉直达市长: matters referred on Friday 2026-09-18", () => {
  it("complex (15 working days) is due Thursday 2026-10-15, because the makeup Sunday 09-20 counts", () => {
    const r = computeDeadline(cal, { workingDays: 15 }, { received: "2026-09-18" });
    expect(r.dueDate).toBe("2026-10-15");
    expect(r.status).toBeNull();
    const counted = r.ledger.filter((e) => e.kind === "count").map((e) => e.date);
    expect(counted).toHaveLength(15);
    expect(counted[0]).toBe("2026-09-20");
    expect(counted).not.toContain("2026-10-01");
    expect(r.ledger.at(-1)).toMatchObject({ date: "2026-10-15", kind: "due" });
  });

  it("urgent (2 working days) is due Monday 09-21 and general (5) Thursday 09-24", () => {
    expect(computeDeadline(cal, { workingDays: 2 }, { received: "2026-09-18" }).dueDate).toBe("2026-09-21");
    expect(computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-18" }).dueDate).toBe("2026-09-24");
  });

  it("status: due today on 10-15, overdue by 1 working day on Friday 10-16, by 2 on Monday 10-19", () => {
    const spec = { workingDays: 15 }, ev = { received: "2026-09-18" };
    expect(computeDeadline(cal, spec, ev, "2026-10-15T16:00:00+08:00").status).toEqual({ kind: "due-today" });
    expect(computeDeadline(cal, spec, ev, "2026-10-16T09:00:00+08:00").status).toEqual({ kind: "overdue", workingDaysOverdue: 1 });
    expect(computeDeadline(cal, spec, ev, "2026-10-18").status).toEqual({ kind: "overdue", workingDaysOverdue: 1 });
    expect(computeDeadline(cal, spec, ev, "2026-10-19").status).toEqual({ kind: "overdue", workingDaysOverdue: 2 });
    // On 09-30 the days left are 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15 = 7.
    expect(computeDeadline(cal, spec, ev, "2026-09-30").status).toEqual({ kind: "running", workingDaysLeft: 7 });
    expect(computeDeadline(cal, spec, ev, "2026-09-17").status).toEqual({ kind: "not-started" });
    expect(computeDeadline(cal, spec, { ...ev, completed: "2026-10-14" }, "2026-10-20").status).toEqual({ kind: "done-on-time", completed: "2026-10-14" });
    expect(computeDeadline(cal, spec, { ...ev, completed: "2026-10-19" }, "2026-10-20").status).toEqual({ kind: "done-late", completed: "2026-10-19", workingDaysLate: 2 });
  });

  it("a status at an instant uses its Shanghai date: 2026-10-15T17:30 in Los Angeles is already 10-16 in Shanghai", () => {
    expect(computeDeadline(cal, { workingDays: 15 }, { received: "2026-09-18" }, "2026-10-15T17:30:00-07:00").status).toEqual({ kind: "overdue", workingDaysOverdue: 1 });
  });
});

describe("营口 六.2 补正 notice: 当场或在2日内 (natural days, 民法典 第203条)", () => {
  it("received Friday 2026-04-03 before 清明 (04-04…06): the 2nd day, Sunday 04-05, is a holiday, so it moves to Tuesday 04-07", () => {
    const r = computeDeadline(cal, { days: 2 }, { received: "2026-04-03" });
    expect(r.dueDate).toBe("2026-04-07");
    expect(r.ledger.filter((e) => e.kind === "count").map((e) => e.date)).toEqual(["2026-04-04", "2026-04-05"]);
    expect(r.ledger.filter((e) => e.kind === "moved").map((e) => e.date)).toEqual(["2026-04-06"]);
  });

  it("当场 (sameDay) on a working day is that day; on Saturday 04-04 (清明) it is the next working day 04-07", () => {
    expect(computeDeadline(cal, { sameDay: true }, { received: "2026-04-03" }).dueDate).toBe("2026-04-03");
    expect(computeDeadline(cal, { sameDay: true }, { received: "2026-04-04" }).dueDate).toBe("2026-04-07");
  });

  it("with startDay included, 2 days from Thursday 04-02 end Friday 04-03", () => {
    expect(computeDeadline(cal, { days: 2, startDay: "included" }, { received: "2026-04-02" }).dueDate).toBe("2026-04-03");
    // Working days, start day included: Friday 09-18 is day 1, Sunday 09-20 day 2.
    expect(computeDeadline(cal, { workingDays: 2, startDay: "included" }, { received: "2026-09-18" }).dueDate).toBe("2026-09-20");
  });
});

describe("cutoff: received after 17:00 counts as received the next working day", () => {
  it("2 working days from Friday 2026-09-18 17:30 Shanghai: received 09-20 (makeup Sunday), due Tuesday 09-22", () => {
    const spec: PeriodSpec = { workingDays: 2, cutoff: "17:00" };
    expect(computeDeadline(cal, spec, { received: "2026-09-18T17:30:00+08:00" }).dueDate).toBe("2026-09-22");
    // The same instant written in Los Angeles time (02:30 -07:00 = 17:30 Shanghai).
    expect(computeDeadline(cal, spec, { received: "2026-09-18T02:30:00-07:00" }).dueDate).toBe("2026-09-22");
    // Before the cutoff, and a plain date: the receipt day itself is the start.
    expect(computeDeadline(cal, spec, { received: "2026-09-18T16:59:00+08:00" }).dueDate).toBe("2026-09-21");
    expect(computeDeadline(cal, spec, { received: "2026-09-18" }).dueDate).toBe("2026-09-21");
  });
});

describe("clock stops and restarts", () => {
  it("补正 restart (营口 六.2): 5 working days counted again from Tuesday 09-22 end Wednesday 09-30", () => {
    // After 09-22: 09-23 (1), 09-24 (2), 中秋 09-25…27, 09-28 (3), 09-29 (4), 09-30 (5).
    const r = computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-18", restarts: [{ on: "2026-09-22", reason: "complete materials" }] });
    expect(r.dueDate).toBe("2026-09-30");
    expect(r.ledger.find((e) => e.kind === "restart")).toMatchObject({ date: "2026-09-22" });
  });

  it("an expert-review pause (09-22, 09-29] moves 15 working days from 10-15 to Wednesday 10-21", () => {
    // 09-20 (1), 09-21 (2), 09-22 (3); paused 09-23…09-29; 09-30 (4), 10-08 (5), 10-09 (6), 10-10 (7),
    // 10-12…10-16 (8–12), 10-19 (13), 10-20 (14), 10-21 (15).
    const ev: CaseEvents = { received: "2026-09-18", pauses: [{ from: "2026-09-22", to: "2026-09-29", reason: "expert review" }] };
    const r = computeDeadline(cal, { workingDays: 15 }, ev, "2026-09-25");
    expect(r.dueDate).toBe("2026-10-21");
    expect(r.status).toEqual({ kind: "paused", since: "2026-09-22" });
    expect(r.ledger.filter((e) => e.kind === "count")).toHaveLength(15);
  });

  it("an open pause lasts until now: from 09-22 still open on 09-29 gives the same 10-21", () => {
    const ev: CaseEvents = { received: "2026-09-18", pauses: [{ from: "2026-09-22" }] };
    expect(computeDeadline(cal, { workingDays: 15 }, ev, "2026-09-29").dueDate).toBe("2026-10-21");
    expect(computeDeadline(cal, { workingDays: 15 }, ev, "2026-09-29").status).toEqual({ kind: "paused", since: "2026-09-22" });
  });

  it("a restart ends an open 补正 pause", () => {
    const ev: CaseEvents = { received: "2026-09-18", pauses: [{ from: "2026-09-21", reason: "一次性告知" }], restarts: [{ on: "2026-09-22" }] };
    const r = computeDeadline(cal, { workingDays: 5 }, ev, "2026-09-24");
    expect(r.dueDate).toBe("2026-09-30");
    expect(r.status).toEqual({ kind: "running", workingDaysLeft: 3 });
  });

  it("overlapping pauses and pauses before receipt are EVENTS_INVALID with their path", () => {
    const ov = problemOf(() => computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-18", pauses: [{ from: "2026-09-21", to: "2026-09-24" }, { from: "2026-09-23", to: "2026-09-28" }] }));
    expect(ov.code).toBe("EVENTS_INVALID");
    expect(ov.path).toBe("events.pauses[1]");
    expect(problemOf(() => computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-18", pauses: [{ from: "2026-09-17" }] })).path).toBe("events.pauses[0].from");
    expect(problemOf(() => computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-31" })).code).toBe("EVENTS_INVALID");
  });
});

describe("extensions (营口 六.3): before expiry and within the statutory cap only", () => {
  const spec: PeriodSpec = { workingDays: 5, extensionCap: { workingDays: 5 } };
  it("3 working days asked on the due date 09-24 move it to 09-30", () => {
    const r = computeDeadline(cal, spec, { received: "2026-09-18", extensions: [{ requestedOn: "2026-09-24", workingDays: 3 }] });
    expect(r.dueDate).toBe("2026-09-30");
    expect(r.ledger.find((e) => e.kind === "extension")).toMatchObject({ date: "2026-09-24", n: 3 });
  });
  it("an extension asked on 09-25, after the period expired on 09-24, is refused", () => {
    const p = problemOf(() => computeDeadline(cal, spec, { received: "2026-09-18", extensions: [{ requestedOn: "2026-09-25", workingDays: 1 }] }));
    expect(p).toMatchObject({ code: "EXTENSION_AFTER_EXPIRY", params: { requestedOn: "2026-09-25", dueDate: "2026-09-24" } });
  });
  it("a second extension past the cap of 5 is refused: 3 granted, 3 more asked, 2 allowed", () => {
    const p = problemOf(() =>
      computeDeadline(cal, spec, { received: "2026-09-18", extensions: [{ requestedOn: "2026-09-24", workingDays: 3 }, { requestedOn: "2026-09-29", workingDays: 3 }] }),
    );
    expect(p).toMatchObject({ code: "EXTENSION_OVER_CAP", params: { requested: 3, allowed: 2, cap: 5 } });
  });
  it("no cap means no extension", () => {
    expect(problemOf(() => computeDeadline(cal, { workingDays: 5 }, { received: "2026-09-18", extensions: [{ requestedOn: "2026-09-21", workingDays: 1 }] })).code).toBe("EXTENSION_OVER_CAP");
  });
  it("a natural-day extension on a working-day period runs on from the due date: 09-24 + 10 days = 10-04 (国庆) → 10-08", () => {
    const r = computeDeadline(cal, { workingDays: 5, extensionCap: { days: 10 } }, { received: "2026-09-18", extensions: [{ requestedOn: "2026-09-21", days: 10 }] });
    expect(r.dueDate).toBe("2026-10-08");
  });
});

describe("warnings and invalid specs", () => {
  it("warns at half of 15 working days (the 8th, 09-30) and three quarters (the 12th, 10-12)", () => {
    const r = computeDeadline(cal, { workingDays: 15, warnAt: [0.5, 0.75] }, { received: "2026-09-18" });
    // ceil(7.5) = 8th working day = 09-30; ceil(11.25) = 12th = 10-12.
    expect(r.warnings).toEqual([
      { at: 0.5, date: "2026-09-30" },
      { at: 0.75, date: "2026-10-12" },
    ]);
  });
  it("ledger: false returns an empty ledger with the same due date", () => {
    expect(computeDeadline(cal, { workingDays: 15 }, { received: "2026-09-18" }, undefined, { ledger: false })).toEqual({ dueDate: "2026-10-15", status: null, warnings: [], ledger: [] });
  });
  it("PERIOD_INVALID names the path", () => {
    const cases: [PeriodSpec, string][] = [
      [{}, "spec"],
      [{ workingDays: 5, days: 5 }, "spec"],
      [{ workingDays: 0 }, "spec.workingDays"],
      [{ workingDays: 2.5 }, "spec.workingDays"],
      [{ sameDay: false }, "spec.sameDay"],
      [{ workingDays: 5, cutoff: "5pm" }, "spec.cutoff"],
      [{ workingDays: 5, warnAt: [1.5] }, "spec.warnAt[0]"],
      [{ workingDays: 5, extensionCap: {} }, "spec.extensionCap"],
    ];
    for (const [spec, path] of cases) expect(problemOf(() => computeDeadline(cal, spec, { received: "2026-09-18" })), JSON.stringify(spec)).toMatchObject({ code: "PERIOD_INVALID", path });
  });
  it("a period that runs past 2026-12-31 is DATE_OUT_OF_RANGE, not a guess", () => {
    expect(problemOf(() => computeDeadline(cal, { workingDays: 15 }, { received: "2026-12-20" })).code).toBe("DATE_OUT_OF_RANGE");
  });
});
