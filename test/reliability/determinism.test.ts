// Determinism: the same pack, facts and asOf give byte-identical JSON across runs, across
// processes and across host time zones; a sample does not depend on the order of the project list.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadPack, sample } from "../../src/index.js";
import { DIST, ROOT } from "./helpers.js";

const run = promisify(execFile);
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
type Lib = typeof import("../../src/index.js");
type Cases = {
  listCases(): { pack: string; name: string; asOf: string; input: unknown }[];
  loadAll(lib: Lib): Record<string, unknown>;
  runCase(lib: Lib, packs: Record<string, unknown>, c: unknown): string;
};

async function inProcess(): Promise<string> {
  expect(existsSync(DIST), "dist/index.js is missing: build first (npx tsup)").toBe(true);
  const lib = (await import(pathToFileURL(DIST).href)) as Lib;
  const cases = (await import(pathToFileURL(join(ROOT, "test/reliability/cases.mjs")).href)) as Cases;
  const packs = cases.loadAll(lib);
  return cases.listCases().map((c) => cases.runCase(lib, packs, c)).join("\n") + "\n";
}

describe("determinism", () => {
  it("the bundled packs' test cases give byte-identical JSON twice in one process, and in children under TZ=UTC, Asia/Shanghai, America/Los_Angeles, Pacific/Kiritimati", { timeout: 120_000 }, async () => {
    const first = await inProcess();
    const second = await inProcess();
    expect(first.split("\n").length).toBeGreaterThan(200);
    expect(sha(second)).toBe(sha(first));
    const hashes: Record<string, string> = {};
    // Two at a time: the machine has two cores.
    const zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"];
    for (let k = 0; k < zones.length; k += 2) {
      await Promise.all(
        zones.slice(k, k + 2).map(async (tz) => {
          const { stdout } = await run(process.execPath, [join(ROOT, "test/reliability/child.mjs"), DIST], { env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 });
          hashes[tz] = sha(stdout);
          if (stdout !== first) {
            const a = first.split("\n");
            const b = stdout.split("\n");
            const i = a.findIndex((l, j) => l !== b[j]);
            expect(b[i], `TZ=${tz} differs at case ${i}`).toBe(a[i]);
          }
        }),
      );
    }
    console.log(`determinism: ${first.split("\n").length - 1} cases, sha256 ${sha(first).slice(0, 16)} in-process ×2 and ${Object.entries(hashes).map(([z, h]) => `${z} ${h.slice(0, 16)}`).join(", ")}`);
    expect(new Set([sha(first), ...Object.values(hashes)]).size).toBe(1);
  });

  it("the Yingkou quarterly sample is the same whatever the order of the project list", () => {
    const yingkou = loadPack("yingkou");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 0, maxLength: 60 }),
        fc.constantFrom("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2025-Q4"),
        fc.infiniteStream(fc.nat()),
        (projects, period, rnd) => {
          const shuffled = [...projects];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = rnd.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = sample(yingkou, "quarterly-sample", { period, projects, seed: "public draw 2026-04-01" }, { asOf: "2026-03-31" });
          const b = sample(yingkou, "quarterly-sample", { period, projects: shuffled, seed: "public draw 2026-04-01" }, { asOf: "2026-03-31" });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          expect(a.size).toBe(Math.ceil(Math.round(projects.length * 0.1 * 1e6) / 1e6));
        },
      ),
      { numRuns: 300 },
    );
  });
});
