/**
 * The scoring report's tables as an .xlsx workbook (exceljs), the format bureaus circulate: one sheet
 * with the title, the lead sentence, each ranking table, the deductions and the notes. Scores are
 * numbers (they sum and sort in a spreadsheet); a capped category's 扣N分（扣完为止） is the cell's
 * comment and a line in the deductions. exceljs is loaded only when a workbook is asked for.
 */
import { loadExcelJs } from "../exceljs.js";
import type { ScoringView, ViewTable } from "./view.js";

export async function renderScoringXlsx(v: ScoringView): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = "yingshang";
  // Fixed, not the clock: the same report gives the same workbook's properties.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.title = v.title;
  wb.description = `${v.trace.pack} ${v.trace.version} ${v.trace.hash}; ${v.trace.scorecard}; ${v.trace.period}`;
  const results = wb.addWorksheet(v.sheets[0], { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = Math.max(...v.rankings.map((t) => t.head.length));
  const line = (ws: import("exceljs").Worksheet, cols: number, text: string, font: Partial<import("exceljs").Font> = {}) => {
    const row = ws.addRow([text]);
    if (cols > 1) ws.mergeCells(row.number, 1, row.number, cols);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    return row;
  };
  const table = (ws: import("exceljs").Worksheet, t: ViewTable) => {
    ws.addRow([]);
    line(ws, t.head.length, t.heading, { bold: true });
    const head = ws.addRow(t.head);
    head.eachCell((c) => {
      c.font = { bold: true };
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF0F4F8" } };
      c.border = { bottom: { style: "thin" } };
      c.alignment = { wrapText: true, vertical: "middle" };
    });
    for (const r of t.rows) {
      const row = ws.addRow(r.map((c) => (c.value !== undefined ? c.value : c.text)));
      r.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.strong) cell.font = { bold: true };
        if (t.right[i]) cell.alignment = { horizontal: "right" };
        // A number whose text says more (扣30分（扣完为止） for −30) keeps the words as the cell's comment.
        const words = c.value !== undefined && !/^[−-]?\d/.test(c.text) ? c.text : undefined;
        const note = c.note ?? words;
        if (note) cell.note = c.detail ? `${note}；${c.detail}` : note;
      });
    }
  };
  line(results, width, v.title, { bold: true, size: 14 }).getCell(1).alignment = { horizontal: "center", wrapText: true };
  line(results, width, v.lead);
  for (const t of v.rankings) table(results, t);
  results.addRow([]);
  line(results, width, v.notes.heading, { bold: true });
  v.notes.items.forEach((x, i) => (line(results, width, `${i + 1}. ${x}`).height = 15 * Math.ceil(x.length / 60)));
  if (v.signature.issuer || v.signature.date) {
    results.addRow([]);
    for (const s of [v.signature.issuer, v.signature.date]) if (s) line(results, width, s).getCell(1).alignment = { horizontal: "right" };
  }
  results.getColumn(1).width = 8;
  results.getColumn(2).width = 20;
  for (let c = 3; c <= width; c++) results.getColumn(c).width = 14;
  const ded = wb.addWorksheet(v.sheets[1]);
  if ("rows" in v.deductions) table(ded, v.deductions);
  else line(ded, 1, v.deductions.text);
  [20, 12, 44, 8, 8, 16].forEach((w, i) => (ded.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
