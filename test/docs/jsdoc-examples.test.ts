// Every `@example` in the public API's JSDoc is run as a user would run it (importing "yingshang"
// from an installed package, with the repository as the working folder for relative paths).
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const examples: [string, string][] = [];
for (const file of sources(join(root, "src"))) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/@example\n((?:\s*\*(?!\/).*\n)+?)\s*\*\//g)) {
    const body = m[1]!.split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join("\n");
    examples.push([`${relative(root, file)}:${text.slice(0, m.index).split("\n").length}`, body]);
  }
}

const sandbox = mkdtempSync(join(tmpdir(), "yingshang-jsdoc-"));
mkdirSync(join(sandbox, "node_modules"));
symlinkSync(root, join(sandbox, "node_modules", "yingshang"), "dir");

describe("JSDoc examples", () => {
  it("exist for the public functions", () => expect(examples.length).toBeGreaterThanOrEqual(15));

  it.each(examples)("%s runs", (where, code) => {
    const file = join(sandbox, `${where.replace(/[/:.]/g, "_")}.mjs`);
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file], { cwd: root, encoding: "utf8" });
    expect(r.stderr, where).toBe("");
    expect(r.status, where).toBe(0);
  });
});
