// json-rules-engine is the reference for the condition syntax: generated conditions and facts must
// give the same answer from our compiled closures as from json-rules-engine itself.
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { compileCondition } from "../../src/engine/check/conditions.js";
import type { Condition, FactDoc } from "../../src/engine/model/pack-types.js";

const FACTS: Record<string, FactDoc> = {
  stage: { type: "enum", values: ["negotiation", "construction", "operation"] },
  introducer: { type: "enum", values: ["county-park", "city-department", "investment-bureau"] },
  investmentYuan: { type: "number", min: 0 },
  threshold: { type: "number", min: 0 },
  isMajor: { type: "boolean" },
  industry: { type: "string" },
  tags: { type: "list" },
  received: { type: "date" },
};

const enumValue = (f: "stage" | "introducer") => fc.constantFrom(...FACTS[f]!.values!);
const amount = fc.oneof(fc.constantFrom(0, 499_999_999, 500_000_000, 500_000_001), fc.integer({ min: 0, max: 1_000_000_000 }));
const words = ["装备制造", "文化旅游", "新能源", "其他"];
const date = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

// A leaf whose operator and value fit the fact's type (the loader rejects the rest statically).
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom("stage" as const, "introducer" as const), op: fc.constantFrom("equal", "notEqual", "in", "notIn") }).chain(({ fact, op }) =>
    (op === "in" || op === "notIn" ? fc.uniqueArray(enumValue(fact), { maxLength: 3 }) : enumValue(fact)).map((value) => ({ fact, operator: op, value }) as Condition),
  ),
  fc.record({ operator: fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "equal", "notEqual"), value: fc.oneof(amount, fc.constant({ fact: "threshold" })) }).map((r) => ({ fact: "investmentYuan", ...r }) as Condition),
  fc.record({ operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }).map((r) => ({ fact: "isMajor", ...r }) as Condition),
  fc.record({ operator: fc.constantFrom("equal", "notEqual", "in", "notIn") }).chain(({ operator }) =>
    (operator === "in" || operator === "notIn" ? fc.uniqueArray(fc.constantFrom(...words), { maxLength: 3 }) : fc.constantFrom(...words)).map((value) => ({ fact: "industry", operator, value }) as Condition),
  ),
  fc.record({ operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom(...words) }).map((r) => ({ fact: "tags", ...r }) as Condition),
  fc.record({ operator: fc.constantFrom("dateBefore", "dateOnOrAfter"), value: date }).map((r) => ({ fact: "received", ...r }) as Condition),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("c"), { maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie("c"), { maxLength: 4 }).map((any) => ({ any })),
    tie("c").map((not) => ({ not })),
  ),
})).c;

const facts = fc.record({
  stage: enumValue("stage"),
  introducer: enumValue("introducer"),
  investmentYuan: amount,
  threshold: amount,
  isMajor: fc.boolean(),
  industry: fc.constantFrom(...words),
  tags: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 4 }),
  received: date,
});

function referenceEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  // The two date operators we add to the syntax, registered the same way for the reference.
  engine.addOperator("dateBefore", (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a < b);
  engine.addOperator("dateOnOrAfter", (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a >= b);
  return engine;
}

async function reference(engine: Engine, cond: Condition, fs: Record<string, unknown>[]): Promise<boolean[]> {
  // json-rules-engine wants all/any/not at the top of a rule.
  const top = "all" in cond || "any" in cond || "not" in cond ? cond : { all: [cond] };
  engine.addRule({ name: "r", conditions: top as never, event: { type: "fired" } });
  const out: boolean[] = [];
  for (const f of fs) {
    const { events } = await engine.run(f);
    out.push(events.length === 1);
  }
  engine.removeRule("r");
  return out;
}

describe("compiled conditions agree with json-rules-engine", () => {
  it("on ≥ 10,000 generated fact sets over generated conditions", async () => {
    const engine = referenceEngine();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(condition, fc.array(facts, { minLength: 50, maxLength: 50 }), async (cond, fs) => {
        const problems: string[] = [];
        const pred = compileCondition(cond, FACTS, "r", "", (d) => problems.push(d));
        expect(problems).toEqual([]);
        const ours = fs.map((f) => pred(f, null));
        const theirs = await reference(engine, cond, fs);
        compared += fs.length;
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 220, seed: Number(process.env.FC_SEED ?? 20241121) },
    );
    console.log(`jre reference: ${compared} fact sets compared, all equal`);
    expect(compared).toBeGreaterThanOrEqual(10_000);
  });

  it("agrees on the edges of a 5 亿元 threshold", async () => {
    const engine = referenceEngine();
    const cond: Condition = { fact: "investmentYuan", operator: "greaterThanInclusive", value: 500_000_000 };
    const base = { stage: "construction", introducer: "county-park", threshold: 0, isMajor: false, industry: "其他", tags: [], received: "2024-01-01" };
    const fs = [499_999_999, 500_000_000, 500_000_001].map((investmentYuan) => ({ ...base, investmentYuan }));
    const pred = compileCondition(cond, FACTS, "r", "", () => undefined);
    expect(fs.map((f) => pred(f, null))).toEqual([false, true, true]);
    expect(await reference(engine, cond, fs)).toEqual([false, true, true]);
  });
});
