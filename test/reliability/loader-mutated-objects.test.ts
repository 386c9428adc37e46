// Fuzz: the bundled packs' files mutated as parsed objects (keys renamed, values of the wrong type,
// nodes deleted or duplicated, lists grown) and re-serialised with the yaml package.
import { describe, expect, it } from "vitest";
import { budget, share } from "./helpers.js";
import { mutateObject } from "./mutate.js";
import { runTarget } from "./mutated-run.js";

// A pack with a schema problem still runs the checks across files (every problem in one round),
// so a refused mutation costs about what loading a valid pack does.
describe("fuzz loader/mutated-packs", () => {
  const total = share(0.2);
  it(`gives a pack or a typed error for ${total} packs mutated as objects`, { timeout: budget(total, 30) }, () => {
    const stats = runTarget("loader/mutated-objects", total, mutateObject);
    expect(stats.report()).toContain("all passed");
    expect(stats.count).toBeGreaterThanOrEqual(total);
    // Mutations must not all be rejected by the first check: some reach the cross-checks or load.
    expect(stats.outcomes.size).toBeGreaterThan(3);
  });
});

