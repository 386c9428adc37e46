/** What the calendar tests share: the repository root, the built CLI and a runner, and problems caught. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { YingshangError, type Problem } from "../../../src/errors.js";

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const cli = join(root, "dist/cli.js");

/** Runs the built CLI from the repository root. */
export function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The problems `f` throws as a YingshangError; none when it returns. */
export function problems(f: () => unknown): Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof YingshangError) return [...e.problems];
    throw e;
  }
  return [];
}
