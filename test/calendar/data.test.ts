// The bundled data: the YAML follows the schema, the generated module equals the YAML, and the
// YAML equals the transcription of the notices it was generated from.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultCalendar, loadCalendar } from "../../src/calendar/index.js";
import { CN_MAINLAND } from "../../src/calendar/impl/cn-mainland.data.js";
import { CALENDAR_SCHEMA } from "../../src/calendar/impl/calendar-schema.data.js";

const root = new URL("../..", import.meta.url);
const yamlText = readFileSync(new URL("calendars/cn-mainland.yaml", root), "utf8");

interface RefYear {
  notices: string[];
  holidays: { date: string; name: string }[];
  makeup_workdays: { date: string; name: string }[];
}

describe("calendars/cn-mainland.yaml", () => {
  it("starts with the yaml-language-server schema line", () => {
    expect(yamlText.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/calendar.schema.json");
  });

  it("equals the generated module src/calendar/impl/cn-mainland.data.ts", () => {
    expect(CN_MAINLAND).toEqual(parse(yamlText));
  });

  it("the generated schema module equals schema/calendar.schema.json", () => {
    expect(CALENDAR_SCHEMA).toEqual(JSON.parse(readFileSync(new URL("schema/calendar.schema.json", root), "utf8")));
  });

  it("equals the transcription scripts/data/cn-holidays.json, year by year", () => {
    const ref = JSON.parse(readFileSync(new URL("scripts/data/cn-holidays.json", root), "utf8")) as { years: Record<string, RefYear> };
    const doc = parse(yamlText) as { years: Record<string, { notices: string[]; holidays: unknown[]; makeupWorkdays: unknown[] }> };
    expect(Object.keys(doc.years)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    for (const [y, r] of Object.entries(ref.years)) {
      expect(doc.years[y]?.notices).toEqual(r.notices);
      expect(doc.years[y]?.holidays).toEqual(r.holidays);
      expect(doc.years[y]?.makeupWorkdays).toEqual(r.makeup_workdays);
    }
  });

  it("loads through the schema and compiles to the same calendar as the bundled module", () => {
    const loaded = loadCalendar(yamlText, { file: "calendars/cn-mainland.yaml" });
    const bundled = defaultCalendar();
    expect(loaded.range).toEqual(bundled.range);
    for (const d of ["2018-12-29", "2020-02-01", "2024-02-09", "2026-09-20", "2026-10-07", "2026-12-31"]) expect(loaded.info(d)).toEqual(bundled.info(d));
  });

  it("has the number of weekday holidays each notice gives (e.g. 2026: 19, 2019: 18)", () => {
    const ref = JSON.parse(readFileSync(new URL("scripts/data/cn-holidays.json", root), "utf8")) as { years: Record<string, { weekday_holidays: number }> };
    const cal = defaultCalendar();
    for (const [y, r] of Object.entries(ref.years)) {
      let n = 0;
      for (const h of CN_MAINLAND.years[y]?.holidays ?? []) {
        const wd = new Date(h.date + "T00:00:00Z").getUTCDay();
        if (wd !== 0 && wd !== 6) n++;
        expect(cal.isWorkingDay(h.date)).toBe(false);
      }
      expect(n, y).toBe(r.weekday_holidays);
    }
  });
});
