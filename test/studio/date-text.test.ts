// How the studio reads a date a policy officer types (src/studio/page/date-text.ts): whatever the
// form (2026-12-01, 2026年12月1日, 2026/12/1, full-width digits), the engine gets the same ISO day;
// a day that does not exist is a Chinese error; an instant keeps its time and offset, and its
// Chinese reading is Shanghai time. Weekdays checked against the 2026 calendar by hand.
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { INSTANT } from "../../src/engine/check/input-schema.js";
import { readDateText } from "../../src/studio/page/date-text.js";

const PATTERN = INSTANT.pattern as string;
const daysIn = (y: number, m: number) => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const pad = (n: number) => String(n).padStart(2, "0");
const full = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const day = fc.integer({ min: 1900, max: 2100 }).chain((y) => fc.integer({ min: 1, max: 12 }).chain((m) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => ({ y, m, d }))));

describe("readDateText", () => {
  it("reads the forms an officer writes as the same ISO day, with its weekday", () => {
    // 2026-12-01 is a Tuesday (2026-01-01 is a Thursday; 334 days later, 334 = 47·7 + 5).
    for (const t of ["2026-12-01", "2026年12月1日", "2026年12月01日", "2026/12/1", "2026.12.1", " 2026-12-1 ", "２０２６年１２月１日", "2026 年 12 月 1 日"]) {
      expect(readDateText(t, "date"), t).toEqual({ kind: "ok", value: "2026-12-01", zh: "2026年12月1日（星期二）" });
    }
    expect(readDateText("", "date")).toEqual({ kind: "empty" });
    expect(readDateText("   ", "instant")).toEqual({ kind: "empty" });
  });

  it("refuses, in Chinese, a day that does not exist or a text it cannot read", () => {
    expect(readDateText("2026-02-29", "date")).toEqual({ kind: "bad", error: "2026年2月没有29日（这个月只有28天）" });
    expect(readDateText("2028-02-29", "date").kind).toBe("ok"); // 2028 is a leap year
    expect(readDateText("2026-13-01", "date")).toEqual({ kind: "bad", error: "没有13月：月份应为1至12" });
    expect(readDateText("2026-04-31", "date")).toEqual({ kind: "bad", error: "2026年4月没有31日（这个月只有30天）" });
    // mm/dd/yyyy (what Chromium's English date input shows) is not a form this page guesses at.
    expect(readDateText("12/01/2026", "date")).toEqual({ kind: "bad", error: "看不懂这个日期：请按“年-月-日”填写，如 2026-12-01" });
    expect(readDateText("2026-12-01 09:30", "date")).toEqual({ kind: "bad", error: "这里只填日期，不填时间：请按“年-月-日”填写，如 2026-12-01" });
    expect(readDateText("2026-12-01 24:00", "instant")).toEqual({ kind: "bad", error: "时间不对：时应为0至23，分、秒应为0至59" });
    expect(readDateText("2026-12-01 9点", "instant").kind).toBe("bad");
  });

  it("keeps an instant's time and offset; reads it as Shanghai time", () => {
    expect(readDateText("2026-10-14 23:30", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14T23:30", zh: "2026年10月14日（星期三）23:30" });
    expect(readDateText("2026年10月14日 9时05分", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14T09:05", zh: "2026年10月14日（星期三）9:05" });
    expect(readDateText("2026-10-14T09:05:30", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14T09:05:30", zh: "2026年10月14日（星期三）9:05:30" });
    // 16:30 UTC is 00:30 the next day in Shanghai (UTC+8): the day the engine counts.
    expect(readDateText("2026-10-14 16:30Z", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14T16:30Z", zh: "北京时间2026年10月15日（星期四）0:30" });
    expect(readDateText("2026-10-14T09:00-05:00", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14T09:00-05:00", zh: "北京时间2026年10月14日（星期三）22:00" });
    expect(readDateText("2026-10-14", "instant", PATTERN)).toEqual({ kind: "ok", value: "2026-10-14", zh: "2026年10月14日（星期三）" });
  });

  prop.prop([day])("every real day, in each form, reads as its ISO day", ({ y, m, d }) => {
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    for (const t of [iso, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, full(iso)]) {
      const r = readDateText(t, "date");
      expect(r.kind === "ok" && r.value).toBe(iso);
    }
    // The weekday is the one JavaScript's UTC calendar gives (no host time zone involved).
    const r = readDateText(iso, "date");
    expect(r.kind === "ok" && r.zh.slice(-4, -1)).toBe(["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]);
  });

  prop.prop([fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 })])("a day past the month's end is refused", (y, m, d) => {
    fc.pre(d > daysIn(y, m));
    expect(readDateText(`${y}-${pad(m)}-${d}`, "date").kind).toBe("bad");
  });

  prop.prop([day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })])("an instant with a time matches the schema's pattern and keeps day and time", ({ y, m, d }, hh, mm) => {
    const r = readDateText(`${y}-${m}-${d} ${hh}:${pad(mm)}`, "instant", PATTERN);
    expect(r.kind === "ok" && r.value).toBe(`${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}`);
    expect(new RegExp(PATTERN).test((r as { value: string }).value)).toBe(true);
  });
});
