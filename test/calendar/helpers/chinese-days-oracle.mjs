// Answers from the chinese-days package, for the differential test and the benchmark.
// chinese-days reads dates in the host zone, so this must run with TZ=Asia/Shanghai: the test
// calls it in-process when TZ already is Asia/Shanghai, else spawns `node` on this file with it.
// Input (stdin when run as a script): { dates: string[], adds: [date, n][] }.
// Output: { working: boolean[] per date, adds: string[] per pair }.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export function oracle(input) {
  const cd = require("chinese-days");
  return {
    working: input.dates.map((d) => cd.isWorkday(d)),
    adds: input.adds.map(([d, n]) => cd.findWorkday(n, d)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.TZ !== "Asia/Shanghai") {
    process.stderr.write("chinese-days-oracle: run with TZ=Asia/Shanghai\n");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(oracle(JSON.parse(readFileSync(0, "utf8")))));
}
