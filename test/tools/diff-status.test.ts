/**
 * diff answers the manager's question (issue 13): which cases change status (on time → late,
 * running → overdue), the impact per unit, the changed cases' ids (--changed-out); and a folder
 * named like a bundled pack no longer hides it silently (a warning; ./NAME or bundled:NAME).
 *
 * The change: 宿迁 一(八) complex matters 15 → 10 working days. Received Tuesday 2026-09-01, the 15th
 * working day is Monday 2026-09-21 (Sunday 2026-09-20 is a 国庆 make-up working day) and the 10th is
 * Tuesday 2026-09-15 (no holiday in between; `calendar add 2026-09-01 15|10`).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { diffPacks } from "../../src/engine/tools/diff/diff.js";
import { loadPack, resolvePackDir } from "../../src/engine/compile/load.js";

const repo = resolve(__dirname, "..", "..");
const cli = join(repo, "dist", "cli.js");
const root = mkdtempSync(join(tmpdir(), "ys-diff-status-"));

function copy(pack: string, label: string, edit?: [string, string, string]): string {
  const dir = join(root, label, pack);
  cpSync(join(repo, "policies", pack), dir, { recursive: true });
  rmSync(join(dir, "tests"), { recursive: true, force: true });
  if (edit) {
    const f = join(dir, edit[0]);
    const text = readFileSync(f, "utf8");
    expect(text.split(edit[1]).length - 1).toBe(1);
    writeFileSync(f, text.replace(edit[1], edit[2]));
  }
  return dir;
}

const before = copy("suqian", "a");
const after = copy("suqian", "b", ["deadlines.yaml", "period: { workingDays: 15 }", "period: { workingDays: 10 }"]);

const received = { received: "2026-09-01" };
// A status needs \`now\` (the instant it is judged at); the completed cases are judged on 09-30.
const cases = [
  // complex, done 09-18: on time by 09-21, late after 09-15 → on time → late.
  { id: "S-1", asOf: "2026-09-01", now: "2026-09-30T10:00:00+08:00", facts: { issueKind: "complex", undertakingUnit: "city-commerce" }, events: { "mayor-direct": { ...received, completed: "2026-09-18" } } },
  // complex, open on 09-17: running until 09-21, overdue after 09-15 → running → overdue.
  { id: "S-2", asOf: "2026-09-01", now: "2026-09-17T10:00:00+08:00", facts: { issueKind: "complex", undertakingUnit: "city-approval" }, events: { "mayor-direct": received } },
  // general (5 working days either way): unchanged.
  { id: "S-3", asOf: "2026-09-01", now: "2026-09-30T10:00:00+08:00", facts: { issueKind: "general", undertakingUnit: "city-commerce" }, events: { "mayor-direct": { ...received, completed: "2026-09-03" } } },
  // complex, done 09-10: on time either way; only the due date changes.
  { id: "S-4", asOf: "2026-09-01", now: "2026-09-30T10:00:00+08:00", facts: { issueKind: "complex", undertakingUnit: "city-approval" }, events: { "mayor-direct": { ...received, completed: "2026-09-10" } } },
  // several units (the complex variant), no status asked: the due date changes; no id → its position, 5.
  { asOf: "2026-09-01", facts: { issueKind: "urgent", involvesMultipleUnits: true, undertakingUnit: "city-commerce" }, events: { "mayor-direct": received } },
  // urgent (2 working days either way): unchanged.
  { id: "S-6", asOf: "2026-09-01", facts: { issueKind: "urgent", undertakingUnit: "county" }, events: { "mayor-direct": received } },
];

describe("diff: status changes, impact per unit, changed ids", () => {
  const d = diffPacks(loadPack(before), loadPack(after), { population: 0, cases, unitFact: "undertakingUnit" });

  it("counts one on time → late and one running → overdue", () => {
    expect(d.cases!.changed).toBe(4);
    expect(d.cases!.statusChanges).toEqual([
      { from: "on time", to: "late", deadlines: 1 },
      { from: "running", to: "overdue", deadlines: 1 },
    ]);
  });

  it("gives the impact per unit named by the fact", () => {
    expect(d.cases!.byUnit.map((u) => [u.unit, u.zh, u.cases, u.changed, u.statusChanges])).toEqual([
      ["city-commerce", "市商务局", 3, 2, 1],
      ["city-approval", "市行政审批局", 2, 2, 1],
      ["county", "各县(区)人民政府", 1, 0, 0],
    ]);
  });

  it("lists the changed cases by id, a case without one by its position", () => {
    expect(d.cases!.changedIds).toEqual(["S-1", "S-2", "S-4", 5]);
  });

  it("CLI: prints the status changes and units, and writes --changed-out", () => {
    const file = join(root, "cases.ndjson");
    writeFileSync(file, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
    const out = join(root, "changed.txt");
    const r = spawnSync(process.execPath, [cli, "diff", before, after, "--population", "0", "--cases", file, "--unit-fact", "undertakingUnit", "--changed-out", out, "--lang", "en"], { encoding: "utf8" });
    expect(r.status).toBe(1); // outcomes change
    expect(r.stdout).toContain("  Status changes (2 deadlines):\n    on time → late: 1\n    running → overdue: 1\n");
    expect(r.stdout).toContain("    市商务局 (city-commerce): 2 / 3 — 1 status changes\n");
    // The same, in Chinese (the default): the unit by its name only.
    const zh = spawnSync(process.execPath, [cli, "diff", before, after, "--population", "0", "--cases", file, "--unit-fact", "undertakingUnit"], { encoding: "utf8" });
    expect(zh.stdout).toContain("  时限状态改变（2 项）：\n    按时办结 → 逾期办结：1 项\n    办理中 → 已超期：1 项\n");
    expect(zh.stdout).toContain("    市商务局：2 / 3（1 项时限状态改变）\n");
    expect(readFileSync(out, "utf8")).toBe("S-1\nS-2\nS-4\n5\n");
    const noCases = spawnSync(process.execPath, [cli, "diff", before, after, "--changed-out", out], { encoding: "utf8" });
    expect(noCases.status).toBe(2);
  });
});

describe("a folder named like a bundled pack", () => {
  // A folder ./yingkou here (a copy of the bundled pack, with its version raised to 9.9.9) and the bundled yingkou.
  const here = mkdtempSync(join(tmpdir(), "ys-shadow-"));
  cpSync(join(repo, "policies", "yingkou"), join(here, "yingkou"), { recursive: true });
  const pj = join(here, "yingkou", "pack.yaml");
  writeFileSync(pj, readFileSync(pj, "utf8").replace(/^version: .*$/m, "version: 9.9.9"));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, "--lang", "en", ...args], { cwd: here, encoding: "utf8" });

  it("bare: the folder, with a warning that says how to name either", () => {
    const r = run("diff", "bundled:yingkou", "yingkou", "--population", "0", "--json");
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { from: { version: string }; to: { version: string } };
    expect(d.to.version).toBe("9.9.9");
    expect(d.from.version).not.toBe("9.9.9");
    expect(r.stderr).toBe("warning: `yingkou` is both a folder here and a bundled pack; the folder ./yingkou is used. Write ./yingkou for the folder or bundled:yingkou for the bundled pack.\n");
  });

  it("./yingkou and bundled:yingkou name one each, without a warning; in Chinese by default", () => {
    const r = run("diff", "bundled:yingkou", "./yingkou", "--population", "0", "--json");
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { to: { version: string } }).to.version).toBe("9.9.9");
    const zh = spawnSync(process.execPath, [cli, "validate", "yingkou"], { cwd: here, encoding: "utf8", env: { ...process.env, LANG: "zh_CN.UTF-8", LC_ALL: "" } });
    expect(zh.stderr).toContain("要用内置政策包请写 bundled:yingkou");
    expect(resolvePackDir("bundled:yingkou")).toBe(join(repo, "policies", "yingkou"));
    expect(() => resolvePackDir("bundled:nope")).toThrow(/not a bundled pack/);
  });
});
