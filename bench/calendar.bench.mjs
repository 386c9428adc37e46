// Working-day addition speed: this library vs a naive day-by-day loop over the same data vs
// chinese-days' findWorkday, on the same generated inputs; plus computeDeadline with pauses.
// Run: npm run bench (builds first). YINGSHANG_BENCH_LIB=path overrides the library import.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const N_INPUTS = 1 << 20;
const SEED = 20260918;

/** Same inputs in every process: string dates 2019-01-01…2026-09-30 and n in 0…60. */
function inputs(count) {
  let s = SEED >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
  const start = Date.UTC(2019, 0, 1), days = (Date.UTC(2026, 8, 30) - start) / 86400000 + 1;
  const dates = new Array(count), ns = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    dates[i] = new Date(start + Math.floor(rnd() * days) * 86400000).toISOString().slice(0, 10);
    ns[i] = Math.floor(rnd() * 61);
  }
  return { dates, ns };
}

/** Calls f(i) for i over the inputs until `ms` have passed; returns calls per second. */
function measure(count, f, ms = 1500) {
  for (let i = 0; i < Math.min(count, 200_000); i++) f(i); // warm-up
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < count; i++) f(i);
    calls += count;
    t = performance.now();
  }
  return (calls / (t - t0)) * 1000;
}

if (process.argv[2] === "--chinese-days") {
  // Child process, TZ=Asia/Shanghai: chinese-days reads dates in the host zone.
  const cd = createRequire(import.meta.url)("chinese-days");
  const count = 20_000;
  const { dates, ns } = inputs(count);
  let sink = 0;
  const rate = measure(count, (i) => (sink += cd.findWorkday(ns[i], dates[i]).length), 1500);
  process.stdout.write(JSON.stringify({ rate, sink }));
  process.exit(0);
}

const lib = await import(process.env.YINGSHANG_BENCH_LIB ? pathToFileURL(process.env.YINGSHANG_BENCH_LIB).href : "../dist/index.js");
const cal = lib.defaultCalendar();
const { dates, ns } = inputs(N_INPUTS);
let sink = 0;

const ours = measure(N_INPUTS, (i) => (sink += cal.addWorkingDays(dates[i], ns[i]).length));

// Naive: the same data as a Map of date → working, walked one day at a time with Date.
const working = new Map();
for (let t = Date.UTC(2018, 11, 29); t <= Date.UTC(2026, 11, 31); t += 86400000) {
  const d = new Date(t).toISOString().slice(0, 10);
  working.set(d, cal.isWorkingDay(d));
}
function naiveAdd(date, n) {
  let t = Date.parse(date + "T00:00:00Z");
  let d = date;
  if (n === 0) {
    while (!working.get(d)) d = new Date((t += 86400000)).toISOString().slice(0, 10);
    return d;
  }
  while (n > 0) {
    d = new Date((t += 86400000)).toISOString().slice(0, 10);
    if (working.get(d)) n--;
  }
  return d;
}
for (let i = 0; i < 10_000; i++) if (naiveAdd(dates[i], ns[i]) !== cal.addWorkingDays(dates[i], ns[i])) throw new RangeError(`naive loop disagrees at ${dates[i]} + ${ns[i]}`);
const naive = measure(200_000, (i) => (sink += naiveAdd(dates[i], ns[i]).length));

const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--chinese-days"], { env: { ...process.env, TZ: "Asia/Shanghai" }, encoding: "utf8" });
const cd = child.status === 0 ? JSON.parse(child.stdout).rate : NaN;

// computeDeadline with a pause, a restart and warnings, with and without the ledger.
const cases = [];
for (let i = 0; i < 4096; i++) {
  const r = dates[i];
  const t = Date.parse(r + "T00:00:00Z");
  const day = (k) => new Date(t + k * 86400000).toISOString().slice(0, 10);
  cases.push({ received: r, pauses: [{ from: day(2 + (i % 5)), to: day(9 + (i % 7)), reason: "expert review" }] });
}
const spec = { workingDays: 15, warnAt: [0.5, 0.75] };
const dlFast = measure(cases.length, (i) => (sink += lib.computeDeadline(cal, spec, cases[i], undefined, { ledger: false }).dueDate.length));
const dlLedger = measure(cases.length, (i) => (sink += lib.computeDeadline(cal, spec, cases[i], "2026-10-16T09:00:00+08:00").ledger.length));

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`);
console.log(`calendar — addWorkingDays(string, n), ${N_INPUTS.toLocaleString("en")} generated inputs (dates 2019–2026, n 0…60)`);
console.log(`  yingshang (day index)            ${fmt(ours).padStart(12)}   target ≥ 20 M/s ${ours >= 20e6 ? "ok" : "MISSED"}`);
console.log(`  naive day-by-day loop, same data ${fmt(naive).padStart(12)}   yingshang is ${(ours / naive).toFixed(0)}× faster`);
console.log(`  chinese-days findWorkday (TZ=Asia/Shanghai) ${fmt(cd).padStart(12)}   yingshang is ${(ours / cd).toFixed(0)}× faster (target ≥ 300×) ${ours / cd >= 300 ? "ok" : "MISSED"}`);
console.log(`  computeDeadline, 15 working days + pause + warnings: ${fmt(dlFast)} without ledger, ${fmt(dlLedger)} with ledger and status`);
if (sink === 0) console.log("");
