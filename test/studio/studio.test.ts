// The studio driven in headless Chromium, served with its strict Content-Security-Policy: open a
// pack, make a typo and see the problem at its line, fix it, read the document, see a decision
// table, run tests, evaluate a case, view a diff, save. Expected values come from the documents.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STUDIO_CSP } from "../../src/studio/server.js";
import { openStudio, shot, type OpenStudio } from "./browser.js";

let page: Page;
let errors: string[];
let server: OpenStudio["server"];
let yingkou: string;
let studio: OpenStudio | undefined;

beforeAll(async () => {
  studio = await openStudio("yingkou", { width: 1280, height: 800 });
  ({ page, errors, server, folder: yingkou } = studio);
}, 60_000);

afterAll(() => studio?.close());

/** Replaces the open file's whole text, as pasting it over a selection of everything would. */
async function replaceText(text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  // A paste event: CodeMirror reads the clipboard data itself (typing a whole file key by key is slow).
  // (The test's tsconfig has no DOM types: the page's classes are reached through globalThis.)
  await page.locator(".cm-content").evaluate((el, t) => {
    const g = globalThis as unknown as { DataTransfer: new () => { setData(k: string, v: string): void }; ClipboardEvent: new (type: string, init: object) => unknown };
    const data = new g.DataTransfer();
    data.setData("text/plain", t);
    (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new g.ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Puts the cursor at the end of the editor line holding `text`, with the line in view. */
async function endOfLine(text: string): Promise<void> {
  const line = page.locator(".cm-line", { hasText: text }).first();
  // CodeMirror draws only the lines near the view: scroll down until the line is drawn.
  await page.locator(".cm-content").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 60 && (await line.count()) === 0; i++) await page.mouse.wheel(0, 300);
  await line.click();
  await page.keyboard.press("End");
}

describe("the studio in a browser, under a strict CSP", () => {
  it("is served with the strict policy and loads with no error", async () => {
    const res = await page.goto(server.url);
    // The studio's own policy, unchanged: no 'unsafe-eval' (the core's validators are generated at build time).
    expect(res?.headers()["content-security-policy"]).toBe(STUDIO_CSP);
    expect(STUDIO_CSP).toContain("script-src 'self';");
    expect(STUDIO_CSP).not.toContain("unsafe");
    await page.locator("#status .ok").waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it("lists the local pack and the bundled packs by their cities' Chinese names", async () => {
    const labels = await page.locator("#pack-picker option").allTextContents();
    expect(labels[0]).toContain("营口市");
    expect(labels[0]).toContain("本地，可保存");
    for (const city of ["营口市", "兴化市", "淄博市", "宿迁市"]) expect(labels.some((l) => l.startsWith(city) && l.includes("内置"))).toBe(true);
    await page.locator("#pack-picker").selectOption("bundled:suqian");
    await expect.poll(() => page.locator("#status").textContent()).toContain("宿迁市");
    await page.locator("#pack-picker").selectOption("local:yingkou");
    await expect.poll(() => page.locator("#status").textContent()).toContain("营口市");
  }, 60_000);

  it("shows a typo's problem at its line as one types, and clears it when fixed", async () => {
    await page.locator('button[data-file="deadlines.yaml"]').click();
    // deadlines.yaml line 18 (after the Chinese header comment): `period: { days: 2, sameDayAllowed: true }` (六.2 "当场或在2日内").
    await endOfLine("period: { days: 2, sameDayAllowed: true }");
    for (let i = 0; i < " 2, sameDayAllowed: true }".length + 1; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace"); // days → day
    const marker = page.locator(".cm-gutter-lint .cm-gutterElement .cm-lint-marker-error");
    await marker.first().waitFor();
    const problem = page.locator("#problems li.problem");
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.getAttribute("data-code")).toBe("SCHEMA_UNKNOWN_KEY");
    expect(await problem.textContent()).toBe("deadlines.yaml 第18行第15列：`day` 不是时限（period）的字段；是否应为 `days`？");
    // The gutter marker sits on line 18.
    const gutterLine = await page.locator(".cm-lineNumbers .cm-gutterElement").filter({ hasText: /^18$/ }).boundingBox();
    const markerBox = await marker.first().boundingBox();
    expect(Math.abs(markerBox!.y + markerBox!.height / 2 - (gutterLine!.y + gutterLine!.height / 2))).toBeLessThan(gutterLine!.height / 2);
    await marker.first().hover();
    await page.locator(".cm-tooltip-lint").waitFor();
    expect(await page.locator(".cm-tooltip-lint .cm-diagnosticText").textContent()).toBe("`day` 不是时限（period）的字段；是否应为 `days`？");
    await shot(page, "edit-problem");
    await page.locator(".cm-content").click({ position: { x: 5, y: 5 } });
    await endOfLine("period: { day: 2, sameDayAllowed: true }");
    for (let i = 0; i < " 2, sameDayAllowed: true }".length + 1; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("s");
    await expect.poll(() => page.locator("#problems li.none").count()).toBe(1);
    await expect.poll(() => marker.count()).toBe(0);
    await shot(page, "edit");
  }, 60_000);

  it("shows the document clause by clause with what cites each, and marks a clause nothing covers", async () => {
    await page.locator("#tab-document").click();
    // 营口's index has 34 clauses, all cited (POLICIES.md: coverage should be 100 %).
    await expect.poll(() => page.locator("#coverage-summary").textContent()).toContain("覆盖率 100.0%");
    expect(await page.locator('.document .clause[data-clause="二(二)2"] .clause-text').textContent()).toContain("2.市直部门引进的项目,继续由该部门作为服务团队的牵头单位");
    // Each citer by its Chinese name (assignment.yaml's zh), its id only on hover.
    const citer = page.locator('.document .clause[data-clause="二(二)2"] .citers li[data-id="lead-unit/construction-city-department"]');
    expect(await citer.textContent()).toBe("规则 签约后至竣工阶段,市直部门引进的项目继续由该部门牵头,相关部门及项目落户的县(市)区、园区配合");
    expect(await citer.getAttribute("title")).toBe("编号：lead-unit/construction-city-department");
    expect(await page.locator(".document .clause.uncovered").count()).toBe(0);
    await shot(page, "document");
    // Clause 八 is cited by three duties only (duties.yaml): cite 九 instead and 八 is uncovered.
    await page.locator("#tab-edit").click();
    await page.locator('button[data-file="duties.yaml"]').click();
    const duties = readFileSync(join(yingkou, "duties.yaml"), "utf8");
    await replaceText(duties.replaceAll("clause: 八\n", "clause: 九\n"));
    await page.locator("#tab-document").click();
    await expect.poll(() => page.locator(".document .clause.uncovered").count()).toBe(1);
    expect(await page.locator(".document .clause.uncovered").getAttribute("data-clause")).toBe("八");
    await page.locator('.clause[data-clause="八"]').scrollIntoViewIfNeeded();
    await shot(page, "document-uncovered");
    await page.locator("#tab-edit").click();
    await replaceText(duties);
  }, 60_000);

  it("shows the lead-unit table as a decision table with its hit policy and the proof of exactly one", async () => {
    await page.locator("#tab-tables").click();
    const table = page.locator('.decision-table[data-table="lead-unit"]');
    await table.waitFor();
    expect(await table.locator(".hit-policy").textContent()).toContain("唯一命中");
    expect(await table.locator(".proof").textContent()).toContain("已证明");
    const heads = await table.locator("th.fact").allTextContents();
    expect(heads).toContain("项目阶段(洽谈至签约 / 签约后至竣工 / 投产运营)");
    expect(heads).toContain("引进(首谈)单位类型");
    // 二(二)2: a project a city department brought in is led by that department after signing.
    const row = table.locator('tr[data-rule="construction-city-department"]');
    expect(await row.textContent()).toContain("项目签约后办理手续、开工、建设直至竣工阶段");
    expect(await row.textContent()).toContain("市直部门");
    expect(await row.textContent()).toContain("二(二)2");
    await shot(page, "decision-table");
  }, 60_000);

  it("runs the pack's tests, and shows expected against actual when one fails", async () => {
    await page.locator("#tab-tests").click();
    await page.locator("#run-tests").click();
    // Every test of tests/*.yaml (each starts with `- name:`) passes.
    const total = readdirSync(join(yingkou, "tests")).reduce((n, f) => n + (readFileSync(join(yingkou, "tests", f), "utf8").match(/^ {2}- name:/gm) ?? []).length, 0);
    expect(total).toBeGreaterThanOrEqual(59);
    await expect.poll(() => page.locator("#test-summary").textContent()).toBe(`✓ ${total} 个测试全部通过`);
    // Break one expectation: 二(二)4 city authority → the lead unit 市商务局 helps (city-commerce); say 盖州市 instead.
    await page.locator("#tab-edit").click();
    await page.locator('button[data-file="tests/approval-and-major.yaml"]').click();
    const text = readFileSync(join(yingkou, "tests", "approval-and-major.yaml"), "utf8");
    const at = text.indexOf("牵头单位市商务局自行负责具体帮办");
    const expectedAt = text.indexOf("roles: { helper: [city-commerce] }", at);
    expect(expectedAt).toBeGreaterThan(at);
    await replaceText(text.slice(0, expectedAt) + "roles: { helper: [gaizhou] }" + text.slice(expectedAt + "roles: { helper: [city-commerce] }".length));
    await page.locator("#tab-tests").click();
    await page.locator("#run-tests").click();
    await expect.poll(() => page.locator("#test-summary").textContent()).toBe(`✗ ${total} 个测试中 1 个未通过`);
    const fail = page.locator("li.test.fail");
    // Units by their Chinese names, with the id the test file writes.
    expect(await fail.locator("td[data-path]").first().textContent()).toBe("帮办（第1个）");
    expect(await fail.locator("td[data-path]").first().getAttribute("data-path")).toBe("roles.helper[0]");
    expect(await fail.locator("td.expected").first().textContent()).toBe("盖州市（gaizhou）");
    expect(await fail.locator("td.actual").first().textContent()).toBe("市商务局（city-commerce）");
    await fail.scrollIntoViewIfNeeded();
    await shot(page, "tests");
    await page.locator("#tab-edit").click();
    await replaceText(text);
  }, 60_000);

  it("evaluates a case from the form and explains it, with the deadline's days on a calendar", async () => {
    await page.locator("#tab-case").click();
    await page.locator("#case-asOf").fill("2026-09-30");
    await page.locator("#fact-stage").selectOption("construction");
    await page.locator("#fact-introducer").selectOption("city-department");
    await page.locator("#fact-introducerUnit").selectOption("city-industry-it");
    await page.locator("#fact-landingUnit").selectOption("gaizhou");
    await page.locator("#received-mayor-mailbox").fill("2026-09-30");
    await page.locator("#evaluate").click();
    const lead = page.locator('.explain[data-section="lead-unit"]');
    await lead.waitFor();
    // 二(二)2: after signing, the city department that brought the project in leads it.
    expect(await lead.locator(".summary").textContent()).toContain("市工业和信息化局");
    // 七: result within 7 working days of referral. Received Wed 30 Sep 2026; 1–7 Oct are the
    // National Day holiday (国务院办公厅 2026 notice), 8 Oct (Thu) is day 1, 9 Oct day 2, Sat 10 Oct
    // a 调休 working day (day 3), 12–15 Oct days 4–7: due Thu 15 Oct 2026.
    const cal = page.locator('.ledger-calendar[data-deadline="mayor-mailbox"]');
    await cal.waitFor();
    expect(await cal.locator(".months .day.due").getAttribute("data-date")).toBe("2026-10-15");
    expect(await cal.locator('.day[data-date="2026-10-10"]').getAttribute("class")).toContain("makeup-workday");
    expect(await cal.locator('.day[data-date="2026-10-10"] .n').textContent()).toBe("第3天");
    expect(await cal.locator('.day[data-date="2026-10-01"]').getAttribute("class")).toContain("holiday");
    // The shot: the deadline's answer at the top of the window, its calendar below.
    await page.locator('.explain[data-section="mayor-mailbox"]').evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: "start" }));
    await shot(page, "case");
  }, 60_000);

  it("shows the diff with its impact on generated cases, then saves the file into the folder", async () => {
    await page.locator("#tab-edit").click();
    await page.locator('button[data-file="deadlines.yaml"]').click();
    // 七 says 7 working days; a draft that shortens it to 5.
    await endOfLine("period: { workingDays: 7 }");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("5");
    await page.locator("#tab-diff").click();
    const change = page.locator("table.changes tbody tr");
    await change.first().waitFor();
    expect(await change.count()).toBe(1);
    // deadlines.yaml 七: the mayor's-mailbox deadline, by its Chinese name; the field in words.
    expect(await change.first().locator("td[data-id]").textContent()).toBe("市长信箱转办件 承办领导将办理结果告知企业的时限");
    expect(await change.first().locator("td[data-id]").getAttribute("data-id")).toBe("mayor-mailbox");
    expect(await change.first().textContent()).toContain("工作日数");
    expect(await change.first().textContent()).toContain("7");
    expect(await change.first().textContent()).toContain("5");
    expect(await page.locator("#impact").textContent()).toMatch(/生成 2,000 个案件，其中 [1-9][\d,]* 个结果改变/);
    expect(await page.locator(".warning").first().textContent()).toContain("版本号仍是 1.2.1");
    expect(await page.locator(".file-diff .dl.del").textContent()).toContain("workingDays: 7");
    expect(await page.locator(".file-diff .dl.add").textContent()).toContain("workingDays: 5");
    await shot(page, "diff");
    await page.locator("#save").click();
    await expect.poll(() => page.locator("#save-message").textContent()).toContain("已保存 1 个文件：deadlines.yaml");
    expect(readFileSync(join(yingkou, "deadlines.yaml"), "utf8")).toContain("period: { workingDays: 5 }");
    expect(await page.locator("#status").textContent()).not.toContain("未保存");
  }, 60_000);

  it("met no CSP violation, script error or failed request on the way", () => {
    expect(errors.join("\n")).toBe("");
  });
});
