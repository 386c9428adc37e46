/**
 * Periodic duties evaluated, for all four packs. Every expected date is worked out by hand from the
 * documents and the 2026 State Council notice (calendar facts cited inline), not copied from output.
 */
import { describe, expect, it } from "vitest";
import { duties, dutyIncidents, loadPack, score, YingshangError, type DutiesResult } from "../../src/index.js";

const suqian = loadPack("suqian");
const xinghua = loadPack("xinghua");
const yingkou = loadPack("yingkou");
const zibo = loadPack("zibo");

const find = (r: DutiesResult, id: string) => {
  const d = r.duties.find((x) => x.id === id);
  expect(d, `no duty ${id} in ${r.duties.map((x) => x.id).join(", ")}`).toBeDefined();
  return d!;
};
const statuses = (r: DutiesResult, id: string) => find(r, id).compliance!.map((c) => `${c.subject} ${c.period} ${c.status}${c.workingDaysLate !== null ? ` +${c.workingDaysLate}` : ""}`);

describe("宿迁 (宿政办发〔2024〕15号)", () => {
  it("2026-04: the ledger is due Monday 2026-04-27 because the 25th is a Saturday (二(十一)); the month's other duties are due on its last day", () => {
    const r = duties(suqian, { period: "2026-04" }, { asOf: "2026-04-30" });
    expect(find(r, "monthly-ledger")).toMatchObject({ due: ["2026-04-27"], clause: "二(十一)", periods: [{ period: "2026-04", due: "2026-04-27", moved: true }] });
    // 一(三) 每月联系企业不少于一次: within the month, its last day kept.
    expect(find(r, "monthly-contact").due).toEqual(["2026-04-30"]);
    // Quarterly and half-yearly duties do not fall due in April.
    expect(r.duties.map((d) => d.id)).not.toContain("quarterly-visit");
    expect(r.duties.map((d) => d.id)).not.toContain("entrepreneur-forum");
    expect(r.summary).toBeNull();
  });

  it("2026-Q2 lists each month's ledger (27 Apr moved, 25 May and 25 Jun working days), one quarterly visit due 30 June (一(四)), and the first half-year's forum, whose due day 30 June lies in Q2", () => {
    const r = duties(suqian, { period: "2026-Q2" }, { asOf: "2026-06-30" });
    expect(find(r, "monthly-ledger").due).toEqual(["2026-04-27", "2026-05-25", "2026-06-25"]);
    expect(find(r, "quarterly-visit").due).toEqual(["2026-06-30"]);
    expect(find(r, "entrepreneur-forum").periods).toEqual([{ period: "2026-H1", due: "2026-06-30", moved: false }]);
    expect(find(duties(suqian, { period: "2026-Q1" }, { asOf: "2026-03-31" }), "quarterly-visit").due).toEqual(["2026-03-31"]);
  });

  it("2026-H1 adds the entrepreneurs' forum (二(十三) 每半年召开一次) due 2026-06-30; the year 2026 has 12 ledgers and 2 forums", () => {
    expect(find(duties(suqian, { period: "2026-H1" }, { asOf: "2026-06-30" }), "entrepreneur-forum").due).toEqual(["2026-06-30"]);
    const y = duties(suqian, { period: "2026" }, { asOf: "2026-12-31" });
    expect(find(y, "entrepreneur-forum").due).toEqual(["2026-06-30", "2026-12-31"]);
    // January 25 is a Sunday → 26; 2026-09-25 is the Mid-Autumn holiday → Monday 28; October 25 a Sunday → 26; the rest are working days.
    expect(find(y, "monthly-ledger").due).toEqual(["2026-01-26", "2026-02-25", "2026-03-25", "2026-04-27", "2026-05-25", "2026-06-25", "2026-07-27", "2026-08-25", "2026-09-28", "2026-10-26", "2026-11-25", "2026-12-25"]);
  });

  it("ledger records in Q2: on the moved due date is met, two working days after 25 May is late (26, 27 May), none in June is missed (二(十一))", () => {
    const r = duties(suqian, {
      period: "2026-Q2",
      records: { records: [
        { duty: "monthly-ledger", unit: "city-commerce", date: "2026-04-27" },
        { duty: "monthly-ledger", unit: "city-commerce", date: "2026-05-27" },
      ] },
    }, { asOf: "2026-06-30" });
    expect(statuses(r, "monthly-ledger")).toEqual(["city-commerce 2026-04 met", "city-commerce 2026-05 late +2", "city-commerce 2026-06 missed"]);
    expect(find(r, "monthly-ledger").compliance![1]).toMatchObject({ doneOn: "2026-05-27", clause: "二(十一)" });
  });

  it("contact and visit duties are judged per liaison and enterprise: L1 contacted E1 in April and June, not May; L1 never contacted E2 (一(三), 一(四))", () => {
    const r = duties(suqian, {
      period: "2026-Q2",
      records: {
        records: [
          { duty: "monthly-contact", liaison: "L1", enterprise: "E1", date: "2026-04-10" },
          { duty: "monthly-contact", liaison: "L1", enterprise: "E1", date: "2026-06-03" },
          { duty: "quarterly-visit", liaison: "L1", enterprise: "E1", date: "2026-05-20" },
        ],
        expected: { "monthly-contact": [{ liaison: "L1", enterprise: "E2" }], "quarterly-visit": [{ liaison: "L1", enterprise: "E2" }] },
      },
    }, { asOf: "2026-07-01" });
    expect(statuses(r, "monthly-contact")).toEqual([
      "L1 → E1 2026-04 met", "L1 → E1 2026-05 missed", "L1 → E1 2026-06 met",
      "L1 → E2 2026-04 missed", "L1 → E2 2026-05 missed", "L1 → E2 2026-06 missed",
    ]);
    expect(statuses(r, "quarterly-visit")).toEqual(["L1 → E1 2026-Q2 met", "L1 → E2 2026-Q2 missed"]);
    expect(find(r, "quarterly-visit").compliance![0]).toMatchObject({ liaison: "L1", enterprise: "E1", unit: null });
  });

  it("a duty not yet due on asOf is pending, not missed: on 2026-06-20 June's ledger (due 25 June) is still open", () => {
    const r = duties(suqian, { period: "2026-06", records: { records: [], expected: { "monthly-ledger": ["city-commerce"] } } }, { asOf: "2026-06-20" });
    expect(statuses(r, "monthly-ledger")).toEqual(["city-commerce 2026-06 pending"]);
    expect(r.summary!.pending).toBeGreaterThanOrEqual(1);
  });
});

describe("兴化 附件2三(四): monthly reports become 制度执行 deductions", () => {
  const records = {
    records: [
      { duty: "monthly-report", unit: "daiNan", date: "2026-01-20" },
      // February's report filed in March: not 及时 — late by the working days after 28 Feb (a makeup working day): 2, 3, 4, 5 March.
      { duty: "monthly-report", unit: "daiNan", date: "2026-03-05", period: "2026-02" },
      { duty: "monthly-report", unit: "zhangGuo", date: "2026-01-28" },
      { duty: "monthly-report", unit: "zhangGuo", date: "2026-02-26" },
      { duty: "monthly-report", unit: "zhangGuo", date: "2026-03-30" },
    ],
    expected: { "monthly-report": ["daiNan", "zhangGuo", "zone"] },
  };

  it("Q1 2026: 戴南 late in February and missing March; 张郭 every month; the zone sent nothing", () => {
    const r = duties(xinghua, { period: "2026-Q1", records }, { asOf: "2026-04-01" });
    expect(find(r, "monthly-report").due).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(statuses(r, "monthly-report")).toEqual([
      "daiNan 2026-01 met", "daiNan 2026-02 late +4", "daiNan 2026-03 missed",
      "zhangGuo 2026-01 met", "zhangGuo 2026-02 met", "zhangGuo 2026-03 met",
      "zone 2026-01 missed", "zone 2026-02 missed", "zone 2026-03 missed",
    ]);
    expect(r.summary).toEqual({ met: 4, late: 1, missed: 4, pending: 0 });
  });

  it("the missed and late months become monthly-report-missed incidents, 2 points each: 戴南 −4, the zone −6 (附件2三(四) 每次扣2分)", () => {
    const r = duties(xinghua, { period: "2026-Q1", records }, { asOf: "2026-04-01" });
    const inc = dutyIncidents(r, "scorecard");
    expect(inc.map((i) => [i.unit, i.item, i.count])).toEqual([["daiNan", "monthly-report-missed", 2], ["zone", "monthly-report-missed", 3]]);
    expect(inc[0]!.periods).toEqual([{ period: "2026-02", status: "late" }, { period: "2026-03", status: "missed" }]);
    const s = score(xinghua, "scorecard", { incidents: [{ item: inc[1]!.item, count: inc[1]!.count }], survey: { 优秀: 1 } }, { asOf: "2026-03-31" });
    expect(s.categories.discipline!.score).toBe(4);
    expect(dutyIncidents(r, "another-card")).toEqual([]);
  });
});

describe("营口 九: monthly 通报, the quarterly sample and the year-end summary", () => {
  it("2026-Q1 has three monthly reports per duty (九(一)(二)(三)) and the quarterly 10 % sample due at the quarter's end (九(四))", () => {
    const r = duties(yingkou, { period: "2026-Q1" }, { asOf: "2026-03-31" });
    for (const id of ["monthly-reserve-report", "monthly-negotiation-report", "monthly-signed-report"]) expect(find(r, id).due).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(find(r, "quarterly-sample")).toMatchObject({ due: ["2026-03-31"], clause: "九(四)" });
    expect(r.duties.map((d) => d.id)).not.toContain("year-end-summary");
    expect(find(duties(yingkou, { period: "2026" }, { asOf: "2026-12-31" }), "year-end-summary").due).toEqual(["2026-12-31"]);
  });

  it("a quarter's sample inspection done in February meets 九(四); a unit with no reserve report in March missed 九(一)", () => {
    const r = duties(yingkou, {
      period: "2026-Q1",
      records: { records: [
        { duty: "quarterly-sample", unit: "city-investment-bureau", date: "2026-02-12" },
        { duty: "monthly-reserve-report", unit: "county-a", date: "2026-01-30" },
        { duty: "monthly-reserve-report", unit: "county-a", date: "2026-02-27" },
      ] },
    }, { asOf: "2026-04-01" });
    expect(statuses(r, "quarterly-sample")).toEqual(["city-investment-bureau 2026-Q1 met"]);
    expect(statuses(r, "monthly-reserve-report")).toEqual(["county-a 2026-01 met", "county-a 2026-02 met", "county-a 2026-03 missed"]);
  });
});

describe("淄博 五: the one-off 年内 list", () => {
  it("falls due once, on 2020-12-31, and in no later year (五 年内再新推出一批)", () => {
    const r = duties(zibo, { period: "2020", records: { records: [{ duty: "new-commitment-list", unit: "city-approval-service", date: "2020-11-20" }] } }, { asOf: "2020-12-31" });
    expect(find(r, "new-commitment-list")).toMatchObject({ due: ["2020-12-31"], file: "deadlines.yaml", clause: "五" });
    expect(statuses(r, "new-commitment-list")).toEqual(["city-approval-service 2020 met"]);
    expect(duties(zibo, { period: "2021" }, { asOf: "2021-12-31" }).duties).toEqual([]);
  });
});

describe("input is checked, every problem at once", () => {
  it("unknown keys, an unknown duty, a bad date and a mixed subject are all reported", () => {
    let err: YingshangError | null = null;
    try {
      duties(suqian, {
        period: "2026-Q2",
        records: { records: [
          { duty: "monthly-ledgr", unit: "a", date: "2026-04-01" },
          { duty: "monthly-ledger", unit: "a", date: "2026-04-31" },
          { duty: "monthly-ledger", unit: "a", date: "2026-04-02", peroid: "2026-04" },
          { duty: "monthly-contact", unit: "a", liaison: "L", enterprise: "E", date: "2026-04-02" },
        ], expectd: {} } as never,
      }, { asOf: "2026-06-30" });
    } catch (e) {
      err = e as YingshangError;
    }
    expect(err).toBeInstanceOf(YingshangError);
    const got = err!.problems.map((p) => [p.code, p.path]);
    expect(got).toContainEqual(["INPUT_UNKNOWN_KEY", "expectd"]);
    expect(got).toContainEqual(["RULE_UNKNOWN", "records[0].duty"]);
    expect(got).toContainEqual(["INPUT_INVALID", "records[1].date"]);
    expect(got).toContainEqual(["INPUT_UNKNOWN_KEY", "records[2].peroid"]);
    expect(got).toContainEqual(["INPUT_INVALID", "records[3]"]);
    expect(err!.problems.find((p) => p.path === "expectd")!.params).toMatchObject({ suggestion: "expected" });
    expect(err!.problems.find((p) => p.path === "records[0].duty")!.message).toContain("monthly-ledger");
  });

  it("a period that is not one is refused with the forms it may take", () => {
    expect(() => duties(suqian, { period: "2026-13" }, { asOf: "2026-06-30" })).toThrow(/2026-04, a quarter 2026-Q2/);
    expect(() => duties(suqian, { period: "2026-Q2", extra: 1 } as never, { asOf: "2026-06-30" })).toThrow(/extra/);
  });
});
