/**
 * A pack argument that names both a folder here and a bundled pack (`yingkou` with a folder
 * ./yingkou): the folder is used, as always, but never silently — a warning on stderr says which
 * was taken and how to name either (`./yingkou` or `bundled:yingkou`).
 */
import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { BUNDLED_PACKS } from "../engine/compile/load.js";
import { problemLang } from "./lang.js";

/** The warning for one argument, or null when it is not ambiguous. */
export function shadowWarning(arg: unknown, lang: "zh" | "en"): string | null {
  if (typeof arg !== "string" || !(BUNDLED_PACKS as readonly string[]).includes(arg)) return null;
  if (!existsSync(arg) || !statSync(arg).isDirectory()) return null;
  return lang === "en"
    ? `warning: \`${arg}\` is both a folder here and a bundled pack; the folder ./${arg} is used. Write ./${arg} for the folder or bundled:${arg} for the bundled pack.`
    : `警告：“${arg}”既是当前目录下的文件夹，也是内置政策包的名称；本次使用文件夹 ./${arg}。要用文件夹请写 ./${arg}，要用内置政策包请写 bundled:${arg}。`;
}

/** Warns, before any command runs, about each of its arguments and pack options that is ambiguous. */
export function registerPackSpecWarning(program: Command): void {
  program.hook("preAction", (_program, action) => {
    const opts = action.opts() as Record<string, unknown>;
    for (const arg of [...action.args, opts.pack]) {
      const w = shadowWarning(arg, problemLang());
      if (w) process.stderr.write(`${w}\n`);
    }
  });
}
