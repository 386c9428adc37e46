/** The pack's tests, run with the core's runPackTests (as `yingshang test` does): each test, and expected vs actual where they differ. */
import { h, fill } from "./dom.js";
import type { ViewContext } from "./state.js";
import type { Pack } from "../../core.js";
import { problemLine, ROLE } from "./words.js";

/** Where a result differs, in words when it is a role (roles.helper[0] → 帮办（第1个）); else as the test writes it. */
function where(path: string): HTMLElement {
  const m = /^(?:(\S+?)\.)?roles\.(\w+)(?:\[(\d+)\])?$/.exec(path) ?? /^(?:(\S+?)\.)?(lead)$/.exec(path);
  const role = m ? ROLE[m[2]!] : undefined;
  return h("td", { title: path, "data-path": path }, role ? `${role}${m![3] !== undefined ? `（第${Number(m![3]) + 1}个）` : ""}` : h("code", {}, path));
}

/** A value as the reader knows it: a unit by its Chinese name (the id in brackets, as the test file writes it). */
function show(pack: Pack | null, v: unknown): string {
  if (v === undefined) return "（无）";
  if (typeof v !== "string") return JSON.stringify(v, null, 1);
  const zh = pack?.units.get(v)?.zh;
  return zh ? `${zh}（${v}）` : v;
}

export function renderTests(ctx: ViewContext): HTMLElement {
  const out = h("div", { id: "test-results" }, h("p", { class: "muted" }, "按“运行测试”用当前编辑中的文件运行 tests/ 中的全部测试。"));
  const run = () => {
    const r = ctx.state.tests();
    const pack = ctx.state.edited().pack;
    const failed = r.total - r.passed;
    fill(
      out,
      h("p", { class: failed || r.problems.length ? "summary bad" : "summary ok", id: "test-summary" }, r.problems.length ? `✗ 有 ${r.problems.length} 个问题，测试未能全部运行` : failed ? `✗ ${r.total} 个测试中 ${failed} 个未通过` : `✓ ${r.total} 个测试全部通过`),
      r.problems.length ? h("ol", { class: "problems" }, r.problems.map((p) => h("li", { class: "problem" }, h("button", { type: "button", onclick: () => p.file && ctx.openFile(p.file, p.line) }, problemLine(p))))) : null,
      r.files.map((f) =>
        h(
          "section",
          { class: "test-file" },
          h("h3", {}, f.file, h("span", { class: f.passed === f.total ? "ok" : "bad" }, ` ${f.passed}/${f.total}`)),
          h(
            "ul",
            {},
            f.results.map((t) => {
              const fail = f.failures.find((x) => x.name === t.name && x.line === t.line);
              return h(
                "li",
                { class: t.passed ? "test pass" : "test fail" },
                h("button", { type: "button", class: "link", onclick: () => ctx.openFile(f.file, t.line ?? undefined) }, t.passed ? "✓ " : "✗ ", t.name),
                fail
                  ? h(
                      "table",
                      { class: "mismatch" },
                      h("thead", {}, h("tr", {}, h("th", {}, "位置"), h("th", {}, "期望"), h("th", {}, "实际"))),
                      h("tbody", {}, fail.mismatches.map((m) => h("tr", {}, where(m.path), h("td", { class: "expected" }, h("pre", {}, show(pack, m.expected))), h("td", { class: "actual" }, h("pre", {}, show(pack, m.actual)))))),
                    )
                  : null,
                fail?.error ? h("p", { class: "bad" }, problemLine(fail.error)) : null,
              );
            }),
          ),
        ),
      ),
    );
  };
  return h("div", { class: "tests-view" }, h("button", { type: "button", id: "run-tests", class: "primary", onclick: run }, "运行测试"), out);
}
