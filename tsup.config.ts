import { defineConfig } from "tsup";

// Two builds: the library (ESM + CJS + types) and the CLI (ESM only, with a shebang).
export default defineConfig([
  {
    entry: { index: "src/index.ts", core: "src/core.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    shims: true,
  },
  {
    entry: { cli: "src/cli/main.ts", "batch-worker": "src/cli/batch-worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
