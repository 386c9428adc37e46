// By when must a complaint be settled? Suqian's 企业问题投诉直达市长 (一(八)): a complex matter is due
// within 15 working days of receipt. Shows the due date, the status at a given moment, and the ledger
// that explains every day counted or skipped (调休 makeup days count; holidays do not).
// Run: node examples/complaint-deadline.mjs [NOW]     e.g. NOW = 2026-10-16T09:00:00+08:00
// In your own code write `import { loadPack, deadline } from "yingshang";`.
import assert from "node:assert/strict";
import { deadline, loadPack } from "../dist/index.js";

const suqian = loadPack("suqian");
const now = process.argv[2] ?? "2026-10-16T09:00:00+08:00";
const r = deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18" }, now }, { asOf: "2026-09-18" });

console.log(`一(八) complex matter received Friday 2026-09-18 (${r.variant}, ${r.period.workingDays} working days)`);
console.log(`due:    ${r.dueDate}`);
console.log(`status at ${now}: ${r.status.kind}${r.status.workingDaysOverdue ? `, ${r.status.workingDaysOverdue} working day(s) overdue` : ""}${r.status.workingDaysLeft !== undefined ? `, ${r.status.workingDaysLeft} working day(s) left` : ""}`);
console.log("\nledger:");
for (const e of r.ledger) console.log(`  ${e.date}  ${e.kind.padEnd(8)} ${e.reason}`);

assert.equal(r.dueDate, "2026-10-15", "Sun 09-20 is a makeup working day; 09-25..27 and 10-01..07 are holidays");
if (process.argv[2] === undefined) assert.deepEqual(r.status, { kind: "overdue", workingDaysOverdue: 1 });
assert.ok(r.ledger.some((e) => e.date === "2026-09-20" && e.kind === "count"), "the makeup Sunday is counted");
console.log("\nok: due 2026-10-15");
