// Batch and service benchmark, in one run on the same 200,000 generated Suqian cases:
//  - in-process evaluate() (cases parsed beforehand, trace off): the rate everything is compared to;
//  - the CLI batch (`node dist/cli.js eval suqian --ndjson FILE --out FILE`), timed by the wall clock
//    from spawn to exit (start-up included), with 1 and 2 workers, with --select, the compact default
//    and --full: cases/s, fraction of in-process, bytes per case, peak RSS (maxRSS of the process);
//    for --select also the 2 ÷ 1 ratio of the work alone (the CLI's --json summary) and, run beside
//    each pair, the machine's own 2 ÷ 1 ceiling on plain JavaScript threads (bench/ceiling.mjs);
//  - the service (`yingshang serve`): POST /v1/packs/suqian/evaluate beside fastify's empty JSON route
//    (a bare fastify app with one GET returning {}), each driven by autocannon for a fixed number of
//    requests at 50 connections: requests/s, p50 and p99 latency, and the ratio.
// On a shared machine the worker-scaling figures depend on what else runs; each line says what it measured.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { evaluate, loadPack } from "../dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist/cli.js");
const N = Number(process.env.BATCH_CASES ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), "yingshang-bench-"));
const cases = join(dir, "cases.ndjson");
const gen = spawnSync(process.execPath, [join(root, "bench/gen-cases.mjs"), String(N)], { maxBuffer: 1 << 30 });
writeFileSync(cases, gen.stdout);
// This machine is shared: each figure is printed with the 1-minute load average when it was taken.
const loadNow = () => `load ${loadavg()[0].toFixed(1)}`;
const fmt = (n) => (n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(0)} /s`);

// 1. In-process.
const suqian = loadPack("suqian");
const inputs = readFileSync(cases, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
for (let i = 0; i < 20_000; i++) evaluate(suqian, inputs[i], { trace: false });
const rates = [];
const cpus3 = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < inputs.length; i++) evaluate(suqian, inputs[i], { trace: false });
  const c = process.cpuUsage(c0);
  rates.push(inputs.length / ((performance.now() - t0) / 1000));
  cpus3.push((c.user + c.system) / inputs.length);
}
const inProcess = rates.sort((a, b) => a - b)[1];
const inProcessCpu = cpus3.sort((a, b) => a - b)[1];
const inProcessLoad = loadNow();
inputs.length = 0;

// 2. The CLI batch. A preloaded module prints the process's peak RSS (worker threads included) at exit.
const rssProbe = join(dir, "rss.mjs");
// CPU time (user + system, every thread) is printed too: unlike the wall clock it hardly depends on
// what else runs on the machine, so µs of CPU per case compare runs taken at different loads.
writeFileSync(rssProbe, 'process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write(`\\nmaxrss=${u.maxRSS} cpu=${u.userCPUTime + u.systemCPUTime}\\n`); });\n');
function batch(workers, extra, file = cases, n = N) {
  const out = join(dir, "out");
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", rssProbe, cli, "eval", "suqian", "--ndjson", file, "--workers", String(workers), "--out", out, "--json", ...extra], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      const s = (performance.now() - t0) / 1000;
      const bytes = statSync(out).size;
      rmSync(out);
      // The CLI's own summary (--json) times the work alone: from the workers' ready to the last row written.
      const workMs = Number(/"elapsedMs":(\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ code, s, rate: n / s, workRate: n / (workMs / 1000), bytes: bytes / n, rssMb: Number(/maxrss=(\d+)/.exec(err)?.[1] ?? NaN) / 1024, cpuUs: Number(/cpu=(\d+)/.exec(err)?.[1] ?? NaN) / n, err });
    });
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The machine's speed drifts from minute to minute (a shared VM): each shape runs REPS times, 1 and
// 2 workers back to back, and the figures are medians; the 2 ÷ 1 ratio is the median of the pairs'.
const REPS = Number(process.env.BATCH_REPS ?? 3);
const select = ["--select", "deadlines.mayor-direct.dueDate,deadlines.mayor-direct.status.kind"];
const shapes = [
  ["--select (2 paths)", select],
  ["default (compact)", []],
  ["--full", ["--full"]],
];
console.log(`\nBatch — ${N} generated Suqian cases (bench/gen-cases.mjs), ${cpus().length} cores on this machine`);
console.log(`  in-process evaluate() (parsed beforehand, trace off)    ${fmt(inProcess).padStart(10)}   (median of 3)   ${inProcessCpu.toFixed(1).padStart(5)} µs CPU/case   ${inProcessLoad}`);
const results = {};
const pairs = {};
// Work-phase pairs (the CLI's own timing, start-up and exit left out) and, in the same minutes, the
// machine's ceiling: plain JavaScript split over 1 and 2 worker threads (bench/ceiling.mjs).
const workPairs = [];
const ceilingPairs = [];
const ceiling = (threads) => Number(spawnSync(process.execPath, [join(root, "bench/ceiling.mjs"), String(threads)], { encoding: "utf8" }).stdout);
const one = join(dir, "one.ndjson");
writeFileSync(one, readFileSync(cases, "utf8").split("\n")[0] + "\n");
const startup = { 1: [], 2: [] };
for (let r = 0; r < REPS; r++) for (const w of [1, 2]) startup[w].push((await batch(w, select, one, 1)).s);
console.log(`  start-up and exit (a batch of 1 case, --select)           1 worker ${(1000 * median(startup[1])).toFixed(0)} ms   2 workers ${(1000 * median(startup[2])).toFixed(0)} ms   (median of ${REPS})   ${loadNow()}`);
for (const [label, args] of shapes) {
  const runs = { 1: [], 2: [] };
  pairs[label] = [];
  for (let r = 0; r < REPS; r++) {
    const a = await batch(1, args);
    const b = await batch(2, args);
    for (const x of [a, b]) if (x.code !== 0) console.log(`  (exit ${x.code}: ${x.err.trim().split("\n")[0]})`);
    runs[1].push(a);
    runs[2].push(b);
    pairs[label].push(b.rate / a.rate);
    if (args === select) {
      workPairs.push(b.workRate / a.workRate);
      ceilingPairs.push(ceiling(1) / ceiling(2));
    }
  }
  for (const w of [1, 2]) {
    const rs = runs[w];
    const r = { rate: median(rs.map((x) => x.rate)), bytes: rs[0].bytes, rssMb: median(rs.map((x) => x.rssMb)), cpuUs: median(rs.map((x) => x.cpuUs)) };
    results[`${label}/${w}`] = r;
    console.log(`  CLI ${label.padEnd(20)} ${w} worker${w > 1 ? "s" : " "}   ${fmt(r.rate).padStart(10)}   ${(100 * r.rate / inProcess).toFixed(0).padStart(3)} % of in-process   ${r.bytes.toFixed(0).padStart(5)} bytes/case   peak RSS ${r.rssMb.toFixed(0)} MB   ${r.cpuUs.toFixed(1).padStart(5)} µs CPU/case   (median of ${REPS}; ${rs.map((x) => x.s.toFixed(2)).join(" ")} s)   ${loadNow()}`);
  }
}
const s1 = results["--select (2 paths)/1"];
const s2 = results["--select (2 paths)/2"];
console.log(`  --select, 2 workers ÷ 1 worker: ${median(pairs["--select (2 paths)"]).toFixed(2)}× (median of the pairs: ${pairs["--select (2 paths)"].map((x) => x.toFixed(2)).join(" ")})   (target ≥ 1.6× on 2 free cores)`);
console.log(`  --select, 2 workers ÷ 1 worker, the work alone (the CLI's summary: start-up and exit left out): ${median(workPairs).toFixed(2)}× (pairs: ${workPairs.map((x) => x.toFixed(2)).join(" ")})`);
console.log(`  this machine's ceiling, 2 threads ÷ 1 on plain JavaScript (bench/ceiling.mjs, beside each pair): ${median(ceilingPairs).toFixed(2)}× (pairs: ${ceilingPairs.map((x) => x.toFixed(2)).join(" ")})`);
console.log(`  --select, best ÷ in-process: ${(100 * Math.max(s1.rate, s2.rate) / inProcess).toFixed(0)} %   (target ≥ 40 %, start-up included);  bytes/case ${s1.bytes.toFixed(0)} (target ≤ 200)`);

// 3. The service, beside fastify's empty JSON route.
function startChild(args, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
      const m = pattern.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}
const emptyApp = join(dir, "empty.mjs");
writeFileSync(emptyApp, `import Fastify from ${JSON.stringify(join(root, "node_modules/fastify/fastify.js"))};\nconst app = Fastify({ logger: false });\napp.get("/", () => ({}));\nconst url = await app.listen({ host: "127.0.0.1", port: 0 });\nprocess.stderr.write("listening on " + url + "\\n");\n`);
const REQUESTS = Number(process.env.SERVE_REQUESTS ?? 40_000);
async function load(url, opts) {
  await autocannon({ url, connections: 50, amount: 2_000, ...opts }); // warm up
  const r = await autocannon({ url, connections: 50, amount: REQUESTS, ...opts });
  // requests.average is a mean of per-second buckets: misleading on a run of a few seconds; this is total ÷ time.
  return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, load: loadNow() };
}
const body = JSON.stringify({ asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } }, now: "2026-10-09T09:00:00+08:00" });
const empty = await startChild([emptyApp], /listening on (http:\/\/[\d.:]+)/);
const serve = await startChild([cli, "serve", "--port", "0", "--log-level", "silent"], /listening on (http:\/\/[\d.:]+)/);
const e = await load(`${empty.url}/`, {});
const v = await load(`${serve.url}/v1/packs/suqian/evaluate?trace=false`, { method: "POST", headers: { "content-type": "application/json" }, body });
empty.child.kill("SIGTERM");
serve.child.kill("SIGTERM");
console.log(`\nService — ${REQUESTS} requests at 50 connections each (autocannon), server and load in separate processes`);
console.log(`  fastify empty JSON route (GET /)                       ${e.rps.toFixed(0).padStart(7)} req/s   p50 ${e.p50} ms   p99 ${e.p99} ms   errors ${e.errors}   ${e.load}`);
console.log(`  POST /v1/packs/suqian/evaluate (trace off, pino logs off) ${v.rps.toFixed(0).padStart(7)} req/s   p50 ${v.p50} ms   p99 ${v.p99} ms   errors ${v.errors}   ${v.load}`);
console.log(`  evaluate ÷ empty route: ${(v.rps / e.rps).toFixed(2)}× the throughput`);
rmSync(dir, { recursive: true, force: true });
