/** Shared CLI plumbing: printing results and turning errors into exit codes without stack traces. */
import { YingshangError, formatProblem } from "../errors.js";

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
    const code = await action();
    process.exitCode = typeof code === "number" ? code : EXIT.ok;
  } catch (e) {
    if (e instanceof YingshangError) {
      if (opts.json) process.stdout.write(JSON.stringify(e.toJSON()) + "\n");
      else for (const p of e.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    process.stderr.write(`yingshang: internal error (please report it): ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.YINGSHANG_DEBUG && e instanceof Error) process.stderr.write(String(e.stack) + "\n");
    process.exitCode = 70;
  }
}
