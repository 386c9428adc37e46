/** `yingshang test`: run the packs' tests, quiet on pass, expected vs actual on failure. */
import type { Command } from "commander";
import { formatProblem } from "../../errors.js";
import { readPackDir, resolvePackDir } from "../../engine/compile/load.js";
import { runPackTests, type PackTestReport } from "../../engine/tools/index.js";
import { basename } from "node:path";
import { emit, EXIT, runAction } from "../output.js";
import { calendarsOption } from "../calendar-option.js";
import { outputLang } from "../lang.js";
import type { Lang } from "../../messages/types.js";


interface Opts {
  json?: boolean;
  calendar?: string[];
  provisional?: boolean;
}

export function registerTest(program: Command): void {
  program
    .command("test")
    .description("run the packs' tests (tests/*.yaml); quiet on pass, expected vs actual on failure")
    .argument("<packs...>", "pack folders or bundled pack names")
    .option("--json", "machine-readable output")
    .option("-v, --verbose", "list every file, not only failing ones")
    .option("--calendar <file...>", "extra calendar files")
    .action((packs: string[], opts: Opts & { verbose?: boolean }) =>
      runAction(opts, () => {
        const calendars = calendarsOption(opts.calendar);
        const reports: PackTestReport[] = packs.map((spec) => {
          const dir = resolvePackDir(spec);
          const r = runPackTests(readPackDir(dir, true), { folder: basename(dir), calendars });
          return { ...r, pack: spec };
        });
        const passed = reports.reduce((a, r) => a + r.passed, 0);
        const total = reports.reduce((a, r) => a + r.total, 0);
        const ok = reports.every((r) => r.problems.length === 0 && r.passed === r.total && r.total > 0);
        // Chinese by default, as explain and reports: the packs are Chinese documents read by Chinese staff (`--lang en` for English).
        emit(opts, { ok, passed, total, packs: reports }, () => humanReport(reports, passed, total, opts.verbose === true, outputLang()));
        return ok ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}

/** The words of the report; ids, paths and values stay as typed, in backquotes in the Chinese text. */
const WORDS = {
  en: {
    error: (pack: string, p: string) => `${pack}: error: ${p}`,
    file: (f: string, n: string) => `${f}: ${n}`,
    fail: (name: string, at: string | null) => `  FAIL ${name}${at ? ` (${at})` : ""}`,
    at: (file: string, line: number) => `${file}:${line}`,
    path: (p: string) => `    ${p}`,
    whole: "    (result)",
    expected: (v: string) => `      expected: ${v}`,
    actual: (v: string) => `      actual:   ${v}`,
    threw: (p: string) => `      actual:   the evaluation failed: ${p}`,
    noError: "(no error: the evaluation succeeded)",
    noErrorText: "      actual:   no error: the evaluation succeeded",
    total: (ok: boolean, n: string) => `${ok ? "PASS" : "FAIL"}: ${n}`,
  },
  zh: {
    error: (pack: string, p: string) => `\`${pack}\`：错误：${p}`,
    file: (f: string, n: string) => `\`${f}\`：${n}`,
    fail: (name: string, at: string | null) => `  未通过：${name}${at ? `（${at}）` : ""}`,
    at: (file: string, line: number) => `\`${file}\` 第${line}行`,
    path: (p: string) => `    结果中的 \`${p}\``,
    whole: "    整个结果",
    expected: (v: string) => `      预期：\`${v}\``,
    actual: (v: string) => `      实际：\`${v}\``,
    threw: (p: string) => `      实际：计算出错：${p}`,
    noError: "(no error: the evaluation succeeded)",
    noErrorText: "      实际：计算没有出错",
    total: (ok: boolean, n: string) => `${ok ? "通过" : "未通过"}：${n}`,
  },
} as const;

function humanReport(reports: PackTestReport[], passed: number, total: number, verbose: boolean, lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) lines.push(w.error(r.pack, formatProblem(p, { lang })));
    for (const f of r.files) {
      if (!verbose && f.failures.length === 0) continue;
      lines.push(w.file(`${r.pack}/${f.file}`, `${f.passed}/${f.total}`));
      for (const fail of f.failures) {
        lines.push(w.fail(fail.name, fail.line ? w.at(`${r.pack}/${fail.file}`, fail.line) : null));
        for (const m of fail.mismatches) {
          lines.push(m.path === "(result)" ? w.whole : w.path(m.path), w.expected(JSON.stringify(m.expected)));
          // A test that threw is shown with its problem in the reader's language, not as JSON.
          if (fail.error && m.path === "(result)") lines.push(w.threw(formatProblem(fail.error, { lang })));
          else if (m.actual === w.noError) lines.push(w.noErrorText);
          else lines.push(w.actual(JSON.stringify(m.actual)));
        }
      }
    }
  }
  if (lines.length) lines.push("--------------------------------------------------------------------------------");
  lines.push(w.total(passed === total && !reports.some((r) => r.problems.length) && total > 0, `${passed}/${total}`));
  return lines.join("\n");
}
