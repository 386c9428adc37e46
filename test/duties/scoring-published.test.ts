// Scores as published: 扣完为止 in the numbers people read, the year-end 综合排名, strict units.json.
// Expected values by hand from 附件2 of the 兴化 document.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack, score } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ys-score-"));
const xinghua = loadPack("xinghua");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("扣完为止 (附件2二)", () => {
  it("12 cases × 3 points in 规范服务 (30 points) is −36 raw, published as 扣30分 with the raw sum kept", () => {
    const s = score(xinghua, "scorecard", { incidents: [{ item: "not-accepted", count: 12 }], survey: { 优秀: 1 } }, { asOf: "2026-03-31" });
    expect(s.categories.service).toMatchObject({ max: 30, deducted: 30, deductedRaw: 36, capped: true, score: 0 });
    expect(s.categories.posts).toMatchObject({ deducted: 0, deductedRaw: 0, capped: false, score: 10 });
    expect(s.total).toBe(70);
  });

  it("the Markdown and HTML reports show 扣30分（扣完为止） in the category's cell", () => {
    const f = join(dir, "q1.json");
    writeFileSync(f, JSON.stringify({ daiNan: { name: "戴南镇", of: "township", incidents: [{ item: "not-accepted", count: 12 }], survey: { 优秀: 1 } } }));
    const md = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", f);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain("| 0 · 扣30分（扣完为止） |");
    const html = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", f, "--format", "html");
    expect(html.stdout).toContain("扣30分（扣完为止）");
  });
});

describe("year-end 综合排名 (附件2二 年底进行综合排名; combination: the mean of the quarters, a marked assumption)", () => {
  const quarters = [1, 2, 3, 4].map((q) => {
    const f = join(dir, `Q${q}.json`);
    writeFileSync(f, JSON.stringify({
      // 戴南: Q1 规范服务 capped at 30 → 70; then 100 three times → (70 + 300) / 4 = 92.5.
      daiNan: { name: "戴南镇", of: "township", incidents: q === 1 ? [{ item: "not-accepted", count: 12 }] : [], survey: { 优秀: 1 } },
      // 张郭: survey 满意 80 × 0.3 = 24 → 94; Q2 and Q3 also lose 岗位设置 10 → 84; (94 + 84 + 84 + 94) / 4 = 89.
      zhangGuo: { name: "张郭镇", of: "township", incidents: q === 2 || q === 3 ? [{ item: "window-or-helper-missing", count: 1 }] : [], survey: { 满意: 1 } },
      // 昭阳: 100 every quarter, except a substantiated complaint in Q4 (−10) → (300 + 90) / 4 = 97.5.
      zhaoYang: { name: "昭阳街道", of: "township", incidents: q === 4 ? [{ item: "substantiated-complaint", count: 1 }] : [], survey: { 优秀: 2 } },
    }));
    return f;
  });

  it("ranks the year on the mean of the four quarterly totals, with each quarter shown", () => {
    const r = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026", "--input", ...quarters, "--json");
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { ranking: { rank: number; unit: string; total: number; scores: Record<string, number> }[]; yearEnd: { combine: string; assumption: string } };
    expect(data.ranking.map((u) => [u.rank, u.unit, u.total])).toEqual([[1, "zhaoYang", 97.5], [2, "daiNan", 92.5], [3, "zhangGuo", 89]]);
    expect(data.ranking[2]!.scores).toEqual({ Q1: 94, Q2: 84, Q3: 84, Q4: 94 });
    expect(data.yearEnd.combine).toBe("mean");
    expect(data.yearEnd.assumption).toContain("四个季度总分的平均值");
  });

  it("refuses three quarters, and a unit missing from a quarter, rather than guessing", () => {
    expect(run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026", "--input", ...quarters.slice(0, 3)).status).toBe(2);
    const short = join(dir, "Q4-short.json");
    writeFileSync(short, JSON.stringify({ daiNan: { of: "township", survey: { 优秀: 1 } }, zhangGuo: { of: "township", survey: { 优秀: 1 } } }));
    const r = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026", "--input", quarters[0]!, quarters[1]!, quarters[2]!, short);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("zhaoYang");
  });
});

describe("units.json is as strict as packs (issue 10)", () => {
  it("a misspelt key is INPUT_UNKNOWN_KEY with its path and a did-you-mean, every one at once; a BOM is fine", () => {
    const f = join(dir, "typo.json");
    writeFileSync(f, "\uFEFF" + JSON.stringify({ a: { incident: [{ item: "not-accepted" }], survey: { 优秀: 1 } }, b: { incidents: [{ item: "not-accepted", cout: 2 }], survey: { 优秀: 1 } } }));
    const r = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", f, "--json");
    expect(r.status).toBe(2);
    const problems = (JSON.parse(r.stdout) as { error: { problems: { code: string; path: string; params: { suggestion: string | null } }[] } }).error.problems;
    expect(problems.map((p) => [p.code, p.path, p.params.suggestion])).toEqual([
      ["INPUT_UNKNOWN_KEY", "a.incident", "incidents"],
      ["INPUT_UNKNOWN_KEY", "b.incidents[0].cout", "count"],
    ]);
    const ok = join(dir, "bom.json");
    writeFileSync(ok, "\uFEFF" + JSON.stringify({ units: { a: { of: "township", survey: { 优秀: 1 } } } }));
    expect(run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", ok).status).toBe(0);
  });
});
