// Where does a complaint go when it is not resolved? Suqian's 企业投诉分级会办 ladder (二(十二)), walked rung
// by rung: at each step the case's history grows by one rung and `escalate` says who acts and what is next.
// Run: node examples/walk-escalation.mjs
// In your own code write `import { loadPack, escalate } from "yingshang";`.
import assert from "node:assert/strict";
import { escalate, loadPack } from "../dist/index.js";

const suqian = loadPack("suqian");
const facts = { receivingUnit: "city-market-regulation" }; // the unit that received the complaint (首问负责)
const zh = (id) => suqian.units.get(id)?.zh ?? id;
const days = ["2026-03-02", "2026-03-05", "2026-03-10", "2026-03-16"];

const history = [{ rung: "receiving-unit", at: days[0] }];
const path = [];
for (let step = 0; ; step++) {
  const r = escalate(suqian, "complaint", { facts, history, now: `${days[step]}T17:00:00+08:00` }, { asOf: "2026-03-02" });
  const rung = r.trace.filter((t) => t.kind === "rung").at(-1);
  path.push(r.current);
  console.log(`${step + 1}. ${days[step]}  ${r.current.padEnd(21)} ${zh(r.actor)}  (${rung?.clause}, status ${r.status})`);
  if (!r.next) {
    console.log(`   top of the ladder: ${zh(r.actor)} settles it`);
    break;
  }
  console.log(`   not resolved → next: ${r.next.rung} (${zh(r.next.actor)}) on ${r.next.on.join("/")}`);
  // The rung fails; the case moves up one rung on the next day of the walk.
  history[history.length - 1] = { ...history.at(-1), outcome: "failed" };
  history.push({ rung: r.next.rung, at: days[step + 1] });
}

assert.deepEqual(path, ["receiving-unit", "graded-joint-meeting", "business-office", "executive-vice-mayor"]);

// Skipping a rung is refused with a typed error, never guessed.
try {
  escalate(suqian, "complaint", { facts, history: [{ rung: "receiving-unit", at: "2026-03-02", outcome: "failed" }, { rung: "business-office", at: "2026-03-03" }] }, { asOf: "2026-03-02" });
  assert.fail("a skipped rung must be refused");
} catch (e) {
  assert.equal(e.code, "ESCALATION_SKIPPED_RUNG");
  console.log(`\nskipping the joint meeting: ${e.code} — ${e.problems[0].message}`);
}
console.log("\nok: four rungs, one at a time");
