/** Commander's usage errors as problems (USAGE_INVALID), so they are printed like every other problem, in either language. */
import type { Command, CommanderError } from "commander";
import { problem, type Problem } from "../errors.js";
import type { CliProblemParams } from "./usage-errors.js";

type Reason = CliProblemParams["USAGE_INVALID"]["reason"];

const REASONS: Record<string, Reason> = {
  "commander.unknownCommand": "unknown-command",
  "commander.unknownOption": "unknown-option",
  "commander.missingArgument": "missing-argument",
  "commander.optionMissingArgument": "missing-option-value",
  "commander.missingMandatoryOptionValue": "missing-option-value",
  "commander.excessArguments": "excess-arguments",
  "commander.invalidArgument": "invalid-argument",
};

/** The command a command line names (the program itself when it names none). */
export function usageCommand(program: Command, argv: readonly string[]): Command {
  const names = new Map(program.commands.map((c) => [c.name(), c] as const));
  const hit = argv.slice(2).find((a) => names.has(a));
  return hit === undefined ? program : names.get(hit)!;
}

/** The usage problem of a Commander error, or null for help and version (which are not errors). */
export function usageProblem(e: CommanderError, program: Command, argv: readonly string[]): Problem | null {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return null;
  const command = usageCommand(program, argv).name();
  if (e.code === "commander.help") return problem("USAGE_INVALID", "a command is needed; see `yingshang --help`.", { reason: "missing-argument", word: null, command }, {});
  // Commander quotes the offending word: "unknown option '--x'", "missing required argument 'pack'".
  const word = /'([^']+)'/.exec(e.message)?.[1] ?? null;
  return problem("USAGE_INVALID", e.message.replace(/^error: /, ""), { reason: REASONS[e.code] ?? "other", word, command }, {});
}
