// The message catalog: every code of the exhaustive ProblemCode union has a Chinese and an English
// sentence, the Chinese ones carry no English outside backquotes, and the language changes only
// the sentence, never the problem.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePack, evaluate, formatProblem, loadPack, YingshangError, type Problem, type ProblemCode } from "../../src/index.js";
import { en } from "../../src/messages/en.js";
import { langFromEnv } from "../../src/messages/format.js";
import { zh } from "../../src/messages/zh.js";
import { SAMPLES } from "./samples.js";
import { englishLeft } from "../helpers/chinese.js";

const src = join(__dirname, "..", "..", "src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/**
 * The codes of the union, read from the source: the interfaces `ProblemParams` extends, wherever
 * they are declared, and their keys. (Walking the declarations, not the catalog, so a code the
 * catalog lacks is found.)
 */
function unionCodes(): string[] {
  const all = tsFiles(src).map((f) => readFileSync(f, "utf8"));
  const root = /interface ProblemParams extends ([^{]+)\{/.exec(readFileSync(join(src, "problem.ts"), "utf8"));
  expect(root, "src/problem.ts declares ProblemParams").not.toBeNull();
  const names = root![1]!.split(",").map((s) => s.trim()).filter(Boolean);
  const codes: string[] = [];
  for (const name of names) {
    const text = all.find((t) => new RegExp(`export interface ${name}\\b`).test(t));
    expect(text, `the declaration of ${name}`).toBeDefined();
    const start = text!.indexOf("{", text!.search(new RegExp(`export interface ${name}\\b`)));
    let depth = 0;
    let end = start;
    for (; end < text!.length; end++) {
      if (text![end] === "{") depth++;
      else if (text![end] === "}" && --depth === 0) break;
    }
    const body = text!.slice(start + 1, end);
    // Keys at the first level of the interface body only (params may be object types themselves).
    let d = 0;
    for (const line of body.split("\n")) {
      const m = d === 0 ? /^\s*([A-Z][A-Z0-9_]*)\??:/.exec(line) : null;
      if (m) codes.push(m[1]!);
      for (const ch of line) d += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    }
  }
  return codes.sort();
}

const cjk = /[\u4e00-\u9fff]/;

function sample(code: ProblemCode): Problem {
  const s = SAMPLES[code];
  return { code, ...s.place, message: "", params: s.params } as Problem;
}

describe("message catalog", () => {
  const codes = unionCodes();

  it("walks a union of at least 60 codes", () => expect(codes.length).toBeGreaterThanOrEqual(60));

  it("has a Chinese sentence for every problem code", () => {
    expect(codes.filter((c) => typeof (zh as Record<string, unknown>)[c] !== "function")).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual(codes);
  });

  it("has an English sentence for every problem code", () => {
    expect(codes.filter((c) => typeof (en as Record<string, unknown>)[c] !== "function")).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(codes);
  });

  it("has a sample problem for every code", () => expect(Object.keys(SAMPLES).sort()).toEqual(codes));

  it.each(codes)("%s reads as Chinese in zh and as English in en", (code) => {
    const p = sample(code as ProblemCode);
    const z = formatProblem(p, { lang: "zh" });
    expect(z, code).toMatch(cjk);
    const sentence = zh[code as ProblemCode](p.params as never, p);
    expect(englishLeft(sentence), `${code}: ${sentence}`).toBe("");
    expect(sentence).toMatch(/[。？）]$/);
    const e = formatProblem(p, { lang: "en" });
    expect(e.length).toBeGreaterThan(10);
    expect(e).toMatch(/[a-z]{3,}/);
  });

  it("writes the issue's own example word for word", () => {
    // Issue 15: 「deadlines.yaml 第14行第5列：`workingDay` 不是时限（period）的字段；是否应为 `workingDays`？」
    expect(formatProblem(sample("SCHEMA_UNKNOWN_KEY"), { lang: "zh" })).toBe("deadlines.yaml 第14行第5列：`workingDay` 不是时限（period）的字段；是否应为 `workingDays`？");
  });

  it("keeps the sentence written where the problem was found for English, and the place form editors read", () => {
    const p = { ...sample("FACT_UNKNOWN"), message: "The fact `stag` is not declared by this pack; did you mean `stage`?" } as Problem;
    expect(formatProblem(p)).toBe("facts.stag — The fact `stag` is not declared by this pack; did you mean `stage`?");
    expect(formatProblem(p, { lang: "en" })).toBe(formatProblem(p));
    expect(formatProblem(p, { lang: "zh" })).toBe("本政策包没有声明事实 `stag`；是否应为 `stage`？");
    // The language is only the sentence: the problem is unchanged.
    expect(p.code).toBe("FACT_UNKNOWN");
    expect(p.params).toEqual({ fact: "stag", suggestion: "stage" });
  });

  it("chooses zh from LC_ALL, then LANG, when it starts with zh", () => {
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LC_ALL: "zh_TW", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("en");
    expect(langFromEnv({})).toBe("en");
  });
});

describe("Chinese sentences of real problems", () => {
  const fixtures = join(__dirname, "..", "fixtures");
  const base: Record<string, string> = {};
  for (const f of readdirSync(join(fixtures, "minimal")).filter((n) => n.endsWith(".yaml"))) base[f] = readFileSync(join(fixtures, "minimal", f), "utf8");

  function problemsOf(name: string): readonly Problem[] {
    const dir = join(fixtures, "invalid", name);
    const spec = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8")) as { delete: string[] };
    const files = { ...base };
    for (const d of spec.delete) delete files[d];
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) files[f] = readFileSync(join(dir, f), "utf8");
    try {
      compilePack(files, { folder: "minimal" });
    } catch (e) {
      if (e instanceof YingshangError) return e.problems;
      throw e;
    }
    return [];
  }

  it.each(readdirSync(join(fixtures, "invalid")).sort())("invalid pack %s is explained in Chinese", (name) => {
    const problems = problemsOf(name);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const line = formatProblem(p, { lang: "zh" });
      expect(line).toMatch(cjk);
      expect(englishLeft(line.slice(p.file && line.startsWith(p.file) ? p.file.length : 0)), line).toBe("");
    }
  });

  it("explains a typo in a case's facts in Chinese", () => {
    const yingkou = loadPack("yingkou");
    let caught: YingshangError | undefined;
    try {
      evaluate(yingkou, { asOf: "2026-03-02", facts: { stag: "construction" } });
    } catch (e) {
      caught = e as YingshangError;
    }
    expect(caught).toBeInstanceOf(YingshangError);
    expect(formatProblem(caught!.problems[0]!, { lang: "zh" })).toBe("本政策包没有声明事实 `stag`；是否应为 `stage`？");
  });
});
