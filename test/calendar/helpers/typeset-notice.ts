// Typesets a calendar year in the published form of a 国务院办公厅关于YYYY年部分节假日安排的通知,
// varying the typography by `style`, so that importing it must give back exactly the year.
import { dayNumber, formatDay, parseDay, weekday } from "../../../src/calendar/impl/days.js";
import { FESTIVALS, FESTIVALS_FROM } from "../../../src/calendar/impl/statutory.data.js";

export interface Entry {
  date: string;
  name: string;
}
export interface Style {
  traditional: boolean;
  fullWidth: boolean;
  weekday: "星期" | "周" | "週";
  /** Annotate holiday dates with the weekday (the 2025 style), not only makeup days. */
  annotateHolidays: boolean;
  lunar: boolean;
  /** One paragraph instead of a line per item. */
  oneParagraph: boolean;
  /** Which of the one-day forms to use for a single weekday off. */
  oneDay: 0 | 1 | 2;
}

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const WD = ["日", "一", "二", "三", "四", "五", "六"];
const S2T: Record<string, string> = { 国: "國", 务: "務", 办: "辦", 厅: "廳", 关: "關", 节: "節", 调: "調", 劳: "勞", 动: "動", 庆: "慶", 历: "曆", 农: "農", 连: "連", 与: "與", 个: "個", 单: "單", 职: "職", 励: "勵", 结: "結", 带: "帶", 实: "實", 间: "間", 发: "發", 电: "電", 号: "號", 规: "規", 处: "處", 报: "報", 确: "確", 卫: "衛", 区: "區", 辖: "轄", 属: "屬", 机: "機", 构: "構", 门: "門", 现: "現", 将: "將", 体: "體" };

function md(d: string, withYear: boolean): string {
  const [y, m, day] = [d.slice(0, 4), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
  return `${withYear ? `${y}年` : ""}${m}月${day}日`;
}

function lunarOf(d: string): string | null {
  const y = Number(d.slice(0, 4));
  const row = FESTIVALS[y - FESTIVALS_FROM]!;
  const chunjie = parseDay(`${y}-${row.slice(4, 6)}-${row.slice(6, 8)}`);
  const n = parseDay(d) - chunjie;
  if (n === -1) return "农历除夕";
  if (n >= 0 && n <= 9) return `农历正月初${CN[n + 1]}`;
  return null;
}

export function typesetNotice(year: number, holidays: readonly Entry[], makeups: readonly Entry[], st: Style): string {
  const wd = (d: string) => `${st.weekday}${WD[weekday(parseDay(d))]}`;
  const note = (d: string, holiday: boolean) => {
    const parts: string[] = [];
    if (holiday && st.lunar) {
      const l = lunarOf(d);
      if (l && holidays.some((h) => h.date === d && h.name === "春节")) parts.push(l);
    }
    if (!holiday || st.annotateHolidays) parts.push(wd(d));
    return parts.length ? `（${parts.join("、")}）` : "";
  };
  // Items in the order of their first day off.
  const names: string[] = [];
  for (const h of [...holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) if (!names.includes(h.name)) names.push(h.name);
  const items: string[] = [];
  names.forEach((name, k) => {
    const days = holidays.filter((h) => h.name === name).map((h) => h.date).sort();
    const mk = makeups.filter((m) => m.name === name).map((m) => m.date).sort();
    const a = days[0]!, b = days[days.length - 1]!;
    const yearA = a.slice(0, 4) !== String(year) || (name === "元旦" && k % 2 === 0);
    let s: string;
    if (days.length === 1 && mk.length === 0 && weekday(parseDay(a)) % 6 !== 0) {
      const w = weekday(parseDay(a));
      const form = w === 1 || w === 5 ? st.oneDay : st.oneDay === 0 ? 1 : st.oneDay;
      s = form === 0 ? `${md(a, yearA)}${note(a, true)}放假，与周末连休。` : form === 1 ? `${md(a, yearA)}${note(a, true)}放假1天，不调休。` : `${md(a, yearA)}${note(a, true)}放假，共1天。`;
    } else {
      const crossYear = a.slice(0, 4) !== b.slice(0, 4);
      const end = crossYear ? md(b, true) : a.slice(5, 7) !== b.slice(5, 7) ? md(b, false) : `${Number(b.slice(8, 10))}日`;
      s = `${md(a, yearA || crossYear)}${note(a, true)}至${end}${note(b, true)}放假${mk.length || k % 2 ? "调休" : ""}，共${days.length}天。`;
    }
    if (mk.length) s += `${mk.map((d) => `${md(d, d.slice(0, 4) !== String(year))}${note(d, false)}`).join("、")}上班。`;
    if (name === "春节") {
      const row = FESTIVALS[year - FESTIVALS_FROM]!;
      const chuxi = `${year}-${row.slice(0, 2)}-${row.slice(2, 4)}`;
      if (!days.includes(chuxi)) s += `鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（${md(chuxi, false)}）休息。`;
    }
    items.push(`${CN[k + 1]}、${name}：${s}`);
  });
  const intro = `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院批准，现将${year}年${names.join("、")}放假调休日期的具体安排通知如下。`;
  const close = "节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。";
  const issued = formatDay(dayNumber(year - 1, 11, 10 + (year % 15)));
  let text = [`国务院办公厅关于${year}年部分节假日安排的通知`, `国办发明电〔${year - 1}〕${(year % 20) + 3}号`, intro, st.oneParagraph ? items.join("") : items.join("\n"), close, "国务院办公厅", md(issued, true)].join("\n");
  if (st.traditional) text = [...text].map((c) => S2T[c] ?? c).join("");
  if (!st.fullWidth) text = text.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/，/g, ",").replace(/。/g, ".");
  return text;
}

/** A style per (year, variant): every combination of the typography shows up across the years. */
export function styleOf(year: number, v: number): Style {
  const k = year + v * 3;
  return {
    traditional: k % 2 === 1,
    fullWidth: Math.floor(k / 2) % 2 === 0,
    weekday: (["星期", "周", "週"] as const)[k % 3]!,
    annotateHolidays: k % 4 >= 2,
    lunar: k % 5 !== 0,
    oneParagraph: k % 7 === 3,
    oneDay: (k % 3) as 0 | 1 | 2,
  };
}
