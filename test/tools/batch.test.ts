// `yingshang eval PACK --ndjson FILE`, run as a user would (node dist/cli.js), on generated cases
// with bad lines: every line answered in input order, counts that add up, same output whatever the
// number of workers, and no progress bar when stderr is not a terminal.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "yingshang-batch-"));
const N = 3000;
const BAD_EVERY = 97; // gen-cases: every 97th line is bad (malformed JSON, FACT_ENUM, FACT_TYPE, INPUT_UNKNOWN_KEY, empty)
const cases = join(dir, "cases.ndjson");

function run(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", input, maxBuffer: 1 << 30 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/batch-worker.js"))) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
  const gen = spawnSync(process.execPath, [join(root, "bench/gen-cases.mjs"), String(N), "--bad-every", String(BAD_EVERY)], { encoding: "utf8", maxBuffer: 1 << 28 });
  expect(gen.status).toBe(0);
  writeFileSync(cases, gen.stdout);
}, 120_000);

describe("eval --ndjson", () => {
  let one: ReturnType<typeof run>;
  let two: ReturnType<typeof run>;
  beforeAll(() => {
    one = run(["eval", "suqian", "--ndjson", cases, "--workers", "1"]);
    two = run(["eval", "suqian", "--ndjson", cases, "--workers", "2"]);
  }, 180_000);

  it("answers every line but blank ones, in input order, bad lines with their line number and id", () => {
    const lines = one.out.trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; id?: string; error?: { code: string; problems: { line?: number; message: string }[] }; deadlines?: Record<string, unknown> });
    const bad = Array.from({ length: Math.floor(N / BAD_EVERY) }, (_, k) => (k + 1) * BAD_EVERY);
    // gen-cases: every fifth bad line is empty; blank lines are skipped, not answered.
    const blank = bad.filter((_, k) => k % 5 === 4);
    expect(lines).toHaveLength(N - blank.length);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: N }, (_, i) => i + 1).filter((n) => !blank.includes(n)));
    const errs = lines.filter((l) => l.error);
    expect(errs.map((l) => l.line)).toEqual(bad.filter((n) => !blank.includes(n)));
    expect(errs.map((l) => l.error!.code).slice(0, 4)).toEqual(["INPUT_INVALID", "FACT_ENUM", "FACT_TYPE", "INPUT_UNKNOWN_KEY"]);
    expect(errs[0]!.error!.problems[0]!.line).toBe(BAD_EVERY);
    expect(errs[0]!.error!.problems[0]!.message).toMatch(/^Line 97 is not valid JSON/);
    // A line that parsed keeps its case id on its error line; one that did not parse has none.
    expect(errs[0]!.id).toBeUndefined();
    expect(errs[1]!.id).toBe(`case-${2 * BAD_EVERY}`);
    const good = lines.find((l) => !l.error)!;
    expect(good.id).toBe("case-1");
    expect(good.deadlines).toHaveProperty("mayor-direct");
  });

  it("prints a summary whose counts add up (blank lines counted apart), and exits 2 because some lines were bad input", () => {
    const bad = Math.floor(N / BAD_EVERY);
    const blank = Math.floor(bad / 5);
    const errors = bad - blank;
    expect(one.code).toBe(2);
    expect(one.err).toMatch(new RegExp(`^yingshang eval: ${N - blank} cases, ${N - bad} ok, ${errors} errors, ${blank} blank lines skipped — \\d+ cases/s, [\\d.]+ s elapsed, 1 worker\\n$`));
    expect(two.err).toMatch(new RegExp(`^yingshang eval: ${N - blank} cases, ${N - bad} ok, ${errors} errors, ${blank} blank lines skipped — .*, 2 workers\\n$`));
  });

  it("gives the same output with 1 and 2 workers", () => {
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
  });

  it("draws no progress bar when stderr is not a terminal", () => {
    for (const r of [one, two]) {
      expect(r.err).not.toMatch(/[\r\u2588\u2591]|ETA/);
      expect(r.err.includes(String.fromCharCode(27))).toBe(false); // no ANSI escapes (cursor hiding, colours)
      expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
    }
  });

  it("leaves the trace out unless --trace, and writes to --out", () => {
    // The compact default leaves out the empty traces.
    const first = JSON.parse(one.out.split("\n")[0]!) as { deadlines: Record<string, { trace?: unknown[] }> };
    expect(first.deadlines["mayor-direct"]).not.toHaveProperty("trace");
    const out = join(dir, "traced.ndjson");
    const r = run(["eval", "suqian", "--ndjson", cases, "--workers", "2", "--trace", "--out", out]);
    expect(r.out).toBe("");
    const traced = JSON.parse(readFileSync(out, "utf8").split("\n")[0]!) as { deadlines: Record<string, { trace: unknown[] }> };
    expect(traced.deadlines["mayor-direct"]!.trace.length).toBeGreaterThan(0);
  });

  it("reads stdin with --ndjson -, exits 0 when every line is good, and prints a JSON summary with --json", () => {
    const good = readFileSync(cases, "utf8").split("\n").slice(0, 50).join("\n") + "\n";
    const r = run(["eval", "suqian", "--ndjson", "-", "--json", "--workers", "2"], good);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n")).toHaveLength(50);
    expect(JSON.parse(r.err)).toMatchObject({ summary: { cases: 50, ok: 50, errors: 0, workers: 2 } });
  });

  it("stops quietly when the reader closes the pipe (| head)", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${cli}" eval suqian --ndjson "${cases}" --workers 1 | head -c 10`], { cwd: root, encoding: "utf8" });
    expect(r.stdout).toBe('{"line":1,');
    expect(r.stderr).toMatch(/^yingshang eval: the output was closed after \d+ cases; stopped.\n$/);
    expect(r.status).toBe(0);
  });

  it("keeps `eval PACK FACTS.json` and reports misuse with exit 2", () => {
    const facts = join(dir, "case.json");
    writeFileSync(facts, JSON.stringify({ asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } }));
    const single = run(["eval", "suqian", facts, "--json"]);
    expect(single.code).toBe(0);
    expect(JSON.parse(single.out).deadlines["mayor-direct"].dueDate).toBe("2026-10-15");
    expect(run(["eval", "suqian"]).code).toBe(2);
    expect(run(["eval", "suqian", facts, "--ndjson", cases]).err).toMatch(/not both/);
    expect(run(["eval", "suqian", "--ndjson", cases, "--workers", "0"]).code).toBe(2);
    expect(run(["eval", "suqian", "--ndjson", join(dir, "missing.ndjson")]).err).toMatch(/Cannot read/);
  });
});

describe("eval --ndjson with a pack that is not valid", () => {
  // The pack is read once on the main thread and compiled in each worker: a problem of either stage
  // is reported as validate reports it, before any case, with nothing on stdout.
  const minimal = join(root, "test/fixtures/minimal");
  const batch = (pack: string) => run(["eval", pack, "--ndjson", cases, "--workers", "2"]);

  it("a file that is not YAML: the read's problem at its line, exit 2", () => {
    const pack = join(dir, "minimal");
    cpSync(minimal, pack, { recursive: true });
    writeFileSync(join(pack, "units.yaml"), readFileSync(join(minimal, "units.yaml"), "utf8").replace("kind: county }", "kind: county"));
    const r = batch(pack);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^error: units\.yaml:\d+:\d+ — /m);
  });

  it("a pack whose folder is not its id: the check's problem, from the workers, exit 2", () => {
    const pack = join(dir, "renamed");
    cpSync(minimal, pack, { recursive: true });
    const r = batch(pack);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/pack\.yaml:\d+:\d+ — the pack's id is `minimal` but its folder is `renamed`/);
  });
});

describe("batch line length limit", () => {
  it("refuses a line over the limit on its own line with LIMIT_EXCEEDED and evaluates the next", async () => {
    const { evaluateLine, MAX_LINE_CHARS } = await import("../../src/batch/line.js");
    const { loadPack } = await import("../../src/index.js");
    const pack = loadPack("suqian");
    const huge = JSON.stringify({ asOf: "2026-06-01", facts: { issueKind: "complex" }, note: "x".repeat(MAX_LINE_CHARS) });
    const o = { trace: false, file: "cases.ndjson", shape: { kind: "compact" } } as const;
    const r = evaluateLine(pack, huge, 3, o);
    expect(r.kind).toBe("error");
    const out = (r as { row: unknown }).row as { line: number; error: { code: string; problems: { params: { limit: number } }[] } };
    expect(out.line).toBe(3);
    expect(out.error.code).toBe("LIMIT_EXCEEDED");
    expect(out.error.problems[0]!.params.limit).toBe(MAX_LINE_CHARS);
    expect(evaluateLine(pack, JSON.stringify({ asOf: "2026-06-01", facts: { issueKind: "complex" } }), 4, o).kind).toBe("ok");
  });
});
