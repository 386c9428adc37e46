// `yingshang studio`: starts the server on the address asked for, and refuses bad usage with exit 2.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./browser.js";

const cli = join(root, "dist", "cli.js");

describe("yingshang studio", () => {
  it("listens, prints its address, and serves the studio and the folder given", async () => {
    const child = spawn(process.execPath, [cli, "studio", "policies/zibo", "--port", "0", "--json"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const line = await new Promise<string>((ok, no) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) ok(out.split("\n")[0]!);
        });
        child.on("exit", (code) => no(new TypeError(`exited with ${code}`)));
      });
      const { url, folders } = JSON.parse(line) as { url: string; folders: string[] };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/studio\/$/);
      expect(folders).toEqual([join(root, "policies", "zibo")]);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("政策包工作台");
      const packs = (await (await fetch(new URL("api/packs", url))).json()) as { packs: { key: string }[] };
      expect(packs.packs.map((p) => p.key)).toEqual(["zibo"]);
    } finally {
      child.kill();
    }
  }, 30_000);

  it("exits 2 on a bad port or a folder that does not exist", () => {
    const port = spawnSync(process.execPath, [cli, "studio", "--port", "http", "--json"], { cwd: root, encoding: "utf8" });
    expect(port.status).toBe(2);
    expect(JSON.parse(port.stdout).error.code).toBe("INPUT_INVALID");
    const missing = spawnSync(process.execPath, [cli, "studio", "no/such/pack", "--json"], { cwd: root, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe("FILE_MISSING");
  });
});
