// The build stores each bundled pack's read as JSON (dist/pack-reads/KEY.json, scripts/gen-pack-reads.mjs)
// and loadPack and the batch use it when a pack's files are exactly those (readFiles in load.ts). A
// stored read must compile to the pack the YAML gives, problems placed alike; its key must change with
// any byte or name; and the files in dist must be the reads of the packs as they are now.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUNDLED_PACKS, compilePack, readPackDir } from "../../src/index.js";
import { packFilesKey } from "../../src/engine/compile/load.js";
import { compileRead } from "../../src/engine/compile/index.js";
import { fromPlainRead, plainRead, plainReadFromJson, plainReadToJson, readPackFiles, type PlainRead } from "../../src/engine/read/index.js";
import { problems } from "../calendar/helpers/run.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const stored = (files: Record<string, string>): PlainRead => {
  const plain = plainRead(readPackFiles(files));
  expect(plain).not.toBeNull();
  const json = plainReadToJson(plain!);
  expect(json).not.toBeNull();
  return plainReadFromJson(json!);
};

describe("a stored read (the JSON the build keeps for a bundled pack)", () => {
  it.each(BUNDLED_PACKS)("compiles %s to the pack its YAML gives: same hash, same warnings at the same places", (name) => {
    const files = readPackDir(`policies/${name}`);
    const direct = compilePack(files, { folder: name });
    const fromJson = compileRead(fromPlainRead(stored(files)), { folder: name });
    expect(fromJson.hash).toBe(direct.hash);
    expect(fromJson.warnings).toEqual(direct.warnings);
  });

  it("places a check's problem at the same file, line and column as the YAML does", () => {
    const files = readPackDir("policies/zibo");
    const expected = problems(() => compilePack(files, { folder: "renamed" }));
    expect(expected.map((p) => p.code)).toEqual(["PACK_ID_MISMATCH"]);
    const got = problems(() => compileRead(fromPlainRead(stored(files)), { folder: "renamed" }));
    expect(got.map((p) => [p.file, p.line, p.col])).toEqual(expected.map((p) => [p.file, p.line, p.col]));
    expect(got[0]!.line).toBeGreaterThan(0);
  });

  it("is not made when a value would not come back from JSON the same", () => {
    const plain = plainRead(readPackFiles(readPackDir("policies/suqian")))!;
    const docs = structuredClone(plain.docs) as unknown as { pack: Record<string, unknown> };
    docs.pack.extra = Number.POSITIVE_INFINITY; // JSON writes it as null
    expect(plainReadToJson({ ...plain, docs: docs as unknown as PlainRead["docs"] })).toBeNull();
    expect(plainReadToJson(plain)).not.toBeNull();
  });
});

describe("the key of a pack's files", () => {
  const files = readPackDir("policies/suqian");
  it("changes with one byte of one file, and with a file's name", () => {
    const key = packFilesKey(files);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(packFilesKey({ ...files, "units.yaml": files["units.yaml"]! + " " })).not.toBe(key);
    const { "duties.yaml": duties, ...rest } = files;
    expect(packFilesKey({ ...rest, "duties2.yaml": duties! })).not.toBe(key);
    // Text moved from the end of one file to the start of the next is another pack too.
    expect(packFilesKey({ ...files, "assignment.yaml": files["assignment.yaml"]!.slice(0, -1), "deadlines.yaml": files["assignment.yaml"]!.slice(-1) + files["deadlines.yaml"]! })).not.toBe(key);
  });

  it("does not depend on the order the files were listed in", () => {
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(packFilesKey(reversed)).toBe(packFilesKey(files));
  });
});

describe("the build's stored reads (dist/pack-reads)", () => {
  const dir = join(root, "dist/pack-reads");
  it("hold one read per bundled pack, each the read of its files as they are now", () => {
    expect(existsSync(dir)).toBe(true);
    const want = BUNDLED_PACKS.map((name) => {
      const files = readPackDir(`policies/${name}`);
      return { file: `${packFilesKey(files)}.json`, json: plainReadToJson(plainRead(readPackFiles(files))!) };
    });
    expect(readdirSync(dir).sort()).toEqual(want.map((w) => w.file).sort());
    for (const w of want) expect(readFileSync(join(dir, w.file), "utf8")).toBe(w.json);
  });

  it("are not used for an edited copy of a bundled pack: its YAML is read, and its problem reported at its line", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "yingshang-stored-")), "suqian");
    cpSync(join(root, "policies/suqian"), copy, { recursive: true });
    const pack = readFileSync(join(copy, "pack.yaml"), "utf8");
    const lines = pack.split("\n");
    const at = lines.findIndex((l) => l.startsWith("version:"));
    lines[at] = "version: [not, a, version]";
    writeFileSync(join(copy, "pack.yaml"), lines.join("\n"));
    const facts = join(copy, "..", "case.json");
    writeFileSync(facts, JSON.stringify({ asOf: "2026-09-18", facts: { issueKind: "complex" } }));
    // eval loads the pack as loadPack does (readFiles): a stored read would have answered the case.
    const r = spawnSync(process.execPath, [join(root, "dist/cli.js"), "eval", copy, facts, "--json", "--lang", "en"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { error: { problems: { code: string; file?: string; line?: number; path?: string }[] } };
    expect(out.error.problems.map((p) => [p.code, p.file, p.line, p.path])).toEqual([["SCHEMA_TYPE", "pack.yaml", at + 1, "version"]]);
  });
});
