/** Runs a pack's tests (tests/*.yaml: `{name, asOf, input, expected}`) and reports like `opa test`. */
import { problem, YingshangError, type Problem } from "../../errors.js";
import { assign } from "../evaluate/index.js";
import { deadline } from "../evaluate/index.js";
import { escalate } from "../evaluate/index.js";
import { evaluate } from "../evaluate/index.js";
import { checkSchema } from "../read/index.js";
import { partialMatch, type Mismatch } from "./partial-match.js";
import { readYaml } from "../../base/yaml-read.js";
import { compilePack, type CompileOptions, type Pack } from "../compile/index.js";
import type { PackTestDoc } from "../model/index.js";
import { sample } from "../evaluate/index.js";
import { rank, score } from "../evaluate/index.js";

/** One failed test: where it is, and expected vs actual at each differing path. */
export interface TestFailure {
  name: string;
  file: string;
  line: number | null;
  mismatches: Mismatch[];
  /** The typed error the evaluation threw, if it threw one the test did not expect. */
  error: Problem | null;
}

export interface TestFileReport {
  file: string;
  passed: number;
  total: number;
  failures: TestFailure[];
  /** Every test of the file in order, passed or not (the studio lists them all). */
  results: { name: string; line: number | null; passed: boolean }[];
}

export interface PackTestReport {
  pack: string;
  passed: number;
  total: number;
  files: TestFileReport[];
  /** Problems that stopped tests from running (an invalid pack or test file). */
  problems: Problem[];
}

const EVALUATORS = ["assign", "deadline", "escalate", "score", "rank", "sample", "eval"] as const;

/** Runs one test's input against the pack. */
function run(pack: Pack, t: PackTestDoc): unknown {
  // The tests schema checked the shape; each evaluator checks its own input and reports typed errors.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const i = t.input as Record<string, any>;
  const opts = { asOf: t.asOf };
  const which = EVALUATORS.filter((k) => i[k] !== undefined);
  if (which.length !== 1) {
    throw new YingshangError([problem("TEST_INVALID", `input must name exactly one of ${EVALUATORS.join(", ")} (found ${which.join(", ") || "none"}).`, { detail: "evaluator" })]);
  }
  switch (which[0]!) {
    case "assign":
      return assign(pack, i.assign, i.facts ?? {}, opts);
    case "deadline":
      return deadline(pack, i.deadline, { facts: i.facts, events: i.events, now: i.now, from: i.from, to: i.to, done: i.done }, opts);
    case "escalate":
      return escalate(pack, i.escalate, { facts: i.facts, history: i.history, now: i.now }, opts);
    case "score":
      return score(pack, i.score, { incidents: i.incidents, survey: i.survey }, opts);
    case "rank":
      return rank(pack, i.rank, i.units, opts);
    case "sample":
      return sample(pack, i.sample, { period: i.period, projects: i.projects, seed: i.seed }, opts);
    case "eval":
      return evaluate(pack, { asOf: t.asOf, facts: i.facts, now: i.now, events: i.events, history: i.history as never, scoring: i.units }, opts);
  }
}

/**
 * Compiles a pack and runs its tests. `files` holds the pack files and `tests/*.yaml`.
 *
 * @example
 * import { readPackDir, runPackTests } from "yingshang";
 * const report = runPackTests(readPackDir("policies/suqian", true));
 * console.log(`PASS ${report.passed}/${report.total}`);
 */
export function runPackTests(files: Readonly<Record<string, string>>, options: CompileOptions = {}): PackTestReport {
  let pack: Pack;
  try {
    pack = compilePack(files, options);
  } catch (e) {
    if (!(e instanceof YingshangError)) throw e;
    return { pack: options.folder ?? "?", passed: 0, total: 0, files: [], problems: [...e.problems] };
  }
  const report: PackTestReport = { pack: pack.id, passed: 0, total: 0, files: [], problems: [] };
  for (const file of Object.keys(files).filter((f) => f.startsWith("tests/")).sort()) {
    const read = readYaml(files[file]!, file);
    const schemaProblems = read.problems.length ? read.problems : checkSchema("tests", read.value, file, read.positions);
    if (schemaProblems.length) {
      report.problems.push(...schemaProblems);
      continue;
    }
    const tests = (read.value as { tests: PackTestDoc[] }).tests;
    const fr: TestFileReport = { file, passed: 0, total: tests.length, failures: [], results: [] };
    tests.forEach((t, idx) => {
      const line = read.positions.get(`/tests/${idx}`)?.line ?? null;
      const wantsError = t.expected !== null && typeof t.expected === "object" && !Array.isArray(t.expected) && "error" in (t.expected as object);
      let actual: unknown;
      let error: Problem | null = null;
      try {
        actual = run(pack, t);
      } catch (e) {
        if (!(e instanceof YingshangError)) throw e;
        error = e.problems[0]!;
        actual = { error: e.code };
      }
      const mismatches = wantsError ? partialMatch(error ? { error: error.code } : actual, t.expected) : error ? [{ path: "(result)", expected: t.expected, actual: { error: error.code, message: error.message } }] : partialMatch(actual, t.expected);
      if (wantsError && !error) mismatches.splice(0, mismatches.length, { path: "error", expected: (t.expected as { error: unknown }).error, actual: "(no error: the evaluation succeeded)" });
      fr.results.push({ name: t.name, line, passed: mismatches.length === 0 });
      if (mismatches.length === 0) fr.passed++;
      else fr.failures.push({ name: t.name, file, line, mismatches, error: wantsError ? null : error });
    });
    report.files.push(fr);
    report.passed += fr.passed;
    report.total += fr.total;
  }
  return report;
}
