/** `yingshang serve [PACK_DIR…]`: the HTTP/JSON service (src/serve/), with reload and graceful shutdown. */
import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { fail } from "../../errors.js";
import type { ReloadReport } from "../../serve/registry.js";
import { calendarsOption } from "../calendar-option.js";
import { runAction } from "../output.js";
import { listenOptions, wholeOption } from "../listen.js";

interface ServeCommandOptions {
  host: string;
  port: string;
  calendar?: string[];
  watch?: boolean;
  bodyLimit?: string;
  logLevel: string;
}


const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function registerServe(program: Command): void {
  listenOptions(program.command("serve"), "8080")
    .description("serve the bundled packs and the pack folders given over HTTP/JSON (POST /v1/packs/{pack}/evaluate, GET /v1/openapi.json …)")
    .argument("[packs...]", "pack folders to serve besides the bundled packs")
    .option("--calendar <file...>", "extra calendar files (e.g. a 2027 notice)")
    .option("--watch", "reload the pack folders when their files change (as on SIGHUP)")
    .option("--body-limit <bytes>", "largest JSON body accepted (default 1048576); larger is a 413")
    .option("--log-level <level>", `pino log level: ${LEVELS.join(", ")}`, "info")
    .action((packs: string[], opts: ServeCommandOptions) =>
      runAction({}, async () => {
        const port = wholeOption(opts.port, "port", 0, 65535);
        const bodyLimit = opts.bodyLimit === undefined ? undefined : wholeOption(opts.bodyLimit, "body-limit", 1, 1 << 30);
        if (!LEVELS.includes(opts.logLevel)) fail("INPUT_INVALID", `--log-level must be one of ${LEVELS.join(", ")} (got ${opts.logLevel}).`, { detail: "bad --log-level" }, { path: "log-level" });
        // fastify and the studio load only for this command: every other command starts without them.
        const [{ PackRegistry }, { buildServer }, { studioPlugin }] = await Promise.all([import("../../serve/registry.js"), import("../../serve/server.js"), import("../../studio/server.js")]);
        const registry = PackRegistry.load(packs, calendarsOption(opts.calendar));
        // The studio at /studio/ offers the pack folders given; it saves into them only when the
        // service listens on this computer alone.
        const folders = packs.filter((p) => existsSync(p) && statSync(p).isDirectory()).map((p) => resolve(p));
        const writable = ["127.0.0.1", "::1", "localhost"].includes(opts.host);
        const app = await buildServer({ registry, bodyLimit, logger: { level: opts.logLevel }, plugins: [{ plugin: studioPlugin, options: { folders, writable } }] });

        const reload = (why: string) => {
          let report: ReloadReport;
          try {
            report = registry.reload();
          } catch (e) {
            app.log.error({ err: e, why }, "reload failed; the packs loaded before keep serving");
            return;
          }
          for (const r of report.replaced) app.log.info({ why, pack: r.pack, hash: r.hash, previous: r.previous }, "pack reloaded");
          for (const r of report.refused) app.log.warn({ why, dir: r.dir, pack: r.pack, problems: r.problems }, "pack refused on reload; the old one keeps serving");
          if (!report.replaced.length && !report.refused.length) app.log.info({ why, unchanged: report.unchanged }, "reload: nothing changed");
        };
        process.on("SIGHUP", () => reload("SIGHUP"));

        const watchers: FSWatcher[] = [];
        if (opts.watch) {
          let timer: NodeJS.Timeout | null = null;
          // Editors write a file in several steps: wait until the folder has been quiet for a moment.
          const soon = () => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => {
              timer = null;
              reload("watch");
            }, 250);
          };
          for (const dir of registry.watchedDirs()) watchers.push(watch(dir, { recursive: true }, soon));
        }

        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          app.log.info({ signal }, "shutting down: finishing requests in flight");
          for (const w of watchers) w.close();
          void app.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.on("SIGTERM", () => stop("SIGTERM"));
        process.on("SIGINT", () => stop("SIGINT"));

        let address: string;
        try {
          address = await app.listen({ host: opts.host, port });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code ?? "unknown";
          return fail("INPUT_INVALID", `Cannot listen on ${opts.host}:${port} (${code}); choose another --port or --host.`, { detail: `listen ${code}` }, { path: "port" });
        }
        process.stderr.write(`yingshang serve: listening on ${address} (${registry.snapshot().size} packs; GET ${address}/v1/openapi.json)\n`);
        // The command's action returns; the server keeps the process alive until a signal.
        return new Promise<number>(() => undefined);
      }),
    );
}
