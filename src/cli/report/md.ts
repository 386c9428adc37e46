/**
 * Markdown rendering of the reports (GitHub-flavoured tables), for pull requests, CI job summaries
 * and mail. Cell text is escaped: `|` cannot break a table, and `<`, `>`, `&` cannot become HTML.
 */
import type { Lang } from "../../messages/types.js";
import type { ScoringReport } from "./scoring.js";
import type { Compliance, Counts, DeadlinesReport } from "./deadlines.js";
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

const LABELS: Record<Compliance, string> = { onTime: "On time", late: "Late", overdue: "Overdue", running: "Running", noStatus: "No status" };

const pct = (n: number, d: number) => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : "—");

export function renderDeadlinesMd(r: DeadlinesReport): string {
  const cols: Compliance[] = ["onTime", "late", "overdue", "running"];
  if (r.totals.noStatus > 0) cols.push("noStatus");
  const cells = (c: Counts) => [...cols.map((k) => String(c[k])), String(c.total), pct(c.onTime, c.onTime + c.late)];
  const head = [...cols.map((k) => LABELS[k]), "Total", "On-time rate"];
  const right = [...cols.map(() => true), true, true];
  const out: string[] = [];
  out.push("# Deadline compliance", "");
  const packs = r.packs.map((p) => `${mdEsc(p.id)} ${mdEsc(p.version)} (${mdEsc(p.hash)})`).join(", ") || "—";
  out.push(`${mdEsc(r.source)}: ${r.cases} cases, ${r.errors.total} error lines; pack ${packs}; unit: ${r.unitFact ? `fact ${mdEsc(r.unitFact)}` : "lead unit of the case"}.`, "");
  out.push(table(head, [cells(r.totals)], right), "");
  out.push("## By unit", "");
  out.push(
    table(
      ["Unit", ...head, "Late + overdue"],
      r.byUnit.map((u) => [mdEsc(u.name) + (u.name !== u.unit ? ` (${mdEsc(u.unit)})` : ""), ...cells(u.counts), bar(u.counts.late + u.counts.overdue, Math.max(1, ...r.byUnit.map((x) => x.counts.late + x.counts.overdue)), 12)]),
      [false, ...right, false],
    ),
    "",
  );
  out.push("## By deadline rule", "");
  out.push(
    table(
      ["Rule", "Clause", ...head],
      r.byRule.map((x) => [mdEsc(x.name) + (x.name !== x.rule ? ` (${mdEsc(x.rule)})` : ""), mdEsc(x.clause ?? ""), ...cells(x.counts)]),
      [false, false, ...right],
    ),
    "",
  );
  out.push("On time / late: completed within / after the due date. Overdue: not completed and past the due date. Running: not completed and not yet due (includes due today, paused, not started). On-time rate = on time ÷ (on time + late)." + (r.schedules ? ` ${r.schedules} periodic schedules are not counted.` : ""), "");
  if (r.errors.total || r.unreadable.length) {
    out.push("## Errors", "");
    out.push(`${r.errors.total} input lines could not be evaluated (first lines: ${r.errors.firstLines.join(", ") || "—"}): ${Object.entries(r.errors.byCode).map(([c, n]) => `${mdEsc(c)} ${n}`).join(", ")}.`, "");
    if (r.unreadable.length) out.push(`Unreadable result lines: ${r.unreadable.join(", ")}.`, "");
  }
  return out.join("\n") + "\n";
}
