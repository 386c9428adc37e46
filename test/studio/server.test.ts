// The studio's server side: what it serves (with its CSP), and that saving writes only pack files
// inside the folders given on the command line.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/serve/server.js";
import { planSave, registerStudio, STUDIO_CSP, studioFolders, studioPlugin } from "../../src/studio/server.js";
import { assets, packCopy } from "./browser.js";

const [zibo, other] = packCopy("zibo", "suqian");
const app = Fastify();
registerStudio(app, { folders: [zibo!], assets });
afterAll(() => app.close());

const post = (key: string, files: unknown) => app.inject({ method: "POST", url: `/studio/api/packs/${key}/files`, payload: { files } });

describe("the studio's server", () => {
  it("serves the page, its script and style sheet under the strict CSP", async () => {
    for (const [url, type] of [["/studio/", "text/html"], ["/studio/studio.js", "text/javascript"], ["/studio/studio.css", "text/css"]] as const) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toContain(type);
      expect(r.headers["content-security-policy"]).toBe(STUDIO_CSP);
    }
    expect(STUDIO_CSP).toContain("script-src 'self'");
    expect(STUDIO_CSP).not.toContain("unsafe");
    expect((await app.inject({ url: "/studio" })).headers.location).toBe("/studio/");
  });

  it("lists the folders given with their files, tests and document", async () => {
    const r = await app.inject({ url: "/studio/api/packs" });
    const body = r.json() as { packs: { key: string; files: Record<string, string>; document: string | null }[] };
    expect(body.packs.map((p) => p.key)).toEqual(["zibo"]);
    expect(Object.keys(body.packs[0]!.files)).toContain("assignment.yaml");
    expect(Object.keys(body.packs[0]!.files).some((f) => f.startsWith("tests/"))).toBe(true);
    expect(body.packs[0]!.document).toContain("窗口前移“零距离”服务企业项目八条措施");
  });

  it("writes the files of a given folder, and only those", async () => {
    const r = await post("zibo", { "units.yaml": "# edited\n", "tests/new.yaml": "tests: []\n" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ saved: ["units.yaml", "tests/new.yaml"] });
    expect(readFileSync(join(zibo!, "units.yaml"), "utf8")).toBe("# edited\n");
    expect(readFileSync(join(zibo!, "tests", "new.yaml"), "utf8")).toBe("tests: []\n");
  });

  it("refuses a folder that was not given (404) and names outside the pack (400), writing nothing", async () => {
    const before = readFileSync(join(other!, "units.yaml"), "utf8");
    expect((await post("suqian", { "units.yaml": "x" })).statusCode).toBe(404);
    expect(readFileSync(join(other!, "units.yaml"), "utf8")).toBe(before);
    for (const name of ["../suqian/units.yaml", "/etc/passwd", "tests/../../x.yaml", "sub/x.yaml", "notes.txt", ".hidden.yaml", "tests\\x.yaml"]) {
      const r = await post("zibo", { [name]: "x", "units.yaml": "# not written either\n" });
      expect(r.statusCode, name).toBe(400);
      expect((r.json() as { error: { code: string } }).error.code).toBe("PATH_ESCAPE");
    }
    expect(readFileSync(join(zibo!, "units.yaml"), "utf8")).toBe("# edited\n");
    expect((await post("zibo", "not a map")).statusCode).toBe(400);
    expect((await post("zibo", { "units.yaml": 42 })).statusCode).toBe(400);
  });

  it("refuses a file that is a link to outside the folder", () => {
    const outside = join(other!, "..", "outside.yaml");
    writeFileSync(outside, "secret: true\n");
    symlinkSync(outside, join(zibo!, "linked.yaml"));
    const plan = planSave(studioFolders([zibo!])[0]!, { files: { "linked.yaml": "overwritten" } });
    expect(plan.writes).toEqual([]);
    expect(plan.problems.map((p) => p.code)).toEqual(["PATH_ESCAPE"]);
    expect(readFileSync(outside, "utf8")).toBe("secret: true\n");
  });

  it("refuses a tests/ folder that is a link to outside", () => {
    const [pack] = packCopy("xinghua");
    const elsewhere = join(pack!, "..", "elsewhere");
    mkdirSync(elsewhere);
    const tests = join(pack!, "tests");
    // Replace tests/ by a link to another folder.
    const moved = join(pack!, "..", "tests-moved");
    writeFileSync(join(elsewhere, "keep.yaml"), "tests: []\n");
    symlinkSync(elsewhere, moved);
    const plan = planSave({ key: "xinghua", dir: pack! }, { files: { "tests/x.yaml": "tests: []\n" } });
    expect(plan.problems).toEqual([]);
    expect(existsSync(tests)).toBe(true);
    const linkPack = join(pack!, "..", "linkpack");
    mkdirSync(linkPack);
    symlinkSync(elsewhere, join(linkPack, "tests"));
    const bad = planSave({ key: "linkpack", dir: linkPack }, { files: { "tests/x.yaml": "tests: []\n" } });
    expect(bad.writes).toEqual([]);
    expect(bad.problems.map((p) => p.code)).toEqual(["PATH_ESCAPE"]);
  });

  it("mounts on yingshang serve at /studio/, beside /v1, and refuses to save when told to", async () => {
    const [pack] = packCopy("zibo");
    const served = await buildServer({ logger: false, packDirs: [pack!], plugins: [{ plugin: studioPlugin, options: { folders: [pack!], assets, writable: false } }] });
    try {
      const page = await served.inject({ url: "/studio/" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-security-policy"]).toBe(STUDIO_CSP);
      expect((await served.inject({ url: "/healthz" })).statusCode).toBe(200);
      expect((await served.inject({ url: "/studio/api/packs" })).json()).toMatchObject({ writable: false });
      const before = readFileSync(join(pack!, "units.yaml"), "utf8");
      const r = await served.inject({ method: "POST", url: "/studio/api/packs/zibo/files", payload: { files: { "units.yaml": "x" } } });
      expect(r.statusCode).toBe(403);
      expect(readFileSync(join(pack!, "units.yaml"), "utf8")).toBe(before);
    } finally {
      await served.close();
    }
  });

  it("gives folders with the same name different keys", () => {
    expect(studioFolders(["/a/yingkou", "/b/yingkou", "/c/zibo"]).map((f) => f.key)).toEqual(["yingkou", "yingkou-2", "zibo"]);
  });
});
