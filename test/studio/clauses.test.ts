// Finding each clause of a pack's index in its document by the document's own numbering. The
// expected starts are read off the documents (policies/*/document.txt, the seeds as published).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { citedByName, clauseTokens, documentPieces, locateClauses, sourceQuotes } from "../../src/studio/page/clauses.js";
import { compilePack, readPackDir } from "../../src/index.js";
import { root } from "./browser.js";

function load(dir: string) {
  const pack = compilePack(readPackDir(join(root, dir)));
  const text = readFileSync(join(root, dir, "document.txt"), "utf8");
  const ids = pack.coverage.clauses.map((c) => c.id);
  return { pack, text, ids, starts: locateClauses(text, ids, sourceQuotes(pack)) };
}

/** Expects the clause's text to start with `words`. */
const startsWith = (l: ReturnType<typeof load>, id: string, words: string) => {
  const at = l.starts.get(id);
  expect(at === null || at === undefined ? null : l.text.slice(at, at + words.length), id).toBe(words);
};

describe("clause numbers", () => {
  it("split into the document's numbering levels", () => {
    expect(clauseTokens("二(二)3")).toEqual([{ kind: "section", n: "二" }, { kind: "item", n: "二" }, { kind: "point", n: "3" }]);
    expect(clauseTokens("四.1")).toEqual([{ kind: "section", n: "四" }, { kind: "point", n: "1" }]);
    expect(clauseTokens("附件1第五条(一)2")).toEqual([{ kind: "annex", n: "1" }, { kind: "article", n: "五" }, { kind: "item", n: "一" }, { kind: "point", n: "2" }]);
    expect(clauseTokens("附件2序言")).toEqual([{ kind: "annex", n: "2" }, { kind: "preamble" }]);
    expect(clauseTokens("二(十一)")).toEqual([{ kind: "section", n: "二" }, { kind: "item", n: "十一" }]);
    expect(clauseTokens("see note")).toBeNull();
  });
});

describe("clauses located in the documents", () => {
  it.each(["policies/yingkou", "policies/xinghua", "policies/zibo", "policies/suqian", "examples/dev-zone"])("%s: every clause is found, in the index's order", (dir) => {
    const l = load(dir);
    const found = l.ids.map((id) => l.starts.get(id));
    expect(found.filter((x) => x === null)).toEqual([]);
    const positions = found as number[];
    for (let i = 1; i < positions.length; i++) expect(positions[i]!, l.ids[i]).toBeGreaterThanOrEqual(positions[i - 1]!);
  });

  it("finds 营口's points under their items: 二(二)3 is the third point of (二) of 二", () => {
    const l = load("policies/yingkou");
    startsWith(l, "二(二)3", "3.市招商局引进的项目,签约后,");
    startsWith(l, "二(三)1", "1.县(市)区、园区引进的项目,");
    startsWith(l, "四.2", "2.企业诉求不属于首问");
    startsWith(l, "九(六)", "(六)各部门、各县");
  });

  it("finds 兴化's points written inside a paragraph (一是…二是…) and its annexes' articles", () => {
    const l = load("policies/xinghua");
    startsWith(l, "五(二)2", "二是健全业务培训制度。");
    startsWith(l, "附件1第五条(二)1", "1.负责帮办行政审批");
    startsWith(l, "附件2三(五)", "(五)民主评议(30");
    // The annex numbers two articles 第六条; the pack calls the second 第七条, found by its quote.
    startsWith(l, "附件1第七条", "第六条 \u00a0本制度由市行政审");
    // 附件2 has no heading for its closing words: found by the quote of the clause.
    startsWith(l, "附件2附则", "本办法由市行政审");
  });

  it("finds 宿迁's two-digit items", () => {
    const l = load("policies/suqian");
    startsWith(l, "二(十一)", "(十一)建立部门联动机制");
    startsWith(l, "三(十五)", "(十五)建立奖惩问责机制");
  });

  it("cuts the text into pieces of one clause each, quoted or not, losing nothing", () => {
    const l = load("policies/zibo");
    const pieces = documentPieces(l.text, l.starts, sourceQuotes(l.pack));
    expect(pieces.map((p) => p.text).join("")).toBe(l.text);
    const seven = pieces.filter((p) => p.clause === "七");
    expect(seven[0]!.text.startsWith("七、扩大“1+N ”审批覆盖面")).toBe(true);
    expect(seven.some((p) => p.quotes.includes("七"))).toBe(true);
  });
});

describe("clauses a test names", () => {
  const ids = ["二(二)4", "一", "二(二)5", "七"];
  it("are the ones in the name's closing parenthesis", () => {
    expect(citedByName("When the approval authority lies with the city, the lead unit 市商务局 helps (二(二)4).", ids)).toEqual(["二(二)4"]);
    expect(citedByName("A major project gets a city leader who sponsors it (包扶), and the leader may take over (一, 二(二)5).", ids)).toEqual(["一", "二(二)5"]);
    expect(citedByName("市长信箱转办件7个工作日内反馈（七）。", ids)).toEqual(["七"]);
    expect(citedByName("no clause here", ids)).toEqual([]);
  });
});
