/** `yingshang eval`: evaluate a case (or a batch, see ../batch/). */
import type { Command } from "commander";
import { evaluate } from "../../engine/evaluate/index.js";
import { loadPack } from "../../engine/compile/load.js";
import { emit, EXIT, runAction } from "../output.js";
import { calendarEndLine } from "./calendar/year.js";
import { addBatchOptions, evalBatch, type BatchCommandOptions } from "../batch/run.js";

import { packCalendarOptions, readJsonFile } from "../pack-io.js";

interface Opts {
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

export function registerEval(program: Command): void {
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

