// Type-checks the code blocks of Markdown files as a user's TypeScript project would see them: each
// block becomes one module of a temporary project whose node_modules/yingshang is this package (so
// "yingshang" and "yingshang/core" resolve through package.json "exports" to dist/*.d.ts, as after
// `npm install`), compiled by ONE tsc process under strict + noUncheckedIndexedAccess, module NodeNext.
// Every diagnostic is mapped back to the Markdown file and line it came from.
//
// Which blocks: every ```ts / ```typescript / ```mts block, and every ```js / ```javascript / ```mjs
// block that imports "yingshang" (checked as JavaScript with checkJs: the same strict null checks a TS
// user gets, and the README's js blocks stay runnable by plain node). A block whose fence info carries
// the word `nocheck` (e.g. ```ts nocheck) is a deliberate fragment and is left out; keep those rare.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

export const root = resolve(__dirname, "..", "..");

export interface CodeBlock {
  /** Markdown file, relative to the repository root (or as given). */
  file: string;
  /** 1-based line of the opening fence; the block's first line is `fenceLine + 1`. */
  fenceLine: number;
  lang: "ts" | "js";
  info: string;
  code: string;
}

export interface BlockDiagnostic {
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
}

const TS = new Set(["ts", "typescript", "mts"]);
const JS = new Set(["js", "javascript", "mjs"]);
const IMPORTS_PACKAGE = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']yingshang(?:\/[a-z]+)?["']/u;

/** The blocks of one Markdown text that are to be type-checked, plus the ones marked `nocheck`. */
export function extractBlocks(markdown: string, file: string): { blocks: CodeBlock[]; skipped: CodeBlock[] } {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  const skipped: CodeBlock[] = [];
  let open: { line: number; fence: string; info: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/u.exec(lines[i]!);
    if (!m) continue;
    const fence = m[1]!;
    const rest = m[2]!.trim();
    if (open === null) {
      open = { line: i + 1, fence, info: rest };
      continue;
    }
    // A closing fence is the same character, at least as long, with nothing after it.
    if (rest !== "" || fence[0] !== open.fence[0] || fence.length < open.fence.length) continue;
    const words = open.info.split(/\s+/u);
    const word = (words[0] ?? "").toLowerCase();
    const code = lines.slice(open.line, i).join("\n");
    const lang = TS.has(word) ? "ts" : JS.has(word) && IMPORTS_PACKAGE.test(code) ? "js" : null;
    if (lang !== null) {
      const block: CodeBlock = { file, fenceLine: open.line, lang, info: open.info, code };
      (words.includes("nocheck") ? skipped : blocks).push(block);
    }
    open = null;
  }
  return { blocks, skipped };
}

/** README.md and every docs/**\/*.md of the repository. */
export function docFiles(): string[] {
  const out = ["README.md"];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith(".md")) out.push(rel);
    }
  };
  walk("docs");
  return out;
}

export const compilerOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  moduleDetection: "force", // every block is its own module, even one without an import
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: false, // the shipped .d.ts files are checked too, as a user without skipLibCheck sees them
};

/**
 * Type-checks all blocks in one tsc run. Returns the diagnostics, each placed at the Markdown file and
 * line (and column) of the offending code; diagnostics outside the blocks (in the package's own .d.ts)
 * are returned with their tsc file name.
 */
export function checkBlocks(blocks: CodeBlock[]): BlockDiagnostic[] {
  if (!existsSync(join(root, "dist", "index.d.ts"))) {
    return [{ file: "dist/index.d.ts", line: 0, col: 0, code: "BUILD", message: "missing: run `npm run build` first (the blocks import the package as a user would)" }];
  }
  const dir = mkdtempSync(join(tmpdir(), "yingshang-doc-blocks-"));
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(root, join(dir, "node_modules", "yingshang"), "dir");
  symlinkSync(join(root, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");
  mkdirSync(join(dir, "blocks"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "doc-blocks", private: true, type: "module" }));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["blocks"] }, null, 2));
  const byName = new Map<string, CodeBlock>();
  blocks.forEach((b, i) => {
    const name = `blocks/b${i}-${b.file.replace(/[^A-Za-z0-9]+/gu, "_")}-L${b.fenceLine}.${b.lang === "ts" ? "mts" : "mjs"}`;
    byName.set(name, b);
    writeFileSync(join(dir, name), b.code + "\n");
  });
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: dir, encoding: "utf8" });
  const out: BlockDiagnostic[] = [];
  for (const line of r.stdout.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/u.exec(line);
    if (m) {
      const block = byName.get(m[1]!);
      const rawLine = Number(m[2]);
      out.push({
        file: block ? block.file : relative(root, resolve(dir, m[1]!)),
        line: block ? block.fenceLine + rawLine : rawLine,
        col: Number(m[3]),
        code: m[4]!,
        message: m[5]!,
      });
    } else if (/^\s+\S/u.test(line) && out.length > 0) {
      out[out.length - 1]!.message += `\n${line}`; // a chained message's continuation
    } else if (line.trim() !== "") {
      out.push({ file: "tsc", line: 0, col: 0, code: "TS", message: line });
    }
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  if (r.status !== 0 && out.length === 0) out.push({ file: "tsc", line: 0, col: 0, code: "TS", message: `tsc exited ${r.status}: ${r.stderr}` });
  return out;
}

/** `README.md:93:13 TS2532 Object is possibly 'undefined'.` */
export function formatDiagnostic(d: BlockDiagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`;
}

export function readDoc(file: string): string {
  return readFileSync(join(root, file), "utf8");
}
