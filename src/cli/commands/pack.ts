/** `yingshang validate`, `test` and `eval`: the pack commands of the public contract. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { fail, formatProblem, YingshangError, type Problem } from "../../errors.js";
import { evaluate } from "../../engine/evaluate/evaluate.js";
import { loadPack, readPackDir, resolvePackDir } from "../../engine/compile/load.js";
import { compilePack } from "../../engine/compile/pack.js";
import { runPackTests, type PackTestReport } from "../../engine/tools/test-runner.js";
import { basename } from "node:path";
import { emit, EXIT, runAction } from "../output.js";
import { calendarsOption } from "../calendar-option.js";
import { calendarEndLine, daysLeft } from "./calendar-year.js";
import { CALENDAR_END_WARNING_DAYS } from "../../engine/compile/receipt.js";
import { parseDay } from "../../calendar/impl/days.js";
import type { Calendar } from "../../calendar/index.js";
import { problemLang } from "../lang.js";
import { addBatchOptions, evalBatch, type BatchCommandOptions } from "../batch/run.js";

/** Reads and parses a JSON file given on the command line, as a typed input error if malformed. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return fail("FILE_MISSING", "this file cannot be read; check the path.", { file: path }, { file: path });
  }
  // Windows tools and WPS write a UTF-8 byte-order mark at the start; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail("INPUT_INVALID", `this file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed JSON" }, { file: path });
  }
}

interface Opts {
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

/** loadPack's calendar options from `--calendar FILE…` and `--provisional`. */
export function packCalendarOptions(opts: { calendar?: string[]; provisional?: boolean }): { calendars: Calendar[]; provisional?: "statutory" } {
  return opts.provisional === true ? { calendars: calendarsOption(opts.calendar, "statutory"), provisional: "statutory" } : { calendars: calendarsOption(opts.calendar) };
}

export function registerPackCommands(program: Command): void {
  program
    .command("validate")
    .description("check packs: schema, references, ladders, scorecards, one lead unit per case; every problem with file:line:col")
    .argument("<packs...>", "pack folders or bundled pack names")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files (e.g. a 2027 notice)")
    .option("--on <date>", "warn when a pack's calendar ends within 60 days of this date (the library never reads the clock)")
    .action((packs: string[], opts: Opts & { on?: string }) =>
      runAction(opts, () => {
        const on = opts.on;
        if (on !== undefined && parseDay(on) === -Infinity) fail("INPUT_INVALID", `--on must be a real date YYYY-MM-DD (got ${on}).`, { detail: "--on" }, { path: "on" });
        const calendars = calendarsOption(opts.calendar);
        const results: { pack: string; valid: boolean; problems: Problem[]; warnings: Problem[]; calendar?: { id: string; version: string } }[] = [];
        // Places are printed from where the command was run; so is the first place of a duplicate id.
        const placed = (spec: string, p: Problem): Problem =>
          (p.code === "DUPLICATE_ID" ? { ...p, file: p.file ? `${spec}/${p.file}` : spec, params: { ...p.params, firstFile: `${spec}/${p.params.firstFile}` } } : { ...p, file: p.file ? `${spec}/${p.file}` : spec }) as Problem;
        for (const spec of packs) {
          const dir = resolvePackDir(spec);
          try {
            const pack = compilePack(readPackDir(dir), { folder: basename(dir), calendars });
            const cal = pack.calendar;
            // Warnings leave the pack valid: a number missing from its quote, a chosen value not marked as an assumption.
            results.push({ pack: spec, valid: true, problems: [], warnings: pack.warnings.map((w) => placed(spec, w)), calendar: { id: cal.id, version: cal.version } });
            // The calendar's end is near: one line on stderr, the pack stays valid.
            const left = on === undefined ? Infinity : daysLeft(cal, on);
            if (left <= CALENDAR_END_WARNING_DAYS) {
              process.stderr.write(problemLang() === "zh" ? `提醒：${spec} 所用日历 ${cal.id} 止于 ${cal.range.to}，距 ${on} 还有 ${left} 天；国务院下一年度节假日通知发布后，请用 yingshang calendar import 导入，再以 --calendar 使用。\n` : `warning: ${spec}: its calendar ${cal.id} ends on ${cal.range.to}, ${left} days after ${on}; import the next State Council notice (yingshang calendar import) and use it with --calendar.\n`);
            }
          } catch (e) {
            if (!(e instanceof YingshangError)) throw e;
            results.push({ pack: spec, valid: false, problems: e.problems.map((p) => placed(spec, p)), warnings: [] });
          }
        }
        const lang = problemLang();
        // With --calendar, say which calendar each pack took (the file, or one it extends).
        const calendarNote = (r: (typeof results)[number]): string => (calendars.length && r.calendar ? (lang === "zh" ? `（日历 ${r.calendar.id} ${r.calendar.version}）` : ` (calendar ${r.calendar.id} ${r.calendar.version})`) : "");
        const head = (r: (typeof results)[number]): string =>
          lang === "zh" ? (r.valid ? `通过   ${r.pack}` : `未通过 ${r.pack}（${r.problems.length} 个问题）`) : r.valid ? `ok   ${r.pack}` : `FAIL ${r.pack} (${r.problems.length} problem${r.problems.length > 1 ? "s" : ""})`;
        emit(opts, { valid: results.every((r) => r.valid), packs: results }, () =>
          results
            .map((r) => {
              // Warnings leave the pack valid; they follow its problems, each with its code.
              const warn = r.warnings.map((w) => `  ${lang === "zh" ? "提醒" : "warn"} ${formatProblem(w, { lang })} [${w.code}]`);
              const count = r.warnings.length ? (lang === "zh" ? `（${r.warnings.length} 个提醒）` : ` (${r.warnings.length} warning${r.warnings.length > 1 ? "s" : ""})`) : "";
              return [`${head(r)}${calendarNote(r)}${count}`, ...r.problems.map((p) => `  ${formatProblem(p, { lang })}`), ...warn].join("\n");
            })
            .join("\n"),
        );
        return results.every((r) => r.valid) ? EXIT.ok : EXIT.checkFailed;
      }),
    );

  program
    .command("test")
    .description("run the packs' tests (tests/*.yaml); quiet on pass, expected vs actual on failure")
    .argument("<packs...>", "pack folders or bundled pack names")
    .option("--json", "machine-readable output")
    .option("-v, --verbose", "list every file, not only failing ones")
    .option("--calendar <file...>", "extra calendar files")
    .action((packs: string[], opts: Opts & { verbose?: boolean }) =>
      runAction(opts, () => {
        const calendars = calendarsOption(opts.calendar);
        const reports: PackTestReport[] = packs.map((spec) => {
          const dir = resolvePackDir(spec);
          const r = runPackTests(readPackDir(dir, true), { folder: basename(dir), calendars });
          return { ...r, pack: spec };
        });
        const passed = reports.reduce((a, r) => a + r.passed, 0);
        const total = reports.reduce((a, r) => a + r.total, 0);
        const ok = reports.every((r) => r.problems.length === 0 && r.passed === r.total && r.total > 0);
        emit(opts, { ok, passed, total, packs: reports }, () => humanReport(reports, passed, total, opts.verbose === true));
        return ok ? EXIT.ok : EXIT.checkFailed;
      }),
    );

  const evalCmd = program
    .command("eval")
    .description("evaluate a case: assignment, deadlines, escalation state and scores")
    .argument("<pack>", "a pack folder or a bundled pack name (yingkou, xinghua, zibo, suqian)")
    .argument("[facts]", "a JSON file: {asOf, facts, now?, events?, history?, scoring?}")
    .option("--json", "machine-readable output")
    .option("--no-trace", "leave out the trace")
    .option("--calendar <file...>", "extra calendar files")
    .option("--provisional", "fill the years after the last notice from the statutory holidays (results say provisional: true)");
  addBatchOptions(evalCmd)
    .action((spec: string, factsFile: string | undefined, opts: Opts & BatchCommandOptions, cmd: Command) =>
      runAction(opts, () => {
        if (opts.ndjson !== undefined || opts.csv !== undefined || factsFile === undefined) return evalBatch(spec, factsFile, opts, cmd);
        const pack = loadPack(spec, packCalendarOptions(opts));
        const input = readJsonFile(factsFile) as Parameters<typeof evaluate>[1];
        const result = evaluate(pack, input, { trace: opts.trace !== false });
        const endLine = calendarEndLine(result.receipt);
        if (endLine) process.stderr.write(endLine);
        emit(opts, result, () => JSON.stringify(result, null, 2));
        // The other parts are answered, but a part refused as bad input (a date past the calendar,
        // a bad history) keeps the contract's exit code for bad input.
        return hasPartError(result) ? EXIT.badInput : EXIT.ok;
      }),
    );
}

/** True when a deadline, ladder or scorecard of the result is an error record. */
function hasPartError(r: ReturnType<typeof evaluate>): boolean {
  for (const part of [r.deadlines, r.escalation, r.scores]) {
    for (const k in part) if ((part[k] as { kind?: string } | undefined)?.kind === "error") return true;
  }
  return false;
}

function humanReport(reports: PackTestReport[], passed: number, total: number, verbose: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) lines.push(`${r.pack}: error: ${formatProblem(p)}`);
    for (const f of r.files) {
      if (!verbose && f.failures.length === 0) continue;
      lines.push(`${r.pack}/${f.file}: ${f.passed}/${f.total}`);
      for (const fail of f.failures) {
        lines.push(`  FAIL ${fail.name}${fail.line ? ` (${r.pack}/${fail.file}:${fail.line})` : ""}`);
        for (const m of fail.mismatches) lines.push(`    ${m.path}\n      expected: ${JSON.stringify(m.expected)}\n      actual:   ${JSON.stringify(m.actual)}`);
      }
    }
  }
  if (lines.length) lines.push("--------------------------------------------------------------------------------");
  lines.push(`${passed === total && !reports.some((r) => r.problems.length) && total > 0 ? "PASS" : "FAIL"}: ${passed}/${total}`);
  return lines.join("\n");
}
