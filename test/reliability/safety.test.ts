// Code safety: pack text and facts are data, never code; names inherited from Object.prototype are
// not facts; readPackDir reads only regular files inside the pack folder; the bundle has no network calls.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { assign, compilePack, evaluate, loadPack, readPackDir, score, YingshangError } from "../../src/index.js";
import { assertNoPollution, checkLoadError, MINIMAL, ROOT } from "./helpers.js";

const INJECTIONS = ['"); process.exit(1); //', "${process.exit(1)}", "`${process.exit(1)}`", "'; process.exit(1); '", "__proto__", "constructor", "\u0000"];
const src = (quote: string) => ({ clause: "一", quote });

function thrown(f: () => unknown): YingshangError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(YingshangError);
    return e as YingshangError;
  }
  return expect.fail("expected a YingshangError");
}

describe("injection attempts are inert", () => {
  let exit: MockInstance;
  let globals: string;
  beforeEach(() => {
    globals = Object.getOwnPropertyNames(globalThis).sort().join();
    exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  });
  afterEach(() => {
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
    expect(Object.getOwnPropertyNames(globalThis).sort().join()).toBe(globals);
    assertNoPollution("injection");
  });

  it("in a unit name, a quote, enum values and fact values: the pack loads and evaluates them as plain text", () => {
    const files = {
      ...MINIMAL,
      "units.yaml": JSON.stringify({ units: [{ id: "city-office", zh: INJECTIONS[0], kind: "office" }, { id: "county-a", zh: INJECTIONS[1], kind: "county" }] }),
      "facts.yaml": JSON.stringify({ facts: { stage: { type: "enum", values: INJECTIONS }, note: { type: "string" } } }),
      "assignment.yaml": JSON.stringify({
        tables: [
          {
            id: "t",
            hitPolicy: "first",
            rules: [
              { id: "r1", when: { fact: "stage", operator: "equal", value: INJECTIONS[0] }, then: { lead: "city-office" }, source: src(INJECTIONS[1]!) },
              { id: "r2", when: { fact: "note", operator: "equal", value: INJECTIONS[1] }, then: { lead: "county-a" }, source: src(INJECTIONS[0]!) },
              { id: "r3", when: { fact: "stage", operator: "in", value: ["__proto__", "constructor"] }, then: { lead: "county-a" }, source: src("__proto__") },
            ],
          },
        ],
      }),
    };
    const pack = compilePack(files);
    expect(pack.units.get("city-office")?.zh).toBe(INJECTIONS[0]);
    expect(assign(pack, "t", { stage: INJECTIONS[0] }, { asOf: "2024-06-03" }).lead).toBe("city-office");
    expect(assign(pack, "t", { stage: INJECTIONS[2], note: INJECTIONS[1] }, { asOf: "2024-06-03" }).lead).toBe("county-a");
    expect(assign(pack, "t", { stage: "__proto__", note: "x" }, { asOf: "2024-06-03" }).rules).toEqual(["r3"]);
    expect(assign(pack, "t", { stage: INJECTIONS[3], note: INJECTIONS[0] }, { asOf: "2024-06-03" }).kind).toBe("no-match");
    // Given as facts: an unknown enum value and a `__proto__` key (as JSON.parse makes it) are typed errors.
    expect(thrown(() => assign(pack, "t", { stage: "${1+1}" }, { asOf: "2024-06-03" })).code).toBe("FACT_ENUM");
    const proto = JSON.parse('{"__proto__": {"polluted": 1}, "stage": "__proto__"}') as Record<string, unknown>;
    expect(thrown(() => assign(pack, "t", proto, { asOf: "2024-06-03" })).code).toBe("FACT_UNKNOWN");
    expect(thrown(() => evaluate(pack, { asOf: "2024-06-03", facts: proto })).code).toBe("FACT_UNKNOWN");
  });

  it("in a rule id or a fact name: refused by the schema, never run", () => {
    for (const inj of INJECTIONS.slice(0, 4)) {
      const rule = { ...MINIMAL, "assignment.yaml": JSON.stringify({ tables: [{ id: "t", hitPolicy: "first", rules: [{ id: inj, then: { lead: "city-office" }, source: src("测试条文") }] }] }) };
      const e = checkLoadError(thrown(() => compilePack(rule)), rule, inj);
      expect(e.problems.map((p) => p.path)).toContain("tables[0].rules[0].id");
      const fact = { ...MINIMAL, "facts.yaml": JSON.stringify({ facts: { [inj]: { type: "string" } } }) };
      expect(checkLoadError(thrown(() => compilePack(fact)), fact, inj).problems[0]!.file).toBe("facts.yaml");
    }
  });
});

describe("names inherited from Object.prototype are not facts", () => {
  const table = (when: unknown, then: unknown = { lead: "city-office" }) =>
    JSON.stringify({ lookups: { known: { entries: { a: "county-a" }, source: src("测试条文") } }, tables: [{ id: "t", hitPolicy: "first", rules: [{ id: "r", when, then, source: src("测试条文") }] }] });

  it.each(["toString", "hasOwnProperty", "valueOf", "constructor", "isPrototypeOf"])("a condition on the undeclared fact `%s` is an unknown reference", (name) => {
    const files = { ...MINIMAL, "assignment.yaml": table({ fact: name, operator: "equal", value: "x" }) };
    const e = checkLoadError(thrown(() => compilePack(files)), files, name);
    expect(e.problems.map((p) => `${p.code} ${p.code === "UNKNOWN_REFERENCE" ? p.params.id : ""}`)).toContain(`UNKNOWN_REFERENCE ${name}`);
    // …also as the right-hand side `value: { fact: … }`.
    const rhs = { ...MINIMAL, "assignment.yaml": table({ fact: "amount", operator: "equal", value: { fact: name } }) };
    expect(checkLoadError(thrown(() => compilePack(rhs)), rhs, name).code).toBe("UNKNOWN_REFERENCE");
  });

  it("a declared fact named `toString` that is not given is missing, not Object.prototype.toString", () => {
    const files = {
      ...MINIMAL,
      "facts.yaml": JSON.stringify({ facts: { toString: { type: "enum", values: ["x", "y"] } } }),
      "assignment.yaml": table({ fact: "toString", operator: "notEqual", value: "x" }),
    };
    const pack = compilePack(files);
    expect(thrown(() => assign(pack, "t", {}, { asOf: "2024-06-03" })).code).toBe("FACT_MISSING");
    expect(assign(pack, "t", { toString: "y" }, { asOf: "2024-06-03" }).lead).toBe("city-office");
  });

  // Two keys that would otherwise reach Object.prototype through a pack's own tables.
  it("`lookup: constructor` (undeclared) is an unknown reference, not Object.prototype.constructor", () => {
    const files = { ...MINIMAL, "assignment.yaml": table(undefined, { lead: { lookup: "constructor", key: "stage" } }) };
    expect(thrown(() => compilePack(files)).code).toBe("UNKNOWN_REFERENCE");
  });

  it("a survey answer `toString` is refused, not scored as NaN", () => {
    const xinghua = loadPack("xinghua");
    expect(thrown(() => score(xinghua, "scorecard", { survey: { toString: 1 } }, { asOf: "2021-03-31" })).code).toBe("INPUT_UNKNOWN_KEY");
  });
});

describe("readPackDir reads only regular files inside the pack folder", () => {
  const tmp = mkdtempSync(join(tmpdir(), "yingshang-safety-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const packDir = (name: string, omit: string[] = []) => {
    const dir = join(tmp, name, "mini");
    mkdirSync(dir, { recursive: true });
    for (const [n, t] of Object.entries(MINIMAL)) if (!omit.includes(n)) writeFileSync(join(dir, n), t);
    return dir;
  };

  it("refuses a symlink that escapes the folder (PATH_ESCAPE), and accepts one that stays inside", () => {
    const outside = join(tmp, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "units.yaml"), MINIMAL["units.yaml"]!);
    writeFileSync(join(outside, "secret.yaml"), "password: hunter2\n");
    const dir = packDir("escape", ["units.yaml"]);
    symlinkSync(join(outside, "units.yaml"), join(dir, "units.yaml"));
    symlinkSync("../../outside/secret.yaml", join(dir, "notes.yaml"));
    const e = thrown(() => readPackDir(dir));
    expect(e.problems.map((p) => `${p.code} ${p.file}`).sort()).toEqual(["PATH_ESCAPE notes.yaml", "PATH_ESCAPE units.yaml"]);
    expect(JSON.stringify(e)).not.toContain("hunter2");
    // A tests/ folder that is a link to elsewhere is refused file by file.
    const dir2 = packDir("tests-link");
    symlinkSync(outside, join(dir2, "tests"));
    expect(thrown(() => readPackDir(dir2, true)).problems.every((p) => p.code === "PATH_ESCAPE" && p.file!.startsWith("tests/"))).toBe(true);
    // A link that stays inside the folder is fine.
    const dir3 = packDir("inside", ["facts.yaml"]);
    mkdirSync(join(dir3, "parts"));
    writeFileSync(join(dir3, "parts", "facts.txt"), MINIMAL["facts.yaml"]!);
    symlinkSync("parts/facts.txt", join(dir3, "facts.yaml"));
    expect(readPackDir(dir3)["facts.yaml"]).toBe(MINIMAL["facts.yaml"]);
  });

  it("refuses a folder or a FIFO named *.yaml without blocking, and a missing folder, with typed errors", () => {
    const dir = packDir("special");
    mkdirSync(join(dir, "duties.yaml"));
    const fifo = spawnSync("mkfifo", [join(dir, "escalation.yaml")]);
    expect(fifo.status).toBe(0);
    const e = thrown(() => readPackDir(dir));
    expect(e.problems.map((p) => `${p.code} ${p.file}`).sort()).toEqual(["FILE_MISSING duties.yaml", "FILE_MISSING escalation.yaml"]);
    expect(thrown(() => readPackDir(join(tmp, "no-such-folder"))).code).toBe("FILE_MISSING");
    expect(thrown(() => readPackDir(join(dir, "pack.yaml"))).code).toBe("FILE_MISSING");
    expect(thrown(() => loadPack(join(tmp, "no-such-folder"))).code).toBe("FILE_MISSING");
  });
});

describe("no network, no code generation in the bundle", () => {
  it("the built dist has no http/https/net/tls/dgram use, fetch, WebSocket, eval or new Function", () => {
    const bundles = ["index.js", "index.cjs", "cli.js", "batch-worker.js"].map((f) => join(ROOT, "dist", f));
    for (const b of bundles) expect(existsSync(b), `${b} is missing: build first (npx tsup)`).toBe(true);
    for (const b of bundles) {
      const code = readFileSync(b, "utf8");
      expect(code.length).toBeGreaterThan(1000);
      for (const bad of [/\bhttps?\.(request|get)\s*\(/, /\bfetch\s*\(/, /\bnet\.connect\b|\bcreateConnection\s*\(/, /["'](node:)?(http|https|net|tls|dgram|http2)["']/, /\bWebSocket\b/, /\bXMLHttpRequest\b/, /\beval\s*\(/, /\bnew Function\s*\(/]) {
        expect(code, `${b} matches ${bad}`).not.toMatch(bad);
      }
    }
  });
});
