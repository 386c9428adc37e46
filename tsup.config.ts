import { defineConfig } from "tsup";

// Three builds: the library as ESM and as CommonJS (each with types), and the CLI (ESM only, with a
// shebang). Both library builds split shared code into one chunk, so `yingshang` and
// `yingshang/core` are one copy of the code in either format: a pack loaded through one entry is
// evaluated by the other, and `instanceof YingshangError` holds across them.
const library = {
  entry: { index: "src/index.ts", core: "src/core.ts" },
  dts: true,
  sourcemap: true,
  target: "node20",
  shims: true,
  splitting: true,
} as const;

export default defineConfig([
  { ...library, format: ["esm"] },
  // tsup's code splitting for CommonJS (esbuild splits only ESM; tsup converts the chunks).
  { ...library, format: ["cjs"] },
  {
    entry: { cli: "src/cli/main.ts", "batch-worker": "src/cli/batch/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
