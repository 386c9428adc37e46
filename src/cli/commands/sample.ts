/** `yingshang sample PACK DUTY --period P --seed S --projects FILE`: the reproducible random draw. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { fail } from "../../errors.js";
import { loadPack } from "../../engine/compile/load.js";
import { parsePeriod, periodZh } from "../../engine/model/index.js";
import { sample, type SampleResult } from "../../engine/evaluate/index.js";
import { calendarsOption } from "../calendar-option.js";
import { emit, EXIT, runAction } from "../output.js";
import { checkLang, outputLang } from "../lang.js";
import { readJsonFile } from "../pack-io.js";

/** A JSON list of ids (`.json`), or a text file with one id per line (blank lines skipped). */
function readProjects(file: string): string[] {
  if (/\.json$/i.test(file)) {
    const v = readJsonFile(file);
    if (!Array.isArray(v)) return fail("INPUT_INVALID", `${file} must be a JSON list of project ids: ["YK-001", "YK-002", …].`, { detail: "projects not a list" }, { file });
    return v as string[];
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return fail("FILE_MISSING", "this file cannot be read; check the path.", { file }, { file });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
}

function human(r: SampleResult, lang: "zh" | "en"): string {
  const lines = lang === "zh"
    ? [`${periodZh(r.period)}随机抽查（${r.clause}）：共 ${r.population} 个项目，按比例抽取 ${r.size} 个。`, `随机种子：${r.seed}`, `抽中：${r.selected.join("、") || "（无）"}`, "排序（哈希值由小到大，前若干个为抽中项目）："]
    : [`Random sample for ${r.period} (${r.clause}): ${r.size} of ${r.population} projects.`, `Seed: ${r.seed}`, `Selected: ${r.selected.join(", ") || "(none)"}`, "Ranking (lowest hash first; the first ones are drawn):"];
  for (const x of r.ranking) lines.push(`  ${String(x.rank).padStart(4)}  ${x.selected ? "★" : " "} ${x.id}  ${x.sha256}`);
  lines.push(lang === "zh" ? `哈希方法：对“${r.hashed}”的 UTF-8 字节计算 SHA-256，详见 docs/sampling.md` : `Hash: SHA-256 (UTF-8) of "${r.hashed}"; see docs/sampling.md`);
  return lines.join("\n");
}

export function registerSample(program: Command): void {
  program
    .command("sample")
    .description("the reproducible random sample of a sampling duty (营口 九(四) 10 %): seeded SHA-256 ranking, with seed, population and ranking published")
    .argument("<pack>", "a pack folder or a bundled pack name")
    .argument("<duty>", "the sampling duty, e.g. quarterly-sample")
    .requiredOption("--period <period>", "the period drawn for: 2026-Q1 (or 2026-03, 2026-H1, 2026)")
    .requiredOption("--seed <text>", "text fixed and published at the draw (e.g. the record of a public lottery)")
    .requiredOption("--projects <file>", "the population: a .json list of ids, or a text file with one id per line")
    .option("--as-of <date>", "the day the rules are read (default: the period's last day)")
    .option("--json", "machine-readable output")
    .option("--calendar <file...>", "extra calendar files")
    .action((spec: string, duty: string, opts: { period: string; seed: string; projects: string; asOf?: string; json?: boolean; calendar?: string[] }) =>
      runAction(opts, () => {
        checkLang();
        const lang = outputLang();
        const p = parsePeriod(opts.period, "--period");
        const pack = loadPack(spec, { calendars: calendarsOption(opts.calendar) });
        const r = sample(pack, duty, { period: opts.period, projects: readProjects(opts.projects), seed: opts.seed }, { asOf: opts.asOf ?? p.to });
        emit(opts, r, () => human(r, lang));
        return EXIT.ok;
      }),
    );
}
