/** `yingshang roster PACK ROSTER.yaml`: checks a staffing roster against the pack's staffing.yaml. */
import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { fail, formatProblem } from "../../errors.js";
import { loadPack } from "../../engine/compile/load.js";
import { checkRoster } from "../../engine/tools/index.js";
import { calendarsOption } from "../calendar-option.js";
import { emit, EXIT, runAction } from "../output.js";
import { problemLang } from "../lang.js";

const MAX_ROSTER_BYTES = 1_000_000;

function readRoster(file: string): string {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) return fail("FILE_MISSING", `${file} is not a file; give the roster's YAML file.`, { file }, { file });
    if (st.size > MAX_ROSTER_BYTES) return fail("LIMIT_EXCEEDED", `${file} is ${st.size} bytes; the limit is ${MAX_ROSTER_BYTES}.`, { what: "file size", limit: MAX_ROSTER_BYTES, actual: st.size }, { file });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof (e as NodeJS.ErrnoException).code === "string") return fail("FILE_MISSING", `Cannot read the roster ${file} (${(e as NodeJS.ErrnoException).code}).`, { file }, { file });
    throw e;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("FILE_ENCODING", `${file} is not valid UTF-8; save it as UTF-8.`, { file }, { file });
  }
}

export function registerRoster(program: Command): void {
  program
    .command("roster")
    .description("check a staffing roster (代办员/帮办员名册) against the pack's staffing.yaml; exit 0 valid, 1 invalid, 2 bad input")
    .argument("<pack>", "pack folder or bundled pack name")
    .argument("<roster>", "the roster's YAML file")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, file: string, opts: { json?: boolean; calendar?: string[] }) =>
      runAction(opts, () => {
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const result = checkRoster(pack, readRoster(file), { file });
        emit(opts, { pack: pack.id, version: pack.version, roster: file, ...result }, () => {
          // In the language of problems (validate's): Chinese lines for policy staff end with the sentence, English ones with the code.
          const lang = problemLang();
          if (lang === "zh") {
            const head = `${file}：对照 ${pack.id} ${pack.version} 的人员配备规定，${result.valid ? "合格" : "不合格"}——${result.problems.length} 个问题，${result.warnings.length} 个提醒`;
            return [head, ...result.problems.map((p) => `问题 ${formatProblem(p, { lang })}`), ...result.warnings.map((p) => `提醒 ${formatProblem(p, { lang })}`)].join("\n");
          }
          const head = `${file}: ${result.valid ? "valid" : "INVALID"} against the staffing rules of ${pack.id} ${pack.version} — ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}`;
          const lines = [
            ...result.problems.map((p) => `error: ${formatProblem(p, { lang })} [${p.code}]`),
            ...result.warnings.map((p) => `warning: ${formatProblem(p, { lang })} [${p.code}]`),
          ];
          return [head, ...lines].join("\n");
        });
        return result.valid ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}
