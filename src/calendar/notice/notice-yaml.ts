/** The calendar file (YAML, `extends: cn-mainland`) for an imported notice year. */
import type { ImportedNotice } from "./import-notice.js";

/**
 * Writes the calendar file of an imported notice year: `id: cn-mainland-YYYY`, `extends:
 * cn-mainland`, the notice's title, number and date as its source. Load it with `loadCalendar`
 * or `--calendar FILE` after reviewing it against the notice.
 *
 * @example
 * import { importNotice, noticeYaml, loadCalendar } from "yingshang";
 * // A made-up 2027 notice (the real one is not published yet), in the published form.
 * const text = `国务院办公厅关于2027年部分节假日安排的通知
 * 一、元旦：1月1日（周五）至3日（周日）放假，共3天。
 * 二、春节：2月5日（农历除夕、周五）至2月12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
 * 三、清明节：4月3日（周六）至5日（周一）放假，共3天。
 * 四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
 * 五、端午节：6月9日（周三）放假1天，不调休。
 * 六、中秋节：9月15日（周三）放假1天，不调休。
 * 七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;
 * const yaml = noticeYaml(importNotice(text), { url: "https://www.gov.cn/…" });
 * loadCalendar(yaml).addWorkingDays("2026-12-31", 1); // "2027-01-04"
 */
export function noticeYaml(n: ImportedNotice, options: { id?: string; version?: string; url?: string } = {}): string {
  const q = (s: string) => JSON.stringify(s);
  const source = [n.title ?? `国务院办公厅关于${n.year}年部分节假日安排的通知`, n.number, n.issued].filter((x): x is string => x !== null).join(" ");
  const list = (xs: { date: string; name: string }[]) => (xs.length === 0 ? " []" : "\n" + xs.map((e) => `      - { date: ${q(e.date)}, name: ${q(e.name)} }`).join("\n"));
  return [
    "# yaml-language-server: $schema=../schema/calendar.schema.json",
    `# Imported by \`yingshang calendar import\` from ${source}. Review it against the notice before use.`,
    `id: ${options.id ?? `cn-mainland-${n.year}`}`,
    `version: ${q(options.version ?? `${n.year}.1`)}`,
    "extends: cn-mainland",
    "years:",
    `  ${q(String(n.year))}:`,
    "    notices:",
    `      - ${q(options.url ?? source)}`,
    `    note: ${q(`${source}${n.warnings.length ? `. Warnings: ${n.warnings.map((w) => w.message).join(" ")}` : ""}`)}`,
    `    holidays:${list(n.holidays)}`,
    `    makeupWorkdays:${list(n.makeupWorkdays)}`,
    "",
  ].join("\n");
}
