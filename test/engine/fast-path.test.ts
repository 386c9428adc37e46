// The untraced path takes shortcuts for speed: the decision index answers from enum and boolean
// facts, buckets decided by those facts skip their conditions, results are shared when one rule
// applies. None may change an answer: each is compared here with the traced, rule-by-rule path on
// generated cases. (Deadlines have one path since the plain-date shortcut was removed: see
// docs/performance.md; the edge cases of the calendar's end stay tested below.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assign, computeDeadline, defaultCalendar, evaluate, loadPack, YingshangError, type Pack } from "../../src/index.js";
import { candidateValues } from "../../src/engine/model/fact-space.js";
import type { Condition } from "../../src/engine/model/pack-types.js";

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"].map((id) => loadPack(id));

/** Facts drawn from each declaration and the constants the rules compare with; any may be absent. */
function partialFacts(pack: Pack): fc.Arbitrary<Record<string, unknown>> {
  const conds: (Condition | undefined)[] = [];
  for (const t of pack.docs.assignment.tables) for (const r of t.rules) conds.push(r.when);
  const cands = candidateValues(pack.facts, conds, pack.units);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, doc] of Object.entries(pack.facts)) {
    const vals = cands.get(name) ?? [];
    if (doc.type === "unit") shape[name] = fc.constantFrom(...[...pack.units.values()].filter((u) => !doc.kinds || doc.kinds.includes(u.kind)).map((u) => u.id));
    else if (vals.length) shape[name] = fc.constantFrom(...vals);
  }
  return fc.record(shape, { requiredKeys: [] });
}

/** The result without its traces (which only the traced path fills). */
function withoutTraces(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === "trace" ? undefined : x)));
}

function outcome(run: () => unknown): unknown {
  try {
    return withoutTraces(run());
  } catch (e) {
    if (e instanceof YingshangError) return { error: e.code };
    throw e;
  }
}

describe.each(PACKS.map((p) => [p.id, p] as const))("%s", (_id, pack) => {
  const asOf = pack.meta.effective.until ?? (pack.meta.effective.from > "2024-06-01" ? pack.meta.effective.from : "2024-06-01");

  it("every table gives the same answer untraced (index, shared results) as traced, rule by rule, twice over", () => {
    fc.assert(
      fc.property(partialFacts(pack), (facts) => {
        for (const t of pack.docs.assignment.tables) {
          const traced = outcome(() => assign(pack, t.id, facts, { asOf }));
          expect(outcome(() => assign(pack, t.id, facts, { asOf, trace: false })), t.id).toEqual(traced);
          // The second untraced call is answered from the shared results.
          expect(outcome(() => assign(pack, t.id, facts, { asOf, trace: false })), t.id).toEqual(traced);
        }
        expect(outcome(() => evaluate(pack, { asOf, facts }, { trace: false }))).toEqual(outcome(() => evaluate(pack, { asOf, facts })));
      }),
      { numRuns: 300 },
    );
  });

  it("a traced evaluation gives each table a trace of its own rules only", () => {
    fc.assert(
      fc.property(partialFacts(pack), (facts) => {
        const r = evaluate(pack, { asOf, facts });
        for (const [id, a] of Object.entries(r.assignment)) {
          if (a.kind === "not-evaluated") continue;
          expect(a.trace.length).toBeGreaterThan(0);
          for (const e of a.trace) expect(e.id.startsWith(`${id}/`), `${e.id} in ${id}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("plain deadlines", () => {
  const cal = defaultCalendar();
  const first = Date.UTC(2019, 0, 1);
  const days = (Date.UTC(2026, 11, 31) - first) / 86_400_000;
  const date = fc.integer({ min: 0, max: days }).map((n) => new Date(first + n * 86_400_000).toISOString().slice(0, 10));
  const spec = fc.oneof(
    fc.integer({ min: 1, max: 400 }).map((n) => ({ workingDays: n })),
    fc.integer({ min: 1, max: 400 }).map((n) => ({ days: n })),
    fc.constant({ sameDay: true as const }),
  );

  it("a received date alone gives the same due date, or the same error, as with an empty list of pauses", () => {
    fc.assert(
      fc.property(date, spec, (received, s) => {
        const general = outcome(() => computeDeadline(cal, s, { received, pauses: [] }, undefined, { ledger: false }));
        expect(outcome(() => computeDeadline(cal, s, { received }, undefined, { ledger: false }))).toEqual(general);
      }),
      { numRuns: 2_000 },
    );
  });

  it("works at the edges of the calendar: the last covered days, counted past the end, are refused the same way", () => {
    for (const received of ["2026-12-31", "2026-12-30", "2026-12-25", "2026-12-04", "2019-01-01"]) {
      for (const s of [{ workingDays: 1 }, { workingDays: 20 }, { days: 1 }, { days: 3 }, { sameDay: true as const }]) {
        const general = outcome(() => computeDeadline(cal, s, { received, pauses: [] }, undefined, { ledger: false }));
        expect(outcome(() => computeDeadline(cal, s, { received }, undefined, { ledger: false })), `${received} ${JSON.stringify(s)}`).toEqual(general);
      }
    }
    // The case that must fail: 20 working days from the last day of the range leave it.
    expect(outcome(() => computeDeadline(cal, { workingDays: 20 }, { received: "2026-12-31" }, undefined, { ledger: false }))).toEqual({ error: "DATE_OUT_OF_RANGE" });
  });
});
