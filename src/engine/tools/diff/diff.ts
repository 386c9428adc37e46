/**
 * `diffPacks`: what changed between two versions of a pack, in domain terms, and its impact — how
 * many cases (a generated population and/or real cases) get a different outcome, by kind, with a
 * minimal example of each. For CI: a change of outcomes should come with a version bump.
 */
import { fail } from "../../../errors.js";
import type { CaseInput } from "../../evaluate/index.js";
import type { Pack } from "../../compile/index.js";
import { impact, type ImpactReport } from "./impact.js";
import { generatePopulation } from "./population.js";
import { structuralChanges, type PackChange } from "./structure.js";

export type { PackChange } from "./structure.js";
export type { ImpactReport, ImpactExample, ImpactKind, StatusWord } from "./impact.js";
export { generatePopulation } from "./population.js";
export { statusWord } from "./impact.js";

/** Options of {@link diffPacks}. */
export interface DiffOptions {
  /** Size of the generated population (default 10,000; 0 for none). */
  population?: number;
  /** Real cases (the same input as `evaluate`), e.g. read from an NDJSON file. */
  cases?: readonly CaseInput[];
  /** Seed of the generated population (default fixed, so runs are reproducible). */
  seed?: number;
  /** Shrink one example per kind of change (default true). */
  examples?: boolean;
  /** The fact that names a case's unit, for the impact per unit (default: the case's lead units under either pack). */
  unitFact?: string;
}

/** The result of {@link diffPacks}. */
export interface DiffReport {
  from: { id: string; version: string; hash: string };
  to: { id: string; version: string; hash: string };
  /** The two packs have identical files (same hash). */
  identical: boolean;
  /** Every change in domain terms (empty when only comments or notes changed). */
  changes: PackChange[];
  population: ImpactReport | null;
  cases: ImpactReport | null;
  /** Some case's outcome differs between the packs. */
  outcomesChanged: boolean;
  versionChanged: boolean;
  /** `to.version` is a higher semver than `from.version`. */
  versionBumped: boolean;
  warnings: string[];
}

function semver(v: string): number[] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [+m[1]!, +m[2]!, +m[3]!] : [0, 0, 0];
}

function higher(a: string, b: string): boolean {
  const x = semver(a);
  const y = semver(b);
  for (let i = 0; i < 3; i++) if (y[i]! !== x[i]!) return y[i]! > x[i]!;
  return false;
}

/**
 * Compares two versions of a pack: the changes in domain terms, and how many cases of a generated
 * population (and of `cases`) change outcome — lead unit, roles, decision outcome, due date,
 * escalation, score total — each kind with a minimal example. Pure: no file access.
 *
 * @example
 * import { compilePack, diffPacks, loadPack, readPackDir } from "yingshang";
 * const before = loadPack("suqian");
 * // The next version: complex matters get 10 working days instead of 15.
 * const files = readPackDir("policies/suqian");
 * files["deadlines.yaml"] = files["deadlines.yaml"].replace("workingDays: 15", "workingDays: 10");
 * const after = compilePack(files);
 * const d = diffPacks(before, after, { population: 2000 });
 * for (const c of d.changes) console.log(c.text);
 * console.log(d.outcomesChanged, d.population?.changed);
 */
export function diffPacks(a: Pack, b: Pack, options: DiffOptions = {}): DiffReport {
  const n = options.population ?? 10_000;
  if (!Number.isSafeInteger(n) || n < 0 || n > 1_000_000) fail("INPUT_INVALID", `The population must be a whole number from 0 to 1,000,000 (got ${String(n)}).`, { detail: "population" }, { path: "population" });
  if (options.cases !== undefined && !Array.isArray(options.cases)) fail("INPUT_INVALID", "`cases` must be a list of case inputs.", { detail: "cases" }, { path: "cases" });
  const changes = structuralChanges(a, b);
  const examples = options.examples !== false;
  const population = n > 0 ? impact(a, b, generatePopulation(a, b, n, options.seed), "population", examples, options.unitFact) : null;
  const cases = options.cases ? impact(a, b, options.cases, "cases", examples, options.unitFact) : null;
  const outcomesChanged = (population?.changed ?? 0) > 0 || (cases?.changed ?? 0) > 0;
  const versionChanged = a.version !== b.version;
  const versionBumped = higher(a.version, b.version);
  const warnings: string[] = [];
  if (a.id !== b.id) warnings.push(`the packs are different packs (${a.id} and ${b.id}), not two versions of one`);
  if (outcomesChanged && !versionChanged) warnings.push(`outcomes change but the version is still ${b.version}: bump \`version\` in pack.yaml and add a changelog entry`);
  else if (outcomesChanged && !versionBumped) warnings.push(`outcomes change but the version goes from ${a.version} to ${b.version}, which is not higher`);
  if (!outcomesChanged && changes.some((c) => c.area !== "pack")) warnings.push("the packs differ but no generated or given case changes outcome (the changes are in names, quotes, or rules these cases do not reach)");
  return { from: { id: a.id, version: a.version, hash: a.hash }, to: { id: b.id, version: b.version, hash: b.hash }, identical: a.hash === b.hash, changes, population, cases, outcomesChanged, versionChanged, versionBumped, warnings };
}

/**
 * Parses NDJSON: one case input per line; blank lines are skipped. A malformed line is an
 * `INPUT_INVALID` error naming the file and line.
 *
 * @example
 * import { parseCasesNdjson } from "yingshang";
 * parseCasesNdjson('{"asOf":"2026-03-02","facts":{"issueKind":"complex"}}\n', "cases.ndjson").length; // 1
 */
export function parseCasesNdjson(text: string, file = "cases.ndjson"): CaseInput[] {
  const out: CaseInput[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      fail("INPUT_INVALID", `${file}:${i + 1} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed NDJSON line" }, { file, line: i + 1 });
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) fail("INPUT_INVALID", `${file}:${i + 1} must be one case: an object with asOf, facts, and optional now, events, history, scoring.`, { detail: "case not an object" }, { file, line: i + 1 });
    out.push(v as CaseInput);
  });
  return out;
}

function compact(v: unknown): string {
  return JSON.stringify(v);
}

/** A diff report as text for the terminal and CI logs. */
export function renderDiff(d: DiffReport, names: { from?: string; to?: string } = {}): string {
  const out: string[] = [];
  out.push(`${names.from ?? d.from.id} ${d.from.version} → ${names.to ?? d.to.id} ${d.to.version}${d.identical ? " (identical files)" : ""}`);
  out.push("");
  out.push(d.changes.length ? `Changes (${d.changes.length}):` : "Changes: none in domain terms.");
  const mark = { added: "+", removed: "-", changed: "~" } as const;
  for (const c of d.changes) out.push(`  ${mark[c.change]} ${c.text}`);
  for (const r of [d.population, d.cases]) {
    if (!r) continue;
    out.push("");
    out.push(`Impact on ${r.total} ${r.source === "population" ? "generated cases" : "given cases"}: ${r.changed} change outcome${r.total ? ` (${((100 * r.changed) / r.total).toFixed(1)}%)` : ""}`);
    for (const k of r.byKind) {
      if (!k.cases) continue;
      out.push(`  ${k.label}: ${k.cases}`);
      if (k.example) {
        out.push(`    e.g. ${k.example.part}: ${compact(k.example.input)}`);
        out.push(`      before: ${compact(k.example.before)}`);
        out.push(`      after:  ${compact(k.example.after)}`);
      }
    }
    if (r.statusChanges.length) {
      out.push(`  Status changes (${r.statusChanges.reduce((x, t) => x + t.deadlines, 0)} deadlines):`);
      for (const t of r.statusChanges) out.push(`    ${t.from} → ${t.to}: ${t.deadlines}`);
    }
    const hit = r.byUnit.filter((u) => u.changed > 0);
    if (hit.length) {
      out.push("  By unit (changed / cases):");
      for (const u of hit.slice(0, 20)) {
        const extra = [u.statusChanges ? `${u.statusChanges} status changes` : "", u.gained ? `gains ${u.gained} as lead` : "", u.lost ? `loses ${u.lost} as lead` : ""].filter(Boolean).join(", ");
        out.push(`    ${u.zh ? `${u.zh} (${u.unit})` : u.unit}: ${u.changed} / ${u.cases}${extra ? ` — ${extra}` : ""}`);
      }
      if (hit.length > 20) out.push(`    … and ${hit.length - 20} more units`);
    }
  }
  for (const w of d.warnings) out.push(`\nwarning: ${w}`);
  return out.join("\n");
}
