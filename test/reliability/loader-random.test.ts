// Fuzz: random YAML documents, token soup and binary text given to compilePack as one pack file
// on top of a small valid pack. Every input must end in a pack or a well-formed YingshangError.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { compilePack } from "../../src/index.js";
import { budget, loadOne, MINIMAL, share, Stats } from "./helpers.js";

const FILES = ["pack.yaml", "units.yaml", "facts.yaml", "assignment.yaml", "deadlines.yaml", "escalation.yaml", "scoring.yaml", "duties.yaml", "notes.yaml"];
const compile = (f: Readonly<Record<string, string>>) => compilePack(f, { folder: "mini" });

// Words of the pack format, so generated documents get past the first schema checks more often.
const KEYS = [
  "id", "zh", "kind", "units", "facts", "type", "values", "default", "min", "max", "kinds", "tables", "rules", "when", "then", "all", "any", "not",
  "fact", "operator", "value", "path", "lead", "cooperating", "source", "clause", "quote", "hitPolicy", "exactlyOneLead", "lookups", "entries",
  "key", "lookup", "deadlines", "variants", "period", "workingDays", "days", "schedule", "every", "day", "ifNotWorkingDay", "ladders", "rungs",
  "actor", "within", "escalateOn", "jumps", "returns", "from", "to", "on", "scorecards", "total", "categories", "items", "deduct", "per",
  "survey", "answers", "weight", "duties", "sample", "fraction", "rounding", "effective", "until", "outcomes", "outcome", "designationRequired",
  "__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "<<",
];
const WORDS = [
  "city-office", "county-a", "stage", "unit", "amount", "a", "b", "enum", "unit", "number", "boolean", "date", "list", "string", "object",
  "equal", "in", "notIn", "contains", "lessThan", "dateBefore", "unique", "first", "collect", "month", "quarter", "next", "keep", "failed",
  "timeout", "once", "case", "up", "一", "2024-01-01", "2024-02-30", "2026-13-01", "cn-mainland", "1.0.0", "__proto__", "constructor", "toString",
  "\"); process.exit(1); //", "${process.exit(1)}", "",
];

const scalar = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2 ** 53, -(2 ** 60), 1e308, 0.1, -0),
  fc.string({ maxLength: 12 }),
);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("tree"), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("tree"), { maxKeys: 5 }),
  ),
}));

const TOKENS = [
  ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!str ", "!!binary ", "!!set ", "!tag ", "? ", "|", ">", "\n", "\n  ", "\n    ",
  "\t", " ", "#", "'", "\"", "%YAML 1.1\n", "---\n", "...\n", "@", "`", "<<: ", "__proto__", "constructor", "id", "units", "facts", "zh", "1",
  "0x1F", "9007199254740993", "1e400", ".nan", "-.inf", "2024-02-30", "~", "null", "true", "\\u0000", "\u0000", "\ufeff", "\r\n", "\u2028", "😀", "\ud800",
];

/** Places `text` as file `name` of the minimal pack. */
function withFile(name: string, text: string): Record<string, string> {
  return { ...MINIMAL, [name]: text };
}

describe("fuzz loader/random-yaml", () => {
  const total = share(0.42);
  it(`gives a pack or a typed error for ${total} random documents`, { timeout: budget(total, 2) }, () => {
    const stats = new Stats("loader/random-yaml");
    compile(MINIMAL); // ajv compiles its schemas on first use: not part of any input's time
    const each = Math.ceil(total / 5);
    const run = (arb: fc.Arbitrary<[string, string]>, tag: string, n: number) =>
      fc.assert(
        fc.property(arb, ([name, text]) => {
          loadOne(stats, withFile(name, text), `${tag} ${name} ${JSON.stringify(text.slice(0, 80))}`, compile);
        }),
        { numRuns: n },
      );
    const file = fc.constantFrom(...FILES);
    // 1. Pack-shaped trees (words of the format), serialised by the yaml package.
    run(fc.tuple(file, tree.map((v) => stringify(v))), "tree", each);
    // 2. Any JSON value.
    run(fc.tuple(file, fc.jsonValue({ maxDepth: 5 }).map((v) => stringify(v))), "json", each);
    // 3. Token soup: YAML syntax in random order (anchors, tags, directives, odd characters).
    run(fc.tuple(file, fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(""))), "tokens", each);
    // 4. Arbitrary text, including lone surrogates and control characters.
    run(fc.tuple(file, fc.string({ unit: "binary", maxLength: 200 })), "binary", each);
    // 5. A whole pack file set where every file is a random tree.
    fc.assert(
      fc.property(fc.array(fc.tuple(file, tree), { minLength: 1, maxLength: 6 }), (pairs) => {
        const files: Record<string, string> = {};
        for (const [n, v] of pairs) files[n] = stringify(v);
        loadOne(stats, files, `pack ${Object.keys(files).join(",")}`, compile);
      }),
      { numRuns: total - 4 * each > 0 ? total - 4 * each : 1 },
    );
    const line = stats.report();
    expect(stats.count).toBeGreaterThanOrEqual(total);
    expect(line).toContain("all passed");
  });
});
