/**
 * The pack editor: CodeMirror 6 with YAML highlighting, and the pack's problems at their lines as
 * one types. The problems come from compilePack, the same loader and checks the CLI runs.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { forceLinting, linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorState, type Text } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import type { Problem } from "../../core.js";
import { problemAtLine } from "./words.js";

/** Where a problem is in a document (1-based line/col → offset), clamped to the text. */
export function offsetOf(doc: Text, line: number | undefined, col: number | undefined): number {
  if (!line || line < 1) return 0;
  const l = doc.line(Math.min(line, doc.lines));
  return Math.min(l.from + Math.max(0, (col ?? 1) - 1), l.to);
}

export interface EditorHost {
  /** The text of a file changed (on every keystroke). */
  changed(file: string, text: string): void;
  /** The problems of the whole pack with the current texts (compiled on a pause in typing). */
  problems(): readonly Problem[];
}

/** The editor's own look (the page's style sheet does not reach into its shadow root). */
const THEME = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  ".cm-scroller": { fontFamily: '"DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei", monospace', lineHeight: "1.5" },
  ".cm-tooltip-lint": { fontFamily: '"WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif', maxWidth: "640px" },
  ".cm-diagnosticText": { whiteSpace: "pre-wrap" },
});

/** One editor view; each file keeps its own state (text, undo history, selection). */
export class PackEditor {
  readonly view: EditorView;
  private states = new Map<string, EditorState>();
  private file = "";

  constructor(parent: HTMLElement, private host: EditorHost) {
    // Inside a shadow root CodeMirror styles itself with constructed style sheets, which a strict
    // CSP (style-src 'self', no inline styles) allows; on the document it would add <style> tags.
    const root = parent.attachShadow({ mode: "open" });
    this.view = new EditorView({ parent: root, root, state: EditorState.create({ doc: "" }) });
  }

  private extensions() {
    return [
      lineNumbers(),
      highlightActiveLine(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      yaml(),
      syntaxHighlighting(defaultHighlightStyle),
      lintGutter(),
      linter((view) => this.diagnostics(view), { delay: 250 }),
      EditorView.lineWrapping,
      THEME,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.host.changed(this.file, u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ "aria-label": "政策包文件编辑器" }),
    ];
  }

  private diagnostics(view: EditorView): Diagnostic[] {
    const doc = view.state.doc;
    return this.host
      .problems()
      .filter((p) => p.file === this.file)
      .map((p) => {
        const from = offsetOf(doc, p.line, p.col);
        const line = doc.lineAt(from);
        // The Chinese sentence only: the code is an id for machines (kept as data-code in the problem list).
        return { from, to: Math.max(from, line.to), severity: "error" as const, message: problemAtLine(p) };
      });
  }

  /** Shows a file (creating its state from the text the first time). */
  open(file: string, text: string): void {
    if (this.file) this.states.set(this.file, this.view.state);
    this.file = file;
    const kept = this.states.get(file);
    this.view.setState(kept && kept.doc.toString() === text ? kept : EditorState.create({ doc: text, extensions: this.extensions() }));
    forceLinting(this.view);
  }

  /** Forgets every file's state (another pack was picked, or files were saved or reloaded). */
  reset(): void {
    this.states.clear();
    this.file = "";
  }

  get current(): string {
    return this.file;
  }

  /** Moves the cursor to a line and shows it. */
  goto(line: number | undefined, col?: number): void {
    const pos = offsetOf(this.view.state.doc, line, col);
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    this.view.focus();
  }

  /** Re-runs the problem check now (after a change made elsewhere). */
  relint(): void {
    forceLinting(this.view);
  }
}
