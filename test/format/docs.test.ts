// docs/tools.md "new and fmt": the console block is run as shown, in an empty folder, and each
// command must print exactly the lines the block shows after it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, root } from "../calendar/helpers/run.js";

const doc = readFileSync(join(root, "docs", "tools.md"), "utf8");
const section = doc.slice(doc.indexOf("## new and fmt"), doc.indexOf("## Editor set-up"));
const block = /```console\n([\s\S]*?)```/u.exec(section)?.[1] ?? "";

/** The block as [command, the lines it prints]. */
function steps(text: string): [string, string][] {
  const out: [string, string[]][] = [];
  for (const line of text.replace(/\n$/u, "").split("\n")) {
    if (line.startsWith("$ ")) out.push([line.slice(2), []]);
    else out.at(-1)![1].push(line);
  }
  return out.map(([c, lines]) => [c, lines.join("\n")]);
}

describe("docs/tools.md: new and fmt", () => {
  it("shows the scaffold, its TODO warnings and a fmt round", () => {
    const commands = steps(block).map(([c]) => c);
    expect(commands.filter((c) => c.startsWith("yingshang ")).map((c) => c.split(" ").slice(1, 3).join(" "))).toEqual(["new dev-zone", "validate dev-zone", "fmt dev-zone", "fmt dev-zone"]);
    expect(commands).toContain('yingshang fmt dev-zone --check; echo "exit $?"');
  });

  it("prints what it shows, command by command", () => {
    const dir = mkdtempSync(join(tmpdir(), "yingshang-docs-fmt-"));
    const bin = join(dir, "bin");
    mkdirSync(bin);
    // `yingshang` on the PATH is this repository's built CLI, as after `npm install -g`.
    writeFileSync(join(bin, "yingshang"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    chmodSync(join(bin, "yingshang"), 0o755);
    const work = join(dir, "work");
    mkdirSync(work);
    for (const [command, shown] of steps(block)) {
      const r = spawnSync("bash", ["-c", `${command} 2>&1`], { cwd: work, encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH ?? ""}`, LANG: "C.UTF-8" } });
      expect(r.stdout.replace(/\n$/u, ""), command).toBe(shown);
    }
  }, 120_000);
});
