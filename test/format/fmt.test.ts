// `yingshang fmt` and the scaffold's safe style: block style, Chinese text in double quotes,
// comments kept, and the same meaning — a formatted pack compiles to the same hash.
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, Scalar, visit } from "yaml";
import { compilePack, readPackDir, runPackTests } from "../../src/index.js";
import { formatPackFile } from "../../src/engine/read/index.js";
import { scaffoldFiles } from "../../src/cli/commands/author/new.js";
import { root, run } from "../calendar/helpers/run.js";

const PACKS = ["yingkou", "xinghua", "zibo", "suqian"];

/** What the safe style forbids: a non-empty `{ … }` or `[ … ]`, or Chinese text without quotes. */
function unsafe(text: string): string[] {
  const found: string[] = [];
  visit(parseDocument(text), {
    Map: (_k, n) => void (n.flow && n.items.length && found.push(`flow mapping ${JSON.stringify(n.toJSON())}`)),
    Seq: (_k, n) => void (n.flow && n.items.length && found.push(`flow list ${JSON.stringify(n.toJSON())}`)),
    Scalar: (_k, n) => void (typeof n.value === "string" && /[\u0080-\uffff]/.test(n.value) && n.type === Scalar.PLAIN && found.push(`plain ${n.value}`)),
  });
  return found;
}

/** The text of every comment, in order. */
function comments(text: string): string[] {
  return text.split("\n").flatMap((l) => {
    const m = /(?:^|\s)#\s?(.*)$/.exec(l.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    return m ? [m[1]!.trim()] : [];
  });
}

function formatAll(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([f, t]) => {
      const r = formatPackFile(t, f);
      expect(r.problems, f).toEqual([]);
      return [f, r.text];
    }),
  );
}

/** A copy of a bundled pack in a fresh temporary folder named as the pack. */
function copyOf(id: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "yingshang-fmt-")), id);
  cpSync(join(root, "policies", id), dir, { recursive: true });
  return dir;
}

describe("formatPackFile", () => {
  it.each(PACKS)("formats %s without changing its hash, keeping every comment, in the safe style", (id) => {
    const files = readPackDir(join(root, "policies", id), true);
    const out = formatAll(files);
    // Something was there to rewrite: the bundled packs use `{ … }` and plain Chinese.
    expect(Object.keys(files).filter((f) => out[f] !== files[f]).length).toBeGreaterThan(0);
    expect(compilePack(out, { folder: id }).hash).toBe(compilePack(files, { folder: id }).hash);
    for (const f of Object.keys(files)) {
      expect(unsafe(out[f]!), `${id}/${f}`).toEqual([]);
      expect(comments(out[f]!), `${id}/${f}`).toEqual(comments(files[f]!));
      expect(parseDocument(out[f]!).toJS()).toEqual(parseDocument(files[f]!).toJS());
    }
    // Once in the safe style, a file stays as it is.
    for (const f of Object.keys(out)) expect(formatPackFile(out[f]!, f)).toEqual({ text: out[f], changed: false, problems: [] });
  });

  it("takes the comma trap out of a flow mapping: Chinese text is quoted, one field per line", () => {
    const text = 'source: { clause: 六.2, quote: "申请材料不齐全的,应当当场告知" } # 六.2 原文\n';
    const r = formatPackFile(text, "deadlines.yaml");
    // The comment after the `{ … }` is kept, after the fields it followed.
    expect(r.text).toBe('source:\n  clause: "六.2"\n  quote: "申请材料不齐全的,应当当场告知"\n  # 六.2 原文\n');
    expect(r.changed).toBe(true);
  });

  it("leaves a file that does not read as it is, with its problems", () => {
    const bad = "units:\n  - id: a\n    id: b\n";
    const r = formatPackFile(bad, "units.yaml");
    expect(r.text).toBe(bad);
    expect(r.changed).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(["YAML_DUPLICATE_KEY"]);
  });

  it("hashes what a pack says, not how: comments and style do not change the hash, a value does", () => {
    const files = readPackDir(join(root, "policies", "suqian"));
    const hash = compilePack(files, { folder: "suqian" }).hash;
    expect(compilePack({ ...files, "units.yaml": `# 注释\n${files["units.yaml"]}` }, { folder: "suqian" }).hash).toBe(hash);
    const bumped = files["pack.yaml"]!.replace(/^version: .*$/m, "version: 9.9.9");
    expect(bumped).not.toBe(files["pack.yaml"]);
    expect(compilePack({ ...files, "pack.yaml": bumped }, { folder: "suqian" }).hash).not.toBe(hash);
  });
});

describe("yingshang new writes the safe style", () => {
  const files = scaffoldFiles("dev-zone", "TODO 文件标题", () => "../schema");

  it("in block style, Chinese text quoted, nothing for fmt to change", () => {
    for (const [f, t] of Object.entries(files)) {
      expect(unsafe(t), f).toEqual([]);
      expect(formatPackFile(t, f).changed, f).toBe(false);
    }
  });

  it("with Chinese comments", () => {
    for (const [f, t] of Object.entries(files)) {
      const own = comments(t).filter((c) => !c.startsWith("yaml-language-server"));
      expect(own.length, f).toBeGreaterThan(0);
      for (const c of own) expect(c, f).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("and the pack warns on each TODO placeholder left in a value, at its place", () => {
    const w = compilePack(files, { folder: "dev-zone" }).warnings.filter((p) => p.code === "TODO_PLACEHOLDER");
    // units.yaml line 7 is `    zh: "TODO 牵头部门"` (line 1 the schema comment, 2–3 guidance): the value starts at column 9.
    expect(w.find((p) => p.file === "units.yaml")).toMatchObject({ code: "TODO_PLACEHOLDER", line: 7, col: 9, path: "units[0].zh", params: { text: "TODO 牵头部门" } });
    // Values only, not comments: pack.yaml 5 (name, city, issuer, document.title, clause title),
    // units 1, facts 1, deadlines 5 (zh, starts, three quotes), duties 2 (zh, quote).
    const byFile = (f: string) => w.filter((p) => p.file === f).length;
    expect([byFile("pack.yaml"), byFile("units.yaml"), byFile("facts.yaml"), byFile("deadlines.yaml"), byFile("duties.yaml")]).toEqual([5, 1, 1, 5, 2]);
    expect(w.length).toBe(14);
  });

  it("no bundled pack has a TODO placeholder", () => {
    for (const id of PACKS) expect(compilePack(readPackDir(join(root, "policies", id)), { folder: id }).warnings.filter((p) => p.code === "TODO_PLACEHOLDER"), id).toEqual([]);
  });
});

describe("yingshang fmt", () => {
  it("--check fails on a pack not in the safe style, fmt rewrites it, and its tests still pass", () => {
    const dir = copyOf("suqian");
    const before = readFileSync(join(dir, "units.yaml"), "utf8");
    const check = run("fmt", dir, "--check", "--lang", "en");
    expect(check.code).toBe(1);
    expect(check.out).toContain("would be reformatted");
    expect(check.out).toContain("  units.yaml\n");
    expect(readFileSync(join(dir, "units.yaml"), "utf8")).toBe(before);
    const fmt = run("fmt", dir, "--json");
    expect(fmt.code).toBe(0);
    const j = JSON.parse(fmt.out) as { changed: string[]; hash: string };
    expect(j.changed).toContain("units.yaml");
    expect(j.hash).toBe(compilePack(readPackDir(join(root, "policies", "suqian")), { folder: "suqian" }).hash);
    expect(readFileSync(join(dir, "units.yaml"), "utf8")).not.toBe(before);
    // Chinese by default, as every listing of a pack.
    const again = run("fmt", dir, "--check");
    expect(again.code).toBe(0);
    expect(again.out).toBe(`${dir}：已是安全格式，无需改动。\n`);
    const tests = runPackTests(readPackDir(dir, true), { folder: "suqian" });
    expect(tests.problems).toEqual([]);
    expect(tests.passed).toBe(tests.total);
  }, 180_000);

  it("says in Chinese which files it would change", () => {
    const dir = copyOf("zibo");
    const check = run("fmt", dir, "--check");
    expect(check.code).toBe(1);
    expect(check.out.split("\n")[0]).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：\\d+ 个文件需要整理格式$`));
  });

  it("is a usage error on a folder that is not a pack, and never writes into a bundled pack", () => {
    expect(run("fmt", join(root, "no-such-pack")).code).toBe(2);
    const bundled = run("fmt", "suqian", "--lang", "zh");
    expect(bundled.code).toBe(2);
    expect(bundled.err).toContain("`yingshang fmt` 会改写政策包文件夹中的文件");
    expect(run("fmt", "bundled:suqian").code).toBe(2);
  });

  it("validate prints the scaffold's TODO placeholders as warnings at file:line:col, the pack still valid", () => {
    const parent = mkdtempSync(join(tmpdir(), "yingshang-new-"));
    const dir = join(parent, "dev-zone");
    expect(run("new", "dev-zone", "--dir", dir).code).toBe(0);
    const v = run("validate", dir, "--lang", "zh");
    expect(v.code).toBe(0);
    // A Chinese line is for policy staff: it ends with the sentence, not with the code (--json has it).
    expect(v.out).toContain(`提醒 ${dir}/units.yaml 第7行第9列：\`TODO 牵头部门\` 还是新建政策包时留下的占位文字；请换成文件原文。\n`);
    expect(v.out.match(/^ {2}提醒 .*新建政策包时留下的占位文字/gm)).toHaveLength(14);
    expect(v.out).not.toMatch(/\[[A-Z_]+\]/);
    const en = run("validate", dir, "--lang", "en");
    expect(en.out.match(/\[TODO_PLACEHOLDER\]/g)).toHaveLength(14);
    expect(en.out).toContain(`warn ${dir}/units.yaml:7:9 — "TODO 牵头部门" is a placeholder left by yingshang new; replace it with the document's own words. [TODO_PLACEHOLDER]`);
  });
});
