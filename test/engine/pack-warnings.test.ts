// validate's warnings: a number of a rule that its quote does not contain (QUOTE_NUMBER_MISMATCH),
// and a chosen value no assumption marks (ASSUMPTION_UNMARKED). Each fixture in
// test/fixtures/warnings/ overrides files of test/fixtures/minimal; its expect.json names the code and
// the place, worked out from the fixture's text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compilePack, readPackDir } from "../../src/index.js";
import { chineseNumeral, numbersIn, quoteHas } from "../../src/engine/check/quote-numbers.js";

const root = join(__dirname, "..", "fixtures");
const base: Record<string, string> = {};
for (const f of readdirSync(join(root, "minimal")).filter((n) => n.endsWith(".yaml"))) base[f] = readFileSync(join(root, "minimal", f), "utf8");
const fixtures = readdirSync(join(root, "warnings")).sort();

describe("quote numbers: Chinese numerals and Arabic digits", () => {
  it("reads the numerals the documents use", () => {
    expect(chineseNumeral("五")).toBe(5);
    expect(chineseNumeral("十五")).toBe(15);
    expect(chineseNumeral("两")).toBe(2);
    expect(chineseNumeral("二十")).toBe(20);
    expect(chineseNumeral("一百二十")).toBe(120);
    expect(chineseNumeral("五万")).toBe(50_000);
  });

  it("finds a rule's numbers in the quotes of the four documents", () => {
    expect(quoteHas("对一般性问题,承办单位应在收到交办件后5个工作日内办结", 5)).toBe(true); // 宿迁 一(八)
    expect(quoteHas("市行政审批局重点倾斜5亿元项目和重大城建项目的帮办服务", 500_000_000)).toBe(true); // 兴化 二(二)
    expect(quoteHas("随机按10%比例抽查签约项目的进展情况", 0.1)).toBe(true); // 营口 九(四)
    expect(quoteHas("应当当场或在2日内一次性告知", 2)).toBe(true); // 营口 六.2
    expect(quoteHas("每半年召开一次", 1)).toBe(true);
    expect(quoteHas("十五个工作日内", 15)).toBe(true);
    expect(quoteHas("两个工作日内", 2)).toBe(true);
    expect(quoteHas("5个工作日内答复", 3)).toBe(false);
    expect(quoteHas("市行政审批局重点倾斜5亿元项目", 400_000_000)).toBe(false);
  });

  propTest.prop([fc.integer({ min: 0, max: 100_000 }), fc.string({ maxLength: 8 }).filter((s) => !/[\d零〇一二两三四五六七八九十百千万亿]/u.test(s))])("any whole number written in digits inside other words is found", (n, words) => {
    expect(numbersIn(`${words}${n}个工作日${words}`).has(n)).toBe(true);
  });
});

describe("pack warnings", () => {
  it("the base pack and every bundled pack have none", () => {
    expect(compilePack(base, { folder: "minimal" }).warnings).toEqual([]);
    for (const dir of ["policies/yingkou", "policies/xinghua", "policies/zibo", "policies/suqian", "examples/dev-zone"]) {
      const pack = compilePack(readPackDir(dir), { folder: dir.split("/")[1] });
      expect(pack.warnings.map((w) => `${w.file}:${w.line}:${w.col} ${w.code}`), dir).toEqual([]);
    }
  });

  it.each(fixtures)("%s warns with its code, file, line and column, and the pack stays valid", (name) => {
    const dir = join(root, "warnings", name);
    const spec = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8")) as { expect: { code: string; file: string; line: number; col: number } };
    const files = { ...base };
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) files[f] = readFileSync(join(dir, f), "utf8");
    const pack = compilePack(files, { folder: "minimal" });
    const hit = pack.warnings.find((w) => w.code === spec.expect.code && w.file === spec.expect.file);
    expect(hit, JSON.stringify(pack.warnings)).toBeDefined();
    expect([hit!.line, hit!.col]).toEqual([spec.expect.line, spec.expect.col]);
    expect(hit!.message.length).toBeGreaterThan(20);
  });

  it("a deliberate edit of a bundled pack — 营口 七's 7 working days made 5, the quote left at 7 — is a warning on that number", () => {
    const files = readPackDir("policies/yingkou");
    const text = files["deadlines.yaml"]!;
    const edited = text.replace("    period: { workingDays: 7 }", "    period: { workingDays: 5 }");
    expect(edited).not.toBe(text);
    const pack = compilePack({ ...files, "deadlines.yaml": edited }, { folder: "yingkou" });
    const line = edited.split("\n").findIndex((l) => l === "    period: { workingDays: 5 }") + 1;
    expect(pack.warnings.map((w) => [w.code, w.file, w.line, w.col, (w.params as { value: number }).value])).toEqual([["QUOTE_NUMBER_MISMATCH", "deadlines.yaml", line, 28, 5]]);
  });

  it("an unmarked default of a bundled pack — the assumption of 兴化's isMajorUrbanConstruction removed — is a warning on the default", () => {
    const files = readPackDir("policies/xinghua");
    const edited = files["facts.yaml"]!.replace(/\n {4}assumption: \{ zh: 文件未给出重大城建项目的认定标准[^\n]*/u, "");
    const pack = compilePack({ ...files, "facts.yaml": edited }, { folder: "xinghua" });
    expect(pack.warnings.map((w) => [w.code, w.path])).toEqual([["ASSUMPTION_UNMARKED", "facts.isMajorUrbanConstruction.default"]]);
  });

  it("营口 九(四) says 按10%比例 but not how to round: the pack's rounding up is an assumption, listed by coverage, and a warning once unmarked", () => {
    const files = readPackDir("policies/yingkou");
    const yingkou = compilePack(files, { folder: "yingkou" });
    expect(yingkou.coverage.assumptions.filter((a) => a.file === "duties.yaml").map((a) => a.zh)).toEqual([expect.stringContaining("向上取整") as string]);
    const edited = files["duties.yaml"]!.replace(/\n {6}assumption: \{ zh: 文件只写"随机按10%比例抽查"[^\n]*/u, "");
    expect(edited).not.toBe(files["duties.yaml"]);
    const pack = compilePack({ ...files, "duties.yaml": edited }, { folder: "yingkou" });
    expect(pack.warnings.map((w) => [w.code, w.file, w.line])).toEqual([["ASSUMPTION_UNMARKED", "duties.yaml", edited.split("\n").indexOf("      rounding: up") + 1]]);
  });
});
