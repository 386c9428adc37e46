#!/usr/bin/env node
// Stores the read of each bundled pack — its documents and where each value was written, as JSON —
// in dist/pack-reads/KEY.json, KEY being the SHA-256 of the pack's file names and texts. loadPack and
// the batch use it when a pack's files are exactly those (readFiles in src/engine/compile/load.ts),
// so a cold start does not parse the same YAML again; any other files are parsed as always.
// Run by `npm run build` and `prepare`, after tsup (it writes into dist/).
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "dist", "pack-reads");
// The TypeScript is bundled beside the scripts (so its packages resolve from node_modules) and removed.
const tmp = join(root, "scripts", ".pack-reads.tmp.mjs");
await build({ entryPoints: [join(root, "scripts", "pack-reads.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: tmp, logLevel: "warning" });
try {
  const { packReads } = await import(pathToFileURL(tmp).href);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const { pack, key, json } of packReads()) {
    // A pack that does not read cleanly is read from its YAML at run time, which reports its problems.
    if (json === null) console.warn(`gen-pack-reads: ${pack} has problems or values JSON cannot carry; nothing stored for it`);
    else writeFileSync(join(out, `${key}.json`), json);
  }
} finally {
  rmSync(tmp, { force: true });
}
