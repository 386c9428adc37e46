// Every TypeScript block of README.md and docs/**/*.md, and every JavaScript block that imports
// "yingshang", compiles in a user's project under strict + noUncheckedIndexedAccess (module NodeNext,
// the package resolved through its "exports" to dist/*.d.ts; `npm test` builds dist first). One tsc
// process checks them all, together with a deliberately wrong document, so the check is seen to fail
// and to say where.
import { beforeAll, describe, expect, it } from "vitest";
import { checkBlocks, docFiles, extractBlocks, formatDiagnostic, readDoc, type BlockDiagnostic, type CodeBlock } from "./code-blocks.js";

// A document made to fail, line by line (the fence of the first block is line 3).
const WRONG = [
  "# wrong", //                                                           1
  "", //                                                                  2
  "```ts", //                                                             3
  'import { defaultCalendar } from "yingshang";', //                      4
  'const due: number = defaultCalendar().addWorkingDays("2026-09-18", 15);', // 5: a date is a string
  "const firsts: string[] = [];", //                                      6
  "console.log(firsts[0].length, due);", //                              7: noUncheckedIndexedAccess
  "```", //                                                               8
  "", //                                                                  9
  "```js", //                                                             10
  'import { defaultCalendar } from "yingshang";', //                      11
  'console.log(defaultCalendar().addWorkingDay("2026-09-18", 1));', //    12: misspelt method, checked as JS
  "```", //                                                               13
  "", //                                                                  14
  "```ts nocheck", //                                                     15: a marked fragment is not checked
  "this is not TypeScript(", //                                           16
  "```", //                                                               17
  "", //                                                                  18
  "```js", //                                                             19: JS that does not use the package
  "not checked(", //                                                      20
  "```", //                                                               21
  "", //                                                                  22
  "````ts", //                                                            23: a fence of four closes only on four
  'import { nope } from "yingshang/core";', //                            24
  "````", //                                                              25
].join("\n");

const docs = docFiles().map((file) => ({ file, ...extractBlocks(readDoc(file), file) }));
const docBlocks: CodeBlock[] = docs.flatMap((d) => d.blocks);
const wrong = extractBlocks(WRONG, "wrong.md");
let diagnostics: BlockDiagnostic[] = [];

beforeAll(() => {
  diagnostics = checkBlocks([...docBlocks, ...wrong.blocks]);
}, 180_000);

describe("README and docs code blocks type-check under strict", () => {
  it("finds the blocks (README's six examples, the calendar, pack-format and sampling ones)", () => {
    const count = (f: string) => docBlocks.filter((b) => b.file === f).length;
    expect(count("README.md")).toBeGreaterThanOrEqual(6);
    expect(count("docs/calendar.md")).toBeGreaterThanOrEqual(1);
    expect(count("docs/pack-format.md")).toBeGreaterThanOrEqual(1);
    expect(count("docs/sampling.md")).toBeGreaterThanOrEqual(1);
  });

  it("every block compiles", () => {
    const inDocs = diagnostics.filter((d) => d.file !== "wrong.md").map(formatDiagnostic);
    expect(inDocs).toEqual([]);
  });

  it("fragments marked nocheck stay rare", () => {
    const skipped = docs.flatMap((d) => d.skipped).map((b) => `${b.file}:${b.fenceLine}`);
    expect(skipped.length).toBeLessThanOrEqual(2);
  });
});

describe("the check fails on a wrong block, at its file and line", () => {
  it("extracts exactly the blocks to check", () => {
    expect(wrong.blocks.map((b) => [b.fenceLine, b.lang])).toEqual([
      [3, "ts"],
      [10, "js"],
      [23, "ts"],
    ]);
    expect(wrong.skipped.map((b) => b.fenceLine)).toEqual([15]);
    expect(wrong.blocks[2]!.code).toBe('import { nope } from "yingshang/core";');
  });

  it("reports each error at wrong.md's line and column", () => {
    const got = diagnostics.filter((d) => d.file === "wrong.md").map((d) => [d.line, d.col, d.code]);
    expect(got).toEqual([
      [5, 7, "TS2322"], // string is not assignable to number
      [7, 13, "TS2532"], // firsts[0] is possibly undefined
      [12, 31, "TS2551"], // addWorkingDay: did you mean addWorkingDays?
      [24, 10, "TS2305"], // yingshang/core has no export nope
    ]);
    const line12 = diagnostics.find((d) => d.file === "wrong.md" && d.line === 12)!;
    expect(formatDiagnostic(line12)).toMatch(/^wrong\.md:12:31 TS2551 .*addWorkingDays/u);
  });
});
