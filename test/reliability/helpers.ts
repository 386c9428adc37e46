/**
 * Shared by the reliability tests: input counts, the outcome check every fuzzed loader input must
 * pass (a compiled pack, or a YingshangError whose problems are well-formed), prototype-pollution
 * checks, and the one-line report each fuzz target prints.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, expect } from "vitest";
import { YingshangError, type Problem } from "../../src/errors.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist", "index.js");

/**
 * Total number of fuzzed pack inputs across the loader targets (each target takes a share); the
 * evaluator targets scale with it too. `npm run fuzz` sets 100000.
 */
export const FUZZ_INPUTS = Math.max(100, Number(process.env.FUZZ_INPUTS ?? 6000) || 6000);

/** `fraction` of FUZZ_INPUTS, at least 20. */
export function share(fraction: number): number {
  return Math.max(20, Math.round(FUZZ_INPUTS * fraction));
}

/** Vitest timeout for a target of `n` inputs at about `msEach` each (generous: the machine is shared). */
export function budget(n: number, msEach: number): number {
  return 60_000 + n * msEach * 4;
}


export const BUNDLED = ["yingkou", "xinghua", "zibo", "suqian"] as const;
export type Bundled = (typeof BUNDLED)[number];

/** Every code the library may report (errors.ts and calendar/errors.ts), to check codes are typed. */
export const KNOWN_CODES = new Set([
  "INPUT_INVALID", "FILE_MISSING", "FILE_ENCODING", "PATH_ESCAPE", "LIMIT_EXCEEDED", "YAML_SYNTAX", "YAML_DUPLICATE_KEY",
  "YAML_FORBIDDEN_KEY", "YAML_NON_STRING_KEY", "YAML_UNSAFE_NUMBER", "SCHEMA_UNKNOWN_KEY", "SCHEMA_MISSING_KEY", "SCHEMA_TYPE",
  "SCHEMA_ENUM", "SCHEMA_VIOLATION", "PACK_INVALID_DATE", "PACK_ID_MISMATCH", "UNKNOWN_REFERENCE", "DUPLICATE_ID", "LADDER_INVALID",
  "SCORE_TOTAL_MISMATCH", "AMBIGUOUS_TABLE", "TABLE_GAP", "EFFECTIVE_INVALID", "CONDITION_INVALID", "TEST_INVALID",
  "PACK_NOT_IN_FORCE", "FACT_MISSING", "FACT_TYPE", "FACT_ENUM", "FACT_UNKNOWN", "RULE_UNKNOWN", "AMBIGUOUS_MATCH", "NO_VARIANT",
  "REQUIREMENT_FAILED", "ESCALATION_SKIPPED_RUNG", "HISTORY_INVALID", "SCORING_INPUT_INVALID",
  "DATE_OUT_OF_RANGE", "INVALID_DATE", "INVALID_COUNT", "CALENDAR_YAML", "CALENDAR_SCHEMA", "CALENDAR_CONFLICT", "CALENDAR_YEAR",
  "CALENDAR_UNKNOWN", "PERIOD_INVALID", "EVENTS_INVALID", "EXTENSION_AFTER_EXPIRY", "EXTENSION_OVER_CAP",
  "INPUT_UNKNOWN_KEY", "INPUT_MISSING_KEY", "INPUT_TYPE", "INPUT_VALUE", "INPUT_ONE_OF",
  // added with the packs' format (issue 12) and the calendar's year end (issue 11)
  "ESCALATION_EXCLUDED_PATH", "LEAD_NOT_ONE", "CALENDAR_INCOMPLETE", "CALENDAR_UNUSED",
  // a unit given as a fact, else a fallback (营口 二(二)3)
  "OTHERWISE_UNREACHABLE",
]);

/**
 * Problems about a whole file (or the folder), which have no position inside it. Every other pack
 * problem must carry line and col.
 */
function positionless(p: Problem): boolean {
  switch (p.code) {
    case "FILE_MISSING":
    case "FILE_ENCODING":
    case "PATH_ESCAPE":
      return true;
    case "LIMIT_EXCEEDED":
      // File size is checked before parsing; depth, node and alias limits carry a position.
      return p.params.what === "file size" || p.params.what === "files";
    case "UNKNOWN_REFERENCE":
      return p.params.kind === "file";
    case "YAML_SYNTAX":
      // The parser itself gave up (e.g. its stack ran out on 100 000 nested brackets): no position exists.
      return p.params.detail.startsWith("RangeError") || p.params.detail.startsWith("Error");
    default:
      return false;
  }
}

/** Asserts that a YingshangError from loading is well-formed: codes, files, positions inside the file. */
export function checkLoadError(e: unknown, files: Readonly<Record<string, string>>, label: string): YingshangError {
  if (!(e instanceof YingshangError)) {
    const err = e as Error;
    assert.fail(`${label}: not a YingshangError but ${err?.constructor?.name}: ${err?.message}\n${err?.stack ?? ""}`);
  }
  expect(e.problems.length, label).toBeGreaterThan(0);
  expect(e.code, label).toBe(e.problems[0]!.code);
  for (const p of e.problems) {
    const where = `${label}: ${JSON.stringify(p)}`;
    expect(KNOWN_CODES.has(p.code), where).toBe(true);
    expect(typeof p.message === "string" && p.message.length > 0, where).toBe(true);
    // A folder-level problem (too many files) is about no one file; every other load problem names its file.
    if (!(p.code === "LIMIT_EXCEEDED" && p.params.what === "files")) expect(typeof p.file, where).toBe("string");
    if (positionless(p)) continue;
    expect(Number.isInteger(p.line) && p.line! >= 1, `${where} has no line`).toBe(true);
    expect(Number.isInteger(p.col) && p.col! >= 1, `${where} has no col`).toBe(true);
    const text = files[p.file!];
    if (text !== undefined) {
      // A position must lie inside the file (a BOM is not counted; CR LF is one line end).
      const lines = text.split("\n").length;
      expect(p.line!, `${where}: line beyond the file's ${lines} lines`).toBeLessThanOrEqual(lines);
    }
  }
  return e;
}

/** Snapshot of the built-in prototypes, compared after each input. */
const PROTOS = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype] as const;
const protoKeys = PROTOS.map((p) => Reflect.ownKeys(p).map(String).sort().join("|"));

export function assertNoPollution(label: string): void {
  const probe = {} as Record<string, unknown>;
  if (Object.keys(Object.prototype).length !== 0 || probe.polluted !== undefined || Object.getPrototypeOf(probe) !== Object.prototype || ([] as unknown as Record<string, unknown>).polluted !== undefined) {
    assert.fail(`${label}: Object.prototype polluted: ${JSON.stringify(Object.keys(Object.prototype))}`);
  }
  PROTOS.forEach((p, i) => {
    // A lookup that reaches a built-in (an enum value `__proto__`) must not freeze it either.
    if (!Object.isExtensible(p)) assert.fail(`${label}: a built-in prototype was frozen`);
    const now = Reflect.ownKeys(p).map(String).sort().join("|");
    if (now !== protoKeys[i]) assert.fail(`${label}: a built-in prototype changed: ${now}`);
  });
}

/**
 * Counts inputs and their outcomes for a fuzz target, and prints its one-line report. Nothing here
 * reads a clock: the work an input can cause is bounded by the limits the library enforces (file
 * size, YAML nodes, tokens, aliases, depth, list lengths; each has its test in limits.test.ts), so a
 * test's result never depends on how busy the machine is. A real hang is caught by the runner.
 */
export class Stats {
  count = 0;
  /** The largest input seen (by the length of its label), for the report. */
  largest = 0;
  largestLabel = "";
  readonly outcomes = new Map<string, number>();

  constructor(readonly name: string) {}

  /** Runs one input and counts it; the caller's check runs on the outcome. */
  run<T>(label: string, run: () => T): T {
    this.count++;
    if (label.length > this.largest) {
      this.largest = label.length;
      this.largestLabel = label.slice(0, 120);
    }
    return run();
  }

  outcome(kind: string): void {
    this.outcomes.set(kind, (this.outcomes.get(kind) ?? 0) + 1);
  }

  report(): string {
    const kinds = [...this.outcomes].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(", ");
    const line = `fuzz ${this.name}: ${this.count} inputs, all passed${this.largestLabel ? ` (largest: ${this.largestLabel})` : ""}${kinds ? ` [${kinds}]` : ""}`;
    console.log(line);
    return line;
  }
}

/** The files of a bundled pack (not its tests), as text. */
export function bundledFiles(name: Bundled): Record<string, string> {
  const dir = join(ROOT, "policies", name);
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".yaml")) out[f] = readFileSync(join(dir, f), "utf8");
  return out;
}

/** A small valid pack, cheap to compile, for targets that vary one file. */
export const MINIMAL: Readonly<Record<string, string>> = Object.freeze({
  "pack.yaml": [
    "id: mini",
    "name: { zh: 测试 }",
    "city: { zh: 测试市 }",
    "issuer: 测试市人民政府",
    "document: { title: 测试文件 }",
    "effective: { from: 2024-01-01 }",
    "calendar: cn-mainland",
    "version: 1.0.0",
    "clauses:",
    "  - { id: 一, title: 总则 }",
    "",
  ].join("\n"),
  "units.yaml": ["units:", "  - { id: city-office, zh: 市政府办公室, kind: office }", "  - { id: county-a, zh: 甲县, kind: county }", ""].join("\n"),
  "facts.yaml": ["facts:", "  stage: { zh: 阶段, type: enum, values: [a, b] }", "  unit: { zh: 单位, type: unit }", "  amount: { zh: 金额, type: number, min: 0 }", ""].join("\n"),
});

/** Deep check that a value and everything reachable from it is frozen (Maps and Sets count as mutable). */
export function unfrozenPaths(value: unknown, path = "$", seen = new Set<object>(), out: string[] = []): string[] {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return out;
  const o = value as object;
  if (seen.has(o) || out.length > 20) return out;
  seen.add(o);
  if (typeof value === "function") return out; // compiled closures: their captured data is checked through the docs
  if (!Object.isFrozen(o)) out.push(path);
  if (o instanceof Map || o instanceof Set) out.push(`${path} (a ${o.constructor.name}, mutable even when frozen)`);
  for (const k of Object.keys(o)) unfrozenPaths((o as Record<string, unknown>)[k], `${path}.${k}`, seen, out);
  return out;
}

/**
 * Compiles one fuzzed pack and checks its outcome: a frozen pack, or a well-formed YingshangError;
 * no other exception, no hang, no polluted prototype.
 */
export function loadOne(stats: Stats, files: Readonly<Record<string, string>>, label: string, compile: (files: Readonly<Record<string, string>>) => { id: string }): "pack" | YingshangError {
  let pack: { id: string } | undefined;
  let error: unknown;
  try {
    pack = stats.run(label, () => compile(files));
  } catch (e) {
    error = e;
  }
  assertNoPollution(label);
  if (pack) {
    if (typeof pack.id !== "string" || !Object.isFrozen(pack)) assert.fail(`${label}: a compiled pack that is not frozen`);
    stats.outcome("pack");
    return "pack";
  }
  const e = checkLoadError(error, files, label);
  stats.outcome(e.code);
  return e;
}
