/** The page's Chinese words: labels for ids the engine uses, and how a problem reads. */
import { formatProblem, type Problem } from "../../core.js";
import { sentenceOf } from "../../messages/format.js";

/** A problem for the problem list, in Chinese: 「deadlines.yaml 第15行第15列：……」. */
export function problemLine(p: Problem): string {
  return formatProblem(p, { lang: "zh" });
}

/** A problem as the editor shows it at its line (the line is the place): the Chinese sentence. */
export function problemAtLine(p: Problem): string {
  return sentenceOf(p, "zh");
}

export const HIT_POLICY: Record<string, string> = {
  unique: "唯一命中（unique）：每个案件至多一条规则适用",
  first: "首条命中（first）：按顺序取第一条适用的规则",
  collect: "全部收集（collect）：所有适用的规则都生效",
};

export const ROLE: Record<string, string> = {
  lead: "牵头单位",
  cooperating: "配合单位",
  helper: "帮办",
  agent: "代办",
  supervisor: "督办",
  coordinator: "协调",
  leader: "领导",
  liaison: "联络",
  outcome: "结论",
  designationRequired: "需指定",
};

export const OPERATOR: Record<string, string> = {
  equal: "＝",
  notEqual: "≠",
  lessThan: "＜",
  lessThanInclusive: "≤",
  greaterThan: "＞",
  greaterThanInclusive: "≥",
  in: "属于",
  notIn: "不属于",
  contains: "包含",
  doesNotContain: "不包含",
  dateBefore: "早于",
  dateOnOrAfter: "不早于",
};

export const CHANGE: Record<string, string> = { added: "新增", removed: "删除", changed: "修改" };

export const AREA: Record<string, string> = {
  pack: "政策包",
  clause: "条款",
  unit: "单位",
  fact: "事实",
  lookup: "对照表",
  table: "决策表",
  rule: "规则",
  deadline: "时限",
  variant: "时限情形",
  ladder: "升级链",
  rung: "升级环节",
  jump: "跳转",
  return: "退回",
  scorecard: "考评表",
  category: "考评类别",
  item: "扣分项",
  duty: "职责",
};

export const FILE_ZH: Record<string, string> = {
  "pack.yaml": "政策包信息",
  "units.yaml": "单位",
  "facts.yaml": "事实",
  "assignment.yaml": "牵头与配合",
  "deadlines.yaml": "时限",
  "escalation.yaml": "升级链",
  "scoring.yaml": "考评",
  "duties.yaml": "职责",
  "staffing.yaml": "人员配备",
};

export const DAY_KIND: Record<string, string> = { workday: "工作日", weekend: "周末", holiday: "法定节假日", "makeup-workday": "调休上班" };

export const IMPACT: Record<string, string> = {
  lead: "牵头单位",
  roles: "配合、帮办、代办等角色",
  outcome: "结论（已确定 / 需指定 / 无规则适用）",
  dueDate: "时限到期日",
  escalation: "升级（状态、办理人、期限、下一环节）",
  scoreTotal: "考评总分",
  applicability: "政策包是否适用（施行日期、事实是否被接受）",
};
