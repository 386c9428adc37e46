// `yingshang duties` run as a user would.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ys-duties-"));

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("yingshang duties", () => {
  it("--json gives { duties: [{ id, zh, clause, due }] }: 宿迁's April 2026 ledger is due Monday 27 April (二(十一))", () => {
    const r = run("duties", "suqian", "--period", "2026-04", "--json");
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.out) as { duties: { id: string; zh: string; clause: string; due: string[] }[] }).duties.find((x) => x.id === "monthly-ledger");
    expect(d).toMatchObject({ zh: "每月25日报送前一个月营商环境问题台账资料", clause: "二(十一)", due: ["2026-04-27"] });
  });

  it("human output is Chinese by default and names the clause", () => {
    const r = run("duties", "suqian", "--period", "2026-04");
    expect(r.code).toBe(0);
    expect(r.out).toContain("每月25日报送前一个月营商环境问题台账资料（二(十一)）：应于 2026-04-27");
  });

  it("in Chinese, lists due dates with 、 and each period's state after a full-width colon", () => {
    // 兴化 附件2三(四): a monthly report, no day of the month fixed, so each month as a whole (its last day).
    // One report on 20 January: January done on time, February missed, March (due on the day judged) still open.
    const f = join(dir, "records-zh.json");
    writeFileSync(f, JSON.stringify({ records: [{ duty: "monthly-report", unit: "戴南镇", date: "2026-01-20" }] }));
    const r = run("duties", "xinghua", "--period", "2026-Q1", "--records", f);
    expect(r.code).toBe(0);
    expect(r.out).toContain("按要求及时上报项目代办、帮办工作月报表（附件2三(四)）：应于 2026-01-31、2026-02-28、2026-03-31\n");
    expect(r.out).toContain("    2026-01 戴南镇：按时完成（2026-01-20）\n    2026-02 戴南镇：未完成\n    2026-03 戴南镇：未到期\n");
  });

  it("records with a BOM are read; 兴化 missed monthly reports are listed as scorecard incidents with --incidents", () => {
    const f = join(dir, "records.json");
    writeFileSync(f, "\uFEFF" + JSON.stringify({ records: [{ duty: "monthly-report", unit: "daiNan", date: "2026-01-20" }] }));
    const r = run("duties", "xinghua", "--period", "2026-Q1", "--records", f, "--incidents", "scorecard", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { incidents: { unit: string; count: number }[]; summary: { met: number; missed: number } };
    // Judged as of the period's last due date (the default, 31 March): February is missed, March still pending.
    expect(out.summary.met).toBe(1);
    expect(out.incidents).toEqual([expect.objectContaining({ unit: "daiNan", item: "monthly-report-missed", count: 1 })]);
  });

  it("bad input is exit 2 with the place: an unknown key in the records", () => {
    const f = join(dir, "bad.json");
    writeFileSync(f, JSON.stringify({ recods: [] }));
    const r = run("duties", "suqian", "--period", "2026-04", "--records", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("did you mean `records`");
    expect(run("duties", "suqian", "--period", "April").code).toBe(2);
  });
});
