// Reload while answering: every answer comes whole from the old pack or the new one (its hash and its
// due date agree), none fails; a pack that does not validate on reload is refused and the old one goes
// on; SIGHUP reloads the CLI's server and SIGTERM stops it cleanly; and a bounded load run (autocannon,
// by request count) has no errors and no growing memory.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PackRegistry } from "../../src/serve/registry.js";
import { buildServer } from "../../src/serve/server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "yingshang-reload-"));
const packDir = join(work, "suqian");
cpSync(join(root, "policies/suqian"), packDir, { recursive: true });
const deadlinesFile = join(packDir, "deadlines.yaml");
const original = readFileSync(deadlinesFile, "utf8");
// 一(八)'s 15 working days for a complex matter, changed to 20 in the copy: received Fri 2026-09-18,
// the 15th working day is 10-15 (2026 notice: 9-20 and 10-10 worked, 9-25 and 10-1..7 off), the 20th is 10-22.
const changed = original.replace("period: { workingDays: 15 }", "period: { workingDays: 20 }");
const complexCase = JSON.stringify({ asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } });

let app: FastifyInstance;
let registry: PackRegistry;
let base = "";

beforeAll(async () => {
  expect(changed).not.toBe(original);
  registry = PackRegistry.load([packDir]);
  app = await buildServer({ registry, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const a = app.server.address();
  if (a === null || typeof a === "string") throw new TypeError("no address");
  base = `http://127.0.0.1:${a.port}`;
});
afterAll(() => app.close());

async function evaluateOnce(): Promise<{ status: number; hash: string; header: string | null; due: string }> {
  const r = await fetch(`${base}/v1/packs/suqian/evaluate?trace=false`, { method: "POST", headers: { "content-type": "application/json" }, body: complexCase });
  const j = (await r.json()) as { receipt: { hash: string }; deadlines: Record<string, { dueDate: string }> };
  return { status: r.status, hash: j.receipt.hash, header: r.headers.get("yingshang-receipt"), due: j.deadlines["mayor-direct"]!.dueDate };
}

describe("reload", () => {
  it("answers every request under concurrent reloads with the old pack or the new one, never a mix", async () => {
    const first = await evaluateOnce();
    expect(first.due).toBe("2026-10-15");
    const expected = new Map<string, string>([[first.hash, "2026-10-15"]]);
    const answers: Awaited<ReturnType<typeof evaluateOnce>>[] = [];
    let flips = 0;
    const flipper = (async () => {
      for (let i = 0; i < 6; i++) {
        writeFileSync(deadlinesFile, i % 2 === 0 ? changed : original);
        const report = registry.reload();
        expect(report.refused).toEqual([]);
        for (const r of report.replaced) expected.set(r.hash, i % 2 === 0 ? "2026-10-22" : "2026-10-15");
        flips += report.replaced.length;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    // 8 clients, 40 requests each, running while the pack flips.
    await Promise.all([flipper, ...Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 40; i++) answers.push(await evaluateOnce());
    })]);
    expect(flips).toBe(6);
    expect(expected.size).toBe(2);
    expect(answers).toHaveLength(320);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(expected.get(a.hash)).toBe(a.due);
      expect(a.header).toContain(`hash=${a.hash}`);
    }
  });

  it("refuses a pack that fails validation on reload and keeps serving the old one", async () => {
    writeFileSync(deadlinesFile, original);
    registry.reload();
    const before = await evaluateOnce();
    writeFileSync(deadlinesFile, original.replace("period: { workingDays: 15 }", "period: { workingDays: fifteen }"));
    const report = registry.reload();
    expect(report.replaced).toEqual([]);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]!.problems.length).toBeGreaterThan(0);
    expect(report.refused[0]!.problems[0]!.file).toBe("deadlines.yaml");
    const after = await evaluateOnce();
    expect([after.status, after.hash, after.due]).toEqual([200, before.hash, "2026-10-15"]);
    writeFileSync(deadlinesFile, original);
  });

  it("has no errors and no growing memory over a bounded load run (autocannon, 2 × 4,000 requests at 50 connections)", async () => {
    writeFileSync(deadlinesFile, original);
    registry.reload();
    const opts = { url: `${base}/v1/packs/suqian/evaluate`, method: "POST" as const, headers: { "content-type": "application/json" }, body: complexCase, connections: 50, amount: 4000 };
    const warm = await autocannon(opts);
    expect([warm.errors, warm.non2xx, warm.timeouts]).toEqual([0, 0, 0]);
    global.gc?.();
    const rss1 = process.memoryUsage().rss;
    const run = await autocannon(opts);
    expect([run.errors, run.non2xx, run.timeouts]).toEqual([0, 0, 0]);
    expect(run["2xx"]).toBeGreaterThanOrEqual(4000);
    const rss2 = process.memoryUsage().rss;
    // The same work again may not keep what it made: a leak of even 16 KB a request would pass 64 MB.
    expect(rss2 - rss1).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("the CLI server", () => {
  it("prints its URL, reloads on SIGHUP, and exits 0 on SIGTERM", async () => {
    writeFileSync(deadlinesFile, original);
    const child = spawn(process.execPath, [join(root, "dist/cli.js"), "serve", packDir, "--port", "0", "--log-level", "info"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new TypeError(`serve exited ${code}: ${err}`)));
    });
    const get = async () => ((await (await fetch(`${url}/v1/packs/suqian/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: complexCase })).json()) as { deadlines: Record<string, { dueDate: string }> }).deadlines["mayor-direct"]!.dueDate;
    expect(await get()).toBe("2026-10-15");
    writeFileSync(deadlinesFile, changed);
    child.kill("SIGHUP");
    let due = "";
    for (let i = 0; i < 100 && due !== "2026-10-22"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      due = await get();
    }
    expect(due).toBe("2026-10-22");
    // The log reaches the pipe after the answer may have: read it once the process has closed its output.
    const code = await new Promise<number | null>((resolve) => {
      child.on("close", resolve);
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    // The request log (pino, JSON lines) records each answer's receipt, and the reload.
    const lines = log.trim().split("\n").map((l) => JSON.parse(l) as { msg: string; receipt?: { hash: string }; url?: string });
    expect(lines.some((l) => l.msg === "pack reloaded")).toBe(true);
    expect(lines.find((l) => l.msg === "request" && l.url === "/v1/packs/suqian/evaluate")!.receipt!.hash).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(deadlinesFile, original);
  });
});
