/**
 * The source document beside the pack: the text clause by clause, each clause with the rules,
 * duties and tests that cite it, the quoted sentences marked, and clauses nothing covers shown red.
 */
import { parse } from "yaml";
import { h } from "./dom.js";
import { citedByName, documentPieces, locateClauses, sourceQuotes, type DocPiece } from "./clauses.js";
import type { ViewContext } from "./state.js";
import { idTip, nameOf } from "./words.js";
import { KIND_ZH } from "../../messages/glossary.js";

/** Test names by the clauses they cite (the clause in the name's closing parenthesis). */
export function testsByClause(files: Record<string, string>, ids: readonly string[]): Map<string, { file: string; name: string }[]> {
  const out = new Map<string, { file: string; name: string }[]>();
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith("tests/")) continue;
    type TestsDoc = { tests?: { name?: unknown }[] } | null;
    let doc: TestsDoc = null;
    try {
      doc = parse(text) as TestsDoc;
    } catch {
      continue; // The test runner reports an unreadable test file.
    }
    for (const t of doc?.tests ?? []) {
      if (typeof t?.name !== "string") continue;
      for (const id of citedByName(t.name, ids)) out.set(id, [...(out.get(id) ?? []), { file, name: t.name }]);
    }
  }
  return out;
}

const CITER_KINDS: Readonly<Record<string, string>> = { ...KIND_ZH, staffing: "人员配备" };

/** What a `coveredBy` entry names, in words: `duty x` → 职责 x, `lead-unit/r` → 规则 lead-unit/r. */
function citer(s: string): { kind: string; key: string; id: string } {
  const m = /^(duty|fact|ladder|deadline|scorecard|lookup|staffing|table|item|category) (.*)$/.exec(s);
  return m ? { kind: CITER_KINDS[m[1]!] ?? m[1]!, key: m[1]!, id: m[2]! } : { kind: "规则", key: "rule", id: s };
}

export function renderDocument(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const pack = state.edited().pack ?? state.saved().pack;
  const text = state.entry.document;
  if (!pack) return h("p", { class: "notice bad" }, "政策包有问题，无法编译：请先在“编辑”中改正。");
  if (text === null) return h("p", { class: "notice" }, "此政策包的文件夹中没有原文（document.txt）：把文件原文存为 document.txt，即可在此对照。");
  const ids = pack.coverage.clauses.map((c) => c.id);
  const quotes = sourceQuotes(pack);
  const starts = locateClauses(text, ids, quotes);
  const tests = testsByClause(state.entry.edited, ids);
  const byId = new Map(pack.coverage.clauses.map((c) => [c.id, c]));
  const pieces = documentPieces(text, starts, quotes);

  // Consecutive pieces of one clause make one block.
  const blocks: { clause: string | null; pieces: DocPiece[] }[] = [];
  for (const p of pieces) {
    const last = blocks[blocks.length - 1];
    if (last && last.clause === p.clause) last.pieces.push(p);
    else blocks.push({ clause: p.clause, pieces: [p] });
  }
  const notLocated = ids.filter((id) => starts.get(id) === null);
  const uncovered = pack.coverage.clauses.filter((c) => !c.coveredBy.length);
  const summary = h(
    "div",
    { class: "coverage-summary", id: "coverage-summary" },
    h("strong", {}, `覆盖率 ${(pack.coverage.ratio * 100).toFixed(1)}%`),
    `：原文 ${pack.coverage.total} 条款中 ${pack.coverage.covered} 条有规则或职责引用。`,
    uncovered.length ? h("span", { class: "bad" }, ` 未覆盖：${uncovered.map((c) => c.id).join("、")}（红色标出）。`) : " 每一条款都已覆盖。",
    notLocated.length ? h("span", { class: "muted" }, ` 未能在原文中按编号定位：${notLocated.join("、")}（列在右侧）。`) : null,
  );
  const side = (id: string) => {
    const c = byId.get(id);
    const ts = tests.get(id) ?? [];
    return h(
      "div",
      { class: "citers" },
      h("div", { class: "clause-id" }, id, c?.title ? h("span", { class: "clause-title" }, ` ${c.title}`) : null),
      c && c.coveredBy.length
        ? h("ul", {}, [...new Set(c.coveredBy)].map((s) => {
            const { kind, key, id: cid } = citer(s);
            // By its Chinese name (the id on hover); an id only when the pack gives no name.
            const name = nameOf(pack, key, cid);
            return h("li", { title: idTip(cid), "data-id": cid }, h("span", { class: "kind" }, kind), " ", name ?? h("code", {}, cid));
          }))
        : h("p", { class: "bad" }, "没有规则或职责引用此条款。"),
      ts.length ? h("details", {}, h("summary", {}, `测试 ${ts.length} 个`), h("ul", {}, ts.map((t) => h("li", { class: "test-name" }, t.name)))) : h("p", { class: "muted" }, "没有测试引用此条款。"),
    );
  };
  const rows = blocks.map((b) => {
    const c = b.clause ? byId.get(b.clause) : undefined;
    const cls = !b.clause ? "clause preamble" : c && c.coveredBy.length ? "clause covered" : "clause uncovered";
    const body = h("div", { class: "clause-text" }, b.pieces.map((p) => (p.quotes.length ? h("mark", { title: `被引用（${p.quotes.join("、")}）` }, p.text) : p.text)));
    return h("div", { class: cls, "data-clause": b.clause ?? "" }, body, b.clause ? side(b.clause) : h("div", { class: "citers muted" }, "（条款编号之前的文字）"));
  });
  const extra = notLocated.length ? h("div", { class: "not-located" }, h("h3", {}, "未在原文中定位的条款"), notLocated.map((id) => h("div", { class: byId.get(id)?.coveredBy.length ? "clause covered" : "clause uncovered", "data-clause": id }, side(id)))) : null;
  return h("div", { class: "document-view" }, summary, h("div", { class: "document" }, rows), extra);
}
