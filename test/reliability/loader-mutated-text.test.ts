// Fuzz: the bundled packs' files mutated as raw text (lines deleted, duplicated, swapped or
// re-indented, characters inserted, truncation, CRLF, BOM, tabs, number and date bombs, aliases).
import { describe, expect, it } from "vitest";
import { budget, share } from "./helpers.js";
import { mutateText } from "./mutate.js";
import { runTarget } from "./mutated-run.js";

// A pack with a schema problem still runs the checks across files (every problem in one round),
// so a refused mutation costs about what loading a valid pack does.
describe("fuzz loader/mutated-text", () => {
  const total = share(0.2);
  it(`gives a pack or a typed error for ${total} packs mutated as text`, { timeout: budget(total, 30) }, () => {
    const stats = runTarget("loader/mutated-text", total, mutateText);
    expect(stats.report()).toContain("all passed");
    expect(stats.count).toBeGreaterThanOrEqual(total);
    expect(stats.outcomes.get("pack") ?? 0).toBeGreaterThan(0); // CRLF, BOM and harmless edits still load
  });
});
