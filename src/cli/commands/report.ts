/**
 * `yingshang report scoring|deadlines`: reports for policy staff, as a self-contained HTML page
 * (inline CSS, the chart.js bundle inlined, no network) or as Markdown.
 *
 * This file builds the reports' data (plain JSON, also printed by `--json`); report-html.ts and
 * report-md.ts render it. Reports are Node/CLI-side: they read files, the engine does not.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { fail } from "../../errors.js";
import { loadPack } from "../../engine/compile/load.js";
import { findScorecard } from "../../engine/evaluate/index.js";
import { calendarsOption } from "../calendar-option.js";
import { EXIT, runAction } from "../output.js";
import { renderDeadlinesHtml, renderScoringHtml } from "../report/html.js";
import { renderDeadlinesMd, renderScoringMd } from "../report/md.js";
import { outputLang } from "../lang.js";
import { scoringView } from "../report/view.js";
import { checkDate } from "../report/words.js";

import { buildScoringReport, buildYearReport, periodEnd, readUnits, type ScoringReport } from "../report/scoring.js";
import { buildDeadlinesReport, type DeadlinesReport } from "../report/deadlines.js";

// ───────────────────────────── command ─────────────────────────────

interface ReportOpts {
  format?: string;
  out?: string;
  json?: boolean;
  calendar?: string[];
}

/** html or md: --format, else from --out's extension, else Markdown on stdout. */
function formatOf(opts: ReportOpts): "html" | "md" {
  const f = opts.format ?? (opts.out ? (/\.(md|markdown)$/i.test(opts.out) ? "md" : "html") : "md");
  if (f !== "html" && f !== "md") return fail("INPUT_INVALID", `--format must be html or md (got ${JSON.stringify(f)}).`, { detail: "bad --format" }, { path: "format" });
  return f;
}

type ScoringFormat = "html" | "md" | "pdf" | "xlsx";

/** The scoring report's format: --format, else --out's extension (.md, .pdf, .xlsx; else HTML), else Markdown on stdout. */
function scoringFormatOf(opts: ReportOpts): ScoringFormat {
  const ext = opts.out ? /\.(md|markdown|pdf|xlsx)$/i.exec(opts.out)?.[1]?.toLowerCase() : undefined;
  const f = opts.format ?? (opts.out ? (ext === "markdown" ? "md" : (ext ?? "html")) : "md");
  if (f !== "html" && f !== "md" && f !== "pdf" && f !== "xlsx") return fail("INPUT_INVALID", `--format must be html, md, pdf or xlsx (got ${JSON.stringify(f)}).`, { detail: "bad --format" }, { path: "format" });
  // A PDF or a workbook is not text for a terminal: it goes to a file.
  if ((f === "pdf" || f === "xlsx") && !opts.out && !opts.json) return fail("INPUT_INVALID", `--format ${f} writes a file: give --out FILE.${f}.`, { detail: "out needed" }, { path: "out" });
  return f;
}

async function writeScoring(opts: ReportOpts & { chromium?: string }, data: ScoringReport): Promise<number> {
  const format = scoringFormatOf(opts);
  const lang = outputLang();
  let bytes: string | Buffer;
  if (opts.json) bytes = JSON.stringify(data) + "\n";
  else if (format === "md") bytes = renderScoringMd(data, lang);
  else if (format === "html") bytes = renderScoringHtml(data, lang);
  else if (format === "pdf") bytes = await (await import("../report/pdf.js")).htmlToPdf(renderScoringHtml(data, lang), { chromium: opts.chromium });
  else bytes = await (await import("../report/xlsx.js")).renderScoringXlsx(scoringView(data, lang));
  return output(opts, bytes);
}

function write(opts: ReportOpts, data: ScoringReport | DeadlinesReport, html: () => string, md: () => string): number {
  const format = formatOf(opts);
  return output(opts, opts.json ? JSON.stringify(data) + "\n" : format === "html" ? html() : md());
}

/** Writes the report to --out, else to stdout. */
function output(opts: ReportOpts, text: string | Buffer): number {
  if (opts.out) {
    try {
      writeFileSync(opts.out, text);
    } catch (e) {
      return fail("FILE_MISSING", `Cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}.`, { file: opts.out }, { file: opts.out });
    }
  } else process.stdout.write(text);
  return EXIT.ok;
}

export function registerReport(program: Command): void {
  const report = program.command("report").description("reports for policy staff: a scoring period's 通报 (HTML, Markdown, PDF, xlsx), a batch's deadline compliance (HTML or Markdown)");

  report
    .command("scoring")
    .description("rank units on a scorecard for a period: ranking (ties share a rank), each unit's deductions with their clauses")
    .argument("<pack>", "a pack folder or a bundled pack name")
    .requiredOption("--scorecard <id>", "the scorecard's id")
    .requiredOption("--input <files...>", 'units.json: { "unit-id": { "incidents": [{ "item", "count" }], "survey": { "优秀": 3 }, "name"?: "display name" } }; for a year, the four quarters\' files in order')
    .requiredOption("--period <period>", "the period scored: 2026-Q1, 2026-H1, 2026-03 or 2026 (rules are read as of its last day)")
    .option("--format <format>", "html, md, pdf or xlsx (default: from --out's extension; Markdown on stdout)")
    .option("--out <file>", "write the report to a file")
    .option("--issuer <name>", "who publishes the report (default: the scorecard's report.issuer in scoring.yaml)")
    .option("--date <YYYY-MM-DD>", "the report's date (default: the input's date; none is printed without one — the clock is never read)")
    .option("--chromium <path>", "Chromium for --format pdf (default: $CHROMIUM_PATH or /usr/bin/chromium)")
    .option("--json", "print the report's data as JSON instead")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, opts: ReportOpts & { scorecard: string; input: string[]; period: string; issuer?: string; date?: string; chromium?: string }) =>
      runAction(opts, () => {
        scoringFormatOf(opts);
        if (opts.date !== undefined) checkDate(opts.date, "--date");
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const files = opts.input.map(readUnits);
        const card = findScorecard(pack, opts.scorecard, periodEnd(opts.period).asOf);
        const yearOfQuarters = /^\d{4}$/.test(opts.period) && card.period === "quarter";
        if (!yearOfQuarters && files.length !== 1) fail("INPUT_INVALID", `--period ${opts.period} takes one --input file (four only for a year's 综合排名).`, { detail: "one input" }, { path: "input" });
        const publish = { issuer: opts.issuer, date: opts.date };
        const data = yearOfQuarters ? buildYearReport(pack, opts.scorecard, files, opts.period, publish) : buildScoringReport(pack, opts.scorecard, files[0]!, opts.period, publish);
        return writeScoring(opts, data);
      }),
    );

  report
    .command("deadlines")
    .description("deadline compliance of a batch's results (eval --ndjson): on time, late, overdue, running — by unit and by deadline rule")
    .argument("<results>", "results NDJSON from `yingshang eval PACK --ndjson CASES --out RESULTS` (- for stdin)")
    .option("--unit-fact <fact>", "the fact that names the unit a case belongs to (default: the lead unit of the case's assignment)")
    .option("--pack <pack>", "the pack, for unit and rule names (default: the results' bundled pack)")
    .option("--format <format>", "html or md (default: from --out's extension; Markdown on stdout)")
    .option("--out <file>", "write the report to a file")
    .option("--json", "print the report's data as JSON instead")
    .option("--calendar <file...>", "extra calendar files")
    .action((file: string, opts: ReportOpts & { unitFact?: string; pack?: string }) =>
      runAction(opts, async () => {
        formatOf(opts);
        const data = await buildDeadlinesReport(file, { unitFact: opts.unitFact, pack: opts.pack, calendars: opts.calendar });
        const lang = outputLang();
        return write(opts, data, () => renderDeadlinesHtml(data, lang), () => renderDeadlinesMd(data, lang));
      }),
    );
}
