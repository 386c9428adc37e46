/**
 * One Chinese word for each kind of thing a pack declares, wherever a person reads it: problems
 * (zh-words.ts uses the same words), `yingshang diff` and the studio.
 */
export const KIND_ZH = {
  pack: "政策包",
  clause: "条款",
  unit: "单位",
  fact: "事实",
  lookup: "对照表",
  table: "决策表",
  rule: "规则",
  deadline: "时限",
  variant: "情形",
  ladder: "督办链",
  rung: "层级",
  jump: "跳级",
  return: "退回",
  scorecard: "评分表",
  category: "考评类别",
  item: "扣分项",
  duty: "职责",
} as const;

/**
 * The fields a pack change names (`diffPacks`' `field`), in words: `yingshang diff` writes them in
 * its sentences (「……的工作日数：15 → 10」), the studio in its table of changes. A field not here is
 * shown as written.
 */
export const FIELD_ZH: Readonly<Record<string, string>> = {
  version: "版本号",
  "effective.from": "施行起始日",
  "effective.until": "施行截止日",
  calendar: "工作日历",
  "name.zh": "名称",
  "document.number": "文号",
  "document.title": "文件标题",
  "document.issued": "印发日期",
  title: "标题",
  zh: "名称",
  kind: "类别",
  when: "适用条件",
  "then.lead": "牵头单位",
  "then.roles": "配合等角色",
  "then.outcome": "结论",
  source: "依据",
  "source.clause": "依据条款",
  "source.quote": "引文",
  "period.workingDays": "工作日数",
  "period.days": "自然日数",
  "within.workingDays": "期限（工作日）",
  "within.days": "期限（自然日）",
  actor: "办理单位",
  deduct: "扣分",
  points: "分值",
  max: "满分",
  total: "总分",
  order: "顺序",
  default: "默认值",
  values: "取值",
  type: "类型",
};

/** What a change can alter in a case's answer (`diffPacks`' impact kinds), in words. */
export const IMPACT_ZH = {
  lead: "牵头单位",
  roles: "配合、帮办、代办等角色",
  outcome: "决策结论（已确定、需指定、无规则适用、结论用语）",
  dueDate: "时限到期日",
  escalation: "督办（状态、办理单位、期限、下一层级）",
  scoreTotal: "考评总分",
  applicability: "政策包是否适用（施行日期、事实是否被接受）",
} as const;
