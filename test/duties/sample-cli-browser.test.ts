// The seeded draw from the CLI, and from the browser core bundle (no Node built-ins): the same sample.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { readPackDir } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ys-sample-"));
const seed = "2026-04-01 市招商局公开摇号 07-19-23";
const seven = ["P1", "P2", "P3", "P4", "P5", "P6", "P7"];

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("yingshang sample", () => {
  it("--json publishes seed, population and ranking; a .json list and a text file give the same draw", () => {
    const j = join(dir, "p.json");
    const t = join(dir, "p.txt");
    writeFileSync(j, JSON.stringify(seven));
    writeFileSync(t, "\uFEFF" + seven.join("\r\n") + "\r\n\r\n");
    const outs = [j, t].map((f) => spawnSync(process.execPath, [cli, "sample", "yingkou", "quarterly-sample", "--period", "2026-Q1", "--seed", seed, "--projects", f, "--json"], { encoding: "utf8" }));
    for (const o of outs) expect(o.status, o.stderr).toBe(0);
    const r = JSON.parse(outs[0]!.stdout) as { seed: string; population: number; selected: string[]; ranking: { id: string }[] };
    expect(r).toMatchObject({ seed, population: 7, selected: ["P2"] });
    expect(r.ranking).toHaveLength(7);
    expect(outs[1]!.stdout).toBe(outs[0]!.stdout);
  });

  it("human output is Chinese, with the period written 2026年第一季度", () => {
    const j = join(dir, "p2.json");
    writeFileSync(j, JSON.stringify(seven));
    const o = spawnSync(process.execPath, [cli, "sample", "yingkou", "quarterly-sample", "--period", "2026-Q1", "--seed", seed, "--projects", j], { encoding: "utf8" });
    expect(o.stdout).toContain("2026年第一季度随机抽查（九(四)）：共 7 个项目，按比例抽取 1 个。");
    expect(o.stdout).toContain("抽中：P2");
  });

  it("a missing --seed is a usage error (exit 2)", () => {
    const j = join(dir, "p3.json");
    writeFileSync(j, JSON.stringify(seven));
    expect(spawnSync(process.execPath, [cli, "sample", "yingkou", "quarterly-sample", "--period", "2026-Q1", "--projects", j], { encoding: "utf8" }).status).toBe(2);
  });
});

describe("the browser core draws the same sample", () => {
  it("compiles yingkou from text inside a browser bundle and draws P2 synchronously", async () => {
    const out = await build({ entryPoints: [join(root, "src", "core.ts")], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["']crypto["']\)/);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as typeof import("../../src/core.js");
    const pack = mod.compilePack(readPackDir(join(root, "policies", "yingkou")), { folder: "yingkou" });
    expect(mod.sample(pack, "quarterly-sample", { period: "2026-Q1", projects: seven, seed }, { asOf: "2026-03-31" }).selected).toEqual(["P2"]);
  });
});
