/** Runs a mutation fuzz target over the bundled packs' files (shared by the two mutated-pack tests). */
import fc from "fast-check";
import { compilePack } from "../../src/index.js";
import { BUNDLED, bundledFiles, loadOne, Stats, type Bundled } from "./helpers.js";
import { Choices } from "./mutate.js";

const PACKS = Object.fromEntries(BUNDLED.map((p) => [p, bundledFiles(p)])) as Record<Bundled, Record<string, string>>;
const TARGETS = BUNDLED.flatMap((p) => Object.keys(PACKS[p]).map((f) => [p, f] as const));

/**
 * The files compiled for one input: the mutated file, with the pack's pack.yaml, units.yaml and
 * facts.yaml (what every cross-check needs); every 8th input the whole pack.
 */
function filesFor(pack: Bundled, file: string, text: string, whole: boolean): Record<string, string> {
  const base = PACKS[pack];
  const out: Record<string, string> = whole ? { ...base } : { "pack.yaml": base["pack.yaml"]!, "units.yaml": base["units.yaml"]!, ...(base["facts.yaml"] ? { "facts.yaml": base["facts.yaml"] } : {}) };
  out[file] = text;
  return out;
}

const input = fc.record({
  target: fc.integer({ min: 0, max: TARGETS.length - 1 }),
  n: fc.integer({ min: 1, max: 3 }),
  choices: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  whole: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
});

export function runTarget(name: string, total: number, mutate: (text: string, n: number, c: Choices) => { text: string; what: string[] }): Stats {
  const stats = new Stats(name);
  for (const p of BUNDLED) compilePack(PACKS[p], { folder: p }); // the unmutated packs load (and ajv is warm)
  fc.assert(
    fc.property(input, ({ target, n, choices, whole }) => {
      const [pack, file] = TARGETS[target]!;
      const m = mutate(PACKS[pack][file]!, n, new Choices(choices));
      loadOne(stats, filesFor(pack, file, m.text, whole), `${pack}/${file} [${m.what.join(", ")}]`, (f) => compilePack(f, { folder: pack }));
    }),
    { numRuns: total },
  );
  return stats;
}

