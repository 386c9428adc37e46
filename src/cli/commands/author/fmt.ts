/** `yingshang fmt PACK_DIR [--check]`: rewrites a pack's files in the safe style (block style, Chinese text quoted), keeping comments and meaning. */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { fail, problem, YingshangError, type Problem } from "../../../errors.js";
import { readPackDir, resolvePackDir } from "../../../engine/compile/load.js";
import { compilePack } from "../../../engine/compile/index.js";
import { formatPackFile } from "../../../engine/read/index.js";
import { calendarsOption } from "../../calendar-option.js";
import { outputLang } from "../../lang.js";
import { emit, EXIT, runAction } from "../../output.js";

interface Opts {
  json?: boolean;
  check?: boolean;
  calendar?: string[];
}

/** The pack's hash, or null when it does not compile (formatting then only promises the same data per file). */
function hashOf(files: Record<string, string>, folder: string, opts: Opts): string | null {
  try {
    return compilePack(files, { folder, calendars: calendarsOption(opts.calendar) }).hash;
  } catch (e) {
    if (e instanceof YingshangError) return null;
    throw e;
  }
}

export function registerFmt(program: Command): void {
  program
    .command("fmt")
    .description("rewrite a pack's YAML files in the safe style: block style, Chinese text in quotes, comments kept, meaning unchanged")
    .argument("<pack>", "a pack folder")
    .option("--check", "change nothing; exit 1 if a file is not in the safe style")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, opts: Opts) =>
      runAction(opts, () => {
        // fmt writes: only into a folder named on the command line, never into the installed bundled packs.
        if (!opts.check && (spec.startsWith("bundled:") || !existsSync(spec) || !statSync(spec).isDirectory())) {
          fail("INPUT_INVALID", `fmt rewrites the files of a pack folder; \`${spec}\` is not one (a bundled pack is copied into a folder of your own first; --check only reads).`, { detail: "fmt needs a folder" }, { file: spec });
        }
        const dir = resolvePackDir(spec);
        const files = readPackDir(dir, true);
        const out: Record<string, string> = {};
        const changed: string[] = [];
        const problems: Problem[] = [];
        for (const file of Object.keys(files).sort()) {
          const r = formatPackFile(files[file]!, file);
          problems.push(...r.problems);
          out[file] = r.text;
          if (r.changed) changed.push(file);
        }
        if (problems.length) throw new YingshangError(problems.map((p) => ({ ...p, file: p.file ? join(spec, p.file) : spec }) as Problem));
        // Each file keeps its data, so the hash (of the data) cannot change; for a pack that compiles it is checked, not assumed.
        const before = hashOf(files, basename(dir), opts);
        if (before !== null && changed.length > 0 && hashOf(out, basename(dir), opts) !== before) {
          throw new YingshangError([problem("YAML_SYNTAX", "formatting would change the pack's hash; nothing was written.", { detail: "format changed the data" }, { file: spec })]);
        }
        if (!opts.check) for (const f of changed) writeFileSync(join(dir, f), out[f]!);
        const zh = outputLang() === "zh";
        emit(opts, { pack: spec, check: opts.check === true, changed, hash: before }, () => {
          if (changed.length === 0) return zh ? `${spec}：已是安全格式，无需改动。` : `${spec}: already in the safe style.`;
          const verb = opts.check ? (zh ? "需要整理格式" : "would be reformatted") : zh ? "已整理格式" : "reformatted";
          const n = changed.length;
          return [zh ? `${spec}：${n} 个文件${verb}` : `${spec}: ${n} file${n > 1 ? "s" : ""} ${verb}`, ...changed.map((f) => `  ${f}`)].join("\n");
        });
        return opts.check && changed.length > 0 ? EXIT.checkFailed : EXIT.ok;
      }),
    );
}
