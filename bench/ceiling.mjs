// The machine's own ceiling for 2 worker threads ÷ 1, measured beside the batch (batch.bench.mjs).
// A fixed amount of plain, allocating JavaScript (short-lived objects and strings, as a batch makes)
// is split over `node ceiling.mjs N` worker threads; the process prints the seconds from the first
// spawn to the last exit. It has none of the batch's own costs (no input, no output, no pack, no
// main-thread work), so 1 ÷ 2 worker threads is what this machine gives any JavaScript batch.
import { Worker, isMainThread, workerData } from "node:worker_threads";

const TOTAL = 80_000_000; // about 2 s on one thread of the machine this was written on

function work(n) {
  let kept = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const o = { i, key: `k${i & 1023}`, list: [i, i + 1] };
    kept.push(o);
    if (kept.length > 1000) kept = [];
    sum += o.key.length + o.list.length;
  }
  return sum;
}

if (isMainThread) {
  const n = Number(process.argv[2] ?? 1);
  const t0 = performance.now();
  let left = n;
  for (let k = 0; k < n; k++) {
    const w = new Worker(new URL(import.meta.url), { workerData: Math.floor(TOTAL / n) });
    w.on("exit", () => {
      if (--left === 0) process.stdout.write(`${((performance.now() - t0) / 1000).toFixed(3)}\n`);
    });
  }
} else {
  work(workerData);
}
