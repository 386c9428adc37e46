/** Shared CLI plumbing: printing results and turning errors into exit codes without stack traces. */
import { YingshangError, formatProblem, type Problem } from "../errors.js";
import { checkLang, problemLang } from "./lang.js";

/** Exit codes of the public contract. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a result: JSON on stdout with `--json`, otherwise the human text. */
export function emit(opts: OutputOptions, data: unknown, human: () => string): void {
  if (opts.json) process.stdout.write(JSON.stringify(data) + "\n");
  else process.stdout.write(human() + "\n");
}

/**
 * Runs a command action. A `YingshangError` (bad date, bad pack path, malformed JSON…) is a
 * user error: it is printed as problems with their places and exits 2, never as a stack trace.
 * Anything else is a bug in yingshang and is reported as such.
 */
export async function runAction(opts: OutputOptions, action: () => number | void | Promise<number | void>): Promise<void> {
  try {
    checkLang();
    const code = await action();
    process.exitCode = typeof code === "number" ? code : EXIT.ok;
  } catch (e) {
    if (e instanceof YingshangError) {
      printProblems(opts.json === true, e.problems);
      process.exitCode = EXIT.badInput;
      return;
    }
    process.stderr.write(`yingshang: internal error (please report it): ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.YINGSHANG_DEBUG && e instanceof Error) process.stderr.write(String(e.stack) + "\n");
    process.exitCode = 70;
  }
}

/** Prints problems that stop a command: as the JSON error with `--json`, else one line each on stderr in the chosen language. */
export function printProblems(json: boolean, problems: readonly Problem[]): void {
  if (json) {
    process.stdout.write(JSON.stringify(new YingshangError(problems).toJSON()) + "\n");
    return;
  }
  const lang = problemLang();
  for (const p of problems) process.stderr.write(`${lang === "zh" ? "错误：" : "error: "}${formatProblem(p, { lang })}\n`);
}
