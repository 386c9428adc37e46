// Fuzz: documents built to hurt a YAML loader — deep nesting, alias bombs and cycles, long lists,
// prototype keys, impossible dates, unsafe numbers, empty files, BOM/CRLF/tabs. (Sizes at the
// limits themselves are in limits.test.ts.)
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePack } from "../../src/index.js";
import { BUNDLED, budget, bundledFiles, loadOne, MINIMAL, share, Stats } from "./helpers.js";

const compile = (f: Readonly<Record<string, string>>) => compilePack(f, { folder: "mini" });
const FILES = ["pack.yaml", "units.yaml", "facts.yaml", "assignment.yaml", "duties.yaml"] as const;

type Case = { files: Record<string, string>; label: string; expect?: "pack" | string };

const file = fc.constantFrom(...FILES);
const on = (name: string, text: string): Record<string, string> => ({ ...MINIMAL, [name]: text });

const deepFlowSeq = fc.tuple(file, fc.integer({ min: 1, max: 5_000 })).map(([f, d]): Case => ({ files: on(f, `x: ${"[".repeat(d)}${"]".repeat(d)}`), label: `flow seq depth ${d} in ${f}` }));
const deepFlowMap = fc.tuple(file, fc.integer({ min: 1, max: 3_000 })).map(([f, d]): Case => ({ files: on(f, `${"{a: ".repeat(d)}1${"}".repeat(d)}`), label: `flow map depth ${d} in ${f}` }));
const deepBlockMap = fc.tuple(file, fc.integer({ min: 1, max: 600 })).map(([f, d]): Case => ({
  files: on(f, Array.from({ length: d }, (_, i) => `${"  ".repeat(i)}a:`).join("\n") + " 1\n"),
  label: `block map depth ${d} in ${f}`,
}));
const deepBlockSeq = fc.tuple(file, fc.integer({ min: 1, max: 5_000 })).map(([f, d]): Case => ({ files: on(f, `${"- ".repeat(d)}x\n`), label: `block seq depth ${d} in ${f}` }));
const aliasBomb = fc.tuple(file, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 })).map(([f, levels, width]): Case => {
  const lines = ["a0: &a0 [lol]"];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(", ")}]`);
  return { files: on(f, lines.join("\n") + "\n"), label: `billion laughs ${levels}×${width} in ${f}` };
});
const aliasCycle = fc.tuple(file, fc.constantFrom("&a [*a]", "&a {k: *a}", "a: &a\n  b: *a\n", "*a", "a: *nothing\n", "&a [&b [*a, *b]]", "a: &a 1\na: &a 2\nb: *a\n")).map(([f, t]): Case => ({ files: on(f, t), label: `alias ${JSON.stringify(t)} in ${f}` }));
const wide = fc.tuple(file, fc.integer({ min: 1, max: 5_000 }), fc.boolean()).map(([f, n, flow]): Case => ({
  files: on(f, flow ? `x: [${Array.from({ length: n }, (_, i) => i).join(",")}]\n` : `x:\n${"  - y\n".repeat(n)}`),
  label: `${n} items (${flow ? "flow" : "block"}) in ${f}`,
}));
const PROTO_LINES = [
  "__proto__: { polluted: 1 }",
  "constructor: { prototype: { polluted: 1 } }",
  "prototype: { polluted: 1 }",
  '"__proto__": { polluted: 1 }',
  "? __proto__\n: { polluted: 1 }",
  "!!str __proto__: { polluted: 1 }",
  "<<: { polluted: 1 }",
  "x: { __proto__: { polluted: 1 } }",
  "x: [ { constructor: { prototype: { polluted: 1 } } } ]",
  "__proto__: &p { polluted: 1 }\ny: *p",
];
const protoKeys = fc.tuple(fc.constantFrom(...BUNDLED), fc.constantFrom("pack.yaml", "units.yaml", "facts.yaml"), fc.constantFrom(...PROTO_LINES)).map(([p, f, line]): Case => {
  const base = bundledFiles(p);
  const files = { "pack.yaml": base["pack.yaml"]!, "units.yaml": base["units.yaml"]!, "facts.yaml": base["facts.yaml"]! };
  files[f as "pack.yaml"] = `${line}\n${files[f as "pack.yaml"]}`;
  return { files, label: `${p}/${f} with ${JSON.stringify(line)}`, expect: "error" };
});
const dates = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]): Case => {
  const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { files: on("pack.yaml", MINIMAL["pack.yaml"]!.replace("document: { title: 测试文件 }", `document: { title: 测试文件, issued: ${text} }`)), label: `issued ${text}`, expect: real ? "pack" : "PACK_INVALID_DATE" };
});
const numbers = fc
  .oneof(fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), fc.constantFrom(".inf", "-.inf", ".nan", "0x20000000000001", "0o1777777777777777777777", "9007199254740992", "9007199254740991", "1e21", "-0"))
  .map((v): Case => {
    const src = typeof v === "number" ? (Number.isNaN(v) ? ".nan" : v === Infinity ? ".inf" : v === -Infinity ? "-.inf" : String(v)) : v;
    return { files: on("facts.yaml", MINIMAL["facts.yaml"]!.replace("min: 0", `min: ${src}`)), label: `min: ${src}` };
  });
const emptyish = fc.tuple(fc.constantFrom(...FILES), fc.constantFrom("", " ", "\n", "\ufeff", "# nothing\n", "---\n", "...\n", "---\n...\n", "~", "null", "[]", "{}", "0", "'text'", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "\t\n")).map(
  ([f, t]): Case => ({ files: on(f, t), label: `${f} = ${JSON.stringify(t)}`, expect: "error" }),
);
// Harmless encodings of a valid pack: a BOM, CRLF line ends, tabs after values, a final line without newline.
const encodings = fc.tuple(fc.constantFrom(...BUNDLED), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()).map(([p, bom, crlf, tabs, chop]): Case => {
  const files: Record<string, string> = {};
  for (const [n, t] of Object.entries(bundledFiles(p))) {
    let x = tabs ? t.replace(/^(\s*[A-Za-z]+: [^\s#'"{[&*|>][^#\n]*?)$/gm, "$1\t") : t;
    if (crlf) x = x.replace(/\n/g, "\r\n");
    if (bom) x = `\ufeff${x}`;
    if (chop) x = x.replace(/\r?\n$/, "");
    files[n] = x;
  }
  return { files, label: `${p} bom=${bom} crlf=${crlf} tabs=${tabs} chop=${chop}`, expect: "pack" };
});

describe("fuzz loader/hostile-documents", () => {
  const total = share(0.12);
  it(`gives a pack or a typed error for ${total} hostile documents`, { timeout: budget(total, 25) }, () => {
    const stats = new Stats("loader/hostile-documents");
    compile(MINIMAL);
    const cheap = fc.oneof(deepFlowSeq, deepFlowMap, deepBlockMap, deepBlockSeq, aliasBomb, aliasCycle, wide, dates, numbers, emptyish);
    const costly = fc.oneof(protoKeys, encodings); // whole bundled packs: fewer of these
    fc.assert(
      fc.property(fc.oneof({ arbitrary: cheap, weight: 6 }, { arbitrary: costly, weight: 1 }), (c) => {
        const out = loadOne(stats, c.files, c.label, c.files["pack.yaml"]!.startsWith("id: mini") || c.files["pack.yaml"]!.startsWith("\ufeffid: mini") ? compile : (f) => compilePack(f));
        if (c.expect === "pack") expect(out, c.label).toBe("pack");
        else if (c.expect === "error") expect(out, c.label).not.toBe("pack");
        else if (c.expect) expect(out === "pack" ? "pack" : out.problems.map((p) => p.code), c.label).toContain(c.expect);
      }),
      { numRuns: total },
    );
    expect(stats.report()).toContain("all passed");
  });
});

