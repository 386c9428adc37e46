/** `yingshang calendar import` and `calendar status`: the yearly routine of loading the next notice. */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { DateTime } from "luxon";
import { fail } from "../../../errors.js";
import { defaultCalendar, importNotice, loadCalendar, noticeYaml, type Calendar } from "../../../calendar/index.js";
import { parseDay } from "../../../calendar/impl/days.js";
import { CALENDAR_END_WARNING_DAYS } from "../../../engine/compile/index.js";
import { emit, runAction, type OutputOptions } from "../../output.js";

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return fail("FILE_MISSING", `this ${what} cannot be read; check the path.`, { file }, { file });
  }
}

/** Days from `on` to the calendar's last day (negative once it is past). */
export function daysLeft(cal: Calendar, on: string): number {
  return parseDay(cal.range.to) - parseDay(on);
}

/** Registers `calendar import` and `calendar status` on the `calendar` group. */
export function registerCalendarYear(group: Command): void {
  group
    .command("import")
    .argument("<notice>", "a text file with the notice as published (国务院办公厅关于YYYY年部分节假日安排的通知)")
    .description("read a State Council holiday notice into a calendar file (YAML, extends: cn-mainland); every doubt is an error quoting the sentence")
    .option("--json", "print { year, holidays, makeupWorkdays } instead of YAML")
    .option("--out <file>", "write the YAML to a file instead of stdout")
    .option("--url <url>", "the notice's address on gov.cn, recorded under notices:")
    .action((file: string, opts: OutputOptions & { out?: string; url?: string }) =>
      runAction(opts, () => {
        const n = importNotice(readText(file, "notice file"), { file });
        for (const w of n.warnings) process.stderr.write(`warning: ${file}: ${w.message}\n`);
        if (opts.json) return emit(opts, { year: n.year, holidays: n.holidays, makeupWorkdays: n.makeupWorkdays }, () => "");
        const yaml = noticeYaml(n, opts.url === undefined ? {} : { url: opts.url });
        loadCalendar(yaml, { file: opts.out ?? "(imported)" }); // what is written must load
        if (opts.out === undefined) process.stdout.write(yaml);
        else {
          writeFileSync(opts.out, yaml);
          process.stdout.write(`wrote ${opts.out}: ${n.year}, ${n.holidays.length} days off, ${n.makeupWorkdays.length} makeup working days — review it against the notice, then use it with --calendar ${opts.out}\n`);
        }
      }),
    );

  group
    .command("status")
    .description("the calendar in use, its range and the days left until its end")
    .option("--on <date>", "the day to count from (default: today in Asia/Shanghai)")
    .option("--calendar <file>", "a calendar file (extends: cn-mainland) to report on instead of the bundled one")
    .option("--json", "machine-readable output: { id, version, from, to, daysLeft }")
    .action((opts: OutputOptions & { on?: string; calendar?: string }) =>
      runAction(opts, () => {
        const cal = opts.calendar === undefined ? defaultCalendar() : loadCalendar(readText(opts.calendar, "calendar file"), { file: opts.calendar });
        // The library never reads the clock; the command may, when no --on is given.
        const on = opts.on === undefined ? DateTime.now().setZone("Asia/Shanghai").toISODate()! : cal.toDate(opts.on);
        const left = daysLeft(cal, on);
        const out = { id: cal.id, version: cal.version, from: cal.range.from, to: cal.range.to, daysLeft: left };
        emit(opts, out, () => {
          const head = `${cal.id} ${cal.version}: ${cal.range.from} to ${cal.range.to}`;
          const next = Number(cal.range.to.slice(0, 4)) + 1;
          if (left < 0) return `${head} — ended ${-left} day${left === -1 ? "" : "s"} before ${on}; import the ${next} notice (yingshang calendar import NOTICE.txt) and use it with --calendar`;
          const tail = `${left} day${left === 1 ? "" : "s"} left on ${on}`;
          return left <= CALENDAR_END_WARNING_DAYS ? `${head} — ${tail}; when the ${next} notice is published, import it (yingshang calendar import NOTICE.txt) and use it with --calendar` : `${head} — ${tail}`;
        });
      }),
    );
}

/** The one stderr line the CLI prints for a result whose receipt warns that the calendar ends soon. */
export function calendarEndLine(receipt: { calendar: { id: string }; calendarEndsOn?: string } | undefined): string | null {
  if (!receipt?.calendarEndsOn) return null;
  const next = Number(receipt.calendarEndsOn.slice(0, 4)) + 1;
  return `warning: the calendar ${receipt.calendar.id} ends on ${receipt.calendarEndsOn}; load the ${next} State Council notice (yingshang calendar import NOTICE.txt, then --calendar FILE) before dates run past it.\n`;
}
