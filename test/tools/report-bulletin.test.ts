// The scoring report as the 通报 a 行政审批局 publishes (issue 13): entirely in Chinese, the period
// and date in words, the issuer and the document applied, townships and zones ranked apart from the
// departments (附件2一、二), every 扣完为止 cap shown, a note on an all-不了解 survey; in HTML,
// Markdown, PDF (Chromium's print) and .xlsx. Checked as a person would: the rendered page's text in
// headless Chromium, the PDF's text (pdftotext) and first page (pdftoppm), the workbook re-read.
// Chromium and poppler-utils are required (CI installs them, .ci/run): a missing one fails, never skips.
// Expected values by hand from 附件2 of the 兴化 document.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateWords, periodWords } from "../../src/cli/report/words.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ys-bulletin-"));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Screenshots go to docs/report/ with REPORT_SCREENSHOTS=1 (to refresh the docs), else a temp folder.
const shots = process.env.REPORT_SCREENSHOTS ? join(root, "docs", "report") : dir;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
/** Any ASCII word of 3+ letters (an id, an English label) — none may show in the Chinese report. */
const ASCII_WORD = /[A-Za-z][A-Za-z-]{2,}/g;

// 2026-Q1 of six units. By hand (附件2三):
//   昭阳街道: nothing deducted; survey all 不了解 → nothing counted → the pack's choice: full 30 → 100.
//   张郭镇: no 专窗 → 岗位设置 −10 → 90.
//   兴化经济开发区: 2 improper adjustments × 5 → 人员到位 0; 1 missed 月报表 −2 → 制度执行 8;
//     survey (6×100 + 3×80) / 9 = 93.33 × 0.3 = 28 → 10+0+30+8+28+10 = 86.
//   戴南镇: 12 refusals × 3 = 36 > 30 → 规范服务 0, 扣30分（扣完为止）; survey (8×100 + 2×80) / 10 = 96 × 0.3 = 28.8 → 68.8.
//   Departments apart: 市住房和城乡建设局 survey (4×100 + 80) / 5 = 96 → 28.8 → 98.8;
//     市自然资源和规划局 one 首问 failure −3 → 规范服务 27 → 97.
const q1 = {
  date: "2026-04-10",
  units: {
    dainan: { name: "戴南镇", of: "township", incidents: [{ item: "not-accepted", count: 12 }], survey: { 优秀: 8, 满意: 2 } },
    zhangguo: { name: "张郭镇", of: "township", incidents: [{ item: "window-or-helper-missing", count: 1 }], survey: { 优秀: 10 } },
    zhaoyang: { name: "昭阳街道", of: "township", incidents: [], survey: { 不了解: 6 } },
    kaifaqu: { name: "兴化经济开发区", of: "development-zone", incidents: [{ item: "improper-adjustment", count: 2 }, { item: "monthly-report-missed", count: 1 }], survey: { 优秀: 6, 满意: 3, 不了解: 1 } },
    ziranziyuan: { name: "市自然资源和规划局", of: "government-departments", incidents: [{ item: "no-first-ask-or-notice", count: 1 }], survey: { 优秀: 5 } },
    zhujian: { name: "市住房和城乡建设局", of: "government-departments", incidents: [], survey: { 优秀: 4, 满意: 1 } },
  },
};
const input = join(dir, "q1.json");
const args = ["report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", input];
const TITLE = "兴化市行政审批局关于2026年第一季度项目审批代办帮办工作考评情况的通报";

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
  writeFileSync(input, JSON.stringify(q1));
  mkdirSync(shots, { recursive: true });
});

describe("periods and dates in words", () => {
  it("writes each kind of period as a 通报 does, and in English", () => {
    expect(["2026-Q1", "2026-Q4", "2026", "2026-04", "2026-H1", "2026-H2"].map((p) => periodWords(p, "zh"))).toEqual(["2026年第一季度", "2026年第四季度", "2026年度", "2026年4月", "2026年上半年", "2026年下半年"]);
    expect(["2026-Q1", "2026", "2026-04", "2026-H2"].map((p) => periodWords(p, "en"))).toEqual(["the first quarter of 2026", "the year 2026", "April 2026", "the second half of 2026"]);
    expect([dateWords("2026-04-10", "zh"), dateWords("2026-04-10", "en")]).toEqual(["2026年4月10日", "10 April 2026"]);
  });
});

describe("the 通报 in Markdown", () => {
  const md = () => {
    const r = run(...args);
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it("has the title with issuer and period, the basis, two rankings, the cap, the survey note, issuer and date", () => {
    const text = md();
    const lines = text.split("\n");
    expect(lines[0]).toBe(`# ${TITLE}`);
    expect(lines[2]).toBe("依据《项目审批代办帮办工作考评办法》，现将2026年第一季度考评结果通报如下。");
    const headings = lines.filter((l) => l.startsWith("## "));
    expect(headings).toEqual(["## 一、乡镇(街道)、开发区考评结果", "## 二、政府职能部门考评结果", "## 三、扣分情况", "## 四、说明"]);
    const rows = (from: string) => {
      const i = lines.indexOf(from);
      const out: string[] = [];
      for (let j = i + 4; lines[j]?.startsWith("|"); j++) out.push(lines[j]!.split(" | ").slice(0, 3).join(" | "));
      return out;
    };
    expect(rows("## 一、乡镇(街道)、开发区考评结果")).toEqual(["| 1 | 昭阳街道 | **100**", "| 2 | 张郭镇 | **90**", "| 3 | 兴化经济开发区 | **86**", "| 4 | 戴南镇 | **68.8**"]);
    expect(rows("## 二、政府职能部门考评结果")).toEqual(["| 1 | 市住房和城乡建设局 | **98.8**", "| 2 | 市自然资源和规划局 | **97**"]);
    expect(text).toContain("| 名次 | 单位 | 总分 | 岗位设置（10分） | 人员到位（10分） | 规范服务（30分） | 制度执行（10分） | 民主评议（30分） | 举报投诉（10分） |");
    expect(text).toContain("| 4 | 戴南镇 | **68.8** | 10 | 10 | 0 · 扣30分（扣完为止） | 10 | 28.8 | 10 |");
    expect(text).toContain("| 戴南镇 | 规范服务 | 未及时受理、推诿或拒绝代办、帮办 | 12 | −36 | 附件2三(三) |");
    expect(text).toContain("| 戴南镇 | 规范服务 | 小计：累计应扣36分 |  | **扣30分（扣完为止）** | 附件2三(三) |");
    expect(text).toContain("3. 昭阳街道的民主评议答卷全部为“不了解”（或无人作答），不计入统计，该项按满分30分计。");
    expect(text).toContain("兴化市行政审批局  \n2026年4月10日\n");
  });

  it("shows no id and no English word outside the machine comment", () => {
    const visible = md().replace(/<!--[\s\S]*?-->/g, "").replace(/<\/?sub>/g, "");
    expect(visible.match(ASCII_WORD)).toBeNull();
  });

  it("--issuer and --date override the pack and the input; without a date none is printed (the clock is never read)", () => {
    const r = run(...args, "--issuer", "兴化市项目审批代办帮办工作领导小组办公室", "--date", "2026-04-15");
    expect(r.stdout.split("\n")[0]).toBe("# 兴化市项目审批代办帮办工作领导小组办公室关于2026年第一季度项目审批代办帮办工作考评情况的通报");
    expect(r.stdout).toContain("2026年4月15日");
    const undated = join(dir, "undated.json");
    writeFileSync(undated, JSON.stringify(q1.units));
    const u = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", undated);
    expect(u.status).toBe(0);
    expect(u.stdout).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it("--lang en gives the English version", () => {
    const r = run("--lang", "en", ...args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# 项目审批代办帮办工作考评: results for the first quarter of 2026, published by Xinghua Administrative Approval Bureau");
    expect(r.stdout).toContain("| Rank | Unit | Total | 岗位设置(10) |");
    expect(r.stdout).toContain("0 · −30, capped (扣完为止)");
    expect(r.stdout).toContain("10 April 2026");
  });

  it("refuses, with exit 2, a unit that does not say its group, a class of no group, a bad date, a PDF without --out", () => {
    const noOf = join(dir, "no-of.json");
    writeFileSync(noOf, JSON.stringify({ a: { survey: { 优秀: 1 } }, b: { of: "city-approval-bureau", survey: { 优秀: 1 } }, c: { of: "townshp", survey: { 优秀: 1 } } }));
    const r = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", noOf, "--json");
    expect(r.status).toBe(2);
    const problems = (JSON.parse(r.stdout) as { error: { problems: { path: string }[] } }).error.problems;
    expect(problems.map((p) => p.path)).toEqual(["a.of", "b.of", "c.of"]);
    expect(run(...args, "--date", "2026-02-30").status).toBe(2);
    const bad = join(dir, "bad-date.json");
    writeFileSync(bad, JSON.stringify({ ...q1, date: "10/04/2026" }));
    expect(run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026-Q1", "--input", bad).status).toBe(2);
    const pdf = run(...args, "--format", "pdf");
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toContain("--out");
  });
});

describe("the year's 综合排名, groups ranked apart", () => {
  it("ranks each group on the mean of its four quarters (附件2二; the mean is the pack's marked assumption)", () => {
    // 甲镇 100 every quarter → 100; 乙镇 loses 岗位设置 in Q1 → (90 + 300) / 4 = 97.5;
    // 丙局 loses 3 (首问) every quarter → 97; 丁局 100 → 100. Each group ranked on its own.
    const files = [1, 2, 3, 4].map((q) => {
      const f = join(dir, `year-Q${q}.json`);
      writeFileSync(f, JSON.stringify({
        date: "2027-01-15",
        units: {
          jia: { name: "甲镇", of: "township", survey: { 优秀: 1 } },
          yi: { name: "乙镇", of: "township", incidents: q === 1 ? [{ item: "window-or-helper-missing", count: 1 }] : [], survey: { 优秀: 1 } },
          bing: { name: "丙局", of: "government-departments", incidents: [{ item: "no-first-ask-or-notice", count: 1 }], survey: { 优秀: 1 } },
          ding: { name: "丁局", of: "government-departments", survey: { 优秀: 1 } },
        },
      }));
      return f;
    });
    const r = run("report", "scoring", "xinghua", "--scorecard", "scorecard", "--period", "2026", "--input", ...files);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("# 兴化市行政审批局关于2026年度项目审批代办帮办工作考评情况的通报");
    expect(r.stdout).toContain("| 名次 | 单位 | 总分 | 第一季度（100分） | 第二季度（100分） | 第三季度（100分） | 第四季度（100分） |");
    const rows = lines.filter((l) => /^\| \d \| [甲乙丙丁]/.test(l)).map((l) => l.split(" | ").slice(0, 4).join(" | "));
    expect(rows).toEqual(["| 1 | 甲镇 | **100** | 100", "| 2 | 乙镇 | **97.5** | 90", "| 1 | 丁局 | **100** | 100", "| 2 | 丙局 | **97** | 97"]);
    expect(r.stdout).toContain("年度综合排名按四个季度总分的平均值排列");
    expect(r.stdout).toContain("2027年1月15日");
  });
});

describe("the 通报 in HTML, PDF and .xlsx", () => {
  let browser: Browser;
  let page: Page;
  const html = join(dir, "q1.html");
  const pdf = join(dir, "q1.pdf");
  const xlsx = join(dir, "q1.xlsx");

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium is required and was not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`).toBe(true);
    for (const [out, f] of [[html, "html"], [pdf, "pdf"], [xlsx, "xlsx"]] as const) {
      const r = run(...args, "--out", out);
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("HTML: the rendered text is Chinese only, with the period, the cap and the survey note", async () => {
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction("window.__reportReady === true", undefined, { timeout: 15_000 });
    const text = await page.evaluate<string>("document.body.innerText");
    expect(text.match(ASCII_WORD)).toBeNull();
    expect(text).toContain(TITLE);
    expect(text).toContain("2026年第一季度");
    expect(text).toContain("扣30分（扣完为止）");
    expect(text).toContain("昭阳街道的民主评议答卷全部为“不了解”");
    expect(await page.title()).toBe(TITLE);
    const depts = await page.$$eval("#ranking-departments tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent!.trim())));
    expect(depts).toEqual([["1", "市住房和城乡建设局", "98.8"], ["2", "市自然资源和规划局", "97"]]);
    // The pack, version and hash are there for machines, in a <meta> element.
    expect(await page.$eval('meta[name="yingshang-source"]', (m) => m.getAttribute("content"))).toMatch(/^xinghua \d+\.\d+\.\d+ [0-9a-f]{16}; scorecard scorecard; period 2026-Q1; as of 2026-03-31$/);
    await page.screenshot({ path: join(shots, "scoring-html.png"), fullPage: true });
  });

  it("PDF: A4 pages whose text is the 通报's, and a first page that renders", () => {
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const t = spawnSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    expect(t.error, "pdftotext is required (apt-get install -y poppler-utils)").toBeUndefined();
    const text = t.stdout.replace(/\s+/g, "");
    for (const s of [TITLE, "依据《项目审批代办帮办工作考评办法》", "乡镇(街道)、开发区考评结果", "政府职能部门考评结果", "扣30分（扣完为止）", "2026年4月10日"]) expect(text).toContain(s);
    expect(t.stdout.match(ASCII_WORD)).toBeNull();
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const png = join(shots, "scoring-pdf-page1");
    const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
    expect(r.status).toBe(0);
    expect(readFileSync(`${png}.png`).length).toBeGreaterThan(20_000);
  });

  it("xlsx: re-read by exceljs, the scores are numbers in the right cells, the cap is the cell's comment", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["考评结果", "扣分情况"]);
    const ws = wb.getWorksheet("考评结果")!;
    const values: unknown[][] = [];
    const numbers: number[] = [];
    ws.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1));
      numbers.push(row.number);
    });
    expect(values[0]![0]).toBe(TITLE);
    const head = values.findIndex((r) => r[0] === "名次");
    expect(values[head]).toEqual(["名次", "单位", "总分", "岗位设置\n（10分）", "人员到位\n（10分）", "规范服务\n（30分）", "制度执行\n（10分）", "民主评议\n（30分）", "举报投诉\n（10分）"]);
    expect(values.slice(head + 1, head + 5)).toEqual([
      [1, "昭阳街道", 100, 10, 10, 30, 10, 30, 10],
      [2, "张郭镇", 90, 0, 10, 30, 10, 30, 10],
      [3, "兴化经济开发区", 86, 10, 0, 30, 8, 28, 10],
      [4, "戴南镇", 68.8, 10, 10, 0, 10, 28.8, 10],
    ]);
    // 戴南镇's 规范服务 cell: the fourth row under the heading, column F.
    expect(ws.getRow(numbers[head + 4]!).getCell(6).note).toBe("扣30分（扣完为止）；累计应扣36分");
    const ded: unknown[][] = [];
    wb.getWorksheet("扣分情况")!.eachRow((row) => ded.push((row.values as unknown[]).slice(1)));
    expect(ded).toContainEqual(["戴南镇", "规范服务", "未及时受理、推诿或拒绝代办、帮办", 12, -36, "附件2三(三)"]);
    expect(ded).toContainEqual(["戴南镇", "规范服务", "小计：累计应扣36分", "", -30, "附件2三(三)"]);
  });
});
