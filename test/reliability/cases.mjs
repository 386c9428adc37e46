// The cases the determinism and concurrency tests run: every bundled pack's own test inputs, run
// through the built library (given as `lib`), each giving its result or its typed error as JSON.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PACK_NAMES = ["yingkou", "xinghua", "zibo", "suqian"];

/** Every test input of the bundled packs: [{ pack, name, asOf, input }]. */
export function listCases() {
  const out = [];
  for (const pack of PACK_NAMES) {
    const dir = join(ROOT, "policies", pack, "tests");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
      const doc = parse(readFileSync(join(dir, f), "utf8"));
      for (const t of doc.tests ?? []) out.push({ pack, name: `${f}: ${t.name}`, asOf: String(t.asOf), input: t.input });
    }
  }
  return out;
}

/** Runs one case with the library `lib` on the loaded packs; returns plain JSON text. */
export function runCase(lib, packs, c) {
  const pack = packs[c.pack];
  const i = c.input;
  const o = { asOf: c.asOf };
  try {
    let r;
    if (i.assign !== undefined) r = lib.assign(pack, i.assign, i.facts ?? {}, o);
    else if (i.deadline !== undefined) r = lib.deadline(pack, i.deadline, { facts: i.facts, events: i.events, now: i.now, from: i.from, to: i.to, done: i.done }, o);
    else if (i.escalate !== undefined) r = lib.escalate(pack, i.escalate, { facts: i.facts, history: i.history, now: i.now }, o);
    else if (i.score !== undefined) r = lib.score(pack, i.score, { incidents: i.incidents, survey: i.survey }, o);
    else if (i.rank !== undefined) r = lib.rank(pack, i.rank, i.units, o);
    else if (i.sample !== undefined) r = lib.sample(pack, i.sample, i, o);
    else r = { skipped: Object.keys(i) };
    return JSON.stringify({ name: c.name, result: r });
  } catch (e) {
    if (!(e instanceof lib.YingshangError)) throw e;
    return JSON.stringify({ name: c.name, error: e.toJSON() });
  }
}

export function loadAll(lib) {
  return Object.fromEntries(PACK_NAMES.map((p) => [p, lib.loadPack(p)]));
}
