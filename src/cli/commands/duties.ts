/** `yingshang duties PACK --period P [--records FILE]`: periodic duties due in a period, and how each unit stands. */
import type { Command } from "commander";
import { duties, dutyIncidents, type DutiesResult, type DutyCompliance } from "../../engine/evaluate/index.js";
import { loadPack } from "../../engine/compile/load.js";
import { parsePeriod } from "../../engine/model/index.js";
import { calendarsOption } from "../calendar-option.js";
import { emit, EXIT, runAction } from "../output.js";
import { checkLang, outputLang } from "../lang.js";
import { readJsonFile } from "../pack-io.js";

interface DutiesOpts {
  period: string;
  records?: string;
  asOf?: string;
  json?: boolean;
  calendar?: string[];
}

const STATUS_ZH: Record<DutyCompliance["status"], string> = { met: "按时完成", late: "逾期完成", missed: "未完成", pending: "未到期" };

function human(r: DutiesResult, lang: "zh" | "en"): string {
  const out: string[] = [];
  const zh = lang === "zh";
  out.push(zh ? `${r.period}（${r.from} 至 ${r.to}）应履行的定期职责，截至 ${r.asOf}：` : `Periodic duties due in ${r.period} (${r.from} to ${r.to}), as of ${r.asOf}:`);
  for (const d of r.duties) {
    const moved = d.periods.filter((p) => p.moved).length;
    out.push(`  ${d.zh ?? d.id}（${d.clause}）${zh ? "：应于" : ": due"} ${d.due.join(zh ? "、" : ", ")}${moved ? (zh ? "（遇非工作日已顺延/提前）" : " (moved off non-working days)") : ""}${zh ? "" : ` [${d.id}]`}`);
    for (const c of d.compliance ?? []) {
      const how = zh
        ? `${STATUS_ZH[c.status]}${c.status === "late" ? `（${c.doneOn}，逾期${c.workingDaysLate}个工作日）` : c.doneOn ? `（${c.doneOn}）` : ""}`
        : `${c.status}${c.status === "late" ? ` (${c.doneOn}, ${c.workingDaysLate} working days late)` : c.doneOn ? ` (${c.doneOn})` : ""}`;
      out.push(`    ${c.period} ${c.subject}${zh ? "：" : ": "}${how}`);
    }
  }
  if (r.summary) {
    const s = r.summary;
    out.push(zh ? `合计：按时 ${s.met}，逾期 ${s.late}，未完成 ${s.missed}，未到期 ${s.pending}` : `Total: met ${s.met}, late ${s.late}, missed ${s.missed}, pending ${s.pending}`);
  }
  return out.join("\n");
}

export function registerDuties(program: Command): void {
  program
    .command("duties")
    .description("periodic duties due in a period (month 2026-04, quarter 2026-Q2, half 2026-H1, year 2026), with met / late / missed per unit when records are given")
    .argument("<pack>", "a pack folder or a bundled pack name")
    .requiredOption("--period <period>", "2026-04, 2026-Q2, 2026-H1 or 2026")
    .option("--records <file>", 'records JSON: { "records": [{ "duty", "date", "unit" | "liaison" + "enterprise", "period"? }], "expected"?: { "duty-id": ["unit", …] } }')
    .option("--as-of <date>", "the day the rules are read and the duties judged (default: the period's last day, or its last due date if later; a duty due on that day is still pending)")
    .option("--incidents <scorecard>", "also print the scorecard incidents that missed and late periods become (duties.yaml `scoring:`)")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, opts: DutiesOpts & { incidents?: string }) =>
      runAction(opts, () => {
        checkLang();
        const lang = outputLang();
        const p = parsePeriod(opts.period, "--period");
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const records = opts.records === undefined ? undefined : (readJsonFile(opts.records) as never);
        let asOf = opts.asOf ?? p.to;
        if (opts.asOf === undefined) {
          // Judge every due date of the period: one moved past its end (31 Dec → 4 Jan) is judged then.
          const probe = duties(pack, { period: opts.period }, { asOf: p.to });
          for (const d of probe.duties) for (const due of d.due) if (due > asOf) asOf = due;
        }
        const r = duties(pack, { period: opts.period, ...(records ? { records } : {}) }, { asOf });
        const incidents = opts.incidents ? dutyIncidents(r, opts.incidents) : undefined;
        emit(opts, incidents ? { ...r, incidents } : r, () => {
          let text = human(r, lang);
          if (incidents) text += "\n" + (incidents.length ? incidents.map((i) => `${lang === "zh" ? "计入扣分" : "incident"}: ${i.unit} ${i.item} × ${i.count} (${i.periods.map((x) => `${x.period} ${x.status}`).join(", ")}; ${i.clause})`).join("\n") : lang === "zh" ? "无应计入的扣分" : "no incidents");
          return text;
        });
        return EXIT.ok;
      }),
    );
}
