// How do units score? Xinghua's 项目审批代办帮办工作考评 (兴化, 附件2): 100 points, deductions only, each
// category stops at 0 (扣完为止), plus a 民主评议 survey worth 30. Scores three units and ranks them; tied
// totals share a rank (1, 2, 2).
// Run: node examples/score-and-rank.mjs
// In your own code write `import { loadPack, score, rank } from "yingshang";`.
import assert from "node:assert/strict";
import { loadPack, rank, score } from "../dist/index.js";

const xinghua = loadPack("xinghua");
const asOf = "2026-12-31";

// A quarter's record for three units (names as in a roster; the scorecard does not need them declared).
const units = {
  "dainan-town": {
    incidents: [{ item: "not-accepted", count: 2 }], // 2 × 未及时受理、推诿 −3
    survey: { 优秀: 3, 满意: 1, 不了解: 1 }, // (3×100 + 80) / 4 = 95 → 95 × 0.3 = 28.5
  },
  "zhangguo-town": {
    incidents: [{ item: "coordination-delay", count: 2 }], // a different fault, the same −6
    survey: { 优秀: 3, 满意: 1 }, // 95 → 28.5
  },
  "economic-zone": {
    incidents: [{ item: "absent-without-leave", count: 1 }], // −2
    survey: { 优秀: 5 }, // 100 → 30
  },
};

for (const [unit, record] of Object.entries(units)) {
  const s = score(xinghua, "scorecard", record, { asOf });
  const cats = Object.entries(s.categories).map(([id, c]) => `${id} ${c.score}/${c.max}`).join(", ");
  console.log(`${unit.padEnd(14)} total ${String(s.total).padStart(5)}   ${cats}`);
  for (const d of s.deductions) console.log(`${" ".repeat(15)}−${d.points} ${d.item} ×${d.count} (${d.clause})`);
}

const r = rank(xinghua, "scorecard", units, { asOf });
console.log("\nranking:");
for (const row of r.ranking) console.log(`  ${row.rank}. ${row.unit.padEnd(14)} ${row.total}`);

// 扣完为止: a category never goes below 0, however many deductions it collects.
const capped = score(xinghua, "scorecard", { incidents: [{ item: "paid-service-or-gifts", count: 3 }], survey: { 优秀: 1 } }, { asOf });
console.log(`\n3 × 有偿服务 (−10 each) costs the discipline category only its 10 points: total ${capped.total}`);

assert.deepEqual(
  r.ranking.map(({ unit, total, rank }) => ({ unit, total, rank })),
  [
    { unit: "economic-zone", total: 98, rank: 1 },
    { unit: "dainan-town", total: 92.5, rank: 2 },
    { unit: "zhangguo-town", total: 92.5, rank: 2 },
  ],
);
assert.equal(capped.categories.discipline.score, 0);
assert.equal(capped.total, 90);
console.log("\nok: 98, 92.5, 92.5 ranked 1, 2, 2");
