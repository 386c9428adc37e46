/** A deadline's ledger on month calendars: each counted working day numbered, holidays and 调休 days marked. */
import type { ExplainLine, Pack, PeriodDeadlineResult } from "../../core.js";
import { h } from "./dom.js";
import { DAY_KIND } from "./words.js";

const WEEK = ["一", "二", "三", "四", "五", "六", "日"];

function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const MARK: Record<string, string> = { received: "收到", start: "起算", skip: "不计", pause: "中止", resume: "恢复", restart: "重新起算", extension: "延期", moved: "顺延", due: "到期", warning: "提醒" };

/** `lines`: the explanation's ledger lines (Chinese), shown beside the calendar and as each day's tip. */
export function renderLedgerCalendar(pack: Pack, r: PeriodDeadlineResult, lines: readonly ExplainLine[]): HTMLElement | null {
  if (!r.ledger.length) return null;
  const dates = r.ledger.map((l) => l.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const first = dates[0]!;
  const last = dates[dates.length - 1]! > r.dueDate ? dates[dates.length - 1]! : r.dueDate;
  // The day it was done (办结) is the case's, not the ledger's: marked from the status.
  const done = r.status && "completed" in r.status ? r.status.completed.slice(0, 10) : null;
  const byDate = new Map<string, typeof r.ledger>();
  for (const l of r.ledger) byDate.set(l.date, [...(byDate.get(l.date) ?? []), l]);
  const months: HTMLElement[] = [];
  let y = +first.slice(0, 4);
  let m = +first.slice(5, 7);
  // At most a year of months: a ledger is days or weeks long.
  for (let k = 0; k < 12 && ymd(y, m, 1) <= last; k++) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
    const cells: HTMLElement[] = [];
    for (let i = 0; i < lead; i++) cells.push(h("div", { class: "day blank" }));
    for (let d = 1; d <= days; d++) {
      const date = ymd(y, m, d);
      const info = pack.calendar.info(date);
      const entries = byDate.get(date) ?? [];
      const count = entries.find((e) => e.kind === "count");
      const inRange = date >= first && date <= last;
      const classes = ["day", info.kind, inRange ? "in-range" : "", date === r.dueDate ? "due" : "", count ? "counted" : ""].filter(Boolean).join(" ");
      const tip = [DAY_KIND[info.kind], info.name, ...lines.filter((l) => l.date === date).map((l) => l.text)].filter(Boolean).join("；");
      cells.push(
        h(
          "div",
          { class: classes, title: tip, "data-date": date },
          h("span", { class: "dn" }, String(d)),
          info.kind === "holiday" ? h("span", { class: "tag" }, info.name ?? "休") : info.kind === "makeup-workday" ? h("span", { class: "tag" }, "调休上班") : null,
          count ? h("span", { class: "n" }, `第${count.n}天`) : null,
          entries.filter((e) => e.kind !== "count").map((e) => h("span", { class: `ev ${e.kind}` }, MARK[e.kind] ?? e.kind)),
          date === done ? h("span", { class: "ev completed" }, r.status?.kind === "done-late" ? "办结（逾期）" : "办结") : null,
        ),
      );
    }
    months.push(h("div", { class: "month" }, h("div", { class: "month-title" }, `${y}年${m}月`), h("div", { class: "grid" }, WEEK.map((w) => h("div", { class: "wd" }, w)), cells)));
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  const legend = h("div", { class: "legend" }, h("span", { class: "day counted" }, "计入的工作日"), h("span", { class: "day holiday" }, "法定节假日"), h("span", { class: "day makeup-workday" }, "调休上班"), h("span", { class: "day weekend" }, "周末"), h("span", { class: "day due" }, "到期日"));
  return h("div", { class: "ledger-calendar", "data-deadline": r.deadline }, h("p", {}, `到期日：${r.dueDate}`), h("div", { class: "months" }, months), legend, h("ol", { class: "ledger" }, lines.map((l) => h("li", {}, l.text))));
}
