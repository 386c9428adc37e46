// Runs every bench/*.bench.mjs in turn (each prints its figures beside its baselines).
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
let failed = 0;
for (const f of readdirSync(here).filter((n) => n.endsWith(".bench.mjs")).sort()) {
  if (only && !f.includes(only)) continue;
  const r = spawnSync(process.execPath, [join(here, f)], { stdio: "inherit", env: { ...process.env, TZ: process.env.TZ ?? "UTC" } });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
