// Calendar files loaded at run time: extending to 2027, and every contradiction with file:line:col.
import { describe, expect, it } from "vitest";
import { defaultCalendar, loadCalendar, type Calendar } from "../../src/calendar/index.js";
import { y2027 } from "./helpers/year-2027.js";
import { problems } from "./helpers/run.js";


// The made-up 2027 file (helpers/year-2027.ts): every statutory day of 2027, invented blocks around them.
const Y2027 = y2027();

describe("loadCalendar", () => {
  it("a 2027 file extends cn-mainland's range to 2027-12-31", () => {
    const cal: Calendar = loadCalendar(Y2027, { file: "cn-2027.yaml" });
    expect(cal.id).toBe("cn-mainland-2027");
    expect(cal.range).toEqual({ from: "2018-12-29", to: "2027-12-31" });
    // Thursday 2026-12-31 + 1 working day: 01-01…03 off in the file, so Monday 2027-01-04.
    expect(cal.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(cal.info("2027-01-10")).toMatchObject({ working: true, kind: "makeup-workday" }); // a Sunday
    expect(cal.addWorkingDays("2026-09-18", 15)).toBe("2026-10-15"); // the base years are kept
    // The same via options.extends.
    expect(loadCalendar(Y2027.replace("extends: cn-mainland\n", ""), { extends: defaultCalendar() }).range.to).toBe("2027-12-31");
  });

  it("a file without extends is a whole calendar of its own", () => {
    const own = loadCalendar(Y2027.replace("extends: cn-mainland\n", ""));
    expect(own.range).toEqual({ from: "2027-01-01", to: "2027-12-31" });
    expect(problems(() => own.info("2026-12-31"))[0]?.code).toBe("DATE_OUT_OF_RANGE");
  });

  it("a year the base has is an error unless marked replace: true", () => {
    // A revised 2026: 元旦 only, marked provisional so the statutory check lets it stand.
    const again = 'id: cn-2026-rev\nversion: "t"\nextends: cn-mainland\nyears:\n  "2026":\n    provisional: true\n    notices: [x]\n    holidays: [{ date: "2026-01-01", name: 元旦 }]\n    makeupWorkdays: [{ date: "2026-01-04", name: 元旦 }]\n';
    const p = problems(() => loadCalendar(again, { file: "dup.yaml" }));
    expect(p[0]).toMatchObject({ code: "CALENDAR_YEAR", file: "dup.yaml", line: 5, params: { year: 2026, reason: "duplicate-year" } });
    const replaced = loadCalendar(again.replace("    notices:", "    replace: true\n    notices:"), { file: "dup.yaml" });
    expect(replaced.isWorkingDay("2026-01-04")).toBe(true);
    // The replaced 2026 no longer has 国庆: the file only lists 元旦.
    expect(replaced.isWorkingDay("2026-10-08")).toBe(true);
    expect(replaced.isWorkingDay("2026-10-01")).toBe(true);
    expect(replaced.provisionalYears).toEqual([2026]);
  });

  it("reports every contradiction at once, each with file:line:col", () => {
    const bad = `id: bad
version: "1"
years:
  "2027":
    notices: [x]
    holidays:
      - { date: "2027-01-01", name: 元旦 }
      - { date: "2027-01-01", name: 元旦 }
      - { date: "2027-02-06", name: 春节 }
    makeupWorkdays:
      - { date: "2027-02-06", name: 春节 }
      - { date: "2027-02-08", name: 春节 }
      - { date: "2028-01-01", name: 元旦 }
`;
    const p = problems(() => loadCalendar(bad, { file: "bad.yaml" }));
    expect(p.map((x) => [x.code, x.params, x.line, x.col])).toEqual([
      ["CALENDAR_CONFLICT", { date: "2027-01-01", reason: "duplicate" }, 8, 17],
      ["CALENDAR_CONFLICT", { date: "2027-02-06", reason: "holiday-and-makeup" }, 11, 17],
      ["CALENDAR_CONFLICT", { date: "2027-02-08", reason: "makeup-on-weekday" }, 12, 17], // a Monday
      ["CALENDAR_CONFLICT", { date: "2028-01-01", reason: "outside-year" }, 13, 17],
    ]);
    expect(p[0]?.file).toBe("bad.yaml");
  });

  it("schema errors point at the offending key or value", () => {
    const bad = `id: cn-x
version: "1"
colour: red
years:
  "2027":
    notices: [x]
    holidays:
      - { date: "2027-1-1", name: 元旦 }
    makeupWorkdays: []
  "27":
    notices: [x]
    makeupWorkdays: []
`;
    const p = problems(() => loadCalendar(bad, { file: "s.yaml" }));
    const at = p.map((x) => `${x.code} ${x.line}:${x.col} ${x.params && "keyword" in x.params ? x.params.keyword : ""}`);
    expect(at).toContain("CALENDAR_SCHEMA 3:1 additionalProperties");
    expect(at).toContain("CALENDAR_SCHEMA 8:17 pattern");
    expect(at.some((s) => s.startsWith("CALENDAR_SCHEMA") && s.endsWith("required"))).toBe(true);
    expect(at.some((s) => s.endsWith("propertyNames"))).toBe(true);
  });

  it("YAML syntax errors and duplicate keys are CALENDAR_YAML with a position", () => {
    const p = problems(() => loadCalendar('id: a\nid: b\nversion: "1"\nyears: {}\n', { file: "k.yaml" }));
    expect(p[0]).toMatchObject({ code: "CALENDAR_YAML", file: "k.yaml", line: 2 });
    expect(problems(() => loadCalendar("id: [unclosed\n"))[0]?.code).toBe("CALENDAR_YAML");
  });

  it("an alias bomb is CALENDAR_YAML naming the limit, not a raw exception; an unquoted year is still a year", () => {
    const bomb = 'id: x\nversion: "1"\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nyears: {}\n';
    const p = problems(() => loadCalendar(bomb, { file: "bomb.yaml" }));
    expect(p[0]).toMatchObject({ code: "CALENDAR_YAML", file: "bomb.yaml", line: 4 }); // the 101st alias use is an *a inside b
    expect(p[0]!.message).toMatch(/alias/);
    const unquoted = Y2027.replace('"2027":', "2027:");
    expect(unquoted).not.toBe(Y2027);
    expect(loadCalendar(unquoted, { file: "u.yaml" }).isWorkingDay("2027-01-01")).toBe(false);
  });

  it("a gap between years and an unknown base are errors", () => {
    const gap = Y2027.replace('"2027"', '"2028"').replace(/2027-01/g, "2028-01").replace("2028-01-10", "2028-01-09");
    expect(problems(() => loadCalendar(gap))[0]).toMatchObject({ code: "CALENDAR_YEAR", params: { year: 2027, reason: "year-gap" } });
    expect(problems(() => loadCalendar(Y2027.replace("extends: cn-mainland", "extends: hk")))[0]).toMatchObject({ code: "CALENDAR_UNKNOWN", line: 4 });
  });
});
