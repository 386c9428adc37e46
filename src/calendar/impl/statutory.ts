/**
 * The statutory holidays (全国年节及纪念日放假办法) of a year: the days that every notice must give
 * off, whatever 调休 it arranges. Three versions apply to the years the table covers:
 *   2000–2007 (1999 revision): 元旦 1, 春节 3 (初一–初三), 劳动节 3 (5-01–5-03), 国庆 3.
 *   2008–2013 (2007 revision, 国务院令第513号): 元旦 1, 春节 3 (除夕–初二), 清明 1, 劳动节 1, 端午 1, 中秋 1, 国庆 3.
 *   2014–2024 (2013 revision, 国务院令第644号): as 2008 but 春节 初一–初三.
 *   2025–     (2024 revision, 国务院令第795号): 春节 4 (除夕–初三), 劳动节 2 (5-01, 5-02).
 * Lunar and solar-term days come from statutory.data.ts (generated from chinese-days, checked in tests).
 */
import { FESTIVALS, FESTIVALS_FROM } from "./statutory.data.js";
import { formatDay, parseDay } from "./days.js";

/** One statutory day off. */
export interface StatutoryDay {
  date: string;
  name: string;
}

/** First and last year the statutory table covers. */
export const STATUTORY_FROM = FESTIVALS_FROM;
export const STATUTORY_TO = FESTIVALS_FROM + FESTIVALS.length - 1;

/** Which revision of the 放假办法 is in force in a year (the one the zh/en text names). */
export function statutoryRevision(year: number): "1999" | "2007" | "2013" | "2024" {
  return year >= 2025 ? "2024" : year >= 2014 ? "2013" : year >= 2008 ? "2007" : "1999";
}

/** The statutory days off of a year in date order, or null when the table does not cover it. */
export function statutoryDays(year: number): StatutoryDay[] | null {
  const row = FESTIVALS[year - FESTIVALS_FROM];
  if (row === undefined) return null;
  const at = (k: number): string => `${year}-${row.slice(k * 4, k * 4 + 2)}-${row.slice(k * 4 + 2, k * 4 + 4)}`;
  const [chuxi, chunjie, qingming, duanwu, zhongqiu] = [0, 1, 2, 3, 4].map(at) as [string, string, string, string, string];
  const plus = (d: string, n: number): string => formatDay(parseDay(d) + n);
  const rev = statutoryRevision(year);
  const out: StatutoryDay[] = [{ date: `${year}-01-01`, name: "元旦" }];
  const spring = rev === "2024" ? [chuxi, chunjie, plus(chunjie, 1), plus(chunjie, 2)] : rev === "2007" ? [chuxi, chunjie, plus(chunjie, 1)] : [chunjie, plus(chunjie, 1), plus(chunjie, 2)];
  for (const d of spring) out.push({ date: d, name: "春节" });
  if (rev !== "1999") out.push({ date: qingming, name: "清明节" });
  const may = rev === "2024" ? 2 : rev === "1999" ? 3 : 1;
  for (let i = 1; i <= may; i++) out.push({ date: `${year}-05-0${i}`, name: "劳动节" });
  if (rev !== "1999") out.push({ date: duanwu, name: "端午节" }, { date: zhongqiu, name: "中秋节" });
  for (let i = 1; i <= 3; i++) out.push({ date: `${year}-10-0${i}`, name: "国庆节" });
  // 中秋 may fall inside 国庆 (2001, 2020, 2031…): one day, named by both; keep the first name.
  const seen = new Set<string>();
  return out.filter((d) => !seen.has(d.date) && seen.add(d.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
}
