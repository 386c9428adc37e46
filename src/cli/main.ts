/** The `yingshang` command. Each group of subcommands lives in its own file and registers itself here. */
import { Command, CommanderError } from "commander";
import { registerCalendar } from "./commands/calendar/calendar.js";
import { registerValidate } from "./commands/validate.js";
import { registerTest } from "./commands/test.js";
import { registerEval } from "./commands/eval.js";
import { registerExplain } from "./commands/explain.js";
import { registerDiff } from "./commands/diff.js";
import { registerReport } from "./commands/report.js";
import { registerCoverage } from "./commands/coverage.js";
import { registerDemo } from "./commands/demo.js";
import { registerNew } from "./commands/author/new.js";
import { registerFmt } from "./commands/author/fmt.js";
import { registerRoster } from "./commands/roster.js";
import { registerDuties } from "./commands/duties.js";
import { registerStudio } from "./commands/studio.js";
import { EXIT, printProblems } from "./output.js";
import { langInArgv, registerLang } from "./lang.js";
import { usageCommand, usageProblem } from "./usage.js";
import { registerServe } from "./commands/serve.js";
import { registerSample } from "./commands/sample.js";
import { registerSchema } from "./commands/schema.js";
import { registerPackSpecWarning } from "./pack-spec.js";

const program = new Command();
program
  .name("yingshang")
  .description("营商 — evaluate, validate and test city policy packs (lead units, working-day deadlines, escalation, scoring)")
  .version("0.1.0")
  .exitOverride()
  // Commander's own error line is replaced by a usage problem in the chosen language (below).
  .configureOutput({ outputError: () => undefined });

registerLang(program);
registerPackSpecWarning(program);

registerCalendar(program);
registerValidate(program);
registerTest(program);
registerEval(program);
registerExplain(program);
registerDiff(program);
registerReport(program);
registerCoverage(program);
registerDemo(program);
registerNew(program);
registerFmt(program);
registerRoster(program);
registerDuties(program);
registerStudio(program);
registerServe(program);
registerSample(program);
registerSchema(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Commander reports usage errors itself (to stderr); map them to the contract's exit 2.
  if (e instanceof CommanderError) {
    const p = e.exitCode === 0 ? null : usageProblem(e, program, process.argv);
    const json = process.argv.includes("--json");
    if (p) printProblems(json, [p]);
    // In English the command's help follows (Commander's text); in Chinese the problem names the help command instead.
    if (p && !json && e.code !== "commander.help" && langInArgv(process.argv) === "en") process.stderr.write(`\n${usageCommand(program, process.argv).helpInformation()}`);
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else {
    throw e;
  }
}
