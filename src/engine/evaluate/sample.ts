/**
 * Random samples that nobody can predict before the draw and anyone can re-derive after it
 * (Yingkou 九(四): "随机按10%比例抽查签约项目", every quarter).
 *
 * The algorithm (docs/sampling.md has a worked example and a Python script that reproduces it):
 * 1. population = the distinct project ids;
 * 2. size = fraction × population, rounded as the duty says (`up`: 7 projects × 10 % = 0.7 → 1);
 * 3. for each id, h = SHA-256 of the UTF-8 text `<seed>\n<pack id>\n<period>\n<project id>` (four
 *    lines joined by a line feed, no trailing one), written as 64 lowercase hex digits;
 * 4. order ids by h ascending (as text, which is the same as numerically), take the first `size`.
 * The seed is text fixed and published at the moment of the draw (e.g. the record of a public
 * lottery, or the numbers of a published draw): before it exists nobody can know the sample; after,
 * the seed, the population and the ranking let anyone check it. The result does not depend on the
 * order of the list. SHA-256 comes from @noble/hashes (pure JS, synchronous), so the browser core
 * computes the same sample without Node's crypto module or the asynchronous WebCrypto API.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { fail, problem, YingshangError, type Problem } from "../../errors.js";
import { inForce } from "../check/index.js";
import { begin } from "./begin.js";
import { deepFreeze } from "../../base/freeze.js";
import { readPeriod } from "../model/index.js";
import { suggest } from "../../base/suggest.js";
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Receipt } from "../model/index.js";

export interface SampleInput {
  /** The period drawn for: `2026-Q1` (or `2026-03`, `2026-H1`, `2026`). */
  period: string;
  /** The population: every project id eligible for the draw. */
  projects: string[];
  /** Text fixed and published at the draw; without it the sample could be known in advance. */
  seed: string;
}

export interface SampleResult {
  duty: string;
  period: string;
  seed: string;
  /** How many distinct projects were in the population. */
  population: number;
  size: number;
  /** The drawn projects, in the order of the ranking. */
  selected: string[];
  /** Every project of the population with its hash, lowest hash first: the published ranking. */
  ranking: { rank: number; id: string; sha256: string; selected: boolean }[];
  /** The hashed text, with the placeholder `<id>`, so the draw can be re-derived. */
  hashed: string;
  clause: string;
  receipt: Receipt;
}

/** The SHA-256 (hex) of one project's line of the draw. */
export function drawHash(seed: string, pack: string, period: string, id: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${seed}\n${pack}\n${period}\n${id}`)));
}

const KEYS = ["period", "projects", "seed"];

/**
 * Draws a duty's sample for one period.
 *
 * @example
 * import { loadPack, sample } from "yingshang";
 * const yingkou = loadPack("yingkou");
 * const s = sample(yingkou, "quarterly-sample", { period: "2026-Q1", projects: ["P1", "P2", "P3", "P4", "P5", "P6", "P7"], seed: "2026-04-01 市招商局公开摇号 第1号" }, { asOf: "2026-03-31" });
 * console.log(s.size, s.selected); // 1 [ 'P4' ]
 */
export function sample(pack: Pack, dutyId: string, input: SampleInput, options: EvalOptions): SampleResult {
  const ev = begin(pack, undefined, options);
  const duty = pack.docs.duties.find((d) => d.id === dutyId && d.sample && inForce(d.effective, ev.asOf));
  if (!duty?.sample) {
    const known = pack.docs.duties.filter((d) => d.sample).map((d) => d.id);
    const hint = typeof dutyId === "string" ? suggest(dutyId, known) : null;
    return fail("RULE_UNKNOWN", `Pack ${pack.id} has no sampling duty \`${String(dutyId)}\` in force on ${ev.asOf}${hint ? `; did you mean \`${hint}\`?` : ""}.`, { kind: "sample", id: String(dutyId), known }, { path: "sample" });
  }
  const problems: Problem[] = [];
  const bad = (path: string, msg: string) => problems.push(problem("INPUT_INVALID", msg, { detail: path }, { path }));
  if (input === null || typeof input !== "object" || Array.isArray(input)) return fail("INPUT_INVALID", "The input must be { period, projects, seed }.", { detail: "input" }, { path: "" });
  for (const k of Object.keys(input)) {
    if (KEYS.includes(k)) continue;
    const hint = suggest(k, KEYS);
    problems.push(problem("INPUT_UNKNOWN_KEY", `\`${k}\` is not a key of a draw${hint ? `; did you mean \`${hint}\`?` : ""} (keys: ${KEYS.join(", ")}).`, { key: k, suggestion: hint, allowed: KEYS }, { path: k }));
  }
  const period = readPeriod(input.period) ? input.period : null;
  if (period === null) bad("period", "`period` must name the period sampled, e.g. 2026-Q1, 2026-03, 2026-H1 or 2026.");
  const seed = input.seed;
  if (typeof seed !== "string" || seed.trim() === "") bad("seed", "`seed` must be the text fixed and published at the draw (e.g. the record of a public lottery); without it anyone could compute the sample in advance.");
  else if (seed.includes("\n")) bad("seed", "`seed` must be one line: the hashed text separates its parts by line feeds.");
  const seen = new Set<string>();
  if (!Array.isArray(input.projects)) bad("projects", "`projects` must be a list of project ids (text).");
  else {
    input.projects.forEach((p: unknown, i: number) => {
      if (typeof p !== "string" || p === "" || p.includes("\n")) bad(`projects[${i}]`, `\`projects[${i}]\` must be a project id: text on one line (got ${JSON.stringify(p)}).`);
      else if (seen.has(p)) bad(`projects[${i}]`, `Project \`${p}\` is listed twice; a project is either in the population or not.`);
      else seen.add(p);
    });
  }
  if (problems.length) throw new YingshangError(problems);
  const n = seen.size;
  // Round the product via millionths, so 0.7 × 10 is 7, not 7.000000001.
  const x = Math.round(n * duty.sample.fraction * 1e6) / 1e6;
  const size = duty.sample.rounding === "up" ? Math.ceil(x) : duty.sample.rounding === "down" ? Math.floor(x) : Math.floor(x + 0.5);
  const hashed = [...seen].map((id) => ({ id, sha256: drawHash(seed, pack.id, period!, id) }));
  // Hex digests of equal length compare as text exactly as they compare as numbers.
  hashed.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : a.id < b.id ? -1 : 1));
  const ranking = hashed.map((h, i) => ({ rank: i + 1, id: h.id, sha256: h.sha256, selected: i < size }));
  return deepFreeze({
    duty: duty.id,
    period: period!,
    seed,
    population: n,
    size,
    selected: ranking.slice(0, size).map((r) => r.id),
    ranking,
    hashed: `${seed}\\n${pack.id}\\n${period}\\n<id>`,
    clause: duty.source.clause,
    receipt: ev.receipt,
  });
}
