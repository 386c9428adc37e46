/**
 * The layout of docs/architecture.md: no import cycles in src/ (type imports count too), no source
 * folder of more than 15 files, a stage reached from outside only through its index.ts, and the lint
 * rule of lint/layers.js refuses an upward import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Each source file's relative imports, resolved to source files. */
function graph(): Map<string, string[]> {
  const files = sources(SRC);
  const known = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
    const deps = importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith("."))
      .map((s) => resolve(dirname(f), s).replace(/\.js$/, ".ts"))
      .filter((t) => known.has(t));
    g.set(f, deps);
  }
  return g;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(relative(ROOT, w));
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

// The union of codes gathers the engine's code list, and the public API exports the pack files' types whole.
const EXEMPT = new Set(["src/problem.ts → src/engine/model/errors.ts", "src/core.ts → src/engine/model/pack-types.ts"]);

describe("layout", () => {
  it("has no import cycles", () => {
    expect(cycles(graph())).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const g = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(cycles(g).map((c) => c.length)).toEqual([3]);
  });

  it("keeps every source folder at 15 files or fewer", () => {
    const counts = new Map<string, number>();
    for (const f of sources(SRC)) counts.set(relative(ROOT, dirname(f)), (counts.get(relative(ROOT, dirname(f))) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 15)).toEqual([]);
  });

  it("reaches an engine stage from outside it only through the stage's index.ts (load.ts, Node only, apart)", () => {
    const stageOf = (f: string): string | undefined => /^src\/engine\/(model|read|check|compile|evaluate|tools)\//.exec(relative(ROOT, f))?.[1];
    const stray: string[] = [];
    for (const [f, deps] of graph()) {
      for (const d of deps) {
        const to = stageOf(d);
        if (to === undefined || to === stageOf(f)) continue;
        const rel = relative(ROOT, d);
        if (rel !== `src/engine/${to}/index.ts` && rel !== "src/engine/compile/load.ts" && !EXEMPT.has(`${relative(ROOT, f)} → ${rel}`)) stray.push(`${relative(ROOT, f)} → ${rel}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it("lint refuses an import from a later stage", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [bad] = await eslint.lintText('import { evaluate } from "../evaluate/index.js";\nexport const x = evaluate;\n', { filePath: join(SRC, "engine/model/example.ts") });
    expect(bad!.messages.map((m) => m.ruleId)).toEqual(["layers/layers"]);
    const [good] = await eslint.lintText('import { EMPTY } from "../../base/freeze.js";\nexport const x = EMPTY;\n', { filePath: join(SRC, "engine/evaluate/example.ts") });
    expect(good!.messages).toEqual([]);
  });
});
