/**
 * HTML rendering of the reports: one self-contained page (inline CSS, the chart.js UMD bundle
 * inlined, no request to any server), safe to mail or archive. Every string that comes from a pack
 * or from the user's files is escaped; data for the chart is embedded as JSON that cannot close
 * the script element.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fail } from "../../errors.js";
import type { ScoringReport } from "./scoring.js";
import type { Compliance, DeadlinesReport } from "./deadlines.js";
import { codeSpans, deadlinesView, type DeadlinesTable } from "./deadlines-view.js";
import type { Lang } from "../../messages/types.js";
import { scoringView, type Cell, type ViewTable } from "./view.js";
import { reportWords } from "./words.js";

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** JSON for a <script> element: `<` is written \u003c so no string in it can close the element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

let chartJs: string | null = null;

/** chart.js's UMD bundle, found through Node's resolution so it works from an installed package. */
export function chartJsBundle(): string {
  if (chartJs !== null) return chartJs;
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    // chart.js's exports map has no entry for the UMD file: resolve the package's main file and take its folder.
    file = join(dirname(require.resolve("chart.js")), "chart.umd.js");
    chartJs = readFileSync(file, "utf8").replace(/<\/(script)/gi, "<\\/$1");
  } catch {
    return fail("FILE_MISSING", "Cannot find chart.js (node_modules/chart.js/dist/chart.umd.js); reinstall yingshang's dependencies.", { file: "chart.js/dist/chart.umd.js" });
  }
  return chartJs;
}

const CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --head: #f0f4f8; --accent: #0b6e4f; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta { color: var(--muted); margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.n, th.n { text-align: right; }
tr.tie td.rank { color: var(--accent); font-weight: 600; }
.quote { color: var(--muted); font-size: 13px; }
.chart { position: relative; height: 360px; margin: 8px 0 16px; }
.ok { color: #1b7a3a; } .late { color: #b7791f; } .overdue { color: #c0392b; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
.bulletin h1 { text-align: center; font-size: 22px; margin: 8px 0 20px; line-height: 1.4; }
.bulletin .lead { text-indent: 2em; }
.bulletin h2 { border-bottom: 0; padding-bottom: 0; font-size: 16px; }
.bulletin small.cap { color: #c0392b; white-space: nowrap; }
.bulletin ol { padding-left: 1.6em; }
.bulletin th { white-space: nowrap; }
.bulletin table.ranking td:nth-child(2), .bulletin table.deductions td:first-child, .bulletin table.deductions td:last-child { white-space: nowrap; }
.signature { margin: 36px 0 0; text-align: right; break-inside: avoid; }
.signature span { display: block; }
#by-unit th, #by-rule th { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
@media print { main { max-width: none; padding: 0; } body { font-size: 12px; } .bulletin h1 { font-size: 19px; } .bulletin table { width: 99.6%; } .bulletin th, .bulletin td { padding: 4px 6px; } .bulletin .chart { display: none; } .chart { height: 260px; } h2 { break-after: avoid; } table { break-inside: auto; } }
`;

function page(title: string, body: string, chartScript: string, opts: { lang?: string; trace?: string } = {}): string {
  return `<!doctype html>
<html lang="${opts.lang ?? "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yingshang">${opts.trace ? `\n<meta name="yingshang-source" content="${esc(opts.trace)}">` : ""}
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script>${chartJsBundle()}</script>
<script>
"use strict";
(function () {
${chartScript}
  window.__reportReady = true;
})();
</script>
</body>
</html>
`;
}


// ───────────────────────────── scoring ─────────────────────────────

export function renderScoringHtml(r: ScoringReport, lang: Lang = "zh"): string {
  const v = scoringView(r, lang);
  const cell = (c: Cell, right: boolean, th = false) => {
    const tag = th ? "th" : "td";
    const note = c.note ? `<br><small class="cap"${c.detail ? ` title="${esc(c.detail)}"` : ""}>${esc(c.note)}</small>` : "";
    return `<${tag}${right ? ' class="n"' : ""}>${c.strong ? `<b>${esc(c.text)}</b>` : esc(c.text)}${note}</${tag}>`;
  };
  const table = (t: ViewTable) => `<h2>${esc(t.heading)}</h2>
<table id="${esc(t.id)}" class="${t.id === "deductions" ? "deductions" : "ranking"}"><thead><tr>${t.head.map((h, i) => `<th${t.right[i] ? ' class="n"' : ""}>${h.split("\n").map(esc).join("<br>")}</th>`).join("")}</tr></thead>
<tbody>
${t.rows.map((row) => `<tr>${row.map((c, i) => cell(c, t.right[i]!)).join("")}</tr>`).join("\n")}
</tbody></table>`;
  const [firstTable, ...otherTables] = v.rankings;
  const deductions = "rows" in v.deductions ? table(v.deductions) : `<h2>${esc(v.deductions.heading)}</h2><p>${esc(v.deductions.text)}</p>`;
  const body = `<article class="bulletin">
<header><h1>${esc(v.title)}</h1></header>
<p class="lead">${esc(v.lead)}</p>
<section>
${table(firstTable!)}
<div class="chart"><canvas id="chart" role="img" aria-label="${esc(firstTable!.heading)}"></canvas></div>
</section>
${otherTables.map((t) => `<section>${table(t)}</section>`).join("\n")}
<section>
${deductions}
</section>
<section id="notes">
<h2>${esc(v.notes.heading)}</h2>
<ol>${v.notes.items.map((x) => `<li>${esc(x)}</li>`).join("")}</ol>
</section>
${v.signature.issuer || v.signature.date ? `<p class="signature">${v.signature.issuer ? `<span>${esc(v.signature.issuer)}</span>` : ""}${v.signature.date ? `<span>${esc(v.signature.date)}</span>` : ""}</p>` : ""}
<footer>${esc(v.computedBy)}</footer>
</article>`;
  const script = `  var d = ${scriptJson(v.chart)};
  new Chart(document.getElementById("chart"), {
    type: "bar",
    data: { labels: d.labels, datasets: [{ label: ${scriptJson(reportWords(lang).total)}, data: d.totals, backgroundColor: "#0b6e4f", borderRadius: 3 }] },
    options: { animation: false, maintainAspectRatio: false, responsive: true, scales: { y: { beginAtZero: true, max: d.max } }, plugins: { legend: { display: false } } }
  });`;
  const t = v.trace;
  return page(v.title, body, script, { lang: lang === "en" ? "en" : "zh-CN", trace: `${t.pack} ${t.version} ${t.hash}; scorecard ${t.scorecard}; period ${t.period}; as of ${t.asOf}` });
}

// ───────────────────────────── deadlines ─────────────────────────────

const COLORS: Record<Compliance, string> = { onTime: "#2f9e44", late: "#f08c00", overdue: "#e03131", running: "#1c7ed6", noStatus: "#adb5bd" };

/** Escaped text with its backquoted spans as <code> (ids a reader may need to type). */
function withCode(text: string): string {
  return codeSpans(text)
    .map((part, i) => (i % 2 ? `<code>${esc(part)}</code>` : esc(part)))
    .join("");
}

export function renderDeadlinesHtml(r: DeadlinesReport, lang: Lang = "zh"): string {
  const v = deadlinesView(r, lang);
  const cells = (row: string[], right: boolean[], tag: "td" | "th") => row.map((c, i) => `<${tag}${right[i] ? ' class="n"' : ""}>${withCode(c)}</${tag}>`).join("");
  const table = (t: DeadlinesTable) => `<h2>${esc(t.heading)}</h2>
${t.id === "by-unit" ? `<div class="chart"><canvas id="chart" role="img" aria-label="${esc(v.chart.label)}"></canvas></div>\n` : ""}<table id="${t.id}"><thead><tr>${cells(t.head, t.right, "th")}</tr></thead>
<tbody>
${t.rows.map((row) => `<tr>${cells(row, t.right, "td")}</tr>`).join("\n")}
</tbody>${t.foot ? `\n<tfoot><tr>${cells(t.foot, t.right, "th")}</tr></tfoot>` : ""}</table>`;
  const body = `<header>
<h1>${esc(v.title)}</h1>
<p class="meta">${withCode(v.lead)}</p>
<div class="cards">${v.cards.map((c) => `<div class="card"><b${c.status ? ` style="color:${COLORS[c.status]}"` : ""}>${esc(c.value)}</b><span>${esc(c.label)}</span></div>`).join("")}</div>
</header>
${v.tables.map((t) => `<section>\n${table(t)}\n</section>`).join("\n")}
<section id="notes">
<h2>${esc(v.notes.heading)}</h2>
<ol>${v.notes.items.map((x) => `<li>${withCode(x)}</li>`).join("")}</ol>
</section>
${v.errors ? `<section id="errors"><h2>${esc(v.errors.heading)}</h2><ul>${v.errors.items.map((x) => `<li>${withCode(x)}</li>`).join("")}</ul></section>` : ""}
<footer>${esc(v.footer)}</footer>`;
  const data = { labels: v.chart.labels, datasets: v.chart.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: COLORS[d.status] })) };
  const script = `  var d = ${scriptJson(data)};
  new Chart(document.getElementById("chart"), {
    type: "bar",
    data: d,
    options: { animation: false, maintainAspectRatio: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: "bottom" } } }
  });`;
  return page(v.title, body, script, { lang: lang === "en" ? "en" : "zh-CN", trace: v.trace });
}
