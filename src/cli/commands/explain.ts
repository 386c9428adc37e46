/** `yingshang explain PACK FACTS.json`: a case's decisions and reasons in plain Chinese or English. */
import type { Command } from "commander";
import { evaluate, type CaseInput } from "../../engine/evaluate/index.js";
import { explain } from "../../engine/tools/index.js";
import { loadPack } from "../../engine/compile/load.js";
import { calendarEndLine } from "./calendar/year.js";
import { packCalendarOptions } from "../pack-io.js";
import { outputLang } from "../lang.js";
import { emit, runAction } from "../output.js";
import { readJsonFile } from "../pack-io.js";

interface Opts {
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

/** Registers `explain` on the program. */
export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("explain a case's decisions in plain words, citing the clauses: lead unit and roles, deadlines day by day, escalation, scores")
    .argument("<pack>", "a pack folder or a bundled pack name (yingkou, xinghua, zibo, suqian)")
    .argument("<facts>", "a JSON file: {asOf, facts, now?, events?, history?, scoring?} (the same as for eval)")
    .option("--json", "machine-readable output: the explanation's sections and lines")
    .option("--calendar <file...>", "extra calendar files")
    .option("--provisional", "fill the years after the last notice from the statutory holidays (dates flagged provisional)")
    .action((spec: string, factsFile: string, opts: Opts) =>
      runAction(opts, () => {
        const lang = outputLang();
        const pack = loadPack(spec, packCalendarOptions(opts));
        const input = readJsonFile(factsFile) as CaseInput;
        const result = evaluate(pack, input, { trace: true });
        const e = explain(pack, result, { lang, input });
        const endLine = calendarEndLine(result.receipt);
        if (endLine) process.stderr.write(endLine);
        const years = result.receipt.provisionalYears ?? [];
        // A provisional date must say so to the officer reading it, in their language.
        const note = years.length === 0 ? "" : lang === "zh" ? `\n注意：${years.join("、")}年的节假日安排尚未公布，上述日期按法定节假日暂定，待国务院办公厅通知公布后以通知为准。` : `\nNote: the holidays of ${years.join(", ")} are not yet published; the dates above are provisional (statutory holidays only) until the State Council notice is out.`;
        emit(opts, note ? { ...e, provisional: true, provisionalNote: note.trim() } : e, () => e.text + note);
      }),
    );
}
