/**
 * Dates as a Chinese policy officer writes and reads them, whatever the browser's locale.
 * Chromium draws `<input type="date">` in its own UI language (mm/dd/yyyy on an English build)
 * and ignores `lang="zh-CN"` and the page locale (tried on Chromium 156), so the case form takes dates as
 * text: 2026-12-01, 2026年12月1日, 2026/12/1, with full-width digits too, and for an instant a time
 * after it (2026-12-01 09:30). What reaches the engine is the ISO text the schema asks for, with the
 * same day and time: nothing is rounded or moved. Pure functions, no DOM: tested in Node as well.
 */

/** How a field's text reads: nothing given, an ISO value with its Chinese reading, or a Chinese error. */
export type DateReading = { kind: "empty" } | { kind: "ok"; value: string; zh: string } | { kind: "bad"; error: string };

const WEEKDAY = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** Full-width digits and punctuation (an IME's) as ASCII; other text is kept. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const DAY = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)/;
const TIME = /^(?:[Tt]|\s+)(\d{1,2})\s*[:时]\s*(\d{2})(?:\s*[:分]\s*(\d{2})(?:\.(\d{1,9}))?\s*秒?)?\s*分?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** 「2026年12月1日（星期二）」: the calendar's weekday of a day, without the host's time zone. */
export function zhDay(y: number, m: number, d: number): string {
  return `${y}年${m}月${d}日（${WEEKDAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

/**
 * Reads a field's text: `date` takes a day only; `instant` a day or a day and a time, the time
 * read as Shanghai wall time unless an offset is written (the engine's rule; see INSTANT in the
 * input schema). `pattern` is the schema's own pattern, checked on the ISO text made.
 */
export function readDateText(text: string, kind: "date" | "instant", pattern?: string): DateReading {
  const s = halfWidth(text).trim();
  if (s === "") return { kind: "empty" };
  const form = kind === "date" ? "请按“年-月-日”填写，如 2026-12-01" : "请按“年-月-日”或“年-月-日 时:分”填写，如 2026-12-01 或 2026-12-01 09:30";
  const day = DAY.exec(s);
  if (!day) return { kind: "bad", error: `看不懂这个日期：${form}` };
  const y = Number(day[1]);
  const m = Number(day[2] ?? day[4]);
  const d = Number(day[3] ?? day[5]);
  if (m < 1 || m > 12) return { kind: "bad", error: `没有${m}月：月份应为1至12` };
  if (d < 1 || d > daysIn(y, m)) return { kind: "bad", error: `${y}年${m}月没有${d}日（这个月只有${daysIn(y, m)}天）` };
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const rest = s.slice(day[0].length);
  if (rest.trim() === "") return { kind: "ok", value: iso, zh: zhDay(y, m, d) };
  if (kind === "date") return { kind: "bad", error: `这里只填日期，不填时间：${form}` };
  const t = TIME.exec(rest);
  if (!t) return { kind: "bad", error: `看不懂日期后的时间：${form}` };
  const hh = Number(t[1]);
  const mm = Number(t[2]);
  const ss = t[3] === undefined ? null : Number(t[3]);
  if (hh > 23 || mm > 59 || (ss !== null && ss > 59)) return { kind: "bad", error: "时间不对：时应为0至23，分、秒应为0至59" };
  const zone = t[5] === undefined ? "" : t[5].toUpperCase() === "Z" ? "Z" : t[5];
  const value = `${iso}T${pad(hh)}:${pad(mm)}${ss === null ? "" : `:${pad(ss)}${t[4] ? `.${t[4]}` : ""}`}${zone}`;
  // The schema's pattern has the last word on what the engine reads.
  if (pattern !== undefined && !new RegExp(pattern).test(value)) return { kind: "bad", error: `看不懂这个时间：${form}` };
  const clock = `${hh}:${pad(mm)}${ss === null ? "" : `:${pad(ss)}`}`;
  if (zone === "") return { kind: "ok", value, zh: `${zhDay(y, m, d)}${clock}` };
  // Written with an offset: say what it is in Shanghai (UTC+8 all year), the time the engine reads.
  const [, sign, oh, om] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [null, "+", "00", "00"];
  const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const at = new Date(Date.UTC(y, m - 1, d, hh, mm) + (8 * 60 - offset) * 60_000);
  const local = `${zhDay(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())}${at.getUTCHours()}:${pad(at.getUTCMinutes())}`;
  return { kind: "ok", value, zh: `北京时间${local}${ss === null ? "" : `:${pad(ss)}`}` };
}

/** The hint a field shows while empty: the form it takes. */
export function dateHint(kind: "date" | "instant"): string {
  return kind === "date" ? "年-月-日，如 2026-12-01" : "年-月-日，可加时:分，如 2026-12-01 09:30";
}
