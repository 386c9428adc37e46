// Differential test against the chinese-days package (an independent transcription of the same
// notices). chinese-days computes in the host zone, so its answers always come from a
// TZ=Asia/Shanghai run: in-process when this run already is one, else in a child `node` process.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../../src/calendar/index.js";
import { ALL_DATES, rng } from "./helpers/dates.js";

interface OracleOut {
  working: boolean[];
  adds: string[];
}

const cal = defaultCalendar();
// Every day of 2019–2026 (chinese-days also starts its data in 2004, so 2018-12-29…31 are fine too).
const dates = ALL_DATES;
// 100,000 (date, n) pairs with n in -60…60, kept inside the years both libraries have data for.
const rand = rng(20260918);
const first = ALL_DATES.indexOf("2019-06-01");
const last = ALL_DATES.indexOf("2026-09-30");
const adds: [string, number][] = [];
for (let k = 0; k < 100_000; k++) {
  adds.push([ALL_DATES[first + Math.floor(rand() * (last - first))] as string, Math.floor(rand() * 121) - 60]);
}

async function chineseDays(): Promise<OracleOut> {
  const script = fileURLToPath(new URL("./helpers/chinese-days-oracle.mjs", import.meta.url));
  if (process.env.TZ === "Asia/Shanghai") {
    const mod = (await import(script)) as { oracle: (i: unknown) => OracleOut };
    return mod.oracle({ dates, adds });
  }
  const r = spawnSync(process.execPath, [script], { input: JSON.stringify({ dates, adds }), env: { ...process.env, TZ: "Asia/Shanghai" }, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
  if (r.status !== 0) expect.fail(`chinese-days oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleOut;
}

describe("agreement with chinese-days 1.5.7 (run in Asia/Shanghai)", async () => {
  const theirs = await chineseDays();

  it("every day 2018-12-29 … 2026-12-31 has the same working status", () => {
    expect(theirs.working).toHaveLength(dates.length);
    const diff = dates.filter((d, i) => cal.isWorkingDay(d) !== theirs.working[i]);
    expect(diff).toEqual([]);
  });

  it("100,000 generated additions give the same date as findWorkday", () => {
    let mismatches = 0;
    const examples: string[] = [];
    adds.forEach(([d, n], i) => {
      const ours = cal.addWorkingDays(d, n);
      if (ours !== theirs.adds[i]) {
        mismatches++;
        if (examples.length < 5) examples.push(`${d} ${n}: ours ${ours}, chinese-days ${theirs.adds[i]}`);
      }
    });
    expect(examples).toEqual([]);
    expect(mismatches).toBe(0);
  });

  it("100,000 generated counts agree with a count over chinese-days' isWorkday", () => {
    // Their cumulative working-day count, built from their own isWorkday answers.
    const cum: number[] = [];
    let c = 0;
    theirs.working.forEach((w) => cum.push((c += w ? 1 : 0)));
    const r = rng(7);
    let checked = 0;
    for (let k = 0; k < 100_000; k++) {
      const i = Math.floor(r() * dates.length), j = Math.floor(r() * dates.length);
      expect(cal.countWorkingDays(dates[i] as string, dates[j] as string)).toBe((cum[j] as number) - (cum[i] as number));
      checked++;
    }
    expect(checked).toBe(100_000);
  });
});
