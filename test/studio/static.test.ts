// The studio opened as static files (dist/studio/index.html from disk, no server): the bundled
// packs are in its script, and saving downloads the changed files instead of writing them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, launch, root, watch } from "./browser.js";

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 }, acceptDownloads: true });
  errors = watch(page);
  await page.goto(pathToFileURL(join(assets, "index.html")).href);
}, 60_000);

afterAll(() => browser?.close());

describe("the studio as static files", () => {
  it("offers the four bundled packs, read-only, and compiles them in the page", async () => {
    await page.locator("#status .ok").waitFor();
    const labels = await page.locator("#pack-picker option").allTextContents();
    expect(labels.map((l) => l.split(" · ")[0])).toEqual(["营口市", "兴化市", "淄博市", "宿迁市"]);
    expect(labels.every((l) => l.endsWith("（内置）"))).toBe(true);
  }, 60_000);

  it("downloads the changed file when saving", async () => {
    await page.locator("#pack-picker").selectOption("bundled:suqian");
    await page.locator('button[data-file="pack.yaml"]').click();
    // The next patch version: 1.1.1 → 1.1.2.
    const line = page.locator(".cm-line", { hasText: /^version: 1\.1\.1$/ }).first();
    await line.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("2");
    await page.locator("#tab-diff").click();
    expect(await page.locator("#save").textContent()).toBe("下载改动的文件");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save").click()]);
    expect(download.suggestedFilename()).toBe("pack.yaml");
    const saved = readFileSync((await download.path())!, "utf8");
    const original = readFileSync(join(root, "policies", "suqian", "pack.yaml"), "utf8");
    expect(saved).toBe(original.replace("\nversion: 1.1.1\n", "\nversion: 1.1.2\n"));
    expect(await page.locator("#save-message").textContent()).toContain("已下载 1 个文件：pack.yaml");
    expect(errors).toEqual([]);
  }, 60_000);
});
