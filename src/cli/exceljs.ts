/** exceljs, loaded only when a workbook is written (the .xlsx report) or read (`eval --xlsx`). */
export type ExcelJs = typeof import("exceljs");

export async function loadExcelJs(): Promise<ExcelJs> {
  // The CommonJS module arrives as `default` under ESM and as itself under CommonJS.
  const mod = (await import("exceljs")) as unknown as { default?: ExcelJs } & ExcelJs;
  return mod.default ?? mod;
}
