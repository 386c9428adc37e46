// Bundles the studio page (src/studio/page) into dist/studio/: index.html, studio.js, studio.css.
// Everything is in those three files (no network at run time); the bundled packs, their tests and
// documents are built into studio.js so the page also works opened as static files.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "dist", "studio");
const PACKS = ["yingkou", "xinghua", "zibo", "suqian"];

function packFiles(dir) {
  const files = {};
  const yaml = (n) => n.endsWith(".yaml") || n.endsWith(".yml");
  for (const n of readdirSync(dir).filter(yaml).sort()) files[n] = readFileSync(join(dir, n), "utf8");
  const tests = join(dir, "tests");
  if (existsSync(tests)) for (const n of readdirSync(tests).filter(yaml).sort()) files[`tests/${n}`] = readFileSync(join(tests, n), "utf8");
  return files;
}

const bundled = PACKS.map((key) => {
  const dir = join(root, "policies", key);
  const doc = join(dir, "document.txt");
  return { key, files: packFiles(dir), document: existsSync(doc) ? readFileSync(doc, "utf8") : null };
});

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "src/studio/page/main.ts")],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome110", "firefox110", "safari16"],
  minify: true,
  legalComments: "linked",
  outfile: join(out, "studio.js"),
  define: { __STUDIO_BUNDLED__: JSON.stringify(bundled) },
  logLevel: "warning",
});
await build({ entryPoints: [join(root, "src/studio/page/studio.css")], bundle: true, minify: true, outfile: join(out, "studio.css"), logLevel: "warning" });
copyFileSync(join(root, "src/studio/page/index.html"), join(out, "index.html"));
