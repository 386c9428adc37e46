// `npm run demo` prints real answers; each expected value below was worked out by hand from the
// document named in the question and the State Council holiday notices.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const cli = join(resolve(__dirname, "..", ".."), "dist", "cli.js");

describe("yingshang demo", () => {
  const r = spawnSync(process.execPath, [cli, "demo", "--json"], { encoding: "utf8" });
  const out = JSON.parse(r.stdout) as { pack: string; answer: string }[];

  it("names rungs, rules and statuses in Chinese: no id of a pack in an answer", () => {
    for (const x of out) expect(x.answer, x.answer).not.toMatch(/[a-z]{3,}/);
  });

  it("sends a complaint the receiving county could not settle (二(十二)) to the graded joint meeting, held by the county", () => {
    expect(out[3]!.answer).toBe("接诉部门组织各条线相关部门分级、专题会办，由各县(区)人民政府办理");
  });

  it("prints the answer README.md shows for it", () => {
    const readme = readFileSync(join(resolve(__dirname, "..", ".."), "README.md"), "utf8");
    expect(readme).toContain(`  → ${out[2]!.answer}\n`);
  });

  it("answers for all four bundled packs", () => {
    expect(r.status).toBe(0);
    expect(new Set(out.map((x) => x.pack))).toEqual(new Set(["yingkou", "suqian", "xinghua", "zibo"]));
  });

  it("gives the 2 natural days notice (营口 六.2) received on Friday 2025-05-30 the due date 2025-06-03: 06-01 falls in 端午 (05-31…06-02)", () => {
    expect(out[1]!.answer.startsWith("2025-06-03")).toBe(true);
  });

  it("dues a complex Suqian matter (一(八), 15 working days) received 2026-09-18 on 2026-10-15, overdue on 10-16", () => {
    // 10-16 is the next working day after the due date: one working day over.
    expect(out[2]!.answer).toMatch(/^2026-10-15.*状态：已超期 1 个工作日$/);
  });

  it("ranks Xinghua units by 附件2: 100, then 98 (one missed monthly report −2), then 92.8 (2 × −3, survey 96 × 0.3 = 28.8)", () => {
    expect(out[4]!.answer).toBe("1. 张郭镇 100；2. 开发区 98；3. 戴南镇 92.8");
  });

  it("excludes a hazardous-chemicals project from Zibo's 1+N scope (七)", () => {
    expect(out[5]!.answer).toBe("属于除外情形，不纳入“1+N”审批范围（规则「涉及危化品的工业投资项目除外」）");
  });
});
