// The core (everything but reading packs from disk) must bundle for a browser: no Node built-ins.
// It is bundled here for the browser platform and then run with the file system out of reach.
import { build } from "esbuild";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "..", "..");

describe("yingshang/core in a browser bundle", () => {
  it("bundles for the browser platform without any node: import", async () => {
    const out = await build({ entryPoints: [join(root, "src", "core.ts")], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    expect(out.errors).toEqual([]);
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/require\(["'](fs|path|url|node:[a-z]+)["']\)/);
  });

  it("compiles a pack from text and evaluates it inside that bundle", async () => {
    const out = await build({ entryPoints: [join(root, "src", "core.ts")], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString("base64")}`)) as typeof import("../../src/core.js");
    const dir = join(root, "test", "fixtures", "minimal");
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) files[f] = readFileSync(join(dir, f), "utf8");
    const pack = mod.compilePack(files);
    expect(mod.assign(pack, "lead-unit", { introducer: "county", introducerUnit: "county-a" }, { asOf: "2024-06-03" }).lead).toBe("county-a");
    expect(mod.defaultCalendar().addWorkingDays("2026-09-18", 15)).toBe("2026-10-15");
  });
});
