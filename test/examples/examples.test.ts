// The examples a user copies from: every examples/*.mjs runs and asserts its result, the dev-zone pack of
// the tutorial validates and passes its tests, and `yingshang new` scaffolds a pack that does the same.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { schemaPathFrom } from "../../src/cli/commands/author/new.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const examples = join(root, "examples");
const temps: string[] = [];

function node(args: string[], cwd = root): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const ys = (args: string[], cwd = root) => node([cli, ...args], cwd);
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), "yingshang-examples-"));
  temps.push(d);
  return d;
}

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds here so the examples never run against nothing.
  if (!existsSync(cli) || !existsSync(join(root, "dist/index.js"))) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe("examples/*.mjs", () => {
  const expectations: Record<string, RegExp[]> = {
    "assign-project.mjs": [/lead: 市招商局 \(city-investment-bureau\)/, /lead: 市文化旅游和广播电视局 \(city-culture-tourism\)/, /designation-required/],
    "complaint-deadline.mjs": [/due:\s+2026-10-15/, /overdue, 1 working day/, /2026-09-20\s+count\s+makeup working day/],
    "walk-escalation.mjs": [/4\. 2026-03-16\s+executive-vice-mayor/, /ESCALATION_SKIPPED_RUNG/],
    "score-and-rank.mjs": [/1\. economic-zone\s+98/, /2\. dainan-town\s+92\.5/, /2\. zhangguo-town\s+92\.5/],
    "dev-zone.mjs": [/28\/28 clauses covered/, /due 2026-04-07/, /safety-exception/, /disqualified/],
  };

  it("has an expectation for every script", () => {
    expect(readdirSync(examples).filter((f) => f.endsWith(".mjs")).sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const [script, patterns] of Object.entries(expectations)) {
    it(`${script} runs, asserts its result and exits 0`, () => {
      const r = node([join(examples, script)]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      for (const p of patterns) expect(r.out).toMatch(p);
      expect(r.out).toMatch(/\nok: /);
    });
  }

  it("complaint-deadline.mjs reports the status at another moment", () => {
    const r = node([join(examples, "complaint-deadline.mjs"), "2026-10-12T09:00:00+08:00"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/running, 3 working day\(s\) left/);
  });
});

describe("examples/dev-zone", () => {
  const dir = join(examples, "dev-zone");

  it("validates", () => {
    const r = ys(["validate", "examples/dev-zone"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("ok   examples/dev-zone\n");
  });

  it("passes its tests (at least 15)", () => {
    const r = ys(["test", "examples/dev-zone"]);
    expect(r.code).toBe(0);
    const m = /^通过：(\d+)\/(\d+)$/m.exec(r.out);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(Number(m![2])).toBeGreaterThanOrEqual(15);
  });

  it("covers every clause of its index", () => {
    const r = ys(["validate", "examples/dev-zone", "--json"]);
    expect(JSON.parse(r.out).valid).toBe(true);
    const c = node(["--input-type=module", "-e", `import { loadPack } from ${JSON.stringify(join(root, "dist/index.js"))}; console.log(JSON.stringify(loadPack(${JSON.stringify(dir)}).coverage));`]);
    const coverage = JSON.parse(c.out) as { covered: number; total: number };
    expect(coverage.total).toBe(28);
    expect(coverage.covered).toBe(28);
  });

  it("quotes the document verbatim in every source", () => {
    const doc = readFileSync(join(dir, "document.txt"), "utf8");
    const quotes: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (typeof o.clause === "string" && typeof o.quote === "string") quotes.push(o.quote);
        Object.values(o).forEach(walk);
      }
    };
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) walk(parse(readFileSync(join(dir, f), "utf8")));
    expect(quotes.length).toBeGreaterThan(40);
    for (const q of quotes) expect(doc.includes(q), q).toBe(true);
  });

  it("names every test with a full sentence ending with its clause", () => {
    for (const f of readdirSync(join(dir, "tests"))) {
      const doc = parse(readFileSync(join(dir, "tests", f), "utf8")) as { tests: { name: string }[] };
      for (const t of doc.tests) expect(t.name, t.name).toMatch(/^[A-Z].* \([^()]*(\([^()]*\)[^()]*)*\)\.$/);
    }
  });
});

describe("yingshang new", () => {
  it("scaffolds a pack that validates and passes its example test", () => {
    const cwd = temp();
    const r = ys(["new", "demo-zone", "--title", "某区安商意见"], cwd);
    expect(r.code).toBe(0);
    // A listing for whoever writes the pack: Chinese unless --lang en.
    expect(r.out).toMatch(/^已创建 demo-zone\/\n {2}pack\.yaml\n/);
    expect(r.out).toContain("\n下一步：\n  yingshang validate demo-zone\n");
    const files = ["pack.yaml", "units.yaml", "facts.yaml", "deadlines.yaml", "duties.yaml", "tests/example.yaml"];
    for (const f of files) {
      const text = readFileSync(join(cwd, "demo-zone", f), "utf8");
      const schema = f.startsWith("tests/") ? "tests" : f.replace(".yaml", "");
      // No yingshang installed next to the folder: it points where `npm install yingshang` will put it.
      const up = f.startsWith("tests/") ? "../../" : "../";
      expect(text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${up}node_modules/yingshang/schema/${schema}.schema.json`);
    }
    expect(readFileSync(join(cwd, "demo-zone", "pack.yaml"), "utf8")).toContain('title: "某区安商意见"');
    const v = ys(["validate", join(cwd, "demo-zone")]);
    expect(v.code).toBe(0);
    const t = ys(["test", join(cwd, "demo-zone")]);
    expect(t.code).toBe(0);
    expect(t.out.trim()).toBe("通过：1/1");
  });

  it("lists what it wrote in English with --lang en", () => {
    const r = ys(["new", "west", "--lang", "en"], temp());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^created west\/\n {2}pack\.yaml\n/);
    expect(r.out).toContain("\nnext:\n  yingshang validate west\n");
  });

  it("creates the folder given with --dir, also an existing empty one, and prints JSON with --json", () => {
    const dir = join(temp(), "east");
    mkdirSync(dir);
    const r = ys(["new", "east", "--dir", dir, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ pack: "east", dir, files: expect.arrayContaining(["pack.yaml", "tests/example.yaml"]) });
    expect(ys(["validate", dir]).code).toBe(0);
    expect(ys(["test", dir]).code).toBe(0);
  });

  it("refuses a non-empty folder with a typed error and exit 2, touching nothing", () => {
    const dir = join(temp(), "busy");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const r = ys(["new", "busy", "--dir", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not empty/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
    const j = ys(["new", "busy", "--dir", dir, "--json"]);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.out).error.code).toBe("INPUT_INVALID");
  });

  it("refuses an id that cannot name a pack (exit 2)", () => {
    const r = ys(["new", "Dev Zone"], temp());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be a pack id/);
  });

  it("points the schema line at the package's own schema/ inside this repository, and at an installed copy elsewhere", () => {
    expect(schemaPathFrom(join(root, "examples", "dev-zone"))).toBe("../../schema");
    expect(schemaPathFrom(join(root, "examples", "dev-zone", "tests"))).toBe("../../../schema");
    const project = temp();
    mkdirSync(join(project, "node_modules", "yingshang", "schema"), { recursive: true });
    expect(schemaPathFrom(join(project, "packs", "east"), root, project)).toBe("../../node_modules/yingshang/schema");
    expect(schemaPathFrom(join(project, "packs", "east", "tests"), root, project)).toBe("../../../node_modules/yingshang/schema");
  });
});
