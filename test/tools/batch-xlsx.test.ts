// `eval --xlsx`: the first worksheet of a workbook (written here with exceljs, as Excel or WPS would
// save it), read through the CSV path: date and date-time cells, Chinese enum names, --map, a row
// left out of the sheet, and the refusals (a line break in a cell, a formula error, not a workbook).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "yingshang-xlsx-"));
const MAP = "id=编号,asOf=受理日期,issueKind=问题类别,events.mayor-direct.received=收件时间,now=统计时刻";
const SELECT = "deadlines.mayor-direct.dueDate,deadlines.mayor-direct.status.kind";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A workbook's cells as exceljs takes them; a Date is the wall clock the cell shows (UTC fields). */
async function workbook(name: string, rows: Record<number, unknown[]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("案件");
  for (const [n, cells] of Object.entries(rows)) {
    const row = ws.getRow(Number(n));
    cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = v.getUTCHours() || v.getUTCMinutes() ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd";
    });
    row.commit();
  }
  wb.addWorksheet("说明").getCell("A1").value = "只读第一张工作表";
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const wall = (s: string) => new Date(`${s}:00Z`);

describe("eval --xlsx", () => {
  const zh = loadPack("suqian").facts.issueKind!.valuesZh!;
  let cases = "";
  beforeAll(async () => {
    cases = await workbook("cases.xlsx", {
      1: ["编号", "受理日期", "问题类别", "收件时间", "统计时刻"],
      2: ["a", day("2026-09-18"), zh.complex, day("2026-09-18"), wall("2026-10-15T23:30")],
      // Row 3 is left out of the sheet: a blank line, skipped and counted.
      4: ["b", day("2026-09-18"), "urgent", day("2026-09-18"), wall("2026-09-22T08:00")],
      5: ["c", day("2026-09-18"), "很急", day("2026-09-18"), wall("2026-09-22T08:00")],
    });
  });

  it("reads the first sheet's rows as cases, with dates, Beijing wall times and Chinese enum names, and names each row by its number", () => {
    const r = run(["eval", "suqian", "--xlsx", cases, "--map", MAP, "--select", SELECT, "--format", "csv"]);
    expect(r.err).toMatch(/3 cases, 2 ok, 1 error, 1 blank line skipped/);
    const lines = r.out.trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe("line,id,deadlines.mayor-direct.dueDate,deadlines.mayor-direct.status.kind,error");
    // 宿政办发〔2024〕15号 一(八): complex 15 working days, urgent 2. Received Fri 2026-09-18 (the 2026
    // notice: 9-20 worked, 9-25 中秋, 10-1..7 国庆, 10-10 worked): complex → 10-15, urgent → 9-21.
    // Case a's 统计时刻 shows 2026-10-15 23:30: read as Beijing time it is still the due day (running);
    // read as UTC it would be 10-16 07:30 in Beijing, overdue.
    expect(lines[1]).toBe("2,a,2026-10-15,due-today,");
    // Case b: 9-22 is a working day after the due day 9-21.
    expect(lines[2]).toBe("4,b,2026-09-21,overdue,");
    expect(lines[3]).toMatch(/^5,c,,,"FACT_ENUM: /);
  });

  it("gives the same rows as the same cases written as CSV", () => {
    const csv = join(dir, "cases.csv");
    writeFileSync(csv, `编号,受理日期,问题类别,收件时间,统计时刻\na,2026-09-18,${zh.complex},2026-09-18,2026-10-15T23:30:00\n\nb,2026-09-18,urgent,2026-09-18,2026-09-22T08:00:00\nc,2026-09-18,很急,2026-09-18,2026-09-22T08:00:00\n`);
    const fromCsv = run(["eval", "suqian", "--csv", csv, "--map", MAP, "--select", SELECT]);
    const fromXlsx = run(["eval", "suqian", "--xlsx", cases, "--map", MAP, "--select", SELECT, "--workers", "2"]);
    // The same rows, each error naming its own file.
    expect(fromXlsx.out).toBe(fromCsv.out.replaceAll('"file":"cases.csv"', '"file":"cases.xlsx"'));
    expect(fromXlsx.out.split("\n").filter(Boolean)).toHaveLength(3);
  });

  it("refuses a cell with a line break and a formula error at their row and column, and a file that is not a workbook", async () => {
    const broken = await workbook("broken.xlsx", { 1: ["编号", "受理日期"], 2: ["a", "2026-09-18"], 3: ["b\n续", "2026-09-18"] });
    const r = run(["eval", "suqian", "--xlsx", broken, "--map", "id=编号,asOf=受理日期", "--json"]);
    expect(r.code).toBe(2);
    // With --json the problem is printed as JSON on stdout.
    expect(JSON.parse(r.out.trim().split("\n").at(-1)!).error.problems[0]).toMatchObject({ code: "INPUT_INVALID", file: "broken.xlsx", line: 3, col: 1, params: { detail: "line break in a cell" } });
    const error = await workbook("error.xlsx", { 1: ["编号", "受理日期"], 2: ["a", { error: "#N/A" }], 3: ["b", { formula: "1/0", result: { error: "#DIV/0!" } }] });
    const e = run(["eval", "suqian", "--xlsx", error, "--map", "id=编号,asOf=受理日期", "--json"]);
    expect(e.code).toBe(2);
    const ep = JSON.parse(e.out.trim().split("\n").at(-1)!).error.problems[0];
    expect([ep.line, ep.col, ep.params.detail, ep.message]).toEqual([2, 2, "error cell", expect.stringContaining("#N/A")]);
    const formula = await workbook("formula.xlsx", { 1: ["编号", "受理日期"], 2: ["b", { formula: "1/0", result: { error: "#DIV/0!" } }] });
    const f = run(["eval", "suqian", "--xlsx", formula, "--map", "id=编号,asOf=受理日期", "--json"]);
    const fp = JSON.parse(f.out.trim().split("\n").at(-1)!).error.problems[0];
    expect([f.code, fp.line, fp.col, fp.params.detail, fp.message]).toEqual([2, 2, 2, "error cell", expect.stringContaining("=1/0")]);
    const notBook = join(dir, "not.xlsx");
    writeFileSync(notBook, "编号,受理日期\na,2026-09-18\n");
    const n = run(["eval", "suqian", "--xlsx", notBook, "--json"]);
    expect(n.code).toBe(2);
    expect(JSON.parse(n.out.trim()).error.problems[0]).toMatchObject({ code: "INPUT_INVALID", file: "not.xlsx", params: { detail: "bad workbook" } });
  });

  it("refuses --xlsx beside --csv or --ndjson", () => {
    const r = run(["eval", "suqian", "--xlsx", cases, "--csv", cases]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--xlsx/);
  });
});
