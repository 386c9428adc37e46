/**
 * `eval PACK --xlsx FILE`: the first worksheet of an Excel or WPS workbook, read row by row with
 * exceljs's streaming reader and handed to the CSV path as CSV records, so the header, `--map`,
 * `--ignore`, the workers and the error rows are the CSV path's, not a second implementation.
 *
 * Row N of the sheet is line N of those records (rows the sheet leaves out become blank lines, which
 * the batch skips and counts), so an error row's `line` is the row a person sees in Excel.
 */
import { stringify } from "csv-stringify/sync";
import { fail, YingshangError } from "../../errors.js";
import { loadExcelJs } from "../exceljs.js";

/** Records are handed on in pieces of about this many bytes. */
const PIECE_BYTES = 256 * 1024;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * A cell's text as a case reads it. A workbook has no time zone: a date cell is the day it shows,
 * and a date-time cell its wall time, which the calendar reads as Beijing time (like an ISO
 * date-time written without an offset).
 */
function cellText(v: unknown, file: string, row: number, col: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // A line break inside a cell would make the records' lines differ from the sheet's rows.
    if (/[\r\n]/.test(v)) return fail("INPUT_INVALID", `Row ${row}, column ${col} of the workbook holds a line break; a case's cell is one line (remove the break).`, { detail: "line break in a cell" }, { file, line: row, col });
    return v;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) {
    // exceljs gives the cell's wall clock as a UTC instant.
    const day = `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours(), m = v.getUTCMinutes(), s = v.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text).join(""), file, row, col);
    if (o.error !== undefined) return fail("INPUT_INVALID", `Row ${row}, column ${col} of the workbook is the error ${String(o.error)}; give the cell a value or leave it empty.`, { detail: "error cell" }, { file, line: row, col });
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      // exceljs drops a formula's error result, and a file written by a program may hold no result.
      if (o.result === undefined) return fail("INPUT_INVALID", `Row ${row}, column ${col} of the workbook is a formula (=${String(o.formula ?? o.sharedFormula)}) with no value to read: an error such as #DIV/0!, or never calculated; give the cell a value.`, { detail: "error cell" }, { file, line: row, col });
      return cellText(o.result, file, row, col);
    }
    if (typeof o.text === "string") return cellText(o.text, file, row, col); // a hyperlink
  }
  return fail("INPUT_INVALID", `Row ${row}, column ${col} of the workbook holds a value yingshang cannot read as text; write it as text, a number or a date.`, { detail: "unreadable cell" }, { file, line: row, col });
}

/**
 * The first worksheet of a workbook (a file's path, or a stream such as stdin) as CSV bytes, in
 * pieces; `file` names it in problems.
 */
export async function* xlsxAsCsv(path: string | import("node:stream").Readable, file: string): AsyncGenerator<Buffer> {
  const { stream } = await loadExcelJs();
  // styles: the number formats tell a date cell from a number.
  const reader = new stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  let text = "";
  let last = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1); // exceljs counts columns from 1
        text += "\n".repeat(Math.max(0, row.number - last - 1));
        text += stringify([cells.map((v, i) => cellText(v, file, row.number, i + 1))], { record_delimiter: "\n" });
        last = row.number;
        if (text.length >= PIECE_BYTES) {
          yield Buffer.from(text, "utf8");
          text = "";
        }
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof YingshangError) throw e;
    return fail("INPUT_INVALID", `${file} cannot be read as an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}.`, { detail: "bad workbook" }, { file });
  }
  if (text) yield Buffer.from(text, "utf8");
}
