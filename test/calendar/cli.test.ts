// The CLI contract of DESIGN.md, run as a user would: `node dist/cli.js calendar …`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { y2027 } from "./helpers/year-2027.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, "calendar", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds here so the test is never skipped.
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("yingshang calendar", () => {
  it("add DATE N --json → the N-th working day after DATE", () => {
    const r = run("add", "2026-09-18", "15", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ date: "2026-10-15" });
    expect(JSON.parse(run("add", "2026-10-01", "0", "--json").out)).toEqual({ date: "2026-10-08" });
    expect(run("add", "2026-09-18", "15").out).toBe("2026-10-15 (Thu) — 15th working day after 2026-09-18 (Fri)\n");
  });

  it("count FROM TO --json → working days in (FROM, TO]", () => {
    expect(JSON.parse(run("count", "2026-09-18", "2026-10-15", "--json").out)).toEqual({ workingDays: 15 });
    expect(JSON.parse(run("count", "2026-10-08", "2026-09-30", "--json").out)).toEqual({ workingDays: -1 });
  });

  it("info DATE --json", () => {
    expect(JSON.parse(run("info", "2026-09-20", "--json").out)).toEqual({ date: "2026-09-20", working: true, kind: "makeup-workday", name: "国庆节" });
    expect(JSON.parse(run("info", "2026-10-11", "--json").out)).toEqual({ date: "2026-10-11", working: false, kind: "weekend", name: null });
  });

  it("exits 2 with the problem for a date out of range, a bad date and a bad N", () => {
    const out = run("add", "2027-03-01", "1", "--json");
    expect(out.code).toBe(2);
    expect(JSON.parse(out.out).error.code).toBe("DATE_OUT_OF_RANGE");
    const human = run("add", "2027-03-01", "1");
    expect(human.code).toBe(2);
    expect(human.err).toContain("2018-12-29 to 2026-12-31");
    expect(human.err).not.toContain("    at ");
    expect(run("info", "2024-02-30", "--json")).toMatchObject({ code: 2 });
    expect(JSON.parse(run("info", "2024-02-30", "--json").out).error.code).toBe("INVALID_DATE");
    for (const n of ["x", "1.5", ""]) {
      const r = run("add", "2026-09-18", n, "--json");
      expect(r.code, n).toBe(2);
      expect(JSON.parse(r.out).error.code).toBe("INVALID_COUNT");
    }
    expect(run("add", "2026-09-18").code).toBe(2); // missing N: a usage error
  });

  it("--calendar FILE extends the bundled calendar into 2027", () => {
    const dir = mkdtempSync(join(tmpdir(), "ys-cal-"));
    const file = join(dir, "cn-2027.yaml");
    writeFileSync(file, y2027("cn-2027-test"));
    expect(JSON.parse(run("add", "2026-12-31", "1", "--json", "--calendar", file).out)).toEqual({ date: "2027-01-04" });
    writeFileSync(file, 'id: x\nversion: "t"\nyears:\n  "2027":\n    provisional: true\n    notices: [x]\n    holidays: []\n    makeupWorkdays: [{ date: "2027-01-04", name: x }]\n');
    const bad = run("info", "2027-01-04", "--calendar", file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${file}:8:`);
  });

  it("deadline --spec --events --now prints due date, status and ledger", () => {
    const dir = mkdtempSync(join(tmpdir(), "ys-dl-"));
    writeFileSync(join(dir, "spec.json"), JSON.stringify({ workingDays: 15 }));
    writeFileSync(join(dir, "events.json"), JSON.stringify({ received: "2026-09-18" }));
    const r = run("deadline", "--spec", join(dir, "spec.json"), "--events", join(dir, "events.json"), "--now", "2026-10-16T09:00:00+08:00", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.dueDate).toBe("2026-10-15");
    expect(j.status).toEqual({ kind: "overdue", workingDaysOverdue: 1 });
    expect(j.ledger.filter((e: { kind: string }) => e.kind === "count")).toHaveLength(15);
    // One file { spec, events, now }, human output.
    writeFileSync(join(dir, "case.json"), JSON.stringify({ spec: { days: 2 }, events: { received: "2026-04-03" }, now: "2026-04-07" }));
    const h = run("deadline", join(dir, "case.json"));
    expect(h.code).toBe(0);
    expect(h.out).toContain("Due 2026-04-07 (Tue) — at 2026-04-07: due today");
    expect(h.out).toContain("2026-04-06 (Mon)  moved");
    writeFileSync(join(dir, "broken.json"), "{ spec: ");
    const b = run("deadline", join(dir, "broken.json"), "--json");
    expect(b.code).toBe(2);
    expect(JSON.parse(b.out).error.code).toBe("INPUT_INVALID");
  });
});
