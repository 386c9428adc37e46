/** `yingshang diff PACK_A PACK_B`: what changed between two versions of a pack, and which outcomes change. */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { fail } from "../../errors.js";
import { diffPacks, parseCasesNdjson, renderDiff, renderDiffZh } from "../../engine/tools/index.js";
import { loadPack } from "../../engine/compile/load.js";
import { calendarsOption } from "../calendar-option.js";
import { outputLang } from "../lang.js";
import { emit, EXIT, runAction } from "../output.js";

interface Opts {
  json?: boolean;
  cases?: string;
  population?: string;
  requireBump?: boolean;
  calendar?: string[];
  unitFact?: string;
  changedOut?: string;
}

/** Registers `diff` on the program. */
export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("compare two versions of a pack: changes in domain terms and how many cases change outcome (exit 1 if any do, 0 if none, 2 on bad input)")
    .argument("<packA>", "the old pack (folder or bundled name)")
    .argument("<packB>", "the new pack (folder or bundled name)")
    .option("--cases <file>", "real cases, one case input (as for eval) per line (NDJSON)")
    .option("--population <n>", "size of the generated population (0 for none)", "10000")
    .option("--unit-fact <fact>", "the fact that names a case's unit, for the impact per unit (default: the case's lead units)")
    .option("--changed-out <file>", "write the ids of the given cases whose outcome changes, one per line (the case's id, else its line number among the cases)")
    .option("--require-bump", "exit 1 only when outcomes change and the version was not raised; 0 when it was")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((specA: string, specB: string, opts: Opts) =>
      runAction(opts, () => {
        const n = Number(opts.population ?? "10000");
        if (!/^\d+$/.test(String(opts.population ?? "10000")) || !Number.isSafeInteger(n)) fail("INPUT_INVALID", `--population must be a whole number ≥ 0 (got ${opts.population}).`, { detail: "population" }, { path: "--population" });
        if (opts.changedOut !== undefined && opts.cases === undefined) fail("INPUT_INVALID", "--changed-out lists changed cases of --cases FILE; give --cases too.", { detail: "changed-out needs cases" }, { path: "--changed-out" });
        const calendars = calendarsOption(opts.calendar);
        const a = loadPack(specA, { calendars });
        const b = loadPack(specB, { calendars });
        let cases;
        if (opts.cases !== undefined) {
          let text: string;
          try {
            text = readFileSync(opts.cases, "utf8");
          } catch {
            return fail("FILE_MISSING", `Cannot read ${opts.cases}.`, { file: opts.cases }, { file: opts.cases });
          }
          cases = parseCasesNdjson(text, opts.cases);
        }
        const report = diffPacks(a, b, { population: n, cases, unitFact: opts.unitFact });
        if (opts.changedOut !== undefined) {
          const ids = report.cases?.changedIds ?? [];
          try {
            writeFileSync(opts.changedOut, ids.map((id) => `${String(id)}\n`).join(""));
          } catch (e) {
            return fail("FILE_MISSING", `Cannot write ${opts.changedOut}: ${e instanceof Error ? e.message : String(e)}.`, { file: opts.changedOut }, { file: opts.changedOut });
          }
        }
        const failed = opts.requireBump ? report.outcomesChanged && !report.versionBumped : report.outcomesChanged;
        emit(opts, { ...report, exitCode: failed ? EXIT.checkFailed : EXIT.ok }, () =>
          // Chinese by default, as explain and reports (`--lang en` for English); the JSON is the same in both.
          outputLang() === "zh" ? renderDiffZh(report, a, b, { from: specA, to: specB }) : renderDiff(report, { from: specA, to: specB }),
        );
        return failed ? EXIT.checkFailed : EXIT.ok;
      }),
    );
}
