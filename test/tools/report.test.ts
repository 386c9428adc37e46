// `yingshang report scoring|deadlines`, run as a user would (node dist/cli.js): Markdown content,
// HTML escaping of pack and user strings, and the HTML page rendered in headless Chromium (table
// rows, a chart that is really drawn, no request leaving the page). Chromium is required: CI
// installs Debian's package (.ci/run); a missing browser fails this test, it does not skip it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "yingshang-report-"));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const EVIL = "<script>alert(1)</script> & Co";

function run(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const units = {
  "township-a": { name: "戴南镇", of: "township", incidents: [], survey: { 优秀: 10 } },
  "township-b": { name: "张郭镇", of: "township", incidents: [{ item: "window-or-helper-missing", count: 1 }], survey: { 优秀: 10 } },
  "township-c": { name: EVIL, of: "township", incidents: [{ item: "substantiated-complaint", count: 1 }], survey: { 优秀: 10 } },
  "zone-d": { name: "经济开发区", of: "development-zone", incidents: [{ item: "window-or-helper-missing", count: 1 }, { item: "improper-adjustment", count: 2 }], survey: { 优秀: 6, 满意: 3, 不了解: 1 } },
};
const unitsFile = join(dir, "units.json");
const results = join(dir, "results.ndjson");
const scoringArgs = ["report", "scoring", "xinghua", "--scorecard", "scorecard", "--input", unitsFile, "--period", "2026-Q1"];

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
  writeFileSync(unitsFile, JSON.stringify(units));
  const gen = spawnSync(process.execPath, [join(root, "bench/gen-cases.mjs"), "400", "--bad-every", "50"], { encoding: "utf8" });
  writeFileSync(join(dir, "cases.ndjson"), gen.stdout);
  const r = run(["eval", "suqian", "--ndjson", join(dir, "cases.ndjson"), "--out", results, "--workers", "2"]);
  expect(r.code).toBe(2); // 8 bad lines, of which line 250 is empty (skipped, not an error)
}, 120_000);

describe("report scoring", () => {
  it("Markdown: ranking with shared ranks, deductions with their clauses", () => {
    const r = run(scoringArgs);
    expect(r.code).toBe(0);
    const md = r.out;
    expect(md).toMatch(/^# 兴化市行政审批局关于2026年第一季度项目审批代办帮办工作考评情况的通报\n/);
    const rows = md.split("\n").filter((l) => /^\| \d+ \|/.test(l));
    // 附件2: zone-d loses 岗位设置 10 and 人员到位 2 × 5 = 10; its survey (6×100 + 3×80) / 9 = 93.33 × 0.3 = 28 → 78.
    expect(rows.map((l) => l.split(" | ").slice(0, 3).join(" | "))).toEqual([
      "| 1 | 戴南镇 | **100**",
      "| 2 | 张郭镇 | **90**",
      "| 2 | &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co | **90**",
      "| 4 | 经济开发区 | **78**",
    ]);
    expect(md).toContain("| 经济开发区 | 人员到位 | 不按规定要求和程序调整代办员、帮办员 | 2 | −10 | 附件2三(二) |");
    expect(md).not.toContain("<script>");
  });

  it("rejects a period of the wrong kind and an unknown scorecard with exit 2", () => {
    expect(run([...scoringArgs.slice(0, -1), "2026-03"]).err).toMatch(/scored per quarter; give --period like 2026-Q1/);
    expect(run(["report", "scoring", "xinghua", "--scorecard", "nope", "--input", unitsFile, "--period", "2026-Q1"]).code).toBe(2);
  });

  it("HTML: every pack and user string is escaped", () => {
    const r = run([...scoringArgs, "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("<script>alert(1)");
    expect(r.out).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    // Only the two script elements of the page (chart.js and the chart), and the chart data cannot close them.
    expect(r.out.match(/<script[\s>]/g)).toHaveLength(2);
    expect(r.out).toContain("\\u003cscript>alert(1)\\u003c/script> & Co");
  });
});

describe("report deadlines", () => {
  it("Markdown: totals by status, by unit and by rule, errors counted (in Chinese: report-deadlines.test.ts)", () => {
    const r = run(["report", "deadlines", results, "--unit-fact", "undertakingUnit"]);
    expect(r.code).toBe(0);
    const md = r.out;
    expect(md).toContain("按《宿迁市优化涉企服务营造一流营商环境若干制度》政策包（1.1.1版）统计392件案件的");
    expect(md.split("\n")[4]).toBe("| 按时办结 | 逾期办结 | 已超期 | 办理中 | 合计 | 按时率（已办结） | 未能计算的行 |");
    const total = md.split("\n")[6]!.split("|").slice(1, -1).map((c) => c.trim());
    const [onTime, late, overdue, running, sum] = total.map(Number);
    expect(onTime! + late! + overdue! + running!).toBe(sum);
    expect(md).toContain("## 一、按单位统计");
    expect(md).toMatch(/\| 市商务局 \| \d+/);
    expect(md).toMatch(/\| 企业问题投诉直达市长 承办时限（事实清楚、情况紧急的问题 2个工作日） \| 一\(八\) \|/);
    expect(md).toContain("7行输入未能计算（第50、100、150、200、300、350、400行）。");
  });
});

describe("HTML reports in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const shots: string[] = [];

  beforeAll(async () => {
    // Fails (never skips) when the browser is missing, with what to do about it.
    expect(existsSync(CHROMIUM), `Chromium is required for the HTML report check and was not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (shots.length) console.log(`report screenshots: ${shots.join(", ")}`);
  });

  /** Opens a report and checks it draws: non-blank chart canvas, no request leaving the file. */
  async function open(file: string): Promise<void> {
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction("window.__reportReady === true", undefined, { timeout: 15_000 });
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file:"))).toBe(true);
    page.removeAllListeners("request");
    page.removeAllListeners("pageerror");
    // Counts the canvas's painted (non-transparent) pixels. (A string: the tests compile without the DOM types.)
    const painted = await page.evaluate<{ n: number; w: number; h: number }>(`(() => {
      const c = document.getElementById("chart");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return { n, w: c.width, h: c.height };
    })()`);
    expect(painted.w).toBeGreaterThan(300);
    expect(painted.n).toBeGreaterThan(2000); // bars, axes and labels drawn
  }

  it("scoring: the ranking table has the right rows and the chart is drawn", async () => {
    const html = join(dir, "scoring.html");
    expect(run([...scoringArgs, "--out", html]).code).toBe(0);
    await open(html);
    const rows = await page.$$eval("#ranking-localities tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent!.trim())));
    expect(rows).toEqual([
      ["1", "戴南镇", "100"],
      ["2", "张郭镇", "90"],
      ["2", EVIL, "90"],
      ["4", "经济开发区", "78"],
    ]);
    expect(await page.$$eval("script", (s) => s.length)).toBe(2); // the unit named <script> stayed text
    const shot = join(dir, "scoring.png");
    await page.screenshot({ path: shot, fullPage: true });
    shots.push(shot);
    expect(readFileSync(shot).length).toBeGreaterThan(10_000);
  });

  it("deadlines: a row per unit, totals that add up, and the chart is drawn", async () => {
    const html = join(dir, "deadlines.html");
    expect(run(["report", "deadlines", results, "--unit-fact", "undertakingUnit", "--out", html]).code).toBe(0);
    await open(html);
    const units = await page.$$eval("#by-unit tbody tr td:first-child", (tds) => tds.map((td) => td.textContent!.trim()));
    expect(units).toHaveLength(8);
    expect(units).toContain("市商务局");
    const foot = await page.$$eval("#by-unit tfoot th", (ths) => ths.map((th) => th.textContent!.trim()));
    const [, onTime, late, overdue, running, total] = foot.map(Number);
    expect(onTime! + late! + overdue! + running!).toBe(total);
    const shot = join(dir, "deadlines.png");
    await page.screenshot({ path: shot, fullPage: true });
    shots.push(shot);
  });
});
