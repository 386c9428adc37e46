/**
 * Before saving: the line changes of each edited file, the pack-level changes from diffPacks (the
 * same comparison as `yingshang diff`) and how many generated cases change outcome; then save.
 */
import { diffPacks, type DiffReport, type Pack, type PackChange, type Problem } from "../../core.js";
import { changeName } from "../../engine/tools/index.js";
import { h, fill } from "./dom.js";
import type { ViewContext } from "./state.js";
import { AREA, CHANGE, FIELD, idTip, IMPACT, problemLine } from "./words.js";

const POPULATION = 2000;

/** A line diff (longest common subsequence; pack files are a few hundred lines). */
export function lineDiff(a: string, b: string): { op: " " | "-" | "+"; line: string; n: number }[] {
  const x = a.split("\n");
  const y = b.split("\n");
  const w = y.length + 1;
  const L = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) L[i * w + j] = x[i] === y[j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!);
  const out: { op: " " | "-" | "+"; line: string; n: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) out.push({ op: " ", line: x[i++]!, n: ++j });
    // Removed lines before added ones, as diff tools show them.
    else if (i < x.length && (j >= y.length || L[(i + 1) * w + j]! >= L[i * w + j + 1]!)) out.push({ op: "-", line: x[i++]!, n: j });
    else out.push({ op: "+", line: y[j++]!, n: j });
  }
  return out;
}

/** Only the changed lines and two lines around each. */
function hunks(d: ReturnType<typeof lineDiff>): HTMLElement {
  const keep = d.map((_, k) => d.slice(Math.max(0, k - 2), k + 3).some((e) => e.op !== " "));
  const rows: HTMLElement[] = [];
  d.forEach((e, k) => {
    if (keep[k]) rows.push(h("div", { class: `dl ${e.op === "+" ? "add" : e.op === "-" ? "del" : "ctx"}` }, h("span", { class: "ln" }, e.op === "-" ? "" : String(e.n)), h("span", { class: "op" }, e.op), e.line));
    else if (keep[k - 1]) rows.push(h("div", { class: "dl gap" }, "⋯"));
  });
  return h("div", { class: "line-diff" }, rows);
}

function warnings(d: DiffReport): string[] {
  const out: string[] = [];
  if (d.outcomesChanged && !d.versionChanged) out.push(`有案件的结果改变了，但版本号仍是 ${d.to.version}：请在 pack.yaml 中提高版本号（version）并在变更记录（changelog）中写明。`);
  else if (d.outcomesChanged && !d.versionBumped) out.push(`有案件的结果改变了，但版本号从 ${d.from.version} 改为 ${d.to.version}，并没有提高。`);
  if (!d.outcomesChanged && d.changes.some((c) => c.area !== "pack")) out.push("政策包有改动，但生成的案件中没有结果改变（改动在名称、引文，或这些案件达不到的规则中）。");
  return out;
}

/** What changed, by its Chinese name (from the pack that has it), the id on hover. */
function named(packs: readonly Pack[], area: PackChange["area"], id: string): HTMLElement {
  const zh = packs.map((p) => changeName(p.docs, area, id)).find((x) => x !== undefined);
  return h("td", { title: idTip(id), "data-id": id }, zh ?? h("code", {}, id));
}

function report(d: DiffReport, packs: readonly Pack[]): HTMLElement {
  const pop = d.population;
  return h(
    "div",
    { class: "pack-diff" },
    h("h3", {}, `政策包的改动（${d.changes.length} 处）`),
    d.changes.length
      ? h("table", { class: "changes" }, h("thead", {}, h("tr", {}, h("th", {}, "改动"), h("th", {}, "部分"), h("th", {}, "名称"), h("th", {}, "内容"), h("th", {}, "原来"), h("th", {}, "现在"))), h("tbody", {}, d.changes.map((c) => h("tr", { class: c.change }, h("td", {}, CHANGE[c.change]), h("td", {}, AREA[c.area] ?? c.area), named(packs, c.area, c.id), h("td", { title: c.field ?? null }, c.field ? (FIELD[c.field] ?? h("code", {}, c.field)) : ""), h("td", {}, c.before === undefined ? "" : h("pre", {}, JSON.stringify(c.before))), h("td", {}, c.after === undefined ? "" : h("pre", {}, JSON.stringify(c.after)))))))
      : h("p", { class: "muted" }, "规则层面没有改动（只改了注释或说明）。"),
    pop
      ? h(
          "div",
          { class: "impact", id: "impact" },
          h("h3", {}, "对生成案件的影响"),
          h("p", { class: pop.changed ? "bad" : "ok" }, `生成 ${pop.total.toLocaleString("zh-CN")} 个案件，其中 ${pop.changed.toLocaleString("zh-CN")} 个结果改变${pop.total ? `（${((100 * pop.changed) / pop.total).toFixed(1)}%）` : ""}。`),
          h(
            "ul",
            {},
            pop.byKind.filter((k) => k.cases).map((k) =>
              h(
                "li",
                {},
                `${IMPACT[k.kind] ?? k.label}：${k.cases.toLocaleString("zh-CN")} 个`,
                k.example ? h("details", {}, h("summary", {}, "最小例子"), h("pre", {}, `${k.example.part}\n案件：${JSON.stringify(k.example.input)}\n原来：${JSON.stringify(k.example.before)}\n现在：${JSON.stringify(k.example.after)}`)) : null,
              ),
            ),
          ),
        )
      : null,
    warnings(d).map((w) => h("p", { class: "warning" }, "注意：", w)),
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" }));
  const a = h("a", { href: url, download: name.replace(/\//g, "_") });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function renderDiff(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const changed = state.changedFiles();
  const saved = state.saved();
  const edited = state.edited();
  const message = h("p", { id: "save-message", class: "muted" });
  const writes = ctx.served && state.entry.writable;
  const save = async () => {
    const files: Record<string, string> = {};
    for (const f of changed) if (state.entry.edited[f] !== undefined) files[f] = state.entry.edited[f]!;
    if (!writes) {
      for (const [f, t] of Object.entries(files)) download(f, t);
      fill(message, `已下载 ${Object.keys(files).length} 个文件：${Object.keys(files).join("、")}。请把它们放回政策包文件夹。`);
      return;
    }
    const res = await fetch(`api/packs/${encodeURIComponent(state.entry.key)}/files`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ files }) });
    const body = (await res.json()) as { saved?: string[]; error?: { problems: Problem[] } };
    if (!res.ok || !body.saved) {
      fill(message, h("span", { class: "bad" }, "没有保存："), (body.error?.problems ?? []).map(problemLine).join("；"));
      return;
    }
    state.markSaved();
    ctx.refresh();
    fill(document.getElementById("save-message") ?? message, h("span", { class: "ok" }, `✓ 已保存 ${body.saved.length} 个文件：${body.saved.join("、")}。`));
  };
  const canSave = changed.length > 0 && edited.pack !== null;
  const button = h("button", { type: "button", id: "save", class: "primary", disabled: !canSave, onclick: () => void save() }, writes ? "保存到文件夹" : "下载改动的文件");
  let packDiff: HTMLElement;
  if (!changed.length) packDiff = h("p", { class: "muted" }, "与已保存的版本相同，没有改动。");
  else if (!edited.pack) packDiff = h("p", { class: "bad" }, `编辑后的政策包有 ${edited.problems.length} 个问题，无法比较，也不能保存：请先改正。`);
  else if (!saved.pack) packDiff = h("p", { class: "muted" }, "已保存的版本本身不能编译，只显示文件的改动。");
  else packDiff = report(diffPacks(saved.pack, edited.pack, { population: POPULATION }), [edited.pack, saved.pack]);
  return h(
    "div",
    { class: "diff-view" },
    h("div", { class: "save-bar" }, button, h("span", { class: "muted" }, writes ? `写回 ${state.entry.key} 文件夹（仅改动的文件）` : ctx.served ? "内置政策包不能写回：改动的文件将被下载。" : "以静态文件打开：改动的文件将被下载。"), message),
    packDiff,
    h("h3", {}, `文件的改动（${changed.length} 个文件）`),
    changed.map((f) => h("section", { class: "file-diff", "data-file": f }, h("h4", {}, f), hunks(lineDiff(state.entry.saved[f] ?? "", state.entry.edited[f] ?? "")))),
  );
}
