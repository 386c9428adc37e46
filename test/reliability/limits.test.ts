// Limits: each size, count and depth limit is refused with a clear, typed error that names it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compilePack, escalate, loadPack, readPackDir, YingshangError } from "../../src/index.js";
import { bundledFiles, checkLoadError, MINIMAL } from "./helpers.js";

/** Runs `f`, which must throw a YingshangError; returns its problems. */
function refused(f: () => unknown, files: Readonly<Record<string, string>> | null = {}): YingshangError {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, "expected a YingshangError").toBeInstanceOf(YingshangError);
  return files ? checkLoadError(err, files, "limit") : (err as YingshangError);
}

function expectLimit(e: YingshangError, what: RegExp, limit: number): void {
  const p = e.problems.find((x) => x.code === "LIMIT_EXCEEDED");
  expect(p, JSON.stringify(e.problems)).toBeDefined();
  if (p?.code !== "LIMIT_EXCEEDED") return;
  expect(p.params.what).toMatch(what);
  expect(p.params.limit).toBe(limit);
  expect(p.params.actual).toBeGreaterThan(limit);
  expect(p.message).toContain(String(limit)); // the message names the limit
}

function expectSchemaMax(e: YingshangError, path: RegExp, limit: number): void {
  const p = e.problems.find((x) => x.code === "SCHEMA_VIOLATION" && /max(Items|Properties)/.test(x.params.keyword));
  expect(p, JSON.stringify(e.problems.slice(0, 3))).toBeDefined();
  expect(p!.path).toMatch(path);
  expect(p!.message).toContain(String(limit));
}

const src = { clause: "一", quote: "测试条文" };
const yaml = (v: unknown) => JSON.stringify(v); // JSON is YAML 1.2

describe("limits", () => {
  const tmp = mkdtempSync(join(tmpdir(), "yingshang-limits-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("file size: a text over 1 000 000 characters is refused before parsing (compilePack)", () => {
    const files = { ...MINIMAL, "duties.yaml": `# ${"x".repeat(1_000_001)}\nduties: []\n` };
    expectLimit(refused(() => compilePack(files), files), /file size/, 1_000_000);
    // …and the limit can be set lower per call.
    expectLimit(refused(() => compilePack(MINIMAL, { limits: { maxBytes: 100 } }), MINIMAL), /file size/, 100);
  });

  it("file size: a file over 1 000 000 bytes on disk is refused by readPackDir without being read", () => {
    const dir = join(tmp, "big");
    mkdirSync(dir);
    for (const [n, t] of Object.entries(MINIMAL)) writeFileSync(join(dir, n), t);
    writeFileSync(join(dir, "duties.yaml"), `# ${"国".repeat(400_000)}\nduties: []\n`); // 1.2 MB of UTF-8, 400 002 characters
    const e = refused(() => readPackDir(dir));
    expectLimit(e, /file size/, 1_000_000);
    expect(e.problems[0]!.file).toBe("duties.yaml");
  });

  it("files: a folder with more than 200 YAML files is refused", () => {
    const dir = join(tmp, "many");
    mkdirSync(dir);
    for (let i = 0; i < 201; i++) writeFileSync(join(dir, `f${i}.yaml`), "a: 1\n");
    expectLimit(refused(() => readPackDir(dir)), /files/, 200);
  });

  it("nesting depth: more than 64 levels is refused with the line of the deepest node", () => {
    const files = { ...MINIMAL, "duties.yaml": `duties: ${"[".repeat(70)}${"]".repeat(70)}\n` };
    const e = refused(() => compilePack(files), files);
    expectLimit(e, /nesting depth/, 64);
    expect(e.problems[0]!.line).toBe(1);
  });

  it("YAML node count: more than 50 000 nodes (here through 100 aliases of a 2 500-item list) is refused: the count, not the time, bounds the work", () => {
    const files = { ...MINIMAL, "duties.yaml": `big: &big [${"0,".repeat(2_499)}0]\nuses: [${Array(100).fill("*big").join(", ")}]\n` };
    expectLimit(refused(() => compilePack(files), files), /number of YAML nodes/, 50_000);
  });

  it("YAML token count: a dense file over 100 000 tokens is refused before it is parsed, at the token's line", () => {
    const files = { ...MINIMAL, "duties.yaml": `duties:\n  - [${"0,".repeat(60_000)}0]\n` };
    const e = refused(() => compilePack(files), files);
    expectLimit(e, /number of YAML tokens/, 100_000);
    // Refused before parsing: the token limit is the only problem (a parsed file would give schema problems too).
    expect(e.problems.map((p) => p.code)).toEqual(["LIMIT_EXCEEDED"]);
    expect(e.problems[0]!.line).toBe(2);
    // Just under the limit, the file is parsed (and then found not to be a duties file).
    const under = { ...MINIMAL, "duties.yaml": `duties:\n  - [${"0,".repeat(45_000)}0]\n` };
    expect(refused(() => compilePack(under), under).problems.some((p) => p.code === "LIMIT_EXCEEDED")).toBe(false);
  });

  it("alias count: more than 100 alias uses is refused, so a billion-laughs document cannot expand", () => {
    const lines = ["a: &a [lol, lol]"];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(i === 1 ? "*a" : `*a${i - 1}`).join(", ")}]`);
    const files = { ...MINIMAL, "duties.yaml": lines.join("\n") + "\n" };
    expectLimit(refused(() => compilePack(files), files), /alias/, 100);
    // 100 uses are still fine (no limit problem; the document is simply not a duties file).
    const ok = { ...MINIMAL, "duties.yaml": `x: &x 1\ny: [${Array(100).fill("*x").join(", ")}]\n` };
    expect(refused(() => compilePack(ok), ok).problems.some((p) => p.code === "LIMIT_EXCEEDED")).toBe(false);
  });

  it("rule count: a table with more than 1000 rules is refused by the schema (maxItems)", () => {
    const rules = Array.from({ length: 1001 }, (_, i) => ({ id: `r${i}`, when: { fact: "amount", operator: "equal", value: i }, then: { lead: "city-office" }, source: src }));
    const files = { ...MINIMAL, "assignment.yaml": yaml({ tables: [{ id: "t", hitPolicy: "first", rules }] }) };
    expectSchemaMax(refused(() => compilePack(files), files), /^tables\[0\]\.rules$/, 1000);
  });

  it("ladder length: a ladder with more than 50 rungs is refused by the schema (maxItems)", () => {
    const rungs = Array.from({ length: 51 }, (_, i) => ({ id: `r${i}`, actor: "city-office", source: src }));
    const files = { ...MINIMAL, "escalation.yaml": yaml({ ladders: [{ id: "l", rungs, source: src }] }) };
    expectSchemaMax(refused(() => compilePack(files), files), /^ladders\[0\]\.rungs$/, 50);
  });

  it("fact count: more than 500 facts is refused by the schema (maxProperties)", () => {
    const facts = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}`, { type: "boolean" }]));
    const files = { ...MINIMAL, "facts.yaml": yaml({ facts }) };
    expectSchemaMax(refused(() => compilePack(files), files), /^facts$/, 500);
  });

  it("history length: an escalation history longer than 1000 steps is refused (LIMIT_EXCEEDED names the limit and the path)", () => {
    const suqian = loadPack("suqian");
    const ladder = suqian.compiled.ladders[0]!;
    const history = Array.from({ length: 1001 }, () => ({ rung: ladder.rungs[0]!.id, at: "2026-03-02" }));
    const e = refused(() => escalate(suqian, ladder.id, { history }, { asOf: "2026-03-02" }), null);
    expect(e.code).toBe("LIMIT_EXCEEDED");
    expect(e.problems[0]!.path).toBe("history");
    expect(e.message).toContain("1000");
  });

  it("a file just under the size limit still loads", () => {
    const base = bundledFiles("zibo");
    // Pad duties.yaml with long comment lines up to ~990 000 characters: the limit is on size, not on content.
    const pad = `# ${"填充".repeat(500)}\n`.repeat(Math.floor((990_000 - base["duties.yaml"]!.length) / 1003));
    const files = { ...base, "duties.yaml": base["duties.yaml"]! + pad };
    expect(files["duties.yaml"]!.length).toBeLessThan(1_000_000);
    expect(compilePack(files, { folder: "zibo" }).id).toBe("zibo");
  });
});
