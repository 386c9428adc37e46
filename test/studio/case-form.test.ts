// The studio's case form, generated from the pack's input schema (inputSchema(pack)), driven in
// headless Chromium under the studio's strict CSP: the fields the schema gives (choices with their
// Chinese titles, 是/否, numbers, dates, each deadline's events with rows for extensions), a case
// filled in and evaluated, the Chinese answer, and the deadline's days on the calendar.
// Expected values are worked out by hand from 营口's document and the 2026 holiday notice.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STUDIO_CSP } from "../../src/studio/server.js";
import { openCaseForm, shot, type OpenStudio } from "./browser.js";

let page: Page;
let errors: string[];
let studio: OpenStudio | undefined;

beforeAll(async () => {
  const opened = await openCaseForm("yingkou", { width: 1280, height: 1000 });
  studio = opened;
  ({ page, errors } = opened);
  expect(opened.csp).toBe(STUDIO_CSP);
}, 60_000);

afterAll(() => studio?.close());

const labelOf = (id: string) => page.locator(`label[for="${id}"]`).first().textContent();

describe("the studio's case form, generated from the input schema", () => {
  it("offers each fact by its Chinese name, of its kind, with enum values by their Chinese titles", async () => {
    // facts.yaml: stage is an enum whose valuesZh name the three stages of 二.
    // The label is the Chinese title alone; the key (an id for case files) only in the hover text.
    expect(await labelOf("fact-stage")).toBe("项目阶段(洽谈至签约 / 签约后至竣工 / 投产运营)");
    expect(await page.locator('label[for="fact-stage"]').getAttribute("title")).toContain("键名：stage");
    expect(await page.locator("#fact-stage option").allTextContents()).toEqual(["（不填）", "项目洽谈至签约阶段", "项目签约后办理手续、开工、建设直至竣工阶段", "项目投产运营阶段"]);
    expect(await page.locator("#fact-stage option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))).toEqual(["", "negotiation", "construction", "operation"]);
    // A unit fact offers the units of its kinds by their Chinese names (landingUnit: county or park).
    const landing = await page.locator("#fact-landingUnit option").allTextContents();
    expect(landing).toContain("盖州市");
    expect(landing).not.toContain("市招商局");
    // isMajor is true/false; promisedWorkingDays a number (六.1), at least 0.
    expect(await page.locator("#fact-isMajor option").allTextContents()).toEqual(["（不填）", "是", "否"]);
    expect(await page.locator("#fact-promisedWorkingDays").getAttribute("type")).toBe("number");
    expect(await page.locator("#fact-promisedWorkingDays").getAttribute("min")).toBe("0");
    expect(await page.locator("#case-asOf").getAttribute("type")).toBe("text");
  });

  it("offers the events of each of the pack's four period deadlines, by their Chinese names", async () => {
    // deadlines.yaml: materials-notice and on-the-spot (六.2), commitment (六.1), mayor-mailbox (七).
    const groups = page.locator("fieldset.deadline-events");
    expect(await groups.evaluateAll((fs) => fs.map((f) => (f as unknown as { dataset: { deadline: string } }).dataset.deadline))).toEqual(["materials-notice", "on-the-spot", "commitment", "mayor-mailbox"]);
    const commitment = page.locator('fieldset.deadline-events[data-deadline="commitment"]');
    expect(await commitment.locator("legend").textContent()).toBe("承诺办理时限(不得超过法定时限;延期后总时限最长不超过法定时限)");
    expect(await labelOf("received-commitment")).toBe("受理（起算）时间");
    expect(await commitment.locator("summary").textContent()).toBe("中止计时、补正后重新计算、延期、办结时间");
  });

  it("evaluates a filled-in case and explains it in Chinese, with the extended deadline on the calendar", async () => {
    await page.locator("#case-asOf").fill("2026-09-28");
    await page.locator("#case-now").fill("2026-10-13");
    await page.locator("#fact-stage").selectOption({ label: "项目洽谈至签约阶段" });
    await page.locator("#fact-introducer").selectOption({ label: "县(市)区、园区" });
    await page.locator("#fact-introducerUnit").selectOption({ label: "盖州市" });
    await page.locator("#fact-isMajor").selectOption({ label: "是" });
    await page.locator("#fact-promisedWorkingDays").fill("5");
    await page.locator("#fact-statutoryWorkingDays").fill("20");
    const commitment = page.locator('fieldset.deadline-events[data-deadline="commitment"]');
    await page.locator("#received-commitment").fill("2026-09-28");
    await commitment.locator("summary").click();
    await commitment.locator('button.add-row[data-path="events.commitment.extensions"]').click();
    expect(await labelOf("case-events-commitment-extensions-0-requestedOn")).toBe("延期批准日");
    await page.locator("#case-events-commitment-extensions-0-requestedOn").fill("2026-10-09");
    await page.locator("#case-events-commitment-extensions-0-workingDays").fill("3");
    await page.locator("#case-events-commitment-extensions-0-reason").fill("需现场核查");
    await page.locator("#case-events-commitment-completed").fill("2026-10-13");
    await shot(page, "case-form", "#case-form");
    await page.locator("#evaluate").click();

    // 二(一)1: until signing, the county or park that first talked to the investor leads.
    const lead = page.locator('.explain[data-section="lead-unit"] .summary');
    await lead.waitFor();
    expect(await lead.textContent()).toContain("牵头单位：盖州市（依据 二(一)1");
    // 一: a major project is sponsored by a city leader (市级领导包扶).
    expect(await page.locator('.explain[data-section="major-project"] .summary').textContent()).toContain("包扶(挂钩)领导：市级领导(重大项目包扶)");
    // 六.1: 5 promised working days from the day after receipt (民法典 第201条), received Mon 28 Sep
    // 2026: 29 and 30 Sep are days 1–2, 1–7 Oct the National Day holiday, Thu 8 Oct day 3, Fri 9 Oct
    // day 4, Sat 10 Oct a 调休 working day (day 5): due 10 Oct. 六.3: the extension of 3 working
    // days, granted on 9 Oct before expiry, adds Mon 12, Tue 13 and Wed 14 Oct (8 ≤ the statutory 20):
    // due Wed 14 Oct 2026. Done on 13 Oct: on time.
    const deadline = page.locator('.explain[data-section="commitment"] .summary');
    expect(await deadline.textContent()).toContain("到期日 2026-10-14");
    expect(await deadline.textContent()).toContain("已按时办结（2026-10-13）");
    const cal = page.locator('.ledger-calendar[data-deadline="commitment"]');
    expect(await cal.locator(".months .day.due").getAttribute("data-date")).toBe("2026-10-14");
    expect(await cal.locator('.day[data-date="2026-10-10"]').getAttribute("class")).toContain("makeup-workday");
    expect(await cal.locator('.day[data-date="2026-10-10"] .n').textContent()).toBe("第5天");
    expect(await cal.locator('.day[data-date="2026-10-01"]').getAttribute("class")).toContain("holiday");
    expect(await cal.locator('.day[data-date="2026-10-09"] .ev.extension').textContent()).toBe("延期");
    expect(await cal.locator('.day[data-date="2026-10-14"] .n').textContent()).toBe("第8天");
    expect(await cal.locator('.day[data-date="2026-10-13"] .ev.completed').textContent()).toBe("办结");
    await page.locator(".explain.deadline").first().scrollIntoViewIfNeeded();
    await shot(page, "case-extension", '.explain[data-section="commitment"]');
  }, 60_000);

  it("shows the schema check's Chinese problem when a deadline's start is left out", async () => {
    await page.locator("#received-commitment").fill("");
    await page.locator("#evaluate").click();
    const problem = page.locator("#case-result li.problem");
    await problem.first().waitFor();
    // EVENTS requires `received`: without the day it starts, a deadline cannot be counted.
    expect(await problem.first().getAttribute("data-code")).toBe("INPUT_MISSING_KEY");
    expect(await problem.first().textContent()).toContain("events.commitment.received");
    expect(await page.locator("#case-result h3").textContent()).toBe("不能计算");
  });

  it("met no CSP violation, script error or failed request", () => {
    expect(errors.join("\n")).toBe("");
  });
});
