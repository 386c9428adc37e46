/**
 * The studio page. Served by `yingshang studio` (packs can be saved back to their folders) or
 * opened as static files (the bundled packs are in this script; saving downloads the files).
 */
import type { Problem } from "../../core.js";
import { h, fill } from "./dom.js";
import { PackEditor } from "./editor.js";
import { entryLabel, PackState, type Entry, type Files } from "./state.js";
import { FILE_ZH, problemLine } from "./words.js";
import type { ViewContext } from "./state.js";
import { renderDocument } from "./document-view.js";
import { renderTables } from "./table-view.js";
import { renderTests } from "./tests-view.js";
import { renderCase } from "./case-view.js";
import { renderDiff } from "./diff-view.js";

declare const __STUDIO_BUNDLED__: { key: string; files: Files; document: string | null }[];

type Tab = "edit" | "document" | "tables" | "tests" | "case" | "diff";
const TABS: [Tab, string][] = [
  ["edit", "编辑"],
  ["document", "原文与覆盖"],
  ["tables", "决策表"],
  ["tests", "测试"],
  ["case", "试算"],
  ["diff", "差异与保存"],
];

/** What the views get: the pack being edited and ways back into the page. */

class Studio {
  private entries: Entry[] = [];
  private state: PackState | null = null;
  private tab: Tab = "edit";
  private served = false;
  private editor!: PackEditor;
  private readonly picker = h("select", { id: "pack-picker", "aria-label": "选择政策包", onchange: () => this.pick(this.picker.value) });
  private readonly status = h("span", { id: "status", class: "status" });
  private readonly fileList = h("ul", { id: "file-list", class: "file-list" });
  private readonly problemList = h("ol", { id: "problems", class: "problems" });
  private readonly panes = new Map<Tab, HTMLElement>();
  private readonly tabButtons = new Map<Tab, HTMLButtonElement>();
  private lintTimer: ReturnType<typeof setTimeout> | null = null;
  /** Problems reading the folders given to the server (kept above the pack's own problems). */
  private loadProblems: Problem[] = [];

  async start(root: HTMLElement): Promise<void> {
    const folderInput = h("input", { type: "file", id: "open-folder", webkitdirectory: true, multiple: true, class: "hidden", onchange: () => void this.openFolder(folderInput.files) });
    const header = h(
      "header",
      {},
      h("h1", {}, "营商 · 政策包工作台"),
      h("label", { class: "picker" }, "政策包：", this.picker),
      h("button", { type: "button", id: "open-folder-button", onclick: () => folderInput.click() }, "打开本地文件夹…"),
      folderInput,
      this.status,
    );
    const nav = h("nav", { role: "tablist" });
    for (const [id, label] of TABS) {
      const b = h("button", { type: "button", role: "tab", id: `tab-${id}`, onclick: () => this.show(id) }, label);
      this.tabButtons.set(id, b);
      nav.append(b);
      this.panes.set(id, h("section", { id: `pane-${id}`, class: "pane", role: "tabpanel" }));
    }
    const editorBox = h("div", { id: "editor", class: "editor" });
    fill(this.panes.get("edit")!, h("div", { class: "edit-layout" }, h("aside", {}, h("h2", {}, "文件"), this.fileList), h("div", { class: "edit-main" }, editorBox, h("h2", {}, "问题"), this.problemList)));
    fill(root, header, nav, ...this.panes.values());
    this.editor = new PackEditor(editorBox, {
      changed: (file, text) => this.changed(file, text),
      problems: () => this.state?.edited().problems ?? [],
    });
    await this.load();
    this.show("edit");
  }

  private async load(): Promise<void> {
    const local: Entry[] = [];
    // Opened from disk there is no server to ask (and the browser would refuse the request).
    if (location.protocol === "http:" || location.protocol === "https:") await this.loadServed(local);
    const bundled: Entry[] = __STUDIO_BUNDLED__.map((p) => ({ id: `bundled:${p.key}`, key: p.key, source: "bundled", writable: false, saved: { ...p.files }, edited: { ...p.files }, document: p.document }));
    this.entries = [...local, ...bundled];
    this.renderPicker();
    this.pick(this.entries[0]!.id);
  }

  /** The folders `yingshang studio` was given (none when a plain web server serves the files). */
  private async loadServed(local: Entry[]): Promise<void> {
    try {
      const res = await fetch("api/packs", { headers: { accept: "application/json" } });
      if (!res.ok) return;
      const body = (await res.json()) as { packs: { key: string; files: Files; document: string | null }[]; problems: Problem[]; writable: boolean };
      this.served = true;
      for (const p of body.packs) local.push({ id: `local:${p.key}`, key: p.key, source: "local", writable: body.writable, saved: { ...p.files }, edited: { ...p.files }, document: p.document });
      this.loadProblems = body.problems;
    } catch {
      // Served as static files by a plain web server: the bundled packs only.
    }
  }

  private renderPicker(): void {
    const group = (label: string, list: Entry[]) => (list.length ? h("optgroup", { label }, list.map((e) => h("option", { value: e.id }, entryLabel(e)))) : null);
    fill(
      this.picker,
      group("本地政策包", this.entries.filter((e) => e.source === "local")),
      group("已打开的文件夹", this.entries.filter((e) => e.source === "opened")),
      group("内置政策包", this.entries.filter((e) => e.source === "bundled")),
    );
    if (this.state) this.picker.value = this.state.entry.id;
  }

  private async openFolder(list: FileList | null): Promise<void> {
    if (!list || !list.length) return;
    const files: Files = {};
    let document: string | null = null;
    let folder = "";
    for (const f of Array.from(list)) {
      const parts = f.webkitRelativePath.split("/");
      folder ||= parts[0] ?? "";
      const rel = parts.slice(1).join("/");
      if (/^(tests\/)?[^/]+\.ya?ml$/.test(rel)) files[rel] = await f.text();
      else if (rel === "document.txt") document = await f.text();
    }
    const e: Entry = { id: `opened:${folder}:${this.entries.length}`, key: folder, source: "opened", writable: false, saved: files, edited: { ...files }, document };
    this.entries.unshift(e);
    this.renderPicker();
    this.pick(e.id);
  }

  private pick(id: string): void {
    const e = this.entries.find((x) => x.id === id);
    if (!e) return;
    this.state = new PackState(e);
    this.picker.value = id;
    this.editor.reset();
    const first = Object.keys(e.edited).includes("assignment.yaml") ? "assignment.yaml" : Object.keys(e.edited)[0]!;
    this.openFile(first);
    this.refresh();
  }

  openFile(file: string, line?: number): void {
    if (!this.state) return;
    this.show("edit");
    if (this.editor.current !== file) this.editor.open(file, this.state.entry.edited[file] ?? "");
    if (line) this.editor.goto(line);
    this.renderFiles();
  }

  private changed(file: string, text: string): void {
    this.state?.edit(file, text);
    // The status and lists follow the editor's own lint pause.
    if (this.lintTimer) clearTimeout(this.lintTimer);
    this.lintTimer = setTimeout(() => this.renderStatus(), 250);
  }

  private renderFiles(): void {
    if (!this.state) return;
    const { entry } = this.state;
    const problems = this.state.edited().problems;
    const changed = new Set(this.state.changedFiles());
    const names = Object.keys(entry.edited).sort((a, b) => Number(a.startsWith("tests/")) - Number(b.startsWith("tests/")) || a.localeCompare(b));
    fill(
      this.fileList,
      names.map((n) => {
        const count = problems.filter((p) => p.file === n).length;
        return h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: n === this.editor.current ? "file current" : "file", "data-file": n, onclick: () => this.openFile(n) },
            h("span", { class: "file-name" }, n),
            FILE_ZH[n] ? h("span", { class: "file-zh" }, FILE_ZH[n]) : n.startsWith("tests/") ? h("span", { class: "file-zh" }, "测试") : null,
            changed.has(n) ? h("span", { class: "modified", title: "已修改，未保存" }, "●") : null,
            count ? h("span", { class: "count" }, String(count)) : null,
          ),
        );
      }),
    );
  }

  private renderStatus(): void {
    if (!this.state) return;
    const { problems, pack } = this.state.edited();
    const changed = this.state.changedFiles().length;
    fill(this.status, pack ? h("span", { class: "ok" }, `✓ 可以编译（${pack.meta.city.zh}，版本 ${pack.version}）`) : h("span", { class: "bad" }, `✗ ${problems.length} 个问题`), changed ? h("span", { class: "unsaved" }, ` · ${changed} 个文件未保存`) : null);
    fill(
      this.problemList,
      this.loadProblems.map((p) => h("li", { class: "problem", "data-code": p.code }, problemLine(p))),
      problems.length
        ? problems.map((p) => h("li", { class: "problem", "data-code": p.code }, h("button", { type: "button", onclick: () => p.file && this.openFile(p.file, p.line) }, problemLine(p))))
        : h("li", { class: "none" }, "没有问题：政策包通过全部检查。"),
    );
    this.renderFiles();
  }

  refresh(): void {
    this.renderStatus();
    this.editor.relint();
    if (this.tab !== "edit") this.show(this.tab);
  }

  private show(tab: Tab): void {
    this.tab = tab;
    for (const [id, pane] of this.panes) pane.hidden = id !== tab;
    for (const [id, b] of this.tabButtons) b.setAttribute("aria-selected", String(id === tab));
    if (!this.state || tab === "edit") return;
    const ctx: ViewContext = { state: this.state, served: this.served, openFile: (f, l) => this.openFile(f, l), refresh: () => this.refresh() };
    const pane = this.panes.get(tab)!;
    const view = { document: renderDocument, tables: renderTables, tests: renderTests, case: renderCase, diff: renderDiff }[tab];
    fill(pane, view(ctx));
  }
}

void new Studio().start(document.getElementById("studio")!);
