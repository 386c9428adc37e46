/**
 * The words of the scoring report (通报) in Chinese and in English: labels, the period and the date
 * as people write them. The Chinese report shows no id and no English label (名次、单位、得分…).
 */
import { fail } from "../../errors.js";
import { parsePeriod, periodZh } from "../../engine/model/index.js";
import type { Lang } from "../../messages/types.js";

export interface ReportWords {
  rank: string;
  unit: string;
  total: string;
  /** A category's heading with its points, e.g. 岗位设置\n（10分） (the line break is where a narrow column wraps). */
  category: (name: string, max: number) => string;
  item: string;
  categoryCol: string;
  count: string;
  points: string;
  clause: string;
  /** The 扣完为止 note of a capped category: 扣30分（扣完为止）. */
  cap: (deducted: string) => string;
  /** The raw sum behind a cap, e.g. 累计应扣36分. */
  raw: (raw: string) => string;
  /** The line under a capped category's deductions: 小计：累计应扣36分. */
  subtotal: (raw: string) => string;
  title: (issuer: string | null, period: string, card: string) => string;
  lead: (basis: string | null, clause: string | null, period: string) => string;
  groupHeading: (n: number, name: string) => string;
  deductionsHeading: (n: number) => string;
  notesHeading: (n: number) => string;
  noDeductions: string;
  ties: string;
  fullMarks: (n: number) => string;
  /** A unit whose survey counted no answer and got the pack's choice of score. */
  surveyNone: (unit: string, category: string, points: string, full: boolean, assumption: string | null) => string;
  yearEnd: (combine: string, clause: string | null, assumption: string | null) => string;
  quarter: (n: number) => string;
  computedBy: (pack: string, version: string) => string;
  /** The workbook's two sheets: the results, the deductions. */
  sheets: [string, string];
  /** A count of occurrences: 12次. */
  times: (n: number) => string;
}

const ORD = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const zhOrd = (n: number) => ORD[n - 1] ?? String(n);

const ZH: ReportWords = {
  rank: "名次",
  unit: "单位",
  total: "总分",
  category: (name, max) => `${name}\n（${max}分）`,
  item: "扣分事项",
  categoryCol: "考核内容",
  count: "次数",
  points: "扣分",
  clause: "依据条款",
  cap: (d) => `扣${d}分（扣完为止）`,
  raw: (r) => `累计应扣${r}分`,
  subtotal: (r) => `小计：累计应扣${r}分`,
  title: (issuer, period, card) => `${issuer ? `${issuer}关于` : "关于"}${period}${card}情况的通报`,
  lead: (basis, clause, period) => `${basis ? `依据《${basis}》${clause ? `（${clause}）` : ""}，` : ""}现将${period}考评结果通报如下。`,
  groupHeading: (n, name) => `${zhOrd(n)}、${name}考评结果`,
  deductionsHeading: (n) => `${zhOrd(n)}、扣分情况`,
  notesHeading: (n) => `${zhOrd(n)}、说明`,
  noDeductions: "本期各单位均无扣分。",
  ties: "总分相同的单位名次并列。",
  fullMarks: (n) => `满分${n}分，实行减分制，各项扣完为止。`,
  surveyNone: (unit, category, points, full, assumption) =>
    `${unit}的${category}答卷全部为“不了解”（或无人作答），不计入统计，该项按${full ? "满分" : ""}${points}分计${assumption ? `。本包假定：${assumption.replace(/。$/, "")}` : ""}。`,
  yearEnd: (combine, clause, assumption) => `年度综合排名按四个季度总分的${combine === "mean" ? "平均值" : "合计"}排列${clause ? `（${clause}）` : ""}${assumption ? `；${assumption.replace(/。$/, "")}` : ""}。`,
  quarter: (n) => `第${zhOrd(n)}季度`,
  computedBy: (pack, version) => `本通报的得分按《${pack}》政策包（${version}版）计算。`,
  sheets: ["考评结果", "扣分情况"],
  times: (n) => `${n}次`,
};

const EN: ReportWords = {
  rank: "Rank",
  unit: "Unit",
  total: "Total",
  category: (name, max) => `${name}\n(${max})`,
  item: "Deduction",
  categoryCol: "Category",
  count: "Count",
  points: "Points",
  clause: "Clause",
  cap: (d) => `−${d}, capped (扣完为止)`,
  raw: (r) => `${r} points deducted before the cap`,
  subtotal: (r) => `Subtotal: ${r} points before the cap`,
  title: (issuer, period, card) => `${card}: results for ${period}${issuer ? `, published by ${issuer}` : ""}`,
  lead: (basis, clause, period) => `${basis ? `Under ${basis}${clause ? ` (${clause})` : ""}, t` : "T"}he results for ${period} are published as follows.`,
  groupHeading: (n, name) => `${n}. ${name}`,
  deductionsHeading: (n) => `${n}. Deductions`,
  notesHeading: (n) => `${n}. Notes`,
  noDeductions: "No unit lost points in this period.",
  ties: "Units with equal totals share a rank.",
  fullMarks: (n) => `Full marks ${n}; points are only deducted, and each category stops at 0 (扣完为止).`,
  surveyNone: (unit, category, points, full, assumption) =>
    `Every answer in ${unit}'s ${category} was 不了解 ("do not know", or nobody answered), which is not counted; the category is given ${full ? "its full " : ""}${points} points${assumption ? ` (${assumption.replace(/\.$/, "")})` : ""}.`,
  yearEnd: (combine, clause, assumption) => `The year's ranking is on the ${combine === "mean" ? "mean" : "sum"} of the four quarterly totals${clause ? ` (${clause})` : ""}${assumption ? `; ${assumption.replace(/\.$/, "")}` : ""}.`,
  quarter: (n) => `Q${n}`,
  computedBy: (pack, version) => `Scores computed with the policy pack “${pack}”, version ${version}.`,
  sheets: ["Results", "Deductions"],
  times: (n) => `${n}×`,
};

export function reportWords(lang: Lang): ReportWords {
  return lang === "en" ? EN : ZH;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NTH = ["first", "second", "third", "fourth"];

/** The period in English: April 2026, the second quarter of 2026, the first half of 2026, 2026. */
export function periodEn(text: string): string {
  const p = parsePeriod(text);
  switch (p.kind) {
    case "month":
      return `${MONTHS[p.n - 1]} ${p.year}`;
    case "quarter":
      return `the ${NTH[p.n - 1]} quarter of ${p.year}`;
    case "half-year":
      return `the ${NTH[p.n - 1]} half of ${p.year}`;
    default:
      return `the year ${p.year}`;
  }
}

/** The period as the report writes it in `lang`: 2026年第一季度 / the first quarter of 2026. */
export function periodWords(text: string, lang: Lang): string {
  return lang === "en" ? periodEn(text) : periodZh(text);
}

/** A checked day YYYY-MM-DD (a real date), or a typed error naming where it came from. */
export function checkDate(text: unknown, path: string): string {
  const m = typeof text === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  const ok = m !== null && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  })();
  if (!ok) return fail("INPUT_INVALID", `\`${path}\` must be a real date written YYYY-MM-DD (got ${JSON.stringify(text)}).`, { detail: path }, { path });
  return text as string;
}

/** The date as the report writes it: 2026年4月10日 / 10 April 2026. */
export function dateWords(day: string, lang: Lang): string {
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  return lang === "en" ? `${d} ${MONTHS[mo - 1]} ${y}` : `${y}年${mo}月${d}日`;
}
