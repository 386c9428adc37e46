/**
 * PDF of an HTML report through headless Chromium's print (playwright-core). Loaded only when a PDF
 * is asked for: the library never imports it, and the CLI starts without it.
 */
import { existsSync } from "node:fs";
import { fail } from "../../errors.js";

/** The flags every headless run here uses: no sandbox (containers), no network of its own. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Chromium's path: `--chromium`, else CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(given?: string): string {
  const path = given ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) return fail("FILE_MISSING", `A PDF is printed by Chromium, which is not at ${path}: install it (apt-get install chromium) or give --chromium PATH.`, { file: path }, { file: path, path: "chromium" });
  return path;
}

/**
 * Prints a self-contained HTML page to A4 PDF. The page's scripts run (the chart is drawn) before
 * printing; the page makes no request, and any request it tried would be refused.
 */
export async function htmlToPdf(html: string, opts: { chromium?: string; title?: string } = {}): Promise<Buffer> {
  const executablePath = chromiumPath(opts.chromium);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    await page.waitForFunction(() => (globalThis as { __reportReady?: boolean }).__reportReady === true, undefined, { timeout: 30_000 });
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" }, displayHeaderFooter: false });
  } finally {
    await browser.close();
  }
}
