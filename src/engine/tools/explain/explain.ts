/**
 * `explain`: a case's decisions and their reasons in plain Chinese (default) or English, citing
 * the clauses, for policy staff who do not read code. Built on `evaluate()` and its trace.
 */
import { fail } from "../../../errors.js";
import type { CaseInput, CaseResult } from "../../evaluate/index.js";
import type { Pack } from "../../compile/index.js";
import { assignmentSection, deadlineSection, errorSection, escalationSection, scoreSection, type ExplainLine, type ExplainSection, type SectionContext } from "./sections.js";
import type { Lang } from "./words.js";

export type { ExplainLine, ExplainSection, ExplainFailedCondition } from "./sections.js";
export type { Lang as ExplainLang } from "./words.js";

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** `zh` (default) or `en`. Clauses and quotes stay in the document's own words. */
  lang?: Lang;
  /**
   * The case input the result was computed from. Optional; with it, rules that applied show the
   * values of the facts they read, and the next escalation rung gets a date.
   */
  input?: CaseInput;
}

/** An explanation: the text, and the same content as data (for `--json`). */
export interface Explanation {
  lang: Lang;
  pack: { id: string; version: string; name: string };
  asOf: string;
  /** One section per table, deadline, ladder and scorecard of the result, in that order. */
  sections: ExplainSection[];
  /** The whole explanation as text, one line per reason. */
  text: string;
}

/**
 * Explains a case result in words: each decision with the clause it rests on, each rule that did
 * not apply with the condition that failed and the fact's actual value, the day-by-day ledger of
 * each deadline, the escalation path and next step, and each deduction of a score.
 *
 * @example
 * import { loadPack, evaluate } from "yingshang";
 * import { explain } from "yingshang";
 * const yingkou = loadPack("yingkou");
 * const input = { asOf: "2026-03-02", facts: { stage: "construction", introducer: "city-department", introducerUnit: "city-industry-it", landingUnit: "gaizhou" } };
 * const e = explain(yingkou, evaluate(yingkou, input), { lang: "zh", input });
 * console.log(e.text); // 牵头单位：市工业和信息化局（依据 二(二)2：……）…
 */
export function explain(pack: Pack, result: CaseResult, options: ExplainOptions = {}): Explanation {
  const lang = options.lang ?? "zh";
  if (lang !== "zh" && lang !== "en") fail("INPUT_INVALID", `The language must be zh or en (got ${JSON.stringify(lang)}).`, { detail: "lang" }, { path: "lang" });
  if (!result || typeof result !== "object" || !result.receipt) fail("INPUT_INVALID", "explain needs the result of evaluate(pack, case).", { detail: "not a case result" }, { path: "" });
  if (result.receipt.pack !== pack.id) fail("INPUT_INVALID", `The result was computed with pack ${result.receipt.pack}, not ${pack.id}; explain it with the pack that produced it.`, { detail: "pack mismatch" }, { path: "receipt.pack" });
  const c: SectionContext = { pack, lang, asOf: result.receipt.asOf, input: options.input };
  const sections: ExplainSection[] = [
    ...Object.entries(result.assignment).map(([id, r]) => assignmentSection(c, id, r)),
    ...Object.entries(result.deadlines).map(([id, r]) => (r.kind === "error" ? errorSection(c, "deadline", id, r) : deadlineSection(c, id, r))),
    ...Object.entries(result.escalation).map(([id, r]) => (r.kind === "error" ? errorSection(c, "escalation", id, r) : escalationSection(c, id, r))),
    ...Object.entries(result.scores).map(([id, r]) => (r.kind === "error" ? errorSection(c, "score", id, r) : scoreSection(c, id, r))),
  ];
  const name = lang === "zh" ? pack.meta.name.zh : pack.meta.name.en ?? pack.meta.name.zh;
  return { lang, pack: { id: pack.id, version: pack.version, name }, asOf: c.asOf, sections, text: render(pack, lang, c.asOf, sections) };
}

const BULLET: Partial<Record<ExplainLine["kind"], string>> = { applied: "· ", "not-applied": "· ", requirement: "· ", ledger: "  " };

function render(pack: Pack, lang: Lang, asOf: string, sections: readonly ExplainSection[]): string {
  const zh = lang === "zh";
  const doc = pack.meta.document;
  const out: string[] = [];
  out.push(zh ? `${pack.meta.name.zh}（${doc.number ? `${doc.number}；` : ""}政策包 \`${pack.id}\` ${pack.version}），按 ${asOf} 施行的规定` : `${pack.meta.name.en ?? pack.meta.name.zh} (${doc.number ? `${doc.number}; ` : ""}pack ${pack.id} ${pack.version}), rules in force on ${asOf}`);
  if (!sections.length) out.push(zh ? "本案没有可计算的事项（未给出事实、事件、经过或考核数据）。" : "Nothing to compute for this case (no facts, events, history or scoring given).");
  for (const s of sections) {
    out.push("");
    out.push(zh ? `【${s.title}】（\`${s.id}\`）` : `[${s.title}] (${s.id})`);
    let ledgerHead = false;
    for (const l of s.lines) {
      if (l.kind === "ledger" && !ledgerHead) {
        out.push(zh ? "  逐日计算：" : "  day by day:");
        ledgerHead = true;
      }
      out.push(`  ${l.kind === "path" && l.id ? "  " : BULLET[l.kind] ?? ""}${l.text}`);
    }
  }
  return out.join("\n");
}
