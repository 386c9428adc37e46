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
node esm.mjs
node cjs.cjs
out=$(npx --no-install yingshang calendar add 2026-09-18 15 --json)
[ "$out" = '{"date":"2026-10-15"}' ] || { echo "bin: unexpected output $out"; exit 1; }
set +e; npx --no-install yingshang calendar add 2031-01-01 1 --json >/dev/null 2>&1; code=$?; set -e
[ "$code" = 2 ] || { echo "bin: expected exit 2 for a date out of range, got $code"; exit 1; }
echo "bin ok"
echo "consumer: 3 passed, 0 failed"
