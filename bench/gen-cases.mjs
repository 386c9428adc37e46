#!/usr/bin/env node
// Generates NDJSON cases for the bundled suqian pack (one case per line), for `yingshang eval
// suqian --ndjson FILE` benchmarks and tests. Deterministic: the same arguments give the same file.
//
//   node bench/gen-cases.mjs 1000000 > /tmp/cases.ndjson            # 1M valid cases
//   node bench/gen-cases.mjs 1000 --bad-every 100 > /tmp/cases.ndjson   # every 100th line is bad
//
// Bad lines cycle through: malformed JSON, an unknown enum value (FACT_ENUM), a fact of the wrong
// type (FACT_TYPE), an unknown deadline (INPUT_UNKNOWN_KEY: the case names a deadline the pack does not have), and an empty line.
// The file is large (about 300 bytes a case): write it to /tmp, never commit it.
import { once } from "node:events";

const args = process.argv.slice(2);
const count = Number(args[0] ?? 1000);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const badEvery = opt("--bad-every", 0);
let seed = opt("--seed", 20260918) >>> 0;
if (!Number.isSafeInteger(count) || count < 0) {
  process.stderr.write("usage: node bench/gen-cases.mjs COUNT [--bad-every K] [--seed S]\n");
  process.exit(2);
}

const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed / 4294967296);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const DAY = 86400000;
const START = Date.UTC(2026, 0, 5);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

const units = ["county", "functional-zone", "city-commerce", "city-approval", "city-industry", "city-market-regulation", "city-ecology-environment", "city-development-reform"];
const kinds = ["urgent", "general", "complex"];

function goodCase(i) {
  const received = START + Math.floor(rnd() * 300) * DAY;
  const now = received + Math.floor(rnd() * 40) * DAY;
  const facts = { issueKind: pick(kinds), severity: rnd() < 0.9 ? "general" : "major", undertakingUnit: pick(units), involvesMultipleUnits: rnd() < 0.3 };
  const events = { received: iso(received) };
  if (rnd() < 0.6) events.completed = iso(received + Math.floor(rnd() * 30) * DAY);
  const c = { id: `case-${i + 1}`, asOf: iso(received), facts, events: { "mayor-direct": events }, now: `${iso(now)}T09:00:00+08:00` };
  if (rnd() < 0.3) {
    c.facts.problemComplexity = rnd() < 0.5 ? "simple" : "complex";
    c.events["hard-to-do"] = { received: iso(received) };
  }
  return JSON.stringify(c);
}

function badCase(i, k) {
  switch (k % 5) {
    case 0:
      return `{"id":"case-${i + 1}","asOf":"2026-03-02","facts":{"issueKind":"urgent"`; // truncated JSON
    case 1:
      return JSON.stringify({ id: `case-${i + 1}`, asOf: "2026-03-02", facts: { issueKind: "very-urgent" }, events: { "mayor-direct": { received: "2026-03-02" } } });
    case 2:
      return JSON.stringify({ id: `case-${i + 1}`, asOf: "2026-03-02", facts: { issueKind: "urgent", involvesMultipleUnits: "yes" }, events: { "mayor-direct": { received: "2026-03-02" } } });
    case 3:
      return JSON.stringify({ id: `case-${i + 1}`, asOf: "2026-03-02", facts: { issueKind: "urgent" }, events: { "no-such-deadline": { received: "2026-03-02" } } });
    default:
      return "";
  }
}

const out = process.stdout;
let buf = [];
let bad = 0;
for (let i = 0; i < count; i++) {
  buf.push(badEvery > 0 && (i + 1) % badEvery === 0 ? badCase(i, bad++) : goodCase(i));
  if (buf.length === 4096 || i === count - 1) {
    if (!out.write(buf.join("\n") + "\n")) await once(out, "drain");
    buf = [];
  }
}
