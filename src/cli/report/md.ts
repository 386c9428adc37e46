/**
 * Markdown rendering of the reports (GitHub-flavoured tables), for pull requests, CI job summaries
 * and mail. Cell text is escaped: `|` cannot break a table, and `<`, `>`, `&` cannot become HTML.
 */
import type { Lang } from "../../messages/types.js";
import type { ScoringReport } from "./scoring.js";
import type { DeadlinesReport } from "./deadlines.js";
import { codeSpans, deadlinesView } from "./deadlines-view.js";
import { scoringView, type Cell, type ViewTable } from "./view.js";

/** Escapes text for a Markdown table cell (or a heading): no HTML, no table breaks, no line breaks. */
export function mdEsc(s: unknown): string {
  return String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([`*_[\]])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}


function table(head: string[], rows: string[][], right: boolean[]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (right[i] ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

/** A text bar, e.g. for totals out of 100: `█████████▌`. */
function bar(value: number, max: number, width = 20): string {
  if (max <= 0) return "";
  const units = Math.max(0, Math.min(width * 2, Math.round((value / max) * width * 2)));
  return "█".repeat(Math.floor(units / 2)) + (units % 2 ? "▌" : "");
}

/**
 * The 通报 in Markdown: the same view as the HTML page. The pack's id, version and hash are kept
 * in an HTML comment, which a Markdown viewer does not show.
 */
export function renderScoringMd(r: ScoringReport, lang: Lang = "zh"): string {
  const v = scoringView(r, lang);
  const cell = (c: Cell) => (c.strong ? `**${mdEsc(c.text)}**` : mdEsc(c.text)) + (c.note ? ` · ${mdEsc(c.note)}` : "");
  const tbl = (t: ViewTable) => [`## ${mdEsc(t.heading)}`, "", table(t.head.map((h) => mdEsc(h.replace(/\n/g, ""))), t.rows.map((row) => row.map(cell)), t.right), ""];
  const out: string[] = [`# ${mdEsc(v.title)}`, "", mdEsc(v.lead), ""];
  for (const t of v.rankings) out.push(...tbl(t));
  if ("rows" in v.deductions) out.push(...tbl(v.deductions));
  else out.push(`## ${mdEsc(v.deductions.heading)}`, "", mdEsc(v.deductions.text), "");
  out.push(`## ${mdEsc(v.notes.heading)}`, "", ...v.notes.items.map((x, i) => `${i + 1}. ${mdEsc(x)}`), "");
  // Two trailing spaces: a line break, so the issuer and the date stand on two lines.
  if (v.signature.issuer || v.signature.date) out.push([v.signature.issuer, v.signature.date].filter(Boolean).map((x) => mdEsc(x)).join("  \n"), "");
  out.push(`<sub>${mdEsc(v.computedBy)}</sub>`, "");
  const t = v.trace;
  out.push(`<!-- yingshang: ${t.pack} ${t.version} ${t.hash}; scorecard ${t.scorecard}; period ${t.period}; as of ${t.asOf} -->`);
  return out.join("\n") + "\n";
}

/** Markdown text with its backquoted spans kept as code (the rest escaped). */
function withCode(text: string): string {
  return codeSpans(text)
    .map((part, i) => (i % 2 ? `\`${part.replace(/`/g, "")}\`` : mdEsc(part)))
    .join("");
}

/** The deadline-compliance report in Markdown: the same view as the HTML page, with a text bar of late + overdue by unit. */
export function renderDeadlinesMd(r: DeadlinesReport, lang: Lang = "zh"): string {
  const v = deadlinesView(r, lang);
  const out: string[] = [`# ${mdEsc(v.title)}`, "", withCode(v.lead), ""];
  out.push(table(v.cards.map((c) => mdEsc(c.label)), [v.cards.map((c) => mdEsc(c.value))], v.cards.map(() => true)), "");
  for (const t of v.tables) {
    const rows = t.rows.map((row) => row.map(withCode));
    if (t.id === "by-unit") {
      // A text bar of late + overdue: the units that most need attention stand out.
      const bad = r.byUnit.map((u) => u.counts.late + u.counts.overdue);
      const max = Math.max(1, ...bad);
      out.push(`## ${mdEsc(t.heading)}`, "", table([...t.head.map(mdEsc), mdEsc(lang === "en" ? "Late + overdue" : "逾期＋超期")], [...rows.map((row, i) => [...row, bar(bad[i]!, max, 12)]), [...t.foot!.map((c) => `**${withCode(c)}**`), ""]], [...t.right, false]), "");
    } else out.push(`## ${mdEsc(t.heading)}`, "", table(t.head.map(mdEsc), rows, t.right), "");
  }
  out.push(`## ${mdEsc(v.notes.heading)}`, "", ...v.notes.items.map((x, i) => `${i + 1}. ${withCode(x)}`), "");
  if (v.errors) out.push(`## ${mdEsc(v.errors.heading)}`, "", ...v.errors.items.map((x) => `- ${withCode(x)}`), "");
  out.push(`<sub>${mdEsc(v.footer)}</sub>`, "", `<!-- yingshang: ${v.trace.replace(/--/g, "")} -->`);
  return out.join("\n") + "\n";
}
