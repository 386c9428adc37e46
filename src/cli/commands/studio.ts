/** `yingshang studio [PACK_DIR…]`: the studio in the browser, able to save the folders given. */
import type { Command } from "commander";
import { fail } from "../../errors.js";
import { resolvePackDir } from "../../engine/compile/load.js";
import type { startStudio } from "../../studio/server.js";
import { emit, runAction } from "../output.js";
import { listenOptions, wholeOption } from "../listen.js";

export function registerStudio(program: Command): void {
  listenOptions(program.command("studio"), "4318")
    .description("open the studio: edit packs beside their documents, see problems, tables, tests, cases and diffs; saves only the folders given")
    .argument("[packs...]", "pack folders the studio may save (the bundled packs are always offered, read-only)")
    .option("--json", "machine-readable output (the address, once listening)")
    .action((specs: string[], opts: { host: string; port: string; json?: boolean }) =>
      runAction(opts, async () => {
        const port = wholeOption(opts.port, "port", 0, 65535);
        const folders = specs.map(resolvePackDir);
        // fastify and the studio load only for this command: every other command starts without them.
        const studio = await import("../../studio/server.js");
        let s: Awaited<ReturnType<typeof startStudio>>;
        try {
          s = await studio.startStudio({ folders, host: opts.host, port });
        } catch (e) {
          // Address in use or not available: a usage problem, not a bug.
          return fail("INPUT_INVALID", `Cannot listen on ${opts.host}:${opts.port} (${e instanceof Error ? e.message : String(e)}).`, { detail: "listen" }, { path: "--port" });
        }
        emit(opts, { url: s.url, folders }, () => `营商 政策包工作台：${s.url}\n可保存的文件夹：${folders.length ? folders.join("、") : "（无；内置政策包只读，改动以下载方式保存）"}\n按 Ctrl+C 退出。`);
      }),
    );
}
