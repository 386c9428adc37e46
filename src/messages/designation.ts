/**
 * Why a table's answer is "designation required" (需另行指定), in Chinese for people and in English
 * for `--lang en`: the result carries both (`reasonZh`, `reason`), like an outcome and its `outcomeZh`.
 */

/** What the sentence is built from: the rule's clause and quote, and the fact that would have named the unit. */
export interface DesignationWhy {
  clause: string;
  quote: string;
  /** The fact whose value names the unit when the case gives it (`{ fact, otherwise }`), else null. */
  fact: { id: string; zh: string } | null;
}

/** The Chinese sentence: no English ids, the fact by its Chinese name. */
export function designationReasonZh(w: DesignationWhy): string {
  const head = w.fact ? `本案未给出「${w.fact.zh}」，本包的对照表中也没有与本案事实对应的单位` : "本包的对照表中没有与本案事实对应的单位";
  const tail = w.fact ? `；给出「${w.fact.zh}」即可确定` : "";
  return `${head}；文件规定须另行指定（依据 ${w.clause}：${w.quote}）${tail}`;
}

/** The English sentence (ids in backquotes). */
export function designationReasonEn(w: DesignationWhy): string {
  const head = w.fact ? `the case does not give \`${w.fact.id}\` and no unit is designated for these facts in the pack's table` : "no unit is designated for these facts in the pack's table";
  return `${head} (${w.clause}); the policy leaves it to a decision: ${w.quote}`;
}
