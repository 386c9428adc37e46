// The dev-zone pack written in examples/README.md, used from code: a 1-working-day simple approval received
// the Friday before Qingming, the safety exception, a major project's service team and monthly reports, a
// department's award eligibility and the service centre's problem ladder.
// Run: node examples/dev-zone.mjs
// In your own code write `import { loadPack, … } from "yingshang";` and give loadPack your pack's folder.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { assign, deadline, escalate, loadPack, YingshangError } from "../dist/index.js";

const devZone = loadPack(fileURLToPath(new URL("./dev-zone", import.meta.url)));
const zh = (id) => devZone.units.get(id)?.zh ?? id;
console.log(`${devZone.meta.document.title} — pack ${devZone.id} ${devZone.version}, ${devZone.coverage.covered}/${devZone.coverage.total} clauses covered\n`);

// 三(一)2: 簡易審批事項辦理時限1個工作日
const friday = deadline(devZone, "simple-approval", { facts: { matterArea: "general" }, events: { received: "2026-04-03" }, now: "2026-04-06T10:00:00+08:00" }, { asOf: "2026-04-03" });
console.log(`simple approval received Fri 2026-04-03 (before 清明 04-04..06): due ${friday.dueDate}, on Mon 04-06 ${friday.status.kind}`);
const fire = deadline(devZone, "simple-approval", { facts: { matterArea: "fire", statutoryWorkingDays: 5 }, events: { received: "2026-03-02" } }, { asOf: "2026-03-02" });
console.log(`a 消防 matter is excluded (${fire.variant}) and keeps its own 5 working days: received 03-02, due ${fire.dueDate}`);
let missing = null;
try {
  deadline(devZone, "simple-approval", { facts: { matterArea: "health" }, events: { received: "2026-03-02" } }, { asOf: "2026-03-02" });
} catch (e) {
  if (!(e instanceof YingshangError)) throw e;
  missing = e;
  console.log(`a 衛生 matter without its own limit: ${e.code} (${e.problems[0].params.fact})`);
}

// 三(一)3: 屬地承辦, 一位領導, and 四(一) the service centre coordinating
const team = assign(devZone, "major-project-service", { isMajorProject: true, locality: "town-east", linkLeader: "leader-deputy-director" }, { asOf: "2026-03-02" });
console.log(`\nmajor project in ${zh("town-east")}: lead ${zh(team.lead)}; leader ${team.roles.leader.map(zh)}; coordinator ${team.roles.coordinator.map(zh)}`);
const reports = deadline(devZone, "major-project-monthly-report", { from: "2026-01-01", to: "2026-03-31", done: ["2026-01-20", "2026-03-05"] }, { asOf: "2026-01-01" });
console.log(`一月一報 Jan–Mar 2026: ${reports.periods.map((p) => `${p.period} due ${p.due} ${p.met ? "met" : "MISSED"}`).join("; ")}`);

// 四(三): 不主動、不支持、不配合 → 取消評優資格
const award = assign(devZone, "award-eligibility", { wasProactive: true, wasSupportive: true, wasCooperative: false }, { asOf: "2026-12-01" });
console.log(`\na department that did not cooperate: ${award.outcome} (${award.rules.join(", ")})`);

// 四(二): the service centre solves what it can, reports the rest
const ladder = escalate(devZone, "service-center-problem", { history: [{ rung: "service-center", at: "2026-03-02", outcome: "failed" }] }, { asOf: "2026-03-02" });
console.log(`a problem the centre cannot solve: ${ladder.status} → ${zh(ladder.next.actor)}`);

assert.equal(friday.dueDate, "2026-04-07");
assert.equal(friday.status.kind, "running");
assert.equal(fire.variant, "safety-exception");
assert.equal(fire.dueDate, "2026-03-09");
assert.equal(missing?.code, "FACT_MISSING");
assert.equal(team.lead, "town-east");
assert.deepEqual(reports.periods.map((p) => p.met), [true, false, true]);
assert.equal(award.outcome, "disqualified");
assert.equal(ladder.next.rung, "special-report");
assert.equal(devZone.coverage.ratio, 1);
console.log("\nok: the dev-zone pack answers as the document says");
