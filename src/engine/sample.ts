/**
 * Reproducible random samples (Yingkou 九(四): every quarter 10 % of signed projects inspected).
 *
 * The algorithm, so anyone can re-derive a sample by hand or in another language:
 * 1. population = the distinct project ids;
 * 2. size = fraction × population, rounded as the duty says (`up`: 7 projects × 10 % = 0.7 → 1);
 * 3. for each id compute h = FNV-1a-32 of the UTF-8 text `<pack id>|<period>|<project id>`
 *    (start 2166136261; per byte: h = (h XOR byte) × 16777619 mod 2^32);
 * 4. order ids by h ascending (equal h: by id), take the first `size`; list them sorted by id.
 * The result depends only on (pack, period, project set) — not on the order of the list.
 */
import { fail } from "../errors.js";
import { inForce } from "./impl/ctx.js";
import { begin } from "./impl/begin.js";
import { deepFreeze } from "./impl/freeze.js";
import { fnv1a32 } from "./impl/hash.js";
import type { Pack } from "./pack.js";
import type { EvalOptions, Receipt } from "./trace.js";

export interface SampleResult {
  duty: string;
  period: string;
  population: number;
  size: number;
  selected: string[];
  /** Each selected id with its hash, so the order can be checked by hand. */
  hashes: Record<string, number>;
  clause: string;
  receipt: Receipt;
}

/**
 * Draws a duty's sample for one period.
 *
 * @example
 * import { loadPack, sample } from "yingshang";
 * const yingkou = loadPack("yingkou");
 * const s = sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ["p1", "p2", "p3", "p4", "p5", "p6", "p7"] }, { asOf: "2026-03-31" });
 * console.log(s.size); // 1
 */
export function sample(pack: Pack, dutyId: string, input: { period: string; projects: string[] }, options: EvalOptions): SampleResult {
  const ev = begin(pack, undefined, options);
  const duty = pack.docs.duties.find((d) => d.id === dutyId && d.sample && inForce(d.effective, ev.asOf));
  if (!duty?.sample) return fail("RULE_UNKNOWN", `Pack ${pack.id} has no sampling duty \`${dutyId}\` in force on ${ev.asOf}.`, { kind: "sample", id: dutyId, known: pack.docs.duties.filter((d) => d.sample).map((d) => d.id) }, { path: "sample" });
  if (typeof input?.period !== "string" || !/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/.test(input.period)) {
    fail("INPUT_INVALID", "`period` must name the period sampled, e.g. 2026-Q1, 2026-03, 2026-H1 or 2026.", { detail: "period" }, { path: "period" });
  }
  if (!Array.isArray(input.projects) || input.projects.some((p) => typeof p !== "string" || p === "")) fail("INPUT_INVALID", "`projects` must be a list of project ids (text).", { detail: "projects" }, { path: "projects" });
  const seen = new Set<string>();
  for (const p of input.projects) {
    if (seen.has(p)) fail("INPUT_INVALID", `Project \`${p}\` is listed twice; a project is either in the population or not.`, { detail: `duplicate ${p}` }, { path: "projects" });
    seen.add(p);
  }
  const n = seen.size;
  const exact = n * duty.sample.fraction;
  // Round the product of integers and a decimal fraction via hundredths, so 0.7 × 10 is 7, not 7.000000001.
  const x = Math.round(exact * 1e6) / 1e6;
  const size = duty.sample.rounding === "up" ? Math.ceil(x) : duty.sample.rounding === "down" ? Math.floor(x) : Math.floor(x + 0.5);
  const hashes = new Map([...seen].map((p) => [p, fnv1a32(`${pack.id}|${input.period}|${p}`)]));
  const order = [...seen].sort((a, b) => hashes.get(a)! - hashes.get(b)! || (a < b ? -1 : 1));
  const selected = order.slice(0, size).sort();
  return deepFreeze({ duty: duty.id, period: input.period, population: n, size, selected, hashes: Object.fromEntries(selected.map((p) => [p, hashes.get(p)!])), clause: duty.source.clause, receipt: ev.receipt });
}
