/**
 * Reads the text of a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) into
 * dated entries, sentence by sentence. Every sentence inside a numbered item must be one of: a
 * holiday sentence ("…至…放假调休，共N天" / "…放假，与周末连休" / "…放假1天，不调休"), a makeup
 * sentence ("…（周日）、…（周六）上班"), or an encouragement ("鼓励…"), which names dates without
 * making them holidays. Anything else is a problem quoting the sentence: never a guess.
 */
import { problem, type Problem } from "../../errors.js";
import type { NoticeReason } from "../errors.js";
import { dayNumber, formatDay, parseDay, weekday } from "../impl/days.js";
import { FESTIVALS, FESTIVALS_FROM } from "../impl/statutory.data.js";
import { normalizeNotice } from "./normalize.js";

/** The festivals an item may name. */
export const FESTIVAL_NAMES = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"] as const;

export type { NoticeReason } from "../errors.js";

/** A dated entry read from one sentence. */
export interface ReadEntry {
  day: number;
  name: string;
  sentence: Sentence;
}

/** A sentence of the notice: its original text and where it is. */
export interface Sentence {
  text: string;
  line: number;
}

/** One numbered item (一、元旦：…). */
export interface ReadItem {
  name: string;
  heading: Sentence;
  holidays: ReadEntry[];
  makeups: ReadEntry[];
}

export interface ReadNotice {
  year: number;
  title: string | null;
  number: string | null;
  issued: string | null;
  items: ReadItem[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WEEKDAY_CN: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** 一…九十九 as a number, or NaN. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === "十") return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return NaN;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]]! : NaN;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

// A date as written: [YYYY年][M月]D日, then an optional annotation in brackets.
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^()]*)\))?/y;

interface Token {
  y: number | null;
  m: number | null;
  d: number;
  note: string | null;
  end: number;
}

function dateAt(s: string, i: number): Token | null {
  DATE.lastIndex = i;
  const m = DATE.exec(s);
  if (!m) return null;
  return { y: m[1] ? Number(m[1]) : null, m: m[2] ? Number(m[2]) : null, d: Number(m[3]), note: m[4] ?? null, end: DATE.lastIndex };
}

export class NoticeReader {
  readonly problems: Problem[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly original: string,
    private readonly file: string | undefined,
  ) {
    for (let i = 0; i < original.length; i++) if (original[i] === "\n") this.lineStarts.push(i + 1);
  }

  sentenceAt(start: number, end: number): Sentence {
    let line = 1;
    while (line < this.lineStarts.length && this.lineStarts[line]! <= start) line++;
    return { text: this.original.slice(start, end).trim(), line };
  }

  report(reason: NoticeReason, s: Sentence | null, message: string): void {
    const place: { file?: string; line?: number } = {};
    if (this.file !== undefined) place.file = this.file;
    if (s) place.line = s.line;
    this.problems.push(problem("NOTICE_INVALID", s ? `${message} — in 「${s.text}」` : message, { reason, sentence: s?.text ?? "" }, place));
  }

  read(): ReadNotice | null {
    const n = normalizeNotice(this.original);
    const ym = /关于\s*(\d{4})\s*年\s*部分节假日安排/.exec(n) ?? /现将\s*(\d{4})\s*年/.exec(n);
    if (!ym) {
      this.report("no-year", null, "The text does not name its year (国务院办公厅关于YYYY年部分节假日安排的通知); give the whole notice, title included.");
      return null;
    }
    const year = Number(ym[1]);
    const t = /国务院办公厅\s*关于\s*\d{4}\s*年\s*部分节假日安排的通知/.exec(n);
    const title = t ? t[0].replace(/\s+/g, "") : null;
    const num = /国办发明电\s*\[\s*(\d{4})\s*\]\s*(\d+)\s*号/.exec(n);
    const number = num ? `国办发明电〔${num[1]}〕${num[2]}号` : null;
    // The date under the signature: the last 国务院办公厅 not starting a title, then a full date.
    let issued: string | null = null;
    const sig = [...n.matchAll(/国务院办公厅(?!\s*关于)/g)].pop();
    if (sig) {
      const d = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(n.slice(sig.index));
      if (d) {
        const day = dayNumber(Number(d[1]), Number(d[2]), Number(d[3]));
        if (formatDay(day) === `${d[1]}-${d[2]!.padStart(2, "0")}-${d[3]!.padStart(2, "0")}`) issued = formatDay(day);
      }
    }

    const heads = [...n.matchAll(/(^|[\n.;:])[ \t\u3000]*([一二三四五六七八九十]{1,3})、([^:\n.]{1,24}):/g)];
    if (heads.length === 0) {
      this.report("no-items", null, `The text has no numbered items (一、元旦：…); give the notice as published.`);
      return null;
    }
    const items: ReadItem[] = [];
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k]!;
      const headStart = h.index + h[1]!.length;
      const bodyStart = h.index + h[0].length;
      let bodyEnd = k + 1 < heads.length ? heads[k + 1]!.index + heads[k + 1]![1]!.length : n.length;
      const nl = n.indexOf("\n", bodyStart);
      if (nl >= 0 && nl < bodyEnd) bodyEnd = nl;
      const closing = n.indexOf("节假日期间", bodyStart);
      if (closing >= 0 && closing < bodyEnd) bodyEnd = closing;
      const heading = this.sentenceAt(headStart, bodyEnd);
      const names = h[3]!.split(/[、,]/).map((x) => x.trim());
      const unknown = names.filter((x) => !(FESTIVAL_NAMES as readonly string[]).includes(x));
      if (unknown.length > 0) {
        this.report("unknown-festival", heading, `「${unknown.join("、")}」 is not one of the festivals a notice arranges (${FESTIVAL_NAMES.join("、")}); check the item's heading`);
        continue;
      }
      const item: ReadItem = { name: names.join("、"), heading, holidays: [], makeups: [] };
      this.readBody(n, bodyStart, bodyEnd, year, item);
      items.push(item);
    }
    return { year, title, number, issued, items };
  }

  private readBody(n: string, from: number, to: number, year: number, item: ReadItem): void {
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i < to && n[i] !== "." && n[i] !== ";") continue;
      const text = n.slice(start, i).trim();
      const s = this.sentenceAt(start, i);
      start = i + 1;
      if (text === "") continue;
      if (text.includes("鼓励")) continue; // names a date (除夕) without giving it off
      const plain = text.replace(/\s+/g, "");
      if (/上班$/.test(plain)) this.readMakeups(plain, year, item, s);
      else if (plain.includes("放假")) this.readHolidays(plain, year, item, s);
      else this.report("unknown-sentence", s, "This sentence is neither a holiday (…放假…), a makeup working day (…上班) nor an encouragement (鼓励…); it cannot be read safely");
    }
  }

  /** "A至B放假调休,共N天" and its variants. */
  private readHolidays(p: string, year: number, item: ReadItem, s: Sentence): void {
    const at = p.indexOf("放假");
    const head = p.slice(0, at);
    const tail = p.slice(at + 2);
    const a = dateAt(head, 0);
    if (!a) return this.report("bad-date", s, "No date before 放假");
    const first = this.resolve(a, year, null, s);
    let last = first;
    let rest = head.slice(a.end);
    if (/^(至|到|-|~)/.test(rest)) {
      const b = dateAt(rest, 1);
      if (!b) return this.report("bad-date", s, "A range (…至…) without its last date");
      rest = rest.slice(b.end);
      last = this.resolve(b, year, a, s, first);
    }
    if (rest !== "") return this.report("unknown-sentence", s, `Unexpected text 「${rest}」 between the dates and 放假`);
    if (first === null || last === null) return;
    if (last < first) return this.report("bad-date", s, `The range ends (${formatDay(last)}) before it starts (${formatDay(first)})`);
    const m = /^(调休)?(?:(\d+|[一二三四五六七八九十]+)天)?(?:,?共(\d+|[一二三四五六七八九十]+)天)?((?:,?(?:与周末连休|不调休))*)$/.exec(tail);
    if (!m) return this.report("unknown-sentence", s, `Unexpected text 「${tail}」 after 放假`);
    const days = last - first + 1;
    for (const c of [m[2], m[3]]) {
      if (c !== undefined && cnNumber(c) !== days) this.report("count-mismatch", s, `The sentence says ${cnNumber(c)} day${cnNumber(c) === 1 ? "" : "s"} (共${c}天) but its dates ${formatDay(first)} to ${formatDay(last)} hold ${days}`);
    }
    for (let d = first; d <= last; d++) item.holidays.push({ day: d, name: item.name, sentence: s });
  }

  /** "M月D日(周日)、M月D日(周六)上班". */
  private readMakeups(p: string, year: number, item: ReadItem, s: Sentence): void {
    let i = 0;
    let count = 0;
    let prev: Token | null = null;
    while (i < p.length) {
      const t = dateAt(p, i);
      if (!t) break;
      const day = this.resolve(t, year, prev, s);
      if (day !== null) item.makeups.push({ day, name: item.name, sentence: s });
      prev = t;
      count++;
      i = t.end;
      const sep = /^(、|,|和|及|以及)/.exec(p.slice(i));
      if (sep) i += sep[0].length;
    }
    if (count === 0 || p.slice(i) !== "上班") this.report("unknown-sentence", s, `Cannot read the makeup working days: 「${p.slice(i)}」 is not a date list ending in 上班`);
  }

  /** A token's day number, its annotation checked; null (reported) when it is not a real date. */
  private resolve(t: Token, year: number, prev: Token | null, s: Sentence, after?: number | null): number | null {
    let y = t.y ?? prev?.y ?? year;
    const m = t.m ?? prev?.m ?? null;
    if (m === null) {
      this.report("bad-date", s, `「${t.d}日」 has no month`);
      return null;
    }
    // "12月31日至1月2日": a range end in an earlier month than its start is in the next year.
    if (t.y === null && after !== undefined && after !== null && prev !== null && dayNumber(y, m, t.d) < after) y += 1;
    const day = dayNumber(y, m, t.d);
    const text = formatDay(day);
    if (parseDay(text) !== day || text !== `${y}-${String(m).padStart(2, "0")}-${String(t.d).padStart(2, "0")}`) {
      this.report("bad-date", s, `${y}年${m}月${t.d}日 is not a real date`);
      return null;
    }
    if (t.note !== null) this.checkNote(t.note, day, s);
    return day;
  }

  /** (周三) / (星期日) / (农历除夕、周二) / (农历正月初七, 星期日): each part must be true of the day. */
  private checkNote(note: string, day: number, s: Sentence): void {
    const date = formatDay(day);
    for (const raw of note.split(/[、,\s]+/)) {
      const part = raw.trim();
      if (part === "") continue;
      const w = /^(?:周|星期)([日天一二三四五六])$/.exec(part);
      if (w) {
        if (WEEKDAY_CN[w[1]!] !== weekday(day)) this.report("weekday-mismatch", s, `${date} is a ${WEEKDAY_ZH[weekday(day)]}, not ${part}; check the date`);
        continue;
      }
      const lunar = /^(?:农历)?(.+)$/.exec(part)![1]!;
      const expect = lunarDay(date, lunar);
      if (expect === undefined) this.report("lunar-mismatch", s, `The annotation 「${part}」 cannot be checked (除夕, 正月初一…十五, 五月初五 and 八月十五 can); check it against the notice`);
      else if (expect !== date) this.report("lunar-mismatch", s, `${lunar} ${date.slice(0, 4)} is ${expect}, not ${date}; check the date`);
    }
  }
}

/** The Gregorian date of a lunar day of the year of `date` that the table knows, or undefined. */
function lunarDay(date: string, lunar: string): string | undefined {
  const y = Number(date.slice(0, 4));
  const row = FESTIVALS[y - FESTIVALS_FROM];
  if (row === undefined) return undefined;
  const at = (k: number) => `${y}-${row.slice(k * 4, k * 4 + 2)}-${row.slice(k * 4 + 2, k * 4 + 4)}`;
  if (lunar === "除夕") return at(0);
  if (lunar === "五月初五") return at(3);
  if (lunar === "八月十五") return at(4);
  const m = /^正月(初[一二三四五六七八九十]|十[一二三四五]|十五)$/.exec(lunar);
  if (m) {
    const k = cnNumber(m[1]!.replace(/^初/, ""));
    if (Number.isNaN(k)) return undefined;
    return formatDay(parseDay(at(1)) + k - 1);
  }
  return undefined;
}
