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
