/** The page's Chinese words: labels for ids the engine uses, and how a problem reads. */
import { formatProblem, type Pack, type Problem } from "../../core.js";
import { sentenceOf } from "../../messages/format.js";
import { FIELD_ZH, IMPACT_ZH, KIND_ZH } from "../../messages/glossary.js";

/** A problem for the problem list, in Chinese: 「deadlines.yaml 第15行第15列：……」. */
export function problemLine(p: Problem): string {
  return formatProblem(p, { lang: "zh" });
}

/** A problem as the editor shows it at its line (the line is the place): the Chinese sentence. */
export function problemAtLine(p: Problem): string {
  return sentenceOf(p, "zh");
}

export const HIT_POLICY: Record<string, string> = {
  unique: "唯一命中：每个案件至多一条规则适用",
  first: "首条命中：按顺序取第一条适用的规则",
  collect: "全部收集：所有适用的规则都生效",
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

/** What a change is to (diffPacks' `area`), as `yingshang diff` names it. */
export const AREA: Readonly<Record<string, string>> = KIND_ZH;

/** The fields a change names (diffPacks' `field`), in words, as `yingshang diff` names them; others are shown as written. */
export const FIELD: Readonly<Record<string, string>> = FIELD_ZH;

export const FILE_ZH: Record<string, string> = {
  "pack.yaml": "政策包信息",
  "units.yaml": "单位",
  "facts.yaml": "事实",
  "assignment.yaml": "牵头与配合",
  "deadlines.yaml": "时限",
  "escalation.yaml": "督办链",
  "scoring.yaml": "考评",
  "duties.yaml": "职责",
  "staffing.yaml": "人员配备",
};

export const DAY_KIND: Record<string, string> = { workday: "工作日", weekend: "周末", holiday: "法定节假日", "makeup-workday": "调休上班" };

/** What a change alters in the cases, as `yingshang diff` says it. */
export const IMPACT: Readonly<Record<string, string>> = IMPACT_ZH;

/** The hover text that gives the id behind a Chinese name (for whoever edits the YAML). */
export const idTip = (id: string): string => `编号：${id}`;

/**
 * The Chinese name of a thing the pack declares, by its kind and id (`table/rule` for a rule,
 * `ladder rung r` for a rung), or null when the pack gives it none: the page then shows the id.
 */
export function nameOf(pack: Pack, kind: string, id: string): string | null {
  const d = pack.docs;
  const [a, b] = id.split("/");
  switch (kind) {
    case "fact":
      return d.facts[id]?.zh ?? null;
    case "rule": {
      const t = d.assignment.tables.find((x) => x.id === a);
      return t?.rules.find((r) => r.id === b)?.zh ?? null;
    }
    case "table":
      return d.assignment.tables.find((x) => x.id === id)?.zh ?? null;
    case "unit":
      return d.units.find((u) => u.id === id)?.zh ?? null;
    case "deadline":
      return d.deadlines.find((x) => x.id === id)?.zh ?? null;
    case "duty":
      return d.duties.find((x) => x.id === id)?.zh ?? null;
    case "scorecard":
      return d.scorecards.find((x) => x.id === id)?.zh ?? null;
    case "ladder": {
      // `ladder L`, `ladder L rung R`, `ladder L jump J`, `ladder L return [R]` (what the loader cites).
      const m = /^(\S+)(?: (rung|jump|return)(?: (\S+))?)?$/.exec(id);
      const l = d.ladders.find((x) => x.id === (m ? m[1] : id));
      if (!l?.zh || !m) return null;
      if (!m[2]) return l.zh;
      const part = m[2] === "rung" ? l.rungs.find((x) => x.id === m[3])?.zh : m[2] === "jump" ? l.jumps?.find((x) => x.id === m[3])?.zh : (l.returns?.find((x) => x.id === m[3])?.zh ?? "退回");
      return part ? `${l.zh}·${part}` : null;
    }
    default:
      return null;
  }
}
