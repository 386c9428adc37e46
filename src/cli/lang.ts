/**
 * The language of the command line: `--lang zh|en` (a program option, so every command has it),
 * else `LC_ALL`/`LANG` for problems. Explanations, reports and listings of a pack are in Chinese
 * unless `--lang en` asks otherwise: the packs are Chinese documents, read by Chinese staff.
 */
import type { Command } from "commander";
import { fail } from "../errors.js";
import { isLang, langFromEnv } from "../messages/format.js";
import type { Lang } from "../messages/types.js";

let asked: string | undefined;

/** Adds the program-wide `--lang` option; the value is read before each command runs. */
export function registerLang(program: Command): void {
  program.option("--lang <lang>", "zh or en: the language of messages and reports (messages default to zh when LC_ALL or LANG starts with zh; reports of a pack default to zh)");
  program.hook("preAction", () => {
    const v: unknown = program.opts().lang;
    asked = typeof v === "string" ? v : undefined;
  });
}

/** Fails (exit 2) on a `--lang` that is neither zh nor en. Called by every action before its work. */
export function checkLang(): void {
  if (asked !== undefined && !isLang(asked)) fail("INPUT_INVALID", `--lang must be zh or en (got ${asked}).`, { detail: "lang" }, { path: "--lang" });
}

/** The language problems are printed in (usage errors come before Commander has read `--lang`, hence the command line). */
export function problemLang(): Lang {
  return isLang(asked) ? asked : langInArgv(process.argv);
}

/** The language of a pack's explanation, report or listing: `--lang`, else Chinese. */
export function outputLang(): Lang {
  return isLang(asked) ? asked : "zh";
}

/** `--lang` read straight from the command line, for what happens before Commander has parsed it. */
export function langInArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  return isLang(v) ? v : langFromEnv(process.env);
}
