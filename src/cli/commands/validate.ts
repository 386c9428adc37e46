/** `yingshang validate`: check packs, every problem with its place; warnings leave a pack valid. */
import type { Command } from "commander";
import { fail, formatProblem, YingshangError, type Problem } from "../../errors.js";
import { readPackDir, resolvePackDir } from "../../engine/compile/load.js";
import { compilePack } from "../../engine/compile/index.js";
import { basename } from "node:path";
import { emit, EXIT, runAction } from "../output.js";
import { calendarsOption } from "../calendar-option.js";
import { daysLeft } from "./calendar/year.js";
import { CALENDAR_END_WARNING_DAYS } from "../../engine/compile/index.js";
import { parseDay } from "../../calendar/impl/days.js";
import { problemLang } from "../lang.js";


interface Opts {
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

export function registerValidate(program: Command): void {
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
              // Warnings leave the pack valid; they follow its problems. An English line ends with the
              // code to look up; a Chinese one, read by policy staff, does not (--json has the codes).
              const warn = r.warnings.map((w) => (lang === "zh" ? `  提醒 ${formatProblem(w, { lang })}` : `  warn ${formatProblem(w, { lang })} [${w.code}]`));
              const count = r.warnings.length ? (lang === "zh" ? `（${r.warnings.length} 个提醒）` : ` (${r.warnings.length} warning${r.warnings.length > 1 ? "s" : ""})`) : "";
              return [`${head(r)}${calendarNote(r)}${count}`, ...r.problems.map((p) => `  ${formatProblem(p, { lang })}`), ...warn].join("\n");
            })
            .join("\n"),
        );
        return results.every((r) => r.valid) ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}
