// Shared set-up of the studio's browser tests: a copy of a pack to save into, the studio served
// with its strict CSP, headless Chromium, and screenshots (into docs/studio/ with STUDIO_SCREENSHOTS=1).
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startStudio } from "../../src/studio/server.js";

export const root = resolve(__dirname, "..", "..");
export const assets = join(root, "dist", "studio");

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  if (!existsSync(join(assets, "studio.js"))) throw new TypeError("dist/studio is missing: run `npm run build` before the studio's browser tests");
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A fresh copy of bundled packs in a temporary folder (the studio saves into it). */
export function packCopy(...names: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "yingshang-studio-"));
  return names.map((n) => {
    cpSync(join(root, "policies", n), join(dir, n), { recursive: true });
    return join(dir, n);
  });
}

const shots = process.env.STUDIO_SCREENSHOTS ? join(root, "docs", "studio") : mkdtempSync(join(tmpdir(), "yingshang-studio-shots-"));

/** Saves a screenshot of the page (or one element) as NAME.png. */
export async function shot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(shots, { recursive: true });
  const path = join(shots, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path });
  return path;
}

/** Collects what the page reports as errors: CSP violations, script errors, failed requests. */
export function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => {
    // Downloads of saved files end as aborted navigations; everything else is an error.
    if (!r.url().startsWith("blob:")) errors.push(`request failed: ${r.url()}`);
  });
  return errors;
}

/** The studio served (its own CSP) on a fresh copy of one bundled pack, open in Chromium. */
export interface OpenStudio {
  browser: Browser;
  page: Page;
  /** What the page reported as errors so far (see {@link watch}). */
  errors: string[];
  server: { url: string; close: () => Promise<void> };
  /** The folder of the pack copy (the studio saves into it). */
  folder: string;
  close: () => Promise<void>;
}

export async function openStudio(pack: string, viewport: { width: number; height: number }): Promise<OpenStudio> {
  const [folder] = packCopy(pack);
  const server = await startStudio({ folders: [folder!], assets, port: 0 });
  const browser = await launch();
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = watch(page);
  return { browser, page, errors, server, folder: folder!, close: async () => (await browser.close(), await server.close()) };
}

/**
 * The studio on one bundled pack, loaded and switched to its case form (the case-form and date
 * tests start there); `csp` is the Content-Security-Policy header the page was served with.
 */
export async function openCaseForm(pack: string, viewport: { width: number; height: number }): Promise<OpenStudio & { csp: string | undefined }> {
  const studio = await openStudio(pack, viewport);
  const res = await studio.page.goto(studio.server.url);
  await studio.page.locator("#status .ok").waitFor();
  await studio.page.locator("#tab-case").click();
  await studio.page.locator("#case-form").waitFor();
  return { ...studio, csp: res?.headers()["content-security-policy"] };
}
