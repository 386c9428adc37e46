/**
 * The deadline-compliance report as people read it, independent of the format: title, lead
 * sentence, summary cards, the tables by unit and by deadline, notes and errors. HTML and Markdown
 * render this one view, so they say the same thing. In Chinese it holds no English label and no id
 * except where a reader may need to type one (a file name, an error code, a unit the pack does not
 * name), and those are in backquotes (`…`), which each format draws as code. The pack's hash and
 * the ids stay in `trace`, kept out of the visible text.
 */
import type { Lang } from "../../messages/types.js";
import type { Compliance, Counts, DeadlinesReport } from "./deadlines.js";

export interface DeadlinesTable {
  id: "by-unit" | "by-rule";
  heading: string;
  head: string[];
  right: boolean[];
  rows: string[][];
  /** The totals row (by unit only). */
  foot?: string[];
}

export interface DeadlinesView {
  lang: Lang;
  title: string;
  lead: string;
  /** The summary figures: a number (as shown) and what it counts. */
  cards: { value: string; label: string; status?: Compliance }[];
  tables: DeadlinesTable[];
  notes: { heading: string; items: string[] };
  errors: { heading: string; items: string[] } | null;
  footer: string;
  chart: { label: string; labels: string[]; datasets: { status: Compliance; label: string; data: number[] }[] };
  trace: string;
}

interface Words {
  status: Record<Compliance, string>;
  total: string;
  rate: string;
  rateDone: string;
  errorLines: string;
  unit: string;
  rule: string;
  clause: string;
  title: string;
  heading: (n: number, what: "unit" | "rule" | "notes" | "errors") => string;
  lead: (source: string, cases: number, deadlines: number, packs: string, unit: string) => string;
  pack: (name: string | null, id: string, version: string) => string;
  unitByFact: (name: string | null, id: string) => string;
  unitByLead: string;
  notGiven: string;
  noUnit: string;
  definitions: string;
  noStatus: string;
  schedules: (n: number) => string;
  errorsLine: (n: number, lines: number[]) => string;
  byCode: (code: string, n: number) => string;
  unreadable: (lines: number[]) => string;
  footer: (lines: number) => string;
  chart: string;
}

const list = (xs: readonly (string | number)[], sep: string) => xs.join(sep);

const ZH: Words = {
  status: { onTime: "按时办结", late: "逾期办结", overdue: "已超期", running: "办理中", noStatus: "无状态" },
  total: "合计",
  rate: "按时率",
  rateDone: "按时率（已办结）",
  errorLines: "未能计算的行",
  unit: "单位",
  rule: "时限",
  clause: "依据条款",
  title: "办理时限执行情况",
  heading: (n, what) => `${["一", "二", "三", "四"][n - 1]}、${{ unit: "按单位统计", rule: "按时限统计", notes: "说明", errors: "未能计算的案件" }[what]}`,
  lead: (source, cases, deadlines, packs, unit) => `根据批量计算结果 \`${source}\`，按${packs}统计${cases}件案件的${deadlines}项办理时限；${unit}。`,
  pack: (name, id, version) => (name ? `《${name}》政策包（${version}版）` : `政策包 \`${id}\`（${version}版）`),
  unitByFact: (name, id) => (name ? `单位按案件的“${name}”统计` : `单位按案件的事实 \`${id}\` 统计`),
  unitByLead: "单位按各案件的牵头单位统计",
  notGiven: "（案件未填写单位）",
  noUnit: "（无牵头单位）",
  definitions: "按时办结：在到期日当日或之前办结；逾期办结：在到期日之后办结；已超期：未办结，已过到期日；办理中：未办结，尚未到期（含当日到期、中止计时、尚未起算）。按时率＝按时办结件数 ÷（按时办结＋逾期办结）件数。",
  noStatus: "无状态：案件未给出判断时点，无法判断是否超期。",
  schedules: (n) => `另有${n}项周期性工作（按期报送等）不计入本表。`,
  errorsLine: (n, lines) => `${n}行输入未能计算（${lines.length ? `第${list(lines, "、")}行` : "行号不详"}）。`,
  byCode: (code, n) => `错误代码 \`${code}\`：${n}行`,
  unreadable: (lines) => `结果文件中第${list(lines, "、")}行无法读取（不是完整的记录）。`,
  footer: (lines) => `共读取结果文件${lines}行。`,
  chart: "各单位办理时限情况",
};

const EN: Words = {
  status: { onTime: "On time", late: "Late", overdue: "Overdue", running: "Running", noStatus: "No status" },
  total: "Total",
  rate: "On-time rate",
  rateDone: "On-time rate (done)",
  errorLines: "Error lines",
  unit: "Unit",
  rule: "Deadline",
  clause: "Clause",
  title: "Deadline compliance",
  heading: (n, what) => `${n}. ${{ unit: "By unit", rule: "By deadline", notes: "Notes", errors: "Cases that could not be evaluated" }[what]}`,
  lead: (source, cases, deadlines, packs, unit) => `${deadlines} deadlines of ${cases} cases in the batch results \`${source}\`, computed with ${packs}; ${unit}.`,
  pack: (name, id, version) => (name ? `the policy pack “${name}” (version ${version})` : `the policy pack \`${id}\` (version ${version})`),
  unitByFact: (name, id) => `the unit is the case's fact \`${id}\`${name ? ` (${name})` : ""}`,
  unitByLead: "the unit is the case's lead unit",
  notGiven: "(no unit given)",
  noUnit: "(no lead unit)",
  definitions: "On time / late: completed on or before / after the due date. Overdue: not completed and past the due date. Running: not completed and not yet due (includes due today, paused, not started). On-time rate = on time ÷ (on time + late).",
  noStatus: "No status: the case gave no instant to judge it at.",
  schedules: (n) => `${n} periodic schedules are not counted.`,
  errorsLine: (n, lines) => `${n} input lines could not be evaluated (lines ${lines.length ? list(lines, ", ") : "unknown"}).`,
  byCode: (code, n) => `\`${code}\`: ${n}`,
  unreadable: (lines) => `Unreadable result lines: ${list(lines, ", ")}.`,
  footer: (lines) => `${lines} result lines read. Computed by yingshang.`,
  chart: "Deadline status by unit",
};

const pct = (n: number, d: number) => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : "—");

/** The status columns shown: the four groups, and 无状态 only when some result has none. */
export function columnsOf(r: DeadlinesReport): Compliance[] {
  const cols: Compliance[] = ["onTime", "late", "overdue", "running"];
  if (r.totals.noStatus > 0) cols.push("noStatus");
  return cols;
}

/** An id put between backquotes cannot hold one (it would end the code span). */
const tick = (s: string) => s.replace(/`/g, "'");

export function deadlinesView(r: DeadlinesReport, lang: Lang): DeadlinesView {
  const w = lang === "en" ? EN : ZH;
  const cols = columnsOf(r);
  const counts = (c: Counts) => [...cols.map((k) => String(c[k])), String(c.total), pct(c.onTime, c.onTime + c.late)];
  const head = [...cols.map((k) => w.status[k]), w.total, w.rate];
  const right = head.map(() => true);
  const unitName = (u: { unit: string; name: string }) =>
    u.unit === "(not given)" ? w.notGiven : u.unit === "(no unit)" ? w.noUnit : u.name !== u.unit ? u.name : `\`${tick(u.unit)}\``;
  const ruleName = (x: { rule: string; name: string }) => (x.name !== x.rule ? x.name : `\`${tick(x.rule)}\``);
  const packs = r.packs.length ? r.packs.map((p) => w.pack(p.name ?? null, tick(p.id), p.version)).join(lang === "en" ? ", " : "、") : w.pack(null, "—", "—");
  const unit = r.unitFact ? w.unitByFact(r.unitFactName ?? null, tick(r.unitFact)) : w.unitByLead;
  const notes = [w.definitions];
  if (cols.includes("noStatus")) notes.push(w.noStatus);
  if (r.schedules) notes.push(w.schedules(r.schedules));
  const errorItems: string[] = [];
  if (r.errors.total) {
    errorItems.push(w.errorsLine(r.errors.total, r.errors.firstLines));
    for (const [code, n] of Object.entries(r.errors.byCode).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) errorItems.push(w.byCode(tick(code), n));
  }
  if (r.unreadable.length) errorItems.push(w.unreadable(r.unreadable));
  return {
    lang,
    title: w.title,
    lead: w.lead(tick(r.source), r.cases, r.totals.total, packs, unit),
    cards: [
      ...cols.map((k) => ({ value: String(r.totals[k]), label: w.status[k], status: k })),
      { value: String(r.totals.total), label: w.total },
      { value: pct(r.totals.onTime, r.totals.onTime + r.totals.late), label: w.rateDone },
      { value: String(r.errors.total), label: w.errorLines },
    ],
    tables: [
      { id: "by-unit", heading: w.heading(1, "unit"), head: [w.unit, ...head], right: [false, ...right], rows: r.byUnit.map((u) => [unitName(u), ...counts(u.counts)]), foot: [w.total, ...counts(r.totals)] },
      { id: "by-rule", heading: w.heading(2, "rule"), head: [w.rule, w.clause, ...head], right: [false, false, ...right], rows: r.byRule.map((x) => [ruleName(x), x.clause ?? "", ...counts(x.counts)]) },
    ],
    notes: { heading: w.heading(3, "notes"), items: notes },
    errors: errorItems.length ? { heading: w.heading(4, "errors"), items: errorItems } : null,
    footer: w.footer(r.lines),
    chart: { label: w.chart, labels: r.byUnit.map((u) => unitName(u).replace(/`/g, "")), datasets: cols.map((k) => ({ status: k, label: w.status[k], data: r.byUnit.map((u) => u.counts[k]) })) },
    trace: `${r.source}; ${r.packs.map((p) => `${p.id} ${p.version} ${p.hash}`).join(", ")}${r.unitFact ? `; unit fact ${r.unitFact}` : ""}`,
  };
}

/** Splits text at its backquoted spans: `[plain, code, plain, …]` (odd places are code). */
export function codeSpans(text: string): string[] {
  return text.split("`");
}
