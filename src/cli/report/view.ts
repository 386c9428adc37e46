/**
 * The scoring report as a publishable 通报, independent of the format: its title, the lead
 * sentence (依据《…》), one ranking table per group, the deductions, the notes, and the issuer's
 * signature with the date. HTML, Markdown, PDF and .xlsx all render this one view, so they say the
 * same thing. In Chinese it holds no id and no English label; machine ids stay in `trace`, which
 * the formats keep out of the visible text (a <meta> element, a comment, a document property).
 */
import type { Lang } from "../../messages/types.js";
import type { ScoringReport } from "./scoring.js";
import { dateWords, periodWords, reportWords } from "./words.js";

/** One table cell: its text, the number behind it (for .xlsx), and a second line (a cap note). */
export interface Cell {
  text: string;
  value?: number;
  note?: string;
  /** A longer explanation of the note (the raw sum behind a cap), for a title or a cell comment. */
  detail?: string;
  strong?: boolean;
}

export interface ViewTable {
  heading: string;
  head: string[];
  /** Columns aligned right (numbers). */
  right: boolean[];
  rows: Cell[][];
  /** The HTML id of the table (ranking-localities, deductions). */
  id: string;
}

export interface ScoringView {
  lang: Lang;
  title: string;
  lead: string;
  rankings: ViewTable[];
  deductions: ViewTable | { heading: string; text: string };
  notes: { heading: string; items: string[] };
  signature: { issuer: string | null; date: string | null };
  computedBy: string;
  /** For the chart: the totals of the first ranking table's units. */
  chart: { labels: string[]; totals: number[]; max: number };
  sheets: [string, string];
  /** Ids and hashes for machines: never shown as text. */
  trace: { pack: string; version: string; hash: string; scorecard: string; period: string; asOf: string };
}

/** Numbers as published: 28.5, 93.33, 100. */
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

export function scoringView(r: ScoringReport, lang: Lang): ScoringView {
  const w = reportWords(lang);
  const period = periodWords(r.period, lang);
  const yearEnd = (r as ScoringReport & { yearEnd?: { combine: string; clause: string | null; assumption: string | null } }).yearEnd;
  const isYear = yearEnd !== undefined;
  const pick = (t: { zh: string; en: string | null } | null) => (t ? (lang === "en" ? (t.en ?? t.zh) : t.zh) : null);
  const issuer = pick(r.publish.issuer);
  const catName = (c: ScoringReport["categories"][number], i: number) => (isYear ? w.quarter(i + 1) : c.name);
  const groups = r.groups ?? [{ id: "", zh: "", en: null }];
  let n = 0;
  const rankings: ViewTable[] = groups.map((g) => {
    const rows = r.ranking.filter((u) => (r.groups ? u.group === g.id : true));
    const heading = r.groups ? w.groupHeading(++n, lang === "en" ? (g.en ?? g.zh) : g.zh) : w.groupHeading(++n, lang === "en" ? "Ranking" : "考评");
    return {
      id: r.groups ? `ranking-${g.id}` : "ranking",
      heading,
      head: [w.rank, w.unit, w.total, ...r.categories.map((c, i) => w.category(catName(c, i), c.max))],
      right: [true, false, true, ...r.categories.map(() => true)],
      rows: rows.map((u) => [
        { text: String(u.rank), value: u.rank },
        { text: u.name },
        { text: fmt(u.total), value: u.total, strong: true },
        ...r.categories.map((c) => {
          const lost = u.lost[c.id];
          const v = u.scores[c.id] ?? 0;
          return lost?.capped ? { text: fmt(v), value: v, note: w.cap(fmt(lost.deducted)), detail: w.raw(fmt(lost.deductedRaw)) } : { text: fmt(v), value: v };
        }),
      ]),
    };
  });
  const catOf = (id: string) => r.categories.find((c) => c.id === id)?.name ?? id;
  const dRows: Cell[][] = [];
  for (const u of r.ranking) {
    for (const d of u.deductions) dRows.push([{ text: u.name }, { text: catOf(d.category) }, { text: d.itemName }, { text: String(d.count), value: d.count }, { text: `−${fmt(d.points)}`, value: -d.points }, { text: d.clause }]);
    // The cap, where it applied: the category's deductions add up to more than its points.
    for (const c of r.categories) {
      const l = u.lost[c.id];
      if (l?.capped) dRows.push([{ text: u.name }, { text: c.name }, { text: w.subtotal(fmt(l.deductedRaw)) }, { text: "" }, { text: w.cap(fmt(l.deducted)), value: -l.deducted, strong: true }, { text: c.clause ?? "" }]);
    }
  }
  const deductions: ScoringView["deductions"] = dRows.length
    ? { id: "deductions", heading: w.deductionsHeading(++n), head: [w.unit, w.categoryCol, w.item, w.count, w.points, w.clause], right: [false, false, false, true, true, false], rows: dRows }
    : { heading: w.deductionsHeading(++n), text: w.noDeductions };
  const notes: string[] = [w.fullMarks(r.scorecard.total), w.ties];
  if (yearEnd) notes.push(w.yearEnd(yearEnd.combine, yearEnd.clause, lang === "en" ? null : yearEnd.assumption));
  const rule = r.surveyRule;
  if (rule) {
    for (const u of r.ranking) {
      // All 不了解 (or no answer): the pack's choice decided the score; the reader is told so.
      if (u.survey && u.survey.counted === 0) notes.push(w.surveyNone(u.name, rule.name, fmt(u.survey.score), rule.whenNoAnswerCounts === "full", rule.assumption ? (lang === "en" ? rule.assumption.en : rule.assumption.zh) : null));
    }
  }
  const first = r.ranking.filter((u) => (r.groups ? u.group === r.groups[0]!.id : true));
  return {
    lang,
    title: w.title(issuer, period, r.scorecard.name),
    lead: w.lead(pick(r.publish.basis), null, period),
    rankings,
    deductions,
    notes: { heading: w.notesHeading(++n), items: notes },
    signature: { issuer, date: r.publish.date ? dateWords(r.publish.date, lang) : null },
    computedBy: w.computedBy(r.pack.name, r.pack.version),
    chart: { labels: first.map((u) => u.name), totals: first.map((u) => u.total), max: r.scorecard.total },
    sheets: w.sheets,
    trace: { pack: r.pack.id, version: r.pack.version, hash: r.pack.hash, scorecard: r.scorecard.id, period: r.period, asOf: r.asOf },
  };
}
