/**
 * 每个问题代码的中文句子，写给政策工作人员看：说清哪里错了、怎么改。位置（文件、行、列）由调用方
 * 加在句首；编号只在需要照着输入时出现，并用反引号括起。新增问题代码时在这里补一句（en.ts 同理）。
 */
import type { Catalog } from "./types.js";
import { ajvZh, detailZh, factsZh, ids, inputKindZh, kindZh, limitZh, objectZh, typeZh } from "./zh-words.js";

/** 「在 `path`」 when the problem has a path but no line to point at. */
const at = (p: { path?: string; line?: number }): string => (p.path && p.line === undefined ? `\`${p.path}\` ` : "");
/** The file a problem is about: 「这个文件」 when the place already names it. */
const self = (file: string, pl: { file?: string }): string => (pl.file === file || pl.file?.endsWith(`/${file}`) ? "这个文件" : ` \`${file}\` `);
const orMaybe = (s: string | null): string => (s ? `；是否应为 \`${s}\`？` : "。");
const USAGE: Record<string, string> = {
  "unknown-command": "没有这个命令",
  "unknown-option": "没有这个选项",
  "missing-argument": "缺少参数",
  "missing-option-value": "这个选项后面缺少取值",
  "excess-arguments": "参数太多",
  "invalid-argument": "参数的取值不对",
  other: "命令写法有误",
};
const NOTICE_ZH: Record<string, string> = {
  "no-year": "通知文本中没有写明年份（国务院办公厅关于某年部分节假日安排的通知）",
  "no-items": "通知文本中没有编号的各项安排（如“一、元旦：……”）",
  "unknown-festival": "这一项的标题不是通知安排的节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）",
  "unknown-sentence": "这句话既不是放假安排、调休上班安排，也不是倡导性表述，无法确定其含义",
  "bad-date": "这句话中的日期无法确定",
  "count-mismatch": "“共几天”与所列日期的天数不符",
  "weekday-mismatch": "括号中注明的星期与日期不符",
  "lunar-mismatch": "括号中注明的农历日期与公历日期不符或无法核对",
  "makeup-on-weekday": "调休上班日不在周六或周日",
  "not-contiguous": "同一节日的放假日期不连续",
  "statutory-missing": "按当年施行的《全国年节及纪念日放假办法》应当放假的日子，通知中没有放假",
  "duplicate": "同一天被列了两次，或既放假又上班",
  "outside-year": "日期不在通知所属年份内",
};
const CONFLICT: Record<string, string> = {
  "holiday-and-makeup": "同时被列为假日和调休上班日",
  "makeup-on-weekday": "被列为调休上班日，但它本来就是工作日（周一至周五）",
  duplicate: "被重复列出",
  "outside-year": "不在它所属的年份之内",
};

export const zh: Catalog = {
  INPUT_INVALID: (p, pl) => `${at(pl)}输入有误：${detailZh(p.detail)}。`,
  FILE_MISSING: (p, pl) => `${self(p.file, pl).trimStart()}不存在或无法读取；请检查路径。`,
  FILE_ENCODING: (p, pl) => `${self(p.file, pl)}不是 UTF-8 编码；请另存为 UTF-8。`,
  PATH_ESCAPE: (p, pl) => `${self(p.path, pl)}指向政策包文件夹之外；政策包只能读取自己文件夹里的文件。`,
  LIMIT_EXCEEDED: (p) => `${limitZh(p.what)}为 ${p.actual}，超过了上限 ${p.limit}；请拆分文件或减少内容。`,
  YAML_SYNTAX: () => "这里的 YAML 写法有误，无法读取；请检查缩进、冒号和引号（含逗号或冒号的文字请加引号）。",
  YAML_DUPLICATE_KEY: () => "同一个映射中这个键出现了两次；请只保留一个（否则只有最后一个会生效）。",
  YAML_FORBIDDEN_KEY: (p) => `不允许使用键 \`${p.key}\`（它可能篡改程序内部的对象）；请改名。`,
  YAML_NON_STRING_KEY: (p) => `键 \`${p.key}\` 不是文字；键必须是词语，请加引号："${p.key}"。`,
  YAML_UNSAFE_NUMBER: (p) => `数字 \`${p.value}\` 无法精确表示；请写小于 2^53 的数，若它是文字请加引号。`,
  SCHEMA_UNKNOWN_KEY: (p, pl) => `\`${p.key}\` 不是${objectZh(pl.path, true)}的字段${p.suggestion ? `；是否应为 \`${p.suggestion}\`？` : `；允许的字段：${ids(p.allowed)}。`}`,
  SCHEMA_MISSING_KEY: (p, pl) => `${objectZh(pl.path, true)}缺少 \`${p.key}\`；请补上。`,
  SCHEMA_TYPE: (p, pl) => `${at(pl)}这里应为${typeZh(p.expected)}，而不是${typeZh(p.actual)}。`,
  SCHEMA_ENUM: (p, pl) => `${at(pl)}\`${p.actual}\` 不是允许的取值；可选：${ids(p.allowed)}${p.suggestion ? `（是否应为 \`${p.suggestion}\`？）` : ""}。`,
  SCHEMA_VIOLATION: (p, pl) => `${at(pl)}这里${ajvZh(p.keyword, p.detail)}。`,
  PACK_INVALID_DATE: (p) => `\`${p.value}\` 不是真实存在的日期；请写成 \`YYYY-MM-DD\`（如 \`2024-02-23\`）。`,
  PACK_ID_MISMATCH: (p) => `政策包编号是 \`${p.id}\`，但文件夹名是 \`${p.folder}\`；两者必须一致。`,
  UNKNOWN_REFERENCE: (p) => `没有名为 \`${p.id}\` 的${kindZh(p.kind)}${orMaybe(p.suggestion)}`,
  DUPLICATE_ID: (p) => `${kindZh(p.kind)} \`${p.id}\` 声明了不止一次（首次声明在 \`${p.firstFile}\`${p.firstLine !== null ? ` 第${p.firstLine}行` : ""}）；每个编号只能用一次。`,
  LADDER_INVALID: (p) => `督办链 \`${p.ladder}\` 有误：${detailZh(p.detail)}。`,
  SCORE_TOTAL_MISMATCH: (p) => `评分表 \`${p.scorecard}\` 声明总分 ${p.declared} 分，但各类别满分之和为 ${p.sum} 分；请改正其中之一。`,
  AMBIGUOUS_TABLE: (p) => `决策表 \`${p.table}\` 中的规则 ${ids(p.rules)} 会同时适用于同一情形（${factsZh(p.facts)}），而该表只允许一条规则适用；请收窄其中一条的条件。`,
  TABLE_GAP: (p) => `决策表 \`${p.table}\` 必须给出一个牵头单位，但对这种情形（${factsZh(p.facts)}）一个也没有；请补一条规则。`,
  EFFECTIVE_INVALID: (p) => `施行日期有误：${detailZh(p.detail)}。`,
  CONDITION_INVALID: (p) => `这个条件无法按所写的方式判断：${detailZh(p.detail)}。`,
  TEST_INVALID: (p) => `测试条目有误：${detailZh(p.detail)}。`,
  PACK_NOT_IN_FORCE: (p) => `本政策包自 ${p.from} 起施行${p.until ? `，至 ${p.until} 止` : ""}；${p.asOf} 不在施行期内。`,
  FACT_MISSING: (p) =>
    p.rule.startsWith("(") ? `缺少事实 \`${p.fact}\`，确定单位时需要它。` : `缺少事实 \`${p.fact}\`，规则 \`${p.rule}\` 需要它。`,
  FACT_TYPE: (p) => `事实 \`${p.fact}\` 应为${typeZh(p.expected)}，实际是${typeZh(p.actual)}${p.rule ? `（规则 \`${p.rule}\` 要读它）` : ""}。`,
  FACT_ENUM: (p) => `事实 \`${p.fact}\` 的值 \`${p.value}\` 不在允许的取值之中（${ids(p.allowed)}）${p.rule ? `，规则 \`${p.rule}\` 要读它` : ""}。`,
  INPUT_MISSING_KEY: (p, pl) => `案件输入缺少必填字段 \`${pl.path ?? p.key}\`，请补上。`,
  INPUT_TYPE: (p, pl) => `${pl.path ? `\`${pl.path}\` ` : "案件输入"}应为${inputKindZh(p.expected)}，实际是${inputKindZh(p.actual)}。`,
  INPUT_VALUE: (p, pl) => `${pl.path ? `\`${pl.path}\` 的` : ""}取值 \`${p.value}\` 不在允许的取值（${ids(p.allowed)}）之中${p.suggestion ? `；是否应为 \`${p.suggestion}\`？` : "。"}`,
  INPUT_ONE_OF: (p, pl) => (p.given.length === 0 ? `${pl.path ? `\`${pl.path}\` ` : ""}需要 ${ids(p.keys)} 中的一个。` : `${pl.path ? `\`${pl.path}\` ` : ""}同时给了 ${ids(p.given)}，只能给其中一个。`),
  INPUT_UNKNOWN_KEY: (p, pl) => `输入中的 \`${pl.path ?? p.key}\` 不是此处允许的字段${p.suggestion ? `；是否应为 \`${p.suggestion}\`？` : `；允许的字段：${ids(p.allowed)}。`}`,
  FACT_UNKNOWN: (p) => `本政策包没有声明事实 \`${p.fact}\`${orMaybe(p.suggestion)}`,
  RULE_UNKNOWN: (p) => `本政策包没有${kindZh(p.kind)} \`${p.id}\`；已有：${ids(p.known)}。`,
  AMBIGUOUS_MATCH: (p) => `决策表 \`${p.table}\` 只允许一条规则适用，但 ${ids(p.rules)} 都适用于这些事实；政策包需要修改。`,
  NO_VARIANT: (p) => `时限 \`${p.deadline}\` 没有适用于这些事实的情形；请对照各情形的条件核对事实。`,
  REQUIREMENT_FAILED: (p) => `规则 \`${p.rule}\` 的前提不成立：${p.message}${/[。？！）]$/.test(p.message) ? "" : "。"}`,
  ESCALATION_SKIPPED_RUNG: (p) =>
    p.from === "(start)"
      ? `督办链 \`${p.ladder}\` 不能从 \`${p.to}\` 开始；案件应从第一级开始。`
      : `督办链 \`${p.ladder}\` 必须逐级上升：\`${p.from}\` 之后不能直接到 \`${p.to}\`，也没有适用于这些事实的跳级。`,
  HISTORY_INVALID: (p, pl) => `督办链 \`${p.ladder}\` 的办理经过${pl.path ? ` \`${pl.path}\` ` : ""}有误：${detailZh(p.detail)}。`,
  SCORING_INPUT_INVALID: (p, pl) => `评分表 \`${p.scorecard}\` 的评分输入${pl.path ? ` \`${pl.path}\` ` : ""}有误：${detailZh(p.detail)}。`,
  ROSTER_NO_STAFFING_RULES: (p) => `政策包 \`${p.pack}\` 没有人员配备规则（\`staffing.yaml\`），无法核对名单。`,
  ROSTER_INVALID: (p, pl) => `名单${pl.path ? ` \`${pl.path}\` ` : ""}有误${p.cause ? "（格式不符）" : ""}：${detailZh(p.detail)}。`,
  ROSTER_AGENT_COUNT: (p) =>
    `${p.unitZh}自 ${p.date} 至 ${p.until} 在岗代办员 ${p.count} 名，${p.min !== null && p.count < p.min ? `少于${p.clause}要求的 ${p.min} 名` : `多于${p.clause}允许的 ${p.max ?? p.min} 名`}。`,
  ROSTER_HELPER_COUNT: (p) =>
    `${p.unitZh}自 ${p.date} 至 ${p.until} 在岗帮办员 ${p.count} 名，与${p.clause}的要求（${p.min !== null && p.max !== null && p.min === p.max ? `${p.min} 名` : `${p.min ?? 0} 至 ${p.max ?? "不限"} 名`}）不符。`,
  ROSTER_WINDOW_HEAD: (p) => `${p.unitZh}设有窗口，但帮办员 ${p.person} 不是窗口负责人；${p.clause}要求由窗口负责人担任。`,
  ROSTER_CHANGE_NOT_YEAR_END: (p) => `第 ${p.change + 1} 项调整在 ${p.date} 生效，不在 ${p.month} 月；${p.clause}要求每年年底集中调整，特殊情况须注明。`,
  ROSTER_TENURE: (p) => `第 ${p.change + 1} 项调整中，${p.person} 自 ${p.from} 任职，到 ${p.date} 不满 ${p.minYears} 年；${p.clause}要求任职满 ${p.minYears} 年以上，特殊情况须注明。`,
  ROSTER_CHANGE_NOT_FILED: (p) => `${p.change === null ? "初始名单" : `第 ${p.change + 1} 项调整`}未按${p.clause}的要求备案（缺：${ids(p.missing)}）。`,
  ROSTER_SPECIAL_REASON: (p) => `第 ${p.change + 1} 项调整标为特殊情况，但没有写明理由；请按${p.clause}补上 \`reason\`。`,
  ROSTER_CHANGE_MISMATCH: (p) => `${p.unitZh}的${p.person}：调整记录与人员名单不一致（${detailZh(p.detail)}）${p.clause ? `，见${p.clause}` : ""}。`,
  ROSTER_NO_AGENCY_WINDOW: (p) => `${p.unitZh}没有项目代办专窗；${p.clause}要求设立（计入评分，不算无效）。`,
  ROSTER_CADRE: (p) => `${p.person}（${p.unitZh}）的干部类别是「${p.cadreZh}」，而${p.clause}要求的是${p.allowedZh.map((a) => `「${a}」`).join("或")}（计入评分，不算无效）。`,
  DATE_OUT_OF_RANGE: (p) => `日期 ${p.date} 超出了已载入日历的范围（${p.from} 至 ${p.to}）；请载入覆盖该年份的日历文件。`,
  INVALID_DATE: (p) => `\`${p.value}\` 不是真实存在的日期或时刻；请写成 \`YYYY-MM-DD\`。`,
  INVALID_COUNT: (p) => `\`${p.value}\` 不是整数天数；请写一个整数（如 15）。`,
  CALENDAR_YAML: () => "日历文件的 YAML 写法有误，无法读取；请检查缩进、冒号和引号。",
  CALENDAR_SCHEMA: (p) => `日历文件不符合日历格式：${ajvZh(p.keyword, p.detail)}。`,
  CALENDAR_CONFLICT: (p) => `${p.date} ${CONFLICT[p.reason] ?? "与其他条目矛盾"}；请删去或改正其中一处。`,
  CALENDAR_YEAR: (p) =>
    p.reason === "duplicate-year"
      ? `${p.year} 年在日历中出现了两次；请只保留一份，或在新的一份上标明 \`replace: true\` 以替换旧的。`
      : `日历缺少 ${p.year} 年：所覆盖的年份之间不能有空缺。`,
  CALENDAR_INCOMPLETE: (p) =>
    p.reason === "not-checkable"
      ? `${p.year} 年不在法定节假日对照表的年份内，无法核对；若确实要先行使用，请在该年下标明 \`provisional: true\`（暂定）。`
      : `${p.year} 年没有放足《全国年节及纪念日放假办法》规定的全体公民放假日：缺少 ${p.missing.map((d) => `${d.date}（${d.name}）`).join("、")}；请照通知完整录入，通知尚未公布的请标明 \`provisional: true\`（暂定）。`,
  CALENDAR_UNUSED: (p) =>
    p.reason === "ambiguous"
      ? `给出的几个日历都在 \`${p.packCalendar}\` 的基础上扩展、彼此又不相承，不知该用哪一个；请只给一个，或让后一个文件扩展前一个。`
      : `给出了日历 \`${p.id}\`，但政策包使用的是 \`${p.packCalendar}\`，而 \`${p.id}\` 并非在它的基础上扩展，因此不会被用到；请在该文件中写明 \`extends: ${p.packCalendar}\`，或不再给出它。`,
  NOTICE_INVALID: (p) => `${NOTICE_ZH[p.reason]}${p.sentence ? `（原句：「${p.sentence}」）` : ""}；请对照通知原文核对，不作推测。`,
  CALENDAR_UNKNOWN: (p) => `没有名为 \`${p.name}\` 的日历；已有：${ids(p.known)}。`,
  PERIOD_INVALID: (_p, pl) => `时限的写法有误${pl.path ? `：\`${pl.path}\` 的值不符合要求` : ""}；请写明 \`workingDays\`（工作日）、\`days\`（自然日）或 \`sameDay: true\`（当场）中的一种。`,
  EVENTS_INVALID: (_p, pl) => `案件事件有误${pl.path ? `：\`${pl.path}\` 不符合要求` : ""}；日期请写成 \`YYYY-MM-DD\`，并按先后顺序排列。`,
  EXTENSION_AFTER_EXPIRY: (p) => `延期在 ${p.requestedOn} 才提出，而时限已于 ${p.dueDate} 届满；延期须在届满前告知${p.clause ? `（${p.clause}）` : ""}。`,
  EXTENSION_OVER_CAP: (p) =>
    p.cap === 0 && p.allowed === 0 && p.requested > 0 && p.clause
      ? `申请延期 ${p.requested} 天，但这个时限已到最长期限，不能再延期（${p.clause}）。`
      : p.cap === 0
        ? "这个时限没有规定延期上限，因此不能延期。"
        : `申请延期 ${p.requested} 天，但最多只能再延 ${p.allowed} 天（延期上限 ${p.cap} 天${p.clause ? `，${p.clause}` : ""}）。`,
  OTHERWISE_UNREACHABLE: (p) => `事实 \`${p.fact}\` 设有默认值（\`default\`），永远不会缺少，所以这里的 \`otherwise\`（未给出该事实时的替代）永远用不上；请去掉该事实的默认值，或去掉 \`otherwise\`。`,
  LEAD_NOT_ONE: (p) => `决策表 \`${p.table}\` 规定每个项目只有一个牵头单位，但规则 \`${p.rule}\` 列了 ${p.count} 个共同牵头单位；请只写一个，或去掉表上的 \`exactlyOneLead\`。`,
  QUOTE_NUMBER_MISMATCH: (p) => `数字 ${p.value} 不在这条规则的引文中（${p.clause}：「${p.quote.length > 40 ? `${p.quote.slice(0, 40)}…` : p.quote}」）；若文件写的是别的数字，请改正这里；若数字无误，请引用写出它的原文。`,
  ASSUMPTION_UNMARKED: () => "这个值是本包自己选定的，文件中没有依据；请加上 `assumption: { zh: 理由 }` 写明为何取这个值，解释和覆盖情况才会把它标为本包的假定。",
  TODO_PLACEHOLDER: (p) => `\`${p.text}\` 还是新建政策包时留下的占位文字；请换成文件原文。`,
  ESCALATION_EXCLUDED_PATH: (p) => `督办链 \`${p.ladder}\`：按本案的事实必须走跳级 \`${p.jump}\`，不能从 \`${p.from}\` 逐级走到 \`${p.to}\`（两条路径互相排斥）。`,
  USAGE_INVALID: (p) =>
    `${USAGE[p.reason] ?? USAGE.other}${p.word ? `：\`${p.word}\`` : ""}；请运行 \`yingshang ${p.command === "yingshang" ? "" : `${p.command} `}--help\` 查看用法。`,
  PACK_UNKNOWN: (p) => `本服务没有政策包 \`${p.pack}\`；现有：${ids(p.known)}。`,
  ROUTE_UNKNOWN: (p) => `没有这个接口 \`${p.method} ${p.url}\`；全部接口见 \`/v1/openapi.json\`。`,
};
