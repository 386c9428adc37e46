/** `yingshang coverage PACK`: each clause of the document and the rule or duty that covers it. */
import type { Command } from "commander";
import { loadPack } from "../../engine/compile/load.js";
import { calendarsOption } from "../calendar-option.js";
import { emit, EXIT, runAction } from "../output.js";

export function registerCoverage(program: Command): void {
  program
    .command("coverage")
    .description("list the document's clauses and what covers each; exit 1 below 100 %")
    .argument("<packs...>", "pack folders or bundled pack names")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((specs: string[], opts: { json?: boolean; calendar?: string[] }) =>
      runAction(opts, () => {
        const calendars = calendarsOption(opts.calendar);
        const packs = specs.map((spec) => ({ spec, pack: loadPack(spec, { calendars }) }));
        const out = packs.map(({ spec, pack }) => ({ pack: spec, ...pack.coverage }));
        emit(opts, { complete: out.every((c) => c.covered === c.total), packs: out }, () =>
          out
            .map((c) => {
              const lines = c.clauses.map((cl) => `  ${cl.coveredBy.length ? "✓" : "✗"} ${cl.id.padEnd(10)} ${cl.title ?? ""}${cl.coveredBy.length ? `  ← ${cl.coveredBy.join(", ")}` : "  ← NOT COVERED: add a rule or a duty citing this clause"}`);
              const assumed = c.assumptions.map((a) => `  本包假定 ${a.what}：${a.zh}  ← ${a.file} ${a.path}`);
              return [`${c.pack}: ${c.covered}/${c.total} clauses covered (${(c.ratio * 100).toFixed(1)} %)`, ...lines, ...(assumed.length ? [`  assumptions (${assumed.length}):`, ...assumed] : [])].join("\n");
            })
            .join("\n\n"),
        );
        return out.every((c) => c.covered === c.total) ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}
