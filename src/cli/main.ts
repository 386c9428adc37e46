/** The `yingshang` command. Each group of subcommands lives in its own file and registers itself here. */
import { Command, CommanderError } from "commander";
import { registerCalendar } from "./calendar.js";
import { registerPackCommands } from "./pack-commands.js";
import { registerExplain } from "./explain.js";
import { registerDiff } from "./diff.js";
import { registerReport } from "./report.js";
import { registerCoverage } from "./coverage.js";
import { registerDemo } from "./demo.js";
import { registerNew } from "./new.js";
import { registerRoster } from "./roster.js";
import { registerDuties } from "./duties.js";
import { EXIT } from "./output.js";

const program = new Command();
program
  .name("yingshang")
  .description("营商 — evaluate, validate and test city policy packs (lead units, working-day deadlines, escalation, scoring)")
  .version("0.1.0")
  .showHelpAfterError()
  .exitOverride();

registerCalendar(program);
registerPackCommands(program);
registerExplain(program);
registerDiff(program);
registerReport(program);
registerCoverage(program);
registerDemo(program);
registerNew(program);
registerRoster(program);
registerDuties(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Commander reports usage errors itself (to stderr); map them to the contract's exit 2.
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else {
    throw e;
  }
}
