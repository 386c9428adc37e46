// Who leads a project? Yingkou's lead-unit table (营口, 二(一)–二(三)) for one project through its stages.
// Run: node examples/assign-project.mjs   (after `npm run build`)
// In your own code write `import { loadPack, assign } from "yingshang";` — inside this repository the
// package is not in node_modules, so the example imports the built files directly.
import assert from "node:assert/strict";
import { assign, loadPack } from "../dist/index.js";

const yingkou = loadPack("yingkou"); // a bundled pack, by name; a folder path works too
const name = (id) => (id ? `${yingkou.units.get(id)?.zh ?? "?"} (${id})` : "—");

// One project, brought in by the 市招商局, in the 文化旅游 industry, to land in 盖州市.
const project = { introducer: "investment-bureau", introducerUnit: "city-investment-bureau", landingUnit: "gaizhou", industry: "文化旅游" };

console.log(`${yingkou.meta.document.title} (${yingkou.meta.document.number ?? "no number"}), pack ${yingkou.id} ${yingkou.version}\n`);
const leads = {};
for (const stage of ["negotiation", "construction"]) {
  const r = assign(yingkou, "lead-unit", { ...project, stage }, { asOf: "2026-03-02" });
  leads[stage] = r.lead;
  const fired = r.trace.find((t) => t.fired);
  console.log(`stage ${stage.padEnd(12)} lead: ${name(r.lead)}`);
  for (const [role, units] of Object.entries(r.roles)) console.log(`${" ".repeat(19)}${role}: ${units.map(name).join(", ")}`);
  console.log(`${" ".repeat(19)}because ${fired?.clause}: ${fired?.quote}\n`);
}

// The same project in an industry the pack's table does not list: the policy leaves it to a decision.
const solar = assign(yingkou, "lead-unit", { ...project, stage: "construction", industry: "光伏" }, { asOf: "2026-03-02" });
console.log(`a 光伏 project after signing: ${solar.kind} — ${solar.reason}`);

assert.equal(leads.negotiation, "city-investment-bureau", "the first-contact unit leads until signing (二(一))");
assert.equal(leads.construction, "city-culture-tourism", "after signing 市招商局's project goes to the industry's department (二(二)3)");
assert.equal(solar.kind, "designation-required");
console.log("\nok: lead units as the document says");
