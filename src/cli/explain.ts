/** `yingshang explain PACK FACTS.json`: a case's decisions and reasons in plain Chinese or English. */
import type { Command } from "commander";
import { evaluate, type CaseInput } from "../engine/evaluate.js";
import { explain } from "../engine/explain.js";
import { loadPack } from "../engine/load.js";
import { calendarsOption } from "./calendar-option.js";
import { outputLang } from "./lang.js";
import { emit, runAction } from "./output.js";
import { readJsonFile } from "./pack-commands.js";

interface Opts {
  json?: boolean;
  calendar?: string[];
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
    .action((spec: string, factsFile: string, opts: Opts) =>
      runAction(opts, () => {
        const lang = outputLang();
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const input = readJsonFile(factsFile) as CaseInput;
        const result = evaluate(pack, input, { trace: true });
        const e = explain(pack, result, { lang, input });
        emit(opts, e, () => e.text);
      }),
    );
}
