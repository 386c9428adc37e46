/**
 * Chinese words for the machine words problems carry in their params (object names, kinds, types,
 * short details), so a Chinese sentence never shows an English id except where a person types it.
 */
import { KIND_ZH } from "./glossary.js";

/** Names of pack objects by the key that holds them (the last segment of a path). */
const OBJECTS: Record<string, string> = {
  period: "时限", source: "出处", variants: "情形", rules: "规则", when: "条件", then: "结论", units: "单位", facts: "事实",
  rungs: "层级", ladders: "督办链", jumps: "跳级", returns: "退回", tables: "决策表", deadlines: "时限", effective: "施行日期",
  name: "名称", document: "文件信息", scorecards: "评分表", items: "扣分项", categories: "类别", duties: "职责", tests: "测试",
  sample: "抽查", expected: "预期结果", input: "输入", events: "案件事件", extensions: "延期", extensionCap: "延期上限",
  schedule: "定期时限", lookups: "对照表", entries: "条目", outcomes: "结果", requires: "前提", clauses: "条款", survey: "满意度调查",
  answers: "答案", deduct: "扣分", roster: "名单", townships: "乡镇（园区）", departments: "部门", changes: "调整", agents: "代办员",
  helpers: "帮办员", filing: "备案", cadres: "干部类别", agencyWindow: "代办专窗", years: "年份", holidays: "假日",
  makeupWorkdays: "调休上班日", notices: "通知", all: "全部条件", any: "任一条件", not: "否定条件", cases: "分情形",
  changelog: "修订记录", city: "城市", escalateOn: "督办触发", staffing: "人员配备",
};

/** A Chinese name for the object at `path` that holds its last key, e.g. `deadlines[2].period.workingDay` → 时限（period）. */
export function objectZh(path: string | undefined, ownKey: boolean): string {
  const segs = (path ?? "").split(/[.[\]]/).filter(Boolean);
  if (ownKey) segs.pop();
  let last = segs.pop();
  let item = false;
  while (last !== undefined && /^\d+$/.test(last)) {
    item = true;
    last = segs.pop();
  }
  if (last === undefined || last === "(top)") return "本文件顶层";
  const zh = OBJECTS[last];
  if (!zh) return `\`${last}\`${item ? "中的一项" : ""}`;
  return item ? `一条${zh}（${last}）` : `${zh}（${last}）`;
}

// The kinds of the glossary, and the other kinds problems name (a category is 类别 here: the scorecard is said around it).
const KINDS: Record<string, string> = {
  ...KIND_ZH, file: "政策包文件", deadlines: KIND_ZH.deadline, category: "类别", outcome: "结果",
  sample: "抽查职责", "unit kind": "单位类别", test: "测试", scoring: KIND_ZH.scorecard,
  escalation: KIND_ZH.ladder, assignment: KIND_ZH.table, "report group": "通报分组", "report group unit": "通报分组中的单位", person: "人员", change: "调整", calendar: "日历", value: "取值",
};

/** The Chinese word for a kind of id (`unit` → 单位). */
export function kindZh(kind: string): string {
  return KINDS[kind] ?? "编号";
}

const TYPES: Record<string, string> = {
  "a mapping": "映射（键: 值）", "a list": "列表", text: "文字", "a whole number": "整数", "a number": "数字", "true or false": "真或假（true/false）",
  nothing: "空值", "nothing (null)": "空值（null）", "a boolean": "真假值", "a whole number ≥ 0": "不小于 0 的整数", null: "空值（null）",
  "a date YYYY-MM-DD": "日期（YYYY-MM-DD）", "a date": "日期", "a unit id": "单位编号", "one of its values": "其取值之一",
};

/** The Chinese word for a type word of the English sentences (`a mapping` → 映射（键: 值）). */
export function typeZh(t: string): string {
  const whole = TYPES[t];
  if (whole) return whole;
  const m = /^(text|number|boolean|string) (.*)$/.exec(t);
  if (m) return `${m[1] === "text" || m[1] === "string" ? "文字" : m[1] === "number" ? "数字" : "真假值"} \`${m[2]}\``;
  if (t.includes(" or ")) return t.split(" or ").map(typeZh).join("或");
  return `\`${t}\``;
}

/** The Chinese names of what a limit counts. */
const LIMITS: Record<string, string> = {
  "file size": "文件大小（字符或字节数）", "the number of YAML tokens": "YAML 记号数", files: "文件个数", "batch line length": "批量输入一行的长度",
  "nesting depth": "嵌套层数", "alias expansion": "别名展开后的节点数", "the number of nodes": "节点数", "nodes": "节点数", depth: "嵌套层数",
};

export function limitZh(what: string): string {
  return LIMITS[what] ?? `\`${what}\``;
}

/**
 * Chinese sentences for the short machine details of input and check problems, by detail. A detail
 * not listed here is shown as written, in backquotes (it is then a value to look up, not prose).
 */
export const DETAILS: Record<string, string> = {
  population: "随机案例数必须是 0 到 1,000,000 之间的整数",
  cases: "`cases` 必须是案例输入的列表",
  "malformed NDJSON line": "这一行不是有效的 JSON",
  "case not an object": "一个案例必须是映射，包含 `asOf`、`facts`，可选 `now`、`events`、`history`、`scoring`",
  lang: "语言只能是 `zh` 或 `en`",
  "not a case result": "解释需要 `evaluate` 的计算结果",
  "pack mismatch": "这个结果不是用本政策包算出的；请用算出它的政策包来解释",
  "schedule needs from/to": "这是定期时限；请给出起止日期 `from` 和 `to` 以列出各期到期日",
  "events missing": "缺少案件事件 `events`，至少要有收件日 `received`（开始计时的日子）",
  "facts not an object": "`facts` 必须是事实名称到取值的映射",
  asOf: "`asOf` 必须是真实存在的日期 `YYYY-MM-DD`；程序从不读取系统时钟，请给出据以适用规则的日期",
  period: "`period` 必须写明抽查的期间，如 `2026-Q1`、`2026-03`、`2026-H1` 或 `2026`",
  projects: "`projects` 必须是项目编号（文字）的列表",
  "facts file missing": "请给出事实文件（`yingshang eval PACK FACTS.json`）或一批案例（`--ndjson CASES.ndjson`）",
  "facts file and --ndjson": "事实文件和 `--ndjson` 只能给一个",
  "bad --workers": "`--workers` 必须是正整数且不超过上限",
  "worker exit": "一个批量计算进程意外退出",
  "count mismatch": "内部核对失败：读入的行数与写出的结果数不一致",
  "worker init": "一个批量计算进程无法启动",
  "bad period": "`--period` 不是期间；请写成 `2026-Q1`、`2026-H1`、`2026-03` 或 `2026`",
  "units not a mapping": "`units` 必须把每个单位映射到它的扣分事项和满意度调查",
  "unit not an object": "每个单位必须是包含 `incidents` 和（或）`survey` 的映射",
  "period kind": "评分期间的种类与评分表不符（按季、按半年、按月或按年）",
  "bad --format": "`--format` 只能是 `html` 或 `md`",
  "not an object": "时限文件必须是包含 `spec`、`events`、`now` 的映射",
  "spec or events missing": "需要时限写法和案件事件：请给出 `--spec SPEC.json --events EVENTS.json`，或一个包含 `{ spec, events, now }` 的文件",
  "now is not a string": "`now` 必须是日期或带时区的时刻（文字）",
  "pack id": "政策包编号只能用小写字母、数字和连字符，且以字母或数字开头（如 `dev-zone`）",
  "target is a file": "这是一个文件而不是文件夹；请用 `--dir` 另选",
  "fmt needs a folder": "`yingshang fmt` 会改写政策包文件夹中的文件，这里给的不是一个文件夹；内置政策包请先复制到自己的文件夹（只检查时可加 `--check`）",
  "folder not empty": "文件夹不是空的，`yingshang new` 从不覆盖文件；请用 `--dir` 选一个空的或新的文件夹",
  "malformed JSON": "这个文件不是有效的 JSON",
  "empty line": "这一行是空的；批量输入的每一行都必须是一个案例",
  "empty history": "办理经过至少要给出案件开始时所在的层级",
  evaluator: "测试的输入必须且只能指定一种计算（`assign`、`deadline`、`escalate`、`score`、`rank`、`eval` 之一）",
  "until before from": "截止日期早于起始日期",
  "rule starts before the pack": "它的起始日期早于政策包本身的施行日期",
  "rule without lead in exactlyOneLead table": "该决策表必须给出唯一的牵头单位，这条规则须写明 `lead` 或 `designationRequired`",
  "period fact not a number": "给出天数的事实必须声明为 `type: number`",
  "unit fact of wrong type": "用来指明单位的事实必须声明为 `type: unit`",
  "values on non-enum": "只有枚举（`enum`）事实才能列出 `values`",
  "min above max": "最小值大于最大值",
  "exactly with min or max": "`exactly` 不能与 `min` 或 `max` 同时使用",
  "exactly one unit": "必须且只能指明一个单位",
  "exactly one form": "必须且只能用一种写法",
  "no counted answer": "满意度调查至少要有一个计分的答案",
  "jump not forward": "跳级必须向上跳过层级",
  "return not backwards": "退回必须沿督办链向下",
  "years is empty": "日历没有任何年份；请至少加入一年及其通知、假日和调休上班日",
  "unrecorded addition": "有人员在名单开始后到岗，但没有调整记录",
  "unrecorded departure": "有人员离岗，但没有调整记录",
  "unreachable rung": "有层级永远到达不了",
  "format changed the data": "整理格式会改变文件的内容，因此没有改动它",
  "line break in a cell": "这个单元格里有换行；一个案例的单元格只能是一行，请删去换行",
  "error cell": "这个单元格是错误值（如 #N/A），或是没有保存计算结果的公式；请填入取值或留空",
  "unreadable cell": "这个单元格的内容无法读作文字；请写成文字、数字或日期",
  "bad workbook": "这个文件无法作为 Excel 工作簿（.xlsx）读取；请用 Excel 或 WPS 另存为 .xlsx",
  "csv and xlsx": "`--ndjson`、`--csv` 和 `--xlsx` 只能给一个",
};

const q = (x: string): string => `\`${x}\``;
const listed = (xs: string): string => xs.split(", ").filter(Boolean).map(q).join("、");

/** Details that carry ids (the checks of conditions write these), by their English form. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\w+) compares numbers, but `(.+)` is of type (\w+)$/, (m) => `运算符 ${q(m[1]!)} 比较的是数字，但事实 ${q(m[2]!)} 的类型是 ${q(m[3]!)}`],
  [/^(\w+) compares numbers, but the value is (.+)$/, (m) => `运算符 ${q(m[1]!)} 比较的是数字，但所给的值是 ${q(m[2]!)}`],
  [/^(\w+) compares dates/, (m) => `运算符 ${q(m[1]!)} 比较的是日期（YYYY-MM-DD），只能用于日期类型的事实`],
  [/^(\w+) needs a list as its value$/, (m) => `运算符 ${q(m[1]!)} 的值必须是列表`],
  [/^(\w+) looks inside a list, but `(.+)` is of type (\w+)$/, (m) => `运算符 ${q(m[1]!)} 查看列表里的内容，但事实 ${q(m[2]!)} 的类型是 ${q(m[3]!)}`],
  [/^`(.+)` is not a value of `(.+)` \(values: (.*)\)$/, (m) => `${q(m[1]!)} 不是事实 ${q(m[2]!)} 的取值（可选：${listed(m[3]!)}）`],
  [/^`(.+)` is true or false, but the value is (.+)$/, (m) => `事实 ${q(m[1]!)} 只能是真或假，但所给的值是 ${q(m[2]!)}`],
  [/^`path` reads inside an object, but `(.+)` is of type (\w+)$/, (m) => `${q("path")} 读取对象里的内容，但事实 ${q(m[1]!)} 的类型是 ${q(m[2]!)}`],
  [/^a condition needs all of fact, operator and value, or one of all\/any\/not \(found: (.*)\)$/, (m) => `条件必须同时写明 ${q("fact")}、${q("operator")} 和 ${q("value")}，或写 ${q("all")}、${q("any")}、${q("not")} 之一（现有：${listed(m[1]!)}）`],
];

/** A detail in Chinese: the listed sentence or pattern, else the detail itself in backquotes (a value to look up). */
export function detailZh(detail: string): string {
  const known = DETAILS[detail];
  if (known) return known;
  for (const [re, write] of PATTERNS) {
    const m = re.exec(detail);
    if (m) return write(m);
  }
  return q(detail);
}

/** `a`、`b`、`c` — ids a person may type, each in backquotes. */
export function ids(list: readonly string[]): string {
  return list.length ? list.map((x) => `\`${x}\``).join("、") : "（无）";
}

/** `fact` = `value` pairs of a case, for sentences about whole cases. */
export function factsZh(facts: Record<string, unknown>): string {
  const parts = Object.entries(facts).map(([k, v]) => `\`${k}\` = \`${typeof v === "string" ? v : JSON.stringify(v)}\``);
  return parts.length ? parts.join("，") : "（任何事实）";
}

/** Chinese for the short ajv messages of SCHEMA_VIOLATION and CALENDAR_SCHEMA. */
export function ajvZh(keyword: string, detail: string): string {
  const n = /(-?\d+(?:\.\d+)?)/.exec(detail)?.[1];
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
      return n ? `取值必须${keyword === "minimum" ? "不小于" : "大于"} ${n}` : "取值太小";
    case "maximum":
    case "exclusiveMaximum":
      return n ? `取值必须${keyword === "maximum" ? "不大于" : "小于"} ${n}` : "取值太大";
    case "minItems":
      return n ? `至少要有 ${n} 项` : "列表项太少";
    case "maxItems":
      return n ? `最多只能有 ${n} 项` : "列表项太多";
    case "minLength":
      return n === "1" ? "不能为空" : n ? `至少要有 ${n} 个字` : "太短";
    case "maxLength":
      return n ? `最多只能有 ${n} 个字` : "太长";
    case "pattern": {
      const p = /pattern "(.*)"/.exec(detail)?.[1];
      return p ? `写法不符合要求的格式 \`${p}\`` : "写法不符合要求的格式";
    }
    case "uniqueItems":
      return "列表中有重复的项";
    case "anyOf":
    case "oneOf":
      return "这种写法在此处不被允许";
    case "const":
    case "enum":
      return "不是允许的取值";
    case "minProperties":
      return "不能为空映射";
    case "format":
      return "格式不对";
    case "type":
      return "类型不对";
    case "required": {
      const k = /property '(.+)'/.exec(detail)?.[1];
      return k ? `缺少必填的字段 \`${k}\`` : "缺少必填的字段";
    }
    case "additionalProperties":
      return "有不认识的字段";
    default:
      return "不符合格式要求";
  }
}

/**
 * The Chinese words for the kinds the case input check names (`expected` and `actual` of
 * INPUT_TYPE): "a whole number ≥ 1", "NaN (not a number)", "the number 5", "a JavaScript Date"…
 */
export function inputKindZh(t: string): string {
  const m = (re: RegExp) => re.exec(t);
  let x: RegExpExecArray | null;
  if (t.startsWith("a date (YYYY-MM-DD) or an ISO instant")) return "日期（`YYYY-MM-DD`）或时刻（如 `2026-09-18T17:30:00+08:00`）";
  if (t === "a date (YYYY-MM-DD)") return "日期（`YYYY-MM-DD`）";
  if ((x = m(/^a whole number ≥ (-?\d+)$/))) return `不小于 ${x[1]} 的整数`;
  if ((x = m(/^a whole number ≤ (-?\d+)$/))) return `不大于 ${x[1]} 的整数`;
  if ((x = m(/^a (whole )?number from (\S+) to (\S+)$/))) return `${x[2]} 到 ${x[3]} 之间的${x[1] ? "整数" : "数字"}`;
  if ((x = m(/^a number ([≥≤]) (\S+)$/))) return `${x[1] === "≥" ? "不小于" : "不大于"} ${x[2]} 的数字`;
  if ((x = m(/^one of (.*)$/))) return `以下之一：${x[1]!.split(", ").map((w) => `\`${w}\``).join("、")}`;
  if ((x = m(/^a list of at least (\d+)$/))) return `至少 ${x[1]} 项的列表`;
  if ((x = m(/^a list of (\d+)$/))) return `${x[1]} 项的列表`;
  if (t.startsWith("a mapping")) return "映射（键: 值）";
  if (t === "NaN (not a number)") return "`NaN`（不是数字）";
  if (t === "Infinity" || t === "-Infinity") return `无穷大 \`${t}\``;
  if ((x = m(/^the number (.*)$/))) return `数字 \`${x[1]}\``;
  if ((x = m(/^the big integer (.*)$/))) return `大整数 \`${x[1]}\``;
  if (t === "true" || t === "false") return `真假值 \`${t}\``;
  if (t === "a JavaScript Date") return "`Date` 对象（日期要写成文字）";
  if (t === "an invalid JavaScript Date") return "无效的 `Date` 对象";
  if (t === "a luxon DateTime") return "`DateTime` 对象（日期要写成文字）";
  if (t === "null") return "空值（null）";
  if (t === "undefined") return "未定义（undefined）";
  return typeZh(t);
}
