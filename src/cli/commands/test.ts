/** `yingshang test`: run the packs' tests, quiet on pass, expected vs actual on failure. */
import type { Command } from "commander";
import { formatProblem } from "../../errors.js";
import { readPackDir, resolvePackDir } from "../../engine/compile/load.js";
import { runPackTests, type PackTestReport } from "../../engine/tools/index.js";
import { basename } from "node:path";
import { emit, EXIT, runAction } from "../output.js";
import { calendarsOption } from "../calendar-option.js";


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
        emit(opts, { ok, passed, total, packs: reports }, () => humanReport(reports, passed, total, opts.verbose === true));
        return ok ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}

function humanReport(reports: PackTestReport[], passed: number, total: number, verbose: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) lines.push(`${r.pack}: error: ${formatProblem(p)}`);
    for (const f of r.files) {
      if (!verbose && f.failures.length === 0) continue;
      lines.push(`${r.pack}/${f.file}: ${f.passed}/${f.total}`);
      for (const fail of f.failures) {
        lines.push(`  FAIL ${fail.name}${fail.line ? ` (${r.pack}/${fail.file}:${fail.line})` : ""}`);
        for (const m of fail.mismatches) lines.push(`    ${m.path}\n      expected: ${JSON.stringify(m.expected)}\n      actual:   ${JSON.stringify(m.actual)}`);
      }
    }
  }
  if (lines.length) lines.push("--------------------------------------------------------------------------------");
  lines.push(`${passed === total && !reports.some((r) => r.problems.length) && total > 0 ? "PASS" : "FAIL"}: ${passed}/${total}`);
  return lines.join("\n");
}
