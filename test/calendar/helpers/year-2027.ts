// A made-up 2027 calendar file for tests: NOT the real notice (not published in our sources). It
// gives off every statutory day of 2027 under the 2024 revision of the 全国年节及纪念日放假办法,
// worked out by hand: 元旦 01-01; 春节 除夕–初三 = 02-05…02-08 (正月初一 is Saturday 2027-02-06);
// 清明 04-05; 劳动节 05-01, 05-02; 端午 (五月初五) 06-09; 中秋 (八月十五) 09-15; 国庆 10-01…10-03.
// The blocks around them (weekends, 10-04…10-07) and the Sunday makeup day 01-10 are invented.
export const Y2027_ENTRIES = {
  holidays: [
    ["2027-01-01", "元旦"], ["2027-01-02", "元旦"], ["2027-01-03", "元旦"],
    ["2027-02-05", "春节"], ["2027-02-06", "春节"], ["2027-02-07", "春节"], ["2027-02-08", "春节"],
    ["2027-04-03", "清明节"], ["2027-04-04", "清明节"], ["2027-04-05", "清明节"],
    ["2027-05-01", "劳动节"], ["2027-05-02", "劳动节"], ["2027-05-03", "劳动节"],
    ["2027-06-09", "端午节"],
    ["2027-09-15", "中秋节"],
    ["2027-10-01", "国庆节"], ["2027-10-02", "国庆节"], ["2027-10-03", "国庆节"], ["2027-10-04", "国庆节"], ["2027-10-05", "国庆节"], ["2027-10-06", "国庆节"], ["2027-10-07", "国庆节"],
  ],
  makeupWorkdays: [["2027-01-10", "测试"]],
} as const;

/** The YAML of the made-up 2027 file; `id` and `extendsId` (null: no `extends:`) can be changed. */
export function y2027(id = "cn-mainland-2027", extendsId: string | null = "cn-mainland", year = "2027"): string {
  const list = (xs: readonly (readonly [string, string])[]) => xs.map(([d, n]) => `      - { date: "${d.replace(/^2027/, year)}", name: ${n} }`).join("\n");
  return `# yaml-language-server: $schema=../schema/calendar.schema.json
id: ${id}
version: "test"
${extendsId === null ? "" : `extends: ${extendsId}\n`}years:
  "${year}":
    notices: [https://example.invalid/2027]
    holidays:
${list(Y2027_ENTRIES.holidays)}
    makeupWorkdays:
${list(Y2027_ENTRIES.makeupWorkdays)}
`;
}
