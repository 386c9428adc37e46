/** `yingshang coverage PACK`: each clause of the document and the rule or duty that covers it. */
import type { Command } from "commander";
import { own } from "../../base/own.js";
import { loadPack } from "../../engine/compile/load.js";
import type { Pack } from "../../engine/compile/index.js";
import { calendarsOption } from "../calendar-option.js";
import { outputLang } from "../lang.js";
import { emit, EXIT, runAction } from "../output.js";
import { KIND_ZH as K } from "../../messages/glossary.js";

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
        // Chinese by default, as explain and reports (`--lang en` for English); the JSON is the same in both.
        const lang = outputLang();
        emit(opts, { complete: out.every((c) => c.covered === c.total), packs: out }, () => packs.map(({ spec, pack }) => (lang === "zh" ? coverageZh(spec, pack) : coverageEn(spec, pack))).join("\n\n"));
        return out.every((c) => c.covered === c.total) ? EXIT.ok : EXIT.checkFailed;
      }),
    );
}

function coverageEn(spec: string, pack: Pack): string {
  const c = pack.coverage;
  const lines = c.clauses.map((cl) => `  ${cl.coveredBy.length ? "✓" : "✗"} ${cl.id.padEnd(10)} ${cl.title ?? ""}${cl.coveredBy.length ? `  ← ${cl.coveredBy.join(", ")}` : "  ← NOT COVERED: add a rule or a duty citing this clause"}`);
  const assumed = c.assumptions.map((a) => `  本包假定 ${a.what}：${a.zh}  ← ${a.file} ${a.path}`);
  return [`${spec}: ${c.covered}/${c.total} clauses covered (${(c.ratio * 100).toFixed(1)} %)`, ...lines, ...(assumed.length ? [`  assumptions (${assumed.length}):`, ...assumed] : [])].join("\n");
}

function coverageZh(spec: string, pack: Pack): string {
  const c = pack.coverage;
  const name = citerNames(pack);
  const lines = c.clauses.map((cl) => {
    const by = [...new Set(cl.coveredBy.map(name))];
    return `  ${by.length ? "✓" : "✗"} ${cl.id}\u3000${cl.title ?? ""}${by.length ? `  ← ${by.join("、")}` : "  ← 未覆盖：请加一条引用此条款的规则或职责"}`;
  });
  const assumed = c.assumptions.map((a) => `  本包假定 ${a.what}：${a.zh}  ← \`${a.file}\` 的 \`${a.path}\``);
  return [`\`${spec}\`：${c.total} 条中已覆盖 ${c.covered} 条（${(c.ratio * 100).toFixed(1)}%）`, ...lines, ...(assumed.length ? [`  本包的假定（${assumed.length} 项）：`, ...assumed] : [])].join("\n");
}

/**
 * What a `coveredBy` entry names, in Chinese, by its Chinese name (`zh:`); an item without one is
 * shown by its id, in backquotes, as it is typed in the pack.
 */
function citerNames(pack: Pack): (entry: string) => string {
  const d = pack.docs;
  const q = (zh: string | undefined, id: string): string => (zh ? `「${zh}」` : ` \`${id}\` `);
  const ladder = (id: string) => d.ladders.find((l) => l.id === id);
  const deadline = (ref: string): string => {
    const [id, variant] = ref.split("/") as [string, string | undefined];
    const dl = d.deadlines.find((x) => x.id === id);
    const v = variant === undefined ? undefined : dl?.variants?.find((x) => x.id === variant);
    return `${K.deadline}${q(dl?.zh, id)}${variant === undefined ? "" : `的${K.variant}${q(v?.zh, variant)}`}`;
  };
  const rule = (ref: string): string => {
    const [t, r, c] = ref.split("/") as [string, string | undefined, string | undefined];
    const table = d.assignment.tables.find((x) => x.id === t);
    const doc = table?.rules.find((x) => x.id === r);
    const cons = c === undefined ? undefined : doc?.then.consequences?.find((x) => x.id === c);
    return `${K.table}${q(table?.zh, t)}的${K.rule}${q(doc?.zh, r ?? "")}${c === undefined ? "" : `的后果${q(cons?.zh, c)}`}`;
  };
  const CAP: Record<string, string> = { extensionCap: "的延长上限", totalCap: "的总时限上限" };
  return (entry) => {
    const [kind, ...rest] = entry.split(" ");
    const id = rest[0] ?? "";
    const tail = rest.slice(1);
    let text: string;
    if (kind === "fact") text = `${K.fact}${q(own(d.facts, id)?.zh, id)}`;
    else if (kind === "duty") text = `${K.duty}${q(d.duties.find((x) => x.id === id)?.zh, id)}`;
    else if (kind === "lookup") text = `${K.lookup}${q(own(d.assignment.lookups, id)?.zh, id)}`;
    else if (kind === "deadline") text = deadline(id) + (CAP[tail[0] ?? ""] ?? "");
    else if (kind === "ladder") {
      const l = ladder(id);
      const head = `${K.ladder}${q(l?.zh, id)}`;
      if (tail[0] === "rung") text = `${head}的${K.rung}${q(l?.rungs.find((x) => x.id === tail[1])?.zh, tail[1] ?? "")}`;
      else if (tail[0] === "jump") text = `${head}的${K.jump}${q(l?.jumps?.find((x) => x.id === tail[1])?.zh, tail[1] ?? "")}`;
      else if (tail[0] === "return") text = `${head}的${K.return}`;
      else text = head;
    } else if (kind === "scorecard") {
      const sc = d.scorecards.find((x) => x.id === id);
      const head = `${K.scorecard}${q(sc?.zh, id)}`;
      const category = (cid: string) => sc?.categories.find((x) => x.id === cid);
      if (tail[0] === "category") text = `${head}的${K.category}${q(category(tail[1] ?? "")?.zh, tail[1] ?? "")}`;
      else if (tail[0] === "item") text = `${head}的${K.item}${q(sc?.categories.flatMap((x) => x.items ?? []).find((x) => x.id === tail[1])?.zh, tail[1] ?? "")}`;
      else if (tail[0] === "year-end") text = `${head}的年终排名`;
      else if (tail[0] === "report") text = `${head}的通报`;
      else text = head;
    } else if (kind === "staffing") text = `人员配备${q(d.staffing?.[id as "agentsPerLocality"]?.zh, id)}`;
    else if (CAP[id]) {
      // A period's cap is cited as "<deadline>[/<variant>] <cap>" or "<ladder>/<rung> <cap>".
      const [first, second] = (kind ?? "").split("/") as [string, string | undefined];
      const l = ladder(first);
      const owner = d.deadlines.some((x) => x.id === first) ? deadline(kind ?? "") : l ? `${K.ladder}${q(l.zh, first)}的${K.rung}${q(l.rungs.find((x) => x.id === second)?.zh, second ?? "")}` : rule(kind ?? "");
      text = owner + CAP[id]!;
    } else text = rule(kind ?? "");
    return text.replace(/ +$/u, "").replace(/^ +/u, "");
  };
}
