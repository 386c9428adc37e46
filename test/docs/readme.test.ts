// The README's examples are run as a user would run them (importing "yingshang" from an installed
// package) and every `// → value` comment must equal the line the example prints.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "yingshang-readme-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "yingshang"), "dir");
  return dir;
}

describe("README examples", () => {
  it("has runnable examples", () => expect(blocks.length).toBeGreaterThanOrEqual(5));

  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i runs and prints what its comments say", (_n, code) => {
    const dir = sandbox();
    writeFileSync(join(dir, "example.mjs"), code);
    const r = spawnSync(process.execPath, ["example.mjs"], { cwd: dir, encoding: "utf8", env: { ...process.env, TZ: "America/Los_Angeles" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!.trim());
    expect(expected.length).toBeGreaterThan(0);
    expect(r.stdout.trim().split("\n")).toEqual(expected);
  });

  it("the CLI lines it shows print what it says", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { encoding: "utf8" }).stdout.trim();
    expect(run("calendar", "add", "2026-09-18", "15", "--json")).toBe('{"date":"2026-10-15"}');
    expect(run("calendar", "count", "2026-09-30", "2026-10-09", "--json")).toBe('{"workingDays":2}');
    const shown = /calendar info 2026-09-20 --json\s+# (\{.*\})/.exec(readme)![1]!;
    expect(run("calendar", "info", "2026-09-20", "--json")).toBe(shown);
  });
});
