/** Scoring: deductions and surveys → per-category scores (扣完为止), the total, and rankings. */
import { fail } from "../../errors.js";
import type { ScorecardDoc } from "../model/index.js";
import { inForce } from "../check/index.js";
import { begin } from "./begin.js";
import { deepFreeze, EMPTY } from "../../base/freeze.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Receipt, TraceEntry } from "../model/index.js";
import { findInForce } from "./find.js";

/** Recorded incidents and survey answers of one unit for one period. */
export interface ScoreInput {
  /** Each deduction item that occurred, with how many times (cases or person-times). */
  incidents?: { item: string; count?: number; note?: string }[];
  /** Survey answers: answer word → number of respondents. Required when the scorecard has a survey. */
  survey?: Record<string, number>;
}

export interface ScoreResult {
  /** The discriminant (a computed score, not a part error of `evaluate`). */
  kind: "score";
  scorecard: string;
  total: number;
  max: number;
  /**
   * Per category: `deducted` is what the category lost, never more than its points (扣完为止);
   * `deductedRaw` is the sum of its deductions before that cap (for a survey category, with the
   * survey's shortfall); `capped` tells that the cap applied (规范服务 −36 → 扣30分（扣完为止）).
   */
  categories: Record<string, { zh: string | null; max: number; deducted: number; deductedRaw: number; capped: boolean; score: number; clause: string }>;
  deductions: { item: string; category: string; count: number; points: number; clause: string; quote: string }[];
  survey: { counted: number; mean: number | null; score: number; rule: string } | null;
  trace: TraceEntry[];
  receipt: Receipt;
}

export interface RankResult {
  scorecard: string;
  /** Highest total first; equal totals share a rank (1, 2, 2, 4); ties listed by unit id. */
  ranking: { unit: string; total: number; rank: number }[];
  scores: Record<string, ScoreResult>;
  receipt: Receipt;
}

/** Rounds to hundredths: scores are published to two decimals, and this keeps 0.1 + 0.2 honest. */
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Scores one unit on a scorecard.
 *
 * @example
 * import { loadPack, score } from "yingshang";
 * const xinghua = loadPack("xinghua");
 * const s = score(xinghua, "scorecard", { incidents: [{ item: "no-first-ask-or-notice", count: 2 }], survey: { 优秀: 10 } }, { asOf: "2021-03-31" });
 * console.log(s.total); // 94 (two cases × 3 points, 附件2三(三))
 */
export function score(pack: Pack, scorecardId: string, input: ScoreInput, options: EvalOptions): ScoreResult {
  const ev = begin(pack, undefined, options);
  pack.compiled.checkCase.checkPart("scoring", scorecardId, input, "");
  return deepFreeze(runScore(findScorecard(pack, scorecardId, ev.asOf), input, ev.asOf, ev.trace, ev.receipt));
}

/**
 * Scores several units and ranks them.
 *
 * @example
 * import { loadPack, rank } from "yingshang";
 * const xinghua = loadPack("xinghua");
 * const r = rank(xinghua, "scorecard", { a: { survey: { 优秀: 1 } }, b: { survey: { 满意: 1 } } }, { asOf: "2021-03-31" });
 * console.log(r.ranking.map((x) => `${x.rank}. ${x.unit}`));
 */
export function rank(pack: Pack, scorecardId: string, units: Record<string, ScoreInput>, options: EvalOptions): RankResult {
  const ev = begin(pack, undefined, options);
  const card = findScorecard(pack, scorecardId, ev.asOf);
  if (!units || typeof units !== "object" || Array.isArray(units)) fail("SCORING_INPUT_INVALID", "`units` must map each unit to its incidents and survey.", { scorecard: card.id, detail: "units not a mapping" }, { path: "units" });
  const scores: Record<string, ScoreResult> = {};
  for (const u of Object.keys(units)) pack.compiled.checkCase.checkPart("scoring", scorecardId, units[u], u);
  for (const u of Object.keys(units).sort()) scores[u] = runScore(card, units[u]!, ev.asOf, ev.trace ? [] : null, ev.receipt);
  const sorted = Object.keys(scores).sort((a, b) => scores[b]!.total - scores[a]!.total || (a < b ? -1 : 1));
  const ranking = sorted.map((unit) => ({ unit, total: scores[unit]!.total, rank: 0 }));
  ranking.forEach((row, i) => (row.rank = i > 0 && ranking[i - 1]!.total === row.total ? ranking[i - 1]!.rank : i + 1));
  return deepFreeze({ scorecard: card.id, ranking, scores, receipt: ev.receipt });
}

export function findScorecard(pack: Pack, id: string, asOf: string): ScorecardDoc {
  return findInForce("scorecard", pack.id, pack.docs.scorecards, pack.docs.scorecards.filter((s) => s.id === id), id, asOf);
}

export function runScore(card: ScorecardDoc, input: ScoreInput, asOf: string, trace: TraceEntry[] | null, receipt: Receipt): ScoreResult {
  const bad = (detail: string, path: string): never => fail("SCORING_INPUT_INVALID", `Scorecard \`${card.id}\`: ${detail}`, { scorecard: card.id, detail }, { path });
  if (!input || typeof input !== "object") bad("the input must be a mapping with `incidents` and/or `survey`", "");
  const itemIndex = new Map<string, { cat: ScorecardDoc["categories"][number]; item: NonNullable<ScorecardDoc["categories"][number]["items"]>[number] }>();
  for (const cat of card.categories) for (const item of cat.items ?? []) if (inForce(item.effective, asOf)) itemIndex.set(item.id, { cat, item });
  const deducted = new Map<string, number>();
  const deductions: ScoreResult["deductions"] = [];
  const seenOnce = new Set<string>();
  const incidents = input.incidents ?? [];
  if (!Array.isArray(incidents)) bad("`incidents` must be a list", "incidents");
  incidents.forEach((inc, i) => {
    const hit = inc && typeof inc.item === "string" ? itemIndex.get(inc.item) : undefined;
    if (!hit) bad(`incidents[${i}]: \`${String(inc?.item)}\` is not a deduction item of this scorecard in force on ${asOf} (items: ${[...itemIndex.keys()].join(", ")})`, `incidents[${i}].item`);
    const count = inc.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 1) bad(`incidents[${i}]: count must be a whole number ≥ 1 (got ${JSON.stringify(inc.count)})`, `incidents[${i}].count`);
    const { cat, item } = hit!;
    // `once` items (e.g. a missing window) cost their points once however often they are recorded.
    const times = item.per === "once" ? (seenOnce.has(item.id) ? 0 : 1) : count;
    seenOnce.add(item.id);
    if (times === 0) return;
    const points = r2(item.deduct * times);
    deducted.set(cat.id, r2((deducted.get(cat.id) ?? 0) + points));
    deductions.push({ item: item.id, category: cat.id, count, points, clause: item.source.clause, quote: item.source.quote });
    if (trace) trace.push({ kind: "item", id: `${card.id}/${item.id}`, fired: true, clause: item.source.clause, quote: item.source.quote, note: `−${points}` });
  });
  const categories: ScoreResult["categories"] = {};
  let survey: ScoreResult["survey"] = null;
  const surveyCat = card.categories.find((c) => c.survey);
  if (input.survey !== undefined && !surveyCat) bad("this scorecard has no survey category, but `survey` answers were given", "survey");
  for (const cat of card.categories) {
    let s: number;
    if (cat.survey) {
      const answers = input.survey;
      if (!answers || typeof answers !== "object") bad(`category \`${cat.id}\` is scored by survey: give \`survey\` with the number of each answer (${Object.keys(cat.survey.answers).join(", ")}); give {} only if nobody answered`, "survey");
      let n = 0;
      let sum = 0;
      for (const [ans, cnt] of Object.entries(answers!)) {
        if (!Object.prototype.hasOwnProperty.call(cat.survey.answers, ans)) bad(`survey answer \`${ans}\` is not one of ${Object.keys(cat.survey.answers).join(", ")}`, `survey.${ans}`);
        if (!Number.isSafeInteger(cnt) || cnt < 0) bad(`survey.${ans} must be a whole number ≥ 0`, `survey.${ans}`);
        const v = cat.survey.answers[ans];
        if (v === null || v === undefined) continue; // e.g. 不了解: not counted
        n += cnt;
        sum += v * cnt;
      }
      const mean = n > 0 ? sum / n : null;
      const got = mean === null ? (cat.survey.whenNoAnswerCounts === "full" ? cat.max : 0) : mean * cat.survey.weight;
      s = r2(Math.max(0, Math.min(cat.max, got)));
      survey = { counted: n, mean: mean === null ? null : r2(mean), score: s, rule: mean === null ? `no counted answer: ${cat.survey.whenNoAnswerCounts}` : `mean × ${cat.survey.weight}` };
      if (trace) trace.push({ kind: "survey", id: `${card.id}/${cat.id}`, fired: true, clause: cat.source.clause, quote: cat.source.quote, note: survey.rule });
      const d = deducted.get(cat.id) ?? 0;
      s = r2(Math.max(0, s - d));
      const raw = r2(cat.max - survey.score + d);
      categories[cat.id] = { zh: cat.zh ?? null, max: cat.max, deducted: r2(cat.max - s), deductedRaw: raw, capped: raw > cat.max, score: s, clause: cat.source.clause };
      continue;
    }
    const d = deducted.get(cat.id) ?? 0;
    s = r2(Math.max(0, cat.max - d)); // 扣完为止: a category never goes below 0
    categories[cat.id] = { zh: cat.zh ?? null, max: cat.max, deducted: r2(Math.min(cat.max, d)), deductedRaw: d, capped: d > cat.max, score: s, clause: cat.source.clause };
  }
  const total = r2(Math.min(card.total, Math.max(0, Object.values(categories).reduce((a, c) => a + c.score, 0))));
  return { kind: "score", scorecard: card.id, total, max: card.total, categories, deductions, survey, trace: trace ?? EMPTY, receipt };
}
