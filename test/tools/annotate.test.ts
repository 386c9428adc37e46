// examples/ci/annotate.mjs: `yingshang … --json` output → GitHub Actions annotations.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "examples/ci/annotate.mjs");

function annotate(input: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [script, ...args], { input, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli.js"))) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});

describe("examples/ci/annotate.mjs", () => {
  it("turns validate --json problems into ::error annotations with file, line and column", () => {
    const sample = {
      valid: false,
      packs: [
        {
          pack: "policies/suqian",
          valid: false,
          problems: [
            { code: "SCHEMA_ENUM", file: "policies/suqian/assignment.yaml", line: 5, col: 16, path: "tables[0].hitPolicy", message: "`uniqe` is not allowed for `tables[0].hitPolicy`; use one of: first, unique, collect (did you mean `unique`?).", params: {} },
            { code: "FILE_MISSING", file: "policies/suqian/units.yaml", message: "The pack has no units.yaml; every pack needs one.", params: {} },
            { code: "SCHEMA_VIOLATION", file: "policies/suqian/deadlines.yaml", line: 12, col: 3, message: "100% wrong: a, b\nsecond line", params: {} },
          ],
        },
        { pack: "policies/zibo", valid: true, problems: [] },
      ],
    };
    const r = annotate(JSON.stringify(sample));
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "::error file=policies/suqian/assignment.yaml,line=5,col=16::`uniqe` is not allowed for `tables[0].hitPolicy`; use one of: first, unique, collect (did you mean `unique`?).",
        "::error file=policies/suqian/units.yaml::The pack has no units.yaml; every pack needs one.",
        "::error file=policies/suqian/deadlines.yaml,line=12,col=3::100%25 wrong: a, b%0Asecond line",
        "",
      ].join("\n"),
    );
  });

  it("annotates the real validate --json output of an invalid pack", () => {
    const v = spawnSync(process.execPath, [join(root, "dist/cli.js"), "validate", "test/fixtures/invalid/enum-typo", "--json"], { cwd: root, encoding: "utf8" });
    expect(v.status).toBe(1);
    const lines = annotate(v.stdout).out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^::error file=test\/fixtures\/invalid\/enum-typo\/assignment\.yaml,line=\d+,col=\d+::.*uniqe/);
  });

  it("annotates coverage gaps, failing pack tests and diff reports; refuses input that is not JSON", () => {
    const coverage = { complete: false, packs: [{ pack: "policies/suqian", total: 2, covered: 1, ratio: 0.5, clauses: [{ id: "一(一)", title: "首席服务员", coveredBy: ["x"] }, { id: "一(二)", title: "办不成事", coveredBy: [] }] }] };
    expect(annotate(JSON.stringify(coverage)).out).toBe("::error file=policies/suqian/pack.yaml,title=coverage::Clause 一(二) (办不成事) is not covered: add a rule or a duty citing it.\n");
    const test = { ok: false, packs: [{ pack: "policies/suqian", problems: [], files: [{ file: "tests/deadlines.yaml", failures: [{ name: "A case", file: "tests/deadlines.yaml", line: 7, mismatches: [{ path: "dueDate", expected: "2026-10-15", actual: "2026-10-16" }], error: null }] }] }] };
    expect(annotate(JSON.stringify(test)).out).toBe('::error file=policies/suqian/tests/deadlines.yaml,line=7,title=pack test::Test failed: A case%0AdueDate: expected "2026-10-15", got "2026-10-16"\n');
    const diff = { changes: [{ text: "Deadline mayor-direct/general: 5 → 4 working days." }], outcomesChanged: true, versionBumped: false, population: { source: "population", total: 100, changed: 30, byKind: [{ label: "due date", cases: 30 }] }, cases: null };
    expect(annotate(JSON.stringify(diff), "--pack", "policies/suqian").out.split("\n")).toEqual([
      "::notice file=policies/suqian/pack.yaml,title=pack change::Deadline mayor-direct/general: 5 → 4 working days.",
      "::error file=policies/suqian/pack.yaml,title=pack diff::Outcomes change: 30 of 100 generated cases (due date: 30). Bump the pack's version in pack.yaml.",
      "",
    ]);
    const bad = annotate("not json");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not JSON/);
  });
});
