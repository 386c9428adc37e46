#!/usr/bin/env bash
# Checks the package as a consumer gets it: pack the tarball, install it in an empty folder,
# then import it (ESM), require it (CJS), and run the bin. Fails on any step.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "./$tarball" >/dev/null
cat > esm.mjs <<'JS'
import { loadPack, deadline, defaultCalendar } from "yingshang";
const cal = defaultCalendar();
if (cal.addWorkingDays("2026-09-18", 15) !== "2026-10-15") throw new Error("ESM: wrong working-day addition");
const suqian = loadPack("suqian");
const r = deadline(suqian, "mayor-direct", { facts: { issueKind: "complex" }, events: { received: "2026-09-18" } }, { asOf: "2026-09-18" });
if (r.dueDate !== "2026-10-15") throw new Error("ESM: wrong due date " + r.dueDate);
console.log("esm ok");
JS
cat > cjs.cjs <<'JS'
const { loadPack, defaultCalendar, YingshangError } = require("yingshang");
if (defaultCalendar().info("2026-10-01").name !== "国庆节") throw new Error("CJS: wrong holiday name");
try { defaultCalendar().addWorkingDays("2030-01-01", 1); throw new Error("CJS: no range error"); }
catch (e) { if (!(e instanceof YingshangError) || e.code !== "DATE_OUT_OF_RANGE") throw e; }
if (loadPack("yingkou").id !== "yingkou") throw new Error("CJS: pack");
console.log("cjs ok");
JS
# One copy of the code: a pack loaded through one entry is evaluated through the other, and
# YingshangError is one class, in ESM, in CommonJS, and in an ES module app whose CommonJS
# dependency uses the library (there the ESM and CJS builds are both loaded).
CASE='{ asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } }'
cat > cross.mjs <<JS
import { loadPack, YingshangError } from "yingshang";
import { evaluate, YingshangError as CoreError, defaultCalendar } from "yingshang/core";
const r = evaluate(loadPack("suqian"), $CASE);
if (r.deadlines["mayor-direct"].dueDate !== "2026-10-15") throw new Error("ESM cross-entry: " + JSON.stringify(r.deadlines));
if (YingshangError !== CoreError) throw new Error("ESM: two YingshangError classes");
try { defaultCalendar().addWorkingDays("2030-01-01", 1); } catch (e) { if (!(e instanceof YingshangError)) throw e; }
console.log("esm cross-entry ok");
JS
cat > cross.cjs <<JS
const { loadPack, YingshangError } = require("yingshang");
const core = require("yingshang/core");
const r = core.evaluate(loadPack("suqian"), $CASE);
if (r.deadlines["mayor-direct"].dueDate !== "2026-10-15") throw new Error("CJS cross-entry: " + JSON.stringify(r.deadlines));
if (YingshangError !== core.YingshangError) throw new Error("CJS: two YingshangError classes");
try { core.defaultCalendar().addWorkingDays("2030-01-01", 1); } catch (e) { if (!(e instanceof YingshangError)) throw e; }
console.log("cjs cross-entry ok");
JS
mkdir -p node_modules/cjs-dep
cat > node_modules/cjs-dep/package.json <<'JSON'
{ "name": "cjs-dep", "version": "1.0.0", "main": "index.js" }
JSON
cat > node_modules/cjs-dep/index.js <<'JS'
// A CommonJS library that uses yingshang/core on packs its ES module caller loaded.
const { evaluate, YingshangError } = require("yingshang/core");
exports.due = (pack, c) => evaluate(pack, c).deadlines["mayor-direct"].dueDate;
exports.isYingshangError = (e) => e instanceof YingshangError;
exports.refuse = (pack) => evaluate(pack, { asOf: "2026-09-18", evnets: {} });
JS
cat > mixed.mjs <<JS
import { loadPack, YingshangError } from "yingshang";
import dep from "cjs-dep";
const pack = loadPack("suqian");
if (dep.due(pack, $CASE) !== "2026-10-15") throw new Error("ESM app + CJS dependency: wrong due date");
try { loadPack("no-such-pack"); } catch (e) { if (!dep.isYingshangError(e)) throw new Error("ESM error not a YingshangError to the CJS dependency"); }
try { dep.refuse(pack); throw new Error("no error"); } catch (e) { if (!(e instanceof YingshangError) || e.code !== "INPUT_UNKNOWN_KEY") throw e; }
console.log("esm app with cjs dependency ok");
JS
node esm.mjs
node cjs.cjs
node cross.mjs
node cross.cjs
node mixed.mjs
out=$(npx --no-install yingshang calendar add 2026-09-18 15 --json)
[ "$out" = '{"date":"2026-10-15"}' ] || { echo "bin: unexpected output $out"; exit 1; }
set +e; npx --no-install yingshang calendar add 2031-01-01 1 --json >/dev/null 2>&1; code=$?; set -e
[ "$code" = 2 ] || { echo "bin: expected exit 2 for a date out of range, got $code"; exit 1; }
echo "bin ok"
echo "consumer: 6 passed, 0 failed"
