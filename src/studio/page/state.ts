/**
 * The studio's state: the packs on offer, the one being edited, its saved and edited files, and
 * the compiled pack for each — compiled with the core's compilePack, nothing else.
 */
import { parse } from "yaml";
import { compilePack, runPackTests, YingshangError, type Pack, type PackTestReport, type Problem } from "../../core.js";

export type Files = Record<string, string>;

/** A pack the studio can open. */
export interface Entry {
  /** Unique in the list: `bundled:yingkou`, `local:yingkou`, `opened:my-pack`. */
  id: string;
  /** The folder key the server knows it by (local packs). */
  key: string;
  source: "bundled" | "local" | "opened";
  /** Saving writes the files back (a folder given to `yingshang studio`). */
  writable: boolean;
  saved: Files;
  edited: Files;
  document: string | null;
}

export interface Compiled {
  pack: Pack | null;
  problems: readonly Problem[];
}

/** The pack's Chinese name for the list, read from pack.yaml even when the pack does not compile. */
export function entryLabel(e: Entry): string {
  let city = "";
  let name = "";
  try {
    const meta = parse(e.saved["pack.yaml"] ?? "") as { city?: { zh?: string }; name?: { zh?: string } } | null;
    city = meta?.city?.zh ?? "";
    name = meta?.name?.zh ?? "";
  } catch {
    // An unreadable pack.yaml: the folder name stands in.
  }
  const where = e.source === "bundled" ? "内置" : e.source === "local" ? "本地，可保存" : "已打开的文件夹";
  return `${city || e.key}${name ? ` · ${name}` : ""}（${where}）`;
}

/** The files compilePack reads (tests/ are for the test runner). */
export function packFiles(files: Files): Files {
  const out: Files = {};
  for (const [k, v] of Object.entries(files)) if (!k.startsWith("tests/") && /\.ya?ml$/.test(k)) out[k] = v;
  return out;
}

export function compile(files: Files, folder: string | undefined): Compiled {
  try {
    return { pack: compilePack(packFiles(files), folder ? { folder } : {}), problems: [] };
  } catch (e) {
    if (e instanceof YingshangError) return { pack: null, problems: e.problems };
    throw e;
  }
}

/** Compiles the edited files once per change, the saved files once per save. */
export class PackState {
  private version = 0;
  private editedAt = -1;
  private editedResult: Compiled = { pack: null, problems: [] };
  private savedResult: Compiled | null = null;

  constructor(readonly entry: Entry) {}

  /** The folder name checked against pack.yaml's id (bundled and local packs have one). */
  get folder(): string | undefined {
    return this.entry.source === "opened" ? undefined : this.entry.key;
  }

  edit(file: string, text: string): void {
    if (this.entry.edited[file] === text) return;
    this.entry.edited[file] = text;
    this.version++;
  }

  edited(): Compiled {
    if (this.editedAt !== this.version) {
      this.editedResult = compile(this.entry.edited, this.folder);
      this.editedAt = this.version;
    }
    return this.editedResult;
  }

  saved(): Compiled {
    return (this.savedResult ??= compile(this.entry.saved, this.folder));
  }

  /** Files whose edited text differs from the saved one. */
  changedFiles(): string[] {
    const names = new Set([...Object.keys(this.entry.saved), ...Object.keys(this.entry.edited)]);
    return [...names].filter((n) => this.entry.saved[n] !== this.entry.edited[n]).sort();
  }

  /** After a save: the edited files are the saved ones. */
  markSaved(): void {
    this.entry.saved = { ...this.entry.edited };
    this.savedResult = null;
  }

  tests(): PackTestReport {
    const files: Files = {};
    for (const [k, v] of Object.entries(this.entry.edited)) if (/\.ya?ml$/.test(k)) files[k] = v;
    return runPackTests(files, this.folder ? { folder: this.folder } : {});
  }
}

/** What every view of the studio is given: the pack being edited and how to act on the page. */
export interface ViewContext {
  state: PackState;
  /** Whether saving writes files (served by `yingshang studio` with this folder). */
  served: boolean;
  /** Opens a file in the editor, at a line. */
  openFile(file: string, line?: number): void;
  /** Re-renders after a save. */
  refresh(): void;
}
