// Invariants the policies imply, checked on every bundled pack with generated cases:
// exactly one lead unit (or a designation), scores within bounds, escalation never skipping a rung,
// and a later start never giving an earlier deadline.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assign, deadline, escalate, loadPack, score, YingshangError, type Pack } from "../../src/index.js";
import { candidateValues } from "../../src/engine/model/fact-space.js";
import type { Condition } from "../../src/engine/model/pack-types.js";

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"].map((id) => loadPack(id));
const RUNS = 400;

/** Facts for a pack: each declared fact drawn from its declaration and the constants its rules use. */
function factsArb(pack: Pack): fc.Arbitrary<Record<string, unknown>> {
  const conds: (Condition | undefined)[] = [];
  for (const t of pack.docs.assignment.tables) for (const r of t.rules) conds.push(r.when);
  for (const d of pack.docs.deadlines) for (const v of d.variants ?? []) conds.push(v.when);
  const cands = candidateValues(pack.facts, conds, pack.units);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, doc] of Object.entries(pack.facts)) {
    const vals = cands.get(name) ?? [];
    if (doc.type === "number") shape[name] = fc.oneof(fc.constantFrom(...(vals.length ? vals : [0])), fc.integer({ min: doc.min ?? 0, max: 2_000_000_000 }));
    else if (doc.type === "unit") shape[name] = fc.constantFrom(...[...pack.units.values()].filter((u) => !doc.kinds || doc.kinds.includes(u.kind)).map((u) => u.id));
    else if (vals.length) shape[name] = fc.constantFrom(...vals);
  }
  return fc.record(shape);
}

function asOfOf(pack: Pack): string {
  return pack.meta.effective.until ?? (pack.meta.effective.from > "2024-06-01" ? pack.meta.effective.from : "2024-06-01");
}

describe.each(PACKS.map((p) => [p.id, p] as const))("%s", (_id, pack) => {
  const asOf = asOfOf(pack);

  it("every table marked exactlyOneLead gives exactly one declared lead unit, or says a designation is required", () => {
    const tables = pack.compiled.tables.filter((t) => t.exactlyOneLead);
    if (tables.length === 0) return expect(pack.docs.assignment.tables.every((t) => !t.exactlyOneLead)).toBe(true);
    fc.assert(
      fc.property(factsArb(pack), (facts) => {
        for (const t of tables) {
          const r = assign(pack, t.id, facts, { asOf, trace: false });
          if (r.kind === "assigned") {
            expect(typeof r.lead).toBe("string");
            expect(pack.units.has(r.lead!)).toBe(true);
          } else expect(r).toMatchObject({ kind: "designation-required", lead: null });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("scores stay within [0, max] per category and [0, total] overall, however many deductions", () => {
    const cards = pack.docs.scorecards;
    if (cards.length === 0) return expect(pack.docs.scorecards).toEqual([]);
    for (const card of cards) {
      const items = card.categories.flatMap((c) => (c.items ?? []).map((i) => i.id));
      const answers = Object.keys(card.categories.find((c) => c.survey)?.survey?.answers ?? {});
      const incidents = fc.array(fc.record({ item: fc.constantFrom(...items), count: fc.integer({ min: 1, max: 30 }) }), { maxLength: 12 });
      const survey = fc.dictionary(fc.constantFrom(...(answers.length ? answers : ["-"])), fc.integer({ min: 0, max: 50 }));
      fc.assert(
        fc.property(incidents, survey, (inc, sv) => {
          const s = score(pack, card.id, answers.length ? { incidents: inc, survey: sv } : { incidents: inc }, { asOf, trace: false });
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(card.total);
          let sum = 0;
          for (const c of card.categories) {
            const got = s.categories[c.id]!;
            expect(got.score).toBeGreaterThanOrEqual(0);
            expect(got.score).toBeLessThanOrEqual(c.max);
            sum += got.score;
          }
          expect(s.total).toBeCloseTo(Math.min(card.total, sum), 6);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it("an accepted escalation history never skips a rung except by a jump the ladder allows for the facts", () => {
    for (const ladder of pack.compiled.ladders) {
      const ids = ladder.rungs.map((r) => r.id);
      const walk = fc.array(fc.record({ rung: fc.constantFrom(...ids), outcome: fc.constantFrom("failed", "timeout", "dissatisfied", undefined) }), { minLength: 1, maxLength: 6 });
      fc.assert(
        fc.property(walk, factsArb(pack), (steps, facts) => {
          const history = steps.map((s, i) => ({ rung: s.rung, at: `2024-0${1 + Math.min(i, 8)}-10`, ...(s.outcome ? { outcome: s.outcome as "failed" } : {}) }));
          try {
            const r = escalate(pack, ladder.id, { facts, history }, { asOf, trace: false });
            expect(r.path[0]).toBe(ids[0]);
            for (let i = 1; i < r.path.length; i++) {
              const from = ids.indexOf(r.path[i - 1]!);
              const to = ids.indexOf(r.path[i]!);
              const allowed = to === from + 1 || ladder.jumps.some((j) => j.from === from && j.to === to && (j.when === null || j.when(facts, null))) || ladder.returns.some((x) => x.from === from && x.to === to);
              expect(allowed, `${r.path[i - 1]} → ${r.path[i]}`).toBe(true);
              // An exclusive jump whose condition holds is the only way on from its rung (宿迁 一(八)).
              const exclusive = ladder.jumps.find((j) => j.exclusive && j.from === from && j.when !== null && j.when(facts, null));
              if (exclusive && to === from + 1) expect(exclusive.to, `${r.path[i - 1]} → ${r.path[i]} against exclusive jump ${exclusive.id}`).toBe(to);
            }
          } catch (e) {
            if (!(e instanceof YingshangError)) throw e;
            expect(["ESCALATION_SKIPPED_RUNG", "ESCALATION_EXCLUDED_PATH", "HISTORY_INVALID", "FACT_MISSING"]).toContain(e.code);
          }
        }),
        { numRuns: RUNS },
      );
      // And a plain climb, one rung at a time on failures, is always accepted up to the first branch end
      // (for facts under which no exclusive jump forbids the climb).
      const climb: { rung: string; at: string; outcome?: "failed" }[] = [];
      for (const r of ladder.rungs) {
        climb.push({ rung: r.id, at: "2024-06-03" });
        if (r.final) break;
        climb[climb.length - 1]!.outcome = r.escalateOn.includes("failed") ? "failed" : (r.escalateOn[0] as "failed");
      }
      const climbs = (f: Record<string, unknown>) => !ladder.jumps.some((j) => j.exclusive && j.from < climb.length - 1 && j.when !== null && j.when(f, null));
      const facts = fc.sample(factsArb(pack).filter(climbs), { numRuns: 1, seed: 7 })[0]!;
      const r = escalate(pack, ladder.id, { facts, history: climb }, { asOf, trace: false });
      expect(r.path).toEqual(climb.map((c) => c.rung));
    }
  });

  it("a later start never gives an earlier due date", () => {
    const periodic = pack.compiled.deadlines.filter((d) => d.schedule === null && d.requires === null);
    if (periodic.length === 0) return expect(pack.compiled.deadlines.every((d) => d.schedule !== null || d.requires !== null)).toBe(true);
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2024, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...periodic), factsArb(pack), day, day, (d, facts, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        let x;
        let y;
        try {
          x = deadline(pack, d.id, { facts, events: { received: early } }, { asOf, trace: false });
          y = deadline(pack, d.id, { facts, events: { received: late } }, { asOf, trace: false });
        } catch (e) {
          if (!(e instanceof YingshangError)) throw e;
          return; // no variant for these facts, or a fact the variant needs: not a period to compare
        }
        if ("dueDate" in x && "dueDate" in y) {
          expect(y.dueDate >= x.dueDate).toBe(true);
          expect(pack.calendar.isWorkingDay(y.dueDate)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
