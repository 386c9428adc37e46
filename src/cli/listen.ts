/** What the commands that listen on a port share (`serve`, `studio`): their options and number checks. */
import type { Command } from "commander";
import { fail } from "../errors.js";

/** Adds `--host` (default 127.0.0.1: this computer only) and `--port`. */
export function listenOptions(cmd: Command, defaultPort: string): Command {
  return cmd.option("--host <host>", "address to listen on", "127.0.0.1").option("--port <port>", "port to listen on (0: any free port)", defaultPort);
}

/** A whole-number option from `min` to `max`, or INPUT_INVALID naming the option. */
export function wholeOption(text: string, what: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) return fail("INPUT_INVALID", `--${what} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)}).`, { detail: `bad --${what}` }, { path: what });
  return n;
}
