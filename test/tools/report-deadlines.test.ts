// `yingshang report deadlines` in Chinese by default and in English with --lang en, on a results
// file written by hand so every figure is counted by hand: five cases, one error line, one line that
// is not JSON, one periodic schedule. Checked as a person reads it: the Markdown, and the HTML page's
// visible text in headless Chromium (no ASCII word but the backquoted ids: the file name and the
// error code), with a screenshot (docs/report/ with REPORT_SCREENSHOTS=1). Chromium is required.
// Deadline and unit names from policies/suqian (deadlines.yaml 一(二), 一(八); units.yaml).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ys-deadlines-"));
const shots = process.env.REPORT_SCREENSHOTS ? join(root, "docs", "report") : dir;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });

const receipt = { pack: "suqian", version: "1.1.0", hash: "0123456789abcdef" };
const d = (deadline: string, variant: string | null, clause: string, kind: string | null) => ({ kind: "period", deadline, variant, clause, status: kind ? { kind } : null });
const lines = [
  // 1–2: 市商务局, on time and overdue, then late.
  { line: 1, facts: { undertakingUnit: "city-commerce" }, receipt, deadlines: { "mayor-direct": d("mayor-direct", "general", "一(八)", "done-on-time"), "hard-to-do": d("hard-to-do", "complex", "一(二)", "overdue") } },
  { line: 2, facts: { undertakingUnit: "city-commerce" }, receipt, deadlines: { "mayor-direct": d("mayor-direct", "general", "一(八)", "done-late") } },
  // 3–4: 市工业和信息化局, running, due today and paused: all three 办理中; a schedule not counted.
  { line: 3, facts: { undertakingUnit: "city-industry" }, receipt, deadlines: { "mayor-direct": d("mayor-direct", "general", "一(八)", "running"), ledger: { kind: "schedule", periods: [] } } },
  { line: 4, facts: { undertakingUnit: "city-industry" }, receipt, deadlines: { "mayor-direct": d("mayor-direct", "urgent", "一(八)", "due-today"), "hard-to-do": d("hard-to-do", "complex", "一(二)", "paused") } },
  { line: 5, error: { code: "FACT_ENUM" } },
];
const text = [...lines.map((l) => JSON.stringify(l)), "{broken", JSON.stringify({ line: 7, facts: {}, receipt, deadlines: { "mayor-direct": d("mayor-direct", "general", "一(八)", null) } })].join("\n") + "\n";
const results = join(dir, "results.ndjson");
writeFileSync(results, text);
const args = ["report", "deadlines", results, "--unit-fact", "undertakingUnit"];

// By hand: 市商务局 1 on time, 1 late, 1 overdue (3; rate 1 ÷ 2 = 50.0%); 市工业和信息化局 3 running;
// line 7 names no unit and has no status. Totals 1/1/1/3/1 = 7 deadlines of 5 cases.
const UNIT_ROWS = [
  ["市商务局", "1", "1", "1", "0", "0", "3", "50.0%"],
  ["市工业和信息化局", "0", "0", "0", "3", "0", "3", "—"],
  ["（案件未填写单位）", "0", "0", "0", "0", "1", "1", "—"],
];
const RULE_ROWS = [
  ["办不成事反映窗口 处理反馈时限（复杂问题5个工作日内处理反馈）", "一(二)", "0", "0", "1", "1", "0", "2", "—"],
  ["企业问题投诉直达市长 承办时限（一般性问题 5个工作日）", "一(八)", "1", "1", "0", "1", "1", "4", "50.0%"],
  ["企业问题投诉直达市长 承办时限（事实清楚、情况紧急的问题 2个工作日）", "一(八)", "0", "0", "0", "1", "0", "1", "—"],
];
const cellsOf = (md: string, first: string) => md.split("\n").find((l) => l.startsWith(`| ${first} |`))!.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, "").trim());

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("report deadlines, in Chinese by default", () => {
  it("Markdown: the figures counted by hand, by unit and by deadline, with Chinese names only", () => {
    const r = run(...args);
    expect(r.status).toBe(0);
    const md = r.stdout;
    expect(md.split("\n")[0]).toBe("# 办理时限执行情况");
    expect(md).toContain("根据批量计算结果 `results.ndjson`，按《宿迁市优化涉企服务营造一流营商环境若干制度》政策包（1.1.0版）统计5件案件的7项办理时限；单位按案件的“承办的县(区)、功能区或部门”统计。");
    expect(md).toContain("| 单位 | 按时办结 | 逾期办结 | 已超期 | 办理中 | 无状态 | 合计 | 按时率 | 逾期＋超期 |");
    for (const row of UNIT_ROWS) expect(cellsOf(md, row[0]!).slice(0, 8)).toEqual(row);
    for (const row of RULE_ROWS) expect(cellsOf(md, row[0]!)).toEqual(row);
    expect(cellsOf(md, "**合计**").slice(0, 8)).toEqual(["**合计**", "**1**", "**1**", "**1**", "**3**", "**1**", "**7**", "**50.0%**"]);
    expect(md).toContain("另有1项周期性工作（按期报送等）不计入本表。");
    expect(md).toContain("- 1行输入未能计算（第5行）。");
    expect(md).toContain("- 错误代码 `FACT_ENUM`：1行");
    expect(md).toContain("- 结果文件中第6行无法读取（不是完整的记录）。");
    // No id and no English word outside code spans and the trace comment.
    const visible = md.replace(/<!--[\s\S]*?-->/g, "").replace(/`[^`]*`/g, "").replace(/<\/?sub>/g, "");
    expect(visible.match(/[A-Za-z]+/g)).toBeNull();
    expect(md).toContain("<!-- yingshang: results.ndjson; suqian 1.1.0 0123456789abcdef; unit fact undertakingUnit -->");
  });

  it("--json keeps the data (ids and counts) for machines", () => {
    const r = run(...args, "--json");
    const data = JSON.parse(r.stdout) as { cases: number; schedules: number; unreadable: number[]; totals: Record<string, number>; unitFactName: string; byUnit: { unit: string }[] };
    expect([data.cases, data.schedules, data.unreadable]).toEqual([5, 1, [6]]);
    expect(data.totals).toEqual({ onTime: 1, late: 1, overdue: 1, running: 3, noStatus: 1, total: 7 });
    expect(data.byUnit.map((u) => u.unit)).toEqual(["city-commerce", "city-industry", "(not given)"]);
    expect(data.unitFactName).toBe("承办的县(区)、功能区或部门");
  });

  it("--lang en gives the English report, the same figures", () => {
    const r = spawnSync(process.execPath, [cli, "--lang", "en", ...args], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Deadline compliance");
    expect(r.stdout).toContain("| Unit | On time | Late | Overdue | Running | No status | Total | On-time rate | Late + overdue |");
    expect(cellsOf(r.stdout, "市商务局").slice(0, 8)).toEqual(UNIT_ROWS[0]);
    expect(r.stdout).toContain("| (no unit given) | 0 | 0 | 0 | 0 | 1 | 1 | — |");
    expect(r.stdout).toContain("1 input lines could not be evaluated (lines 5).");
  });
});

describe("report deadlines as an HTML page in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium is required and was not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`).toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  }, 60_000);
  afterAll(() => browser?.close());

  it("reads in Chinese: no ASCII word but the backquoted ids, the tables as counted by hand", async () => {
    const html = join(dir, "deadlines.html");
    expect(run(...args, "--out", html).status).toBe(0);
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction("window.__reportReady === true");
    expect(await page.evaluate("document.documentElement.lang")).toBe("zh-CN");
    expect(await page.title()).toBe("办理时限执行情况");
    const visible = await page.evaluate<string>(`(() => { const b = document.body.cloneNode(true); b.querySelectorAll("code, script").forEach((c) => c.remove()); return b.innerText; })()`);
    expect(visible.match(/[A-Za-z]+/g)).toBeNull();
    expect(await page.$$eval("main code", (cs) => cs.map((c) => c.textContent))).toEqual(["results.ndjson", "FACT_ENUM"]);
    const rows = await page.$$eval("#by-unit tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
    expect(rows).toEqual(UNIT_ROWS);
    expect(await page.$$eval("#by-rule tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())))).toEqual(RULE_ROWS);
    expect(await page.$$eval("#by-unit tfoot th", (ths) => ths.map((th) => th.textContent!.trim()))).toEqual(["合计", "1", "1", "1", "3", "1", "7", "50.0%"]);
    // The chart is drawn: its canvas has painted pixels.
    // (A string: the tests compile without the DOM types.)
    const painted = await page.evaluate<boolean>(`(() => { const c = document.getElementById("chart"); return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((x) => x !== 0); })()`);
    expect(painted).toBe(true);
    await page.screenshot({ path: join(shots, "deadlines-html.png"), fullPage: true });
  });

  it("in English with --lang en", async () => {
    const html = join(dir, "deadlines-en.html");
    expect(spawnSync(process.execPath, [cli, "--lang", "en", ...args, "--out", html], { cwd: root }).status).toBe(0);
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction("window.__reportReady === true");
    expect(await page.evaluate("document.documentElement.lang")).toBe("en");
    expect(await page.$$eval("#by-unit thead th", (ths) => ths.map((th) => th.textContent))).toEqual(["Unit", "On time", "Late", "Overdue", "Running", "No status", "Total", "On-time rate"]);
  });
});
