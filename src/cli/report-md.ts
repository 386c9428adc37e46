/**
 * Markdown rendering of the reports (GitHub-flavoured tables), for pull requests, CI job summaries
 * and mail. Cell text is escaped: `|` cannot break a table, and `<`, `>`, `&` cannot become HTML.
 */
import type { Compliance, Counts, DeadlinesReport, ScoringReport } from "./report.js";

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

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

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

/** 「扣30分（扣完为止）」 where a category's deductions passed its points. */
export function capNote(l: { deducted: number; deductedRaw: number; capped: boolean } | undefined): string {
  return l?.capped ? `扣${fmt(l.deducted)}分（扣完为止）` : "";
}

export function renderScoringMd(r: ScoringReport): string {
  const out: string[] = [];
  out.push(`# ${mdEsc(r.scorecard.name)} · ${mdEsc(r.period)}`, "");
  out.push(`${mdEsc(r.pack.name)}${r.pack.document ? ` — ${mdEsc(r.pack.document)}` : ""}. Scores as of ${r.asOf} (the last day of ${mdEsc(r.period)}); full marks ${r.scorecard.total}; equal totals share a rank.`, "");
  const ye = (r as ScoringReport & { yearEnd?: { combine: string; clause: string | null; assumption: string | null } }).yearEnd;
  if (ye) out.push(`综合排名：四个季度总分${ye.combine === "mean" ? "的平均值" : "之和"}${ye.clause ? `（${mdEsc(ye.clause)}）` : ""}。${ye.assumption ? `说明（假设）：${mdEsc(ye.assumption)}` : ""}`, "");
  out.push("## Ranking", "");
  out.push(
    table(
      ["Rank", "Unit", "Total", ...r.categories.map((c) => `${mdEsc(c.name)} /${c.max}`), ""],
      r.ranking.map((u) => [String(u.rank), mdEsc(u.name) + (u.name !== u.unit ? ` (${mdEsc(u.unit)})` : ""), `**${fmt(u.total)}**`, ...r.categories.map((c) => fmt(u.scores[c.id] ?? 0) + (u.lost[c.id]?.capped ? ` · ${capNote(u.lost[c.id])}` : "")), bar(u.total, r.scorecard.total)]),
      [true, false, true, ...r.categories.map(() => true), false],
    ),
    "",
  );
  out.push("## Deductions", "");
  for (const u of r.ranking) {
    out.push(`### ${u.rank}. ${mdEsc(u.name)} — ${fmt(u.total)}`, "");
    if (!u.deductions.length) out.push("No deductions.", "");
    else
      out.push(
        table(
          ["Item", "Category", "Count", "Points", "Clause", "Quote"],
          u.deductions.map((d) => [`${mdEsc(d.itemName)} (${mdEsc(d.item)})`, mdEsc(r.categories.find((c) => c.id === d.category)?.name ?? d.category), String(d.count), `−${fmt(d.points)}`, mdEsc(d.clause), mdEsc(d.quote)]),
          [false, false, true, true, false, false],
        ),
        "",
      );
    if (u.survey) out.push(`Survey: ${u.survey.counted} counted answers, mean ${u.survey.mean === null ? "—" : fmt(u.survey.mean)}, score ${fmt(u.survey.score)}.`, "");
  }
  out.push(`<sub>yingshang · pack ${mdEsc(r.pack.id)} ${mdEsc(r.pack.version)} (${mdEsc(r.pack.hash)}) · scorecard ${mdEsc(r.scorecard.id)} (${mdEsc(r.scorecard.clause)})</sub>`);
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
