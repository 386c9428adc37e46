// The case form's dates in headless Chromium: typed as a Chinese officer writes them, read back in
// Chinese beside the field, a day that does not exist refused in Chinese beside it (and the case not
// sent), and the value the engine gets unchanged in meaning, checked on the evaluated answer.
// Chromium draws <input type="date"> in its UI locale (mm/dd/yyyy here) even with lang="zh-CN"
// (tried on Chromium 156), so the form must not use it. Cases from 营口 六.1/六.3 (see case-form.test.ts).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCaseForm, shot, type OpenStudio } from "./browser.js";

let page: Page;
let errors: string[];
let studio: OpenStudio | undefined;

beforeAll(async () => {
  studio = await openCaseForm("yingkou", { width: 1280, height: 1000 });
  ({ page, errors } = studio);
}, 60_000);

afterAll(() => studio?.close());

const note = (id: string) => page.locator(`#${id}-note`);
async function type(id: string, text: string): Promise<void> {
  const i = page.locator(`#${id}`);
  await i.fill("");
  await i.pressSequentially(text);
  await i.blur();
}

describe("the case form's dates", () => {
  it("has no browser date input: every date and instant is a text field with a Chinese hint", async () => {
    expect(await page.locator('#case-form input[type="date"], #case-form input[type="datetime-local"]').count()).toBe(0);
    expect(await page.locator("#case-asOf").getAttribute("type")).toBe("text");
    expect(await page.locator("#case-asOf").getAttribute("data-kind")).toBe("date");
    expect(await page.locator("#case-now").getAttribute("data-kind")).toBe("instant");
    // The default 适用日期 (2026-03-02, a Monday) is read back in Chinese.
    expect(await page.locator("#case-asOf").inputValue()).toBe("2026-03-02");
    expect(await note("case-asOf").textContent()).toBe("2026年3月2日（星期一）");
    expect(await note("case-now").textContent()).toBe("年-月-日，可加时:分，如 2026-12-01 09:30");
    expect(await page.locator("#case-now").getAttribute("placeholder")).toBe("年-月-日 时:分");
  });

  it("reads 2026年9月28日 as 2026-09-28 and says its weekday", async () => {
    await type("case-asOf", "2026年9月28日");
    expect(await note("case-asOf").textContent()).toBe("2026年9月28日（星期一）");
    expect(await page.locator("#case-asOf").inputValue()).toBe("2026-09-28");
  });

  it("refuses a day that does not exist, in Chinese beside the field, and does not send the case", async () => {
    await type("case-now", "2026-02-30");
    expect(await note("case-now").textContent()).toBe("2026年2月没有30日（这个月只有28天）");
    expect(await note("case-now").getAttribute("class")).toContain("bad");
    expect(await page.locator("#case-now").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "case-date-error", '.field[data-path="now"]');
    await page.locator("#evaluate").click();
    expect(await page.locator("#case-result h3").textContent()).toBe("不能计算");
    expect(await page.locator("#case-result li.date-problem").allTextContents()).toEqual(["判断时点（只填日期即当日17时；可不填）：2026年2月没有30日（这个月只有28天）"]);
    expect(await page.locator("#case-now").evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await type("case-now", "12/01/2026");
    expect(await note("case-now").textContent()).toBe("看不懂这个日期：请按“年-月-日”或“年-月-日 时:分”填写，如 2026-12-01 或 2026-12-01 09:30");
  });

  it("gives the engine the time typed: done at 23:30 on the due day is on time, 00:30 the next day late", async () => {
    await type("case-now", "2026-10-16 09:00");
    expect(await note("case-now").textContent()).toBe("2026年10月16日（星期五）9:00");
    await page.locator("#fact-stage").selectOption({ label: "项目洽谈至签约阶段" });
    await page.locator("#fact-introducer").selectOption({ label: "县(市)区、园区" });
    await page.locator("#fact-introducerUnit").selectOption({ label: "盖州市" });
    await page.locator("#fact-promisedWorkingDays").fill("5");
    await page.locator("#fact-statutoryWorkingDays").fill("20");
    const commitment = page.locator('fieldset.deadline-events[data-deadline="commitment"]');
    await type("received-commitment", "2026-09-28 09:30");
    await commitment.locator("summary").click();
    await commitment.locator('button.add-row[data-path="events.commitment.extensions"]').click();
    await type("case-events-commitment-extensions-0-requestedOn", "2026年10月9日");
    await page.locator("#case-events-commitment-extensions-0-workingDays").fill("3");
    // 六.1/六.3 (case-form.test.ts): 5 working days from 29 Sep over National Day, extended by 3: due Wed 14 Oct.
    await type("case-events-commitment-completed", "2026-10-14 23:30");
    expect(await page.locator("#case-events-commitment-completed").inputValue()).toBe("2026-10-14 23:30");
    await page.locator("#evaluate").click();
    const summary = page.locator('.explain[data-section="commitment"] .summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain("到期日 2026-10-14");
    expect(await summary.textContent()).toContain("已按时办结（2026-10-14）");
    // 16:30 UTC on the 14th is 00:30 on Thu 15 Oct in Shanghai: one working day late.
    // Typed and 「计算并解释」 clicked at once, the field still focused (a click once lost to a scroll jump on blur).
    await page.locator("#case-events-commitment-completed").fill("2026-10-14 16:30Z");
    expect(await note("case-events-commitment-completed").textContent()).toBe("北京时间2026年10月15日（星期四）0:30");
    await page.locator("#evaluate").click();
    await expect.poll(() => summary.textContent()).toContain("逾期办结（2026-10-15，超期 1 个工作日）");
  }, 60_000);

  it("met no CSP violation, script error or failed request", () => {
    expect(errors.join("\n")).toBe("");
  });
});
