/** `importNotice`: the text of a State Council holiday notice → one checked calendar year. */
import { YingshangError } from "../../errors.js";
import { dayNumber, formatDay, weekday } from "../impl/days.js";
import { statutoryDays, statutoryRevision } from "../impl/statutory.js";
import { NoticeReader, type ReadEntry, type ReadItem } from "./read.js";

/** One dated entry of an imported notice. */
export interface NoticeEntry {
  date: string;
  name: string;
}

/** Something the notice arranges that is allowed but worth a look: a working stretch over 6 days. */
export interface NoticeWarning {
  code: "longWorkingStretch";
  from: string;
  to: string;
  days: number;
  message: string;
}

/** A notice year as read and checked. */
export interface ImportedNotice {
  year: number;
  /** 国务院办公厅关于YYYY年部分节假日安排的通知, when the text has it. */
  title: string | null;
  /** 国办发明电〔YYYY〕N号, when the text has it. */
  number: string | null;
  /** The date under the signature, YYYY-MM-DD, when the text has it. */
  issued: string | null;
  holidays: NoticeEntry[];
  makeupWorkdays: NoticeEntry[];
  warnings: NoticeWarning[];
}

/** Options of {@link importNotice}. */
export interface ImportNoticeOptions {
  /** File name shown in problems (`notice-2027.txt:9 — …`). */
  file?: string;
}

const REVISION_ZH = { "1999": "1999年", "2007": "2007年", "2013": "2013年", "2024": "2024年" } as const;

/**
 * Reads the text of a 国务院办公厅关于YYYY年部分节假日安排的通知 as published — simplified or
 * traditional, full- or half-width punctuation, 星期/周/週, lunar annotations, ranges across months
 * and the year end, "与周末连休" and "不调休" items, combined items (中秋节、国庆节), several makeup
 * days in one sentence, encouragements (鼓励…除夕休息, not a holiday) — and checks it: every 共N天
 * equals its dates, weekday and lunar annotations are true, makeup days are Saturdays or Sundays,
 * each item's days off are one block, and every statutory day of the year is off. Any doubt throws
 * a `YingshangError` (`NOTICE_INVALID`) quoting the sentence; a working stretch over 6 days (the
 * 2024 principle: 一般不超过6天) is a warning.
 *
 * @example
 * import { importNotice, YingshangError } from "yingshang";
 * try {
 *   importNotice("国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：1月1日（周三）放假1天，不调休。");
 * } catch (e) {
 *   // 2025's 春节, 清明节… are not in this text, and a notice must give every statutory day off.
 *   if (e instanceof YingshangError) console.log(e.problems[0].params.reason); // "statutory-missing"
 * }
 */
export function importNotice(text: string, options: ImportNoticeOptions = {}): ImportedNotice {
  const reader = new NoticeReader(String(text), options.file);
  const read = reader.read();
  if (!read) throw new YingshangError(reader.problems);
  const { year, items } = read;
  const holidays = new Map<number, ReadEntry>();
  const makeups = new Map<number, ReadEntry>();
  for (const item of items) {
    for (const e of item.holidays) add(reader, holidays, makeups, e, false, year);
    for (const e of item.makeups) add(reader, makeups, holidays, e, true, year);
    contiguous(reader, item);
  }
  if (reader.problems.length === 0) {
    const missing = (statutoryDays(year) ?? []).filter((d) => !holidays.has(dayNumber(...ymd(d.date))));
    for (const d of missing) {
      const item = items.find((i) => i.name.split("、").includes(d.name));
      reader.report(
        "statutory-missing",
        item?.heading ?? null,
        `${d.date} (${d.name}) is a statutory holiday under the ${REVISION_ZH[statutoryRevision(year)]} 全国年节及纪念日放假办法 but the notice as read does not give it off; check that the whole notice was given`,
      );
    }
  }
  if (reader.problems.length > 0) throw new YingshangError(reader.problems);
  const list = (m: Map<number, ReadEntry>) => [...m.values()].sort((a, b) => a.day - b.day).map((e) => ({ date: formatDay(e.day), name: e.name }));
  return { year, title: read.title, number: read.number, issued: read.issued, holidays: list(holidays), makeupWorkdays: list(makeups), warnings: stretches(year, holidays, makeups) };
}

function ymd(d: string): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

function add(reader: NoticeReader, into: Map<number, ReadEntry>, other: Map<number, ReadEntry>, e: ReadEntry, makeup: boolean, year: number): void {
  const date = formatDay(e.day);
  if (e.day < dayNumber(year - 1, 12, 1) || e.day > dayNumber(year, 12, 31)) {
    return reader.report("outside-year", e.sentence, `${date} is outside the notice year ${year} (a notice holds dates from ${year - 1}-12-01 to ${year}-12-31); check the year`);
  }
  if (makeup && weekday(e.day) !== 0 && weekday(e.day) !== 6) {
    return reader.report("makeup-on-weekday", e.sentence, `${date} is a weekday, so it cannot be a makeup working day (调休上班 falls on a Saturday or Sunday); check the date`);
  }
  if (other.has(e.day) || into.has(e.day)) {
    return reader.report("duplicate", e.sentence, `${date} is given ${other.has(e.day) ? "both as a day off and as a working day" : "twice"}`);
  }
  into.set(e.day, e);
}

/** An item's days off must be one block (a gap means a date was misread). */
function contiguous(reader: NoticeReader, item: ReadItem): void {
  const days = [...new Set(item.holidays.map((e) => e.day))].sort((a, b) => a - b);
  for (let i = 1; i < days.length; i++) {
    if (days[i] !== days[i - 1]! + 1) {
      reader.report("not-contiguous", item.heading, `The days off of ${item.name} are not one block: ${formatDay(days[i - 1]!)} is followed by ${formatDay(days[i]!)}`);
      return;
    }
  }
}

/** Working stretches longer than 6 days inside the notice year. */
function stretches(year: number, holidays: Map<number, ReadEntry>, makeups: Map<number, ReadEntry>): NoticeWarning[] {
  const out: NoticeWarning[] = [];
  const first = Math.min(dayNumber(year, 1, 1), ...holidays.keys(), ...makeups.keys());
  const last = dayNumber(year, 12, 31);
  let runStart = -1;
  for (let d = first; d <= last + 1; d++) {
    const wd = weekday(d);
    const working = d <= last && (makeups.has(d) || (wd !== 0 && wd !== 6 && !holidays.has(d)));
    if (working && runStart < 0) runStart = d;
    if (!working && runStart >= 0) {
      const len = d - runStart;
      if (len > 6) {
        out.push({ code: "longWorkingStretch", from: formatDay(runStart), to: formatDay(d - 1), days: len, message: `${len} working days in a row from ${formatDay(runStart)} to ${formatDay(d - 1)} (the 2024 principle: 连续上班一般不超过6天); check the makeup days against the notice.` });
      }
      runStart = -1;
    }
  }
  return out;
}
