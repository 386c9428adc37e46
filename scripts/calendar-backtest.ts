/**
 * Back-test of provisional years: what would `provisional: "statutory"` have got wrong in 2025 and
 * 2026, had their State Council notices not been out? For every day D of the year and N = 5 and 15,
 * the N-th working day after D is computed twice — with the bundled (published) calendar, and with a
 * projection from the statutory holidays alone (Monday–Friday, less the 放假办法's days, no 调休, no
 * 补假) — and the share of due dates that differ is printed. Starts whose real due date leaves the
 * bundled calendar are left out.
 *
 *   npm run calendar:backtest
 */
import { defaultCalendar } from "../src/calendar/index.js";
import { statutoryDays } from "../src/calendar/impl/statutory.js";
import { formatDay, parseDay } from "../src/calendar/impl/days.js";

const real = defaultCalendar();
const last = real.range.to;

function projectedAdd(from: string, n: number, off: ReadonlySet<string>): string {
  let d = parseDay(from);
  for (let k = 0; k < n; ) {
    d++;
    const day = formatDay(d);
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6 && !off.has(day)) k++;
  }
  return formatDay(d);
}

const rows: string[] = [];
for (const year of [2025, 2026]) {
  const off = new Set<string>();
  for (const y of [year, year + 1]) for (const s of statutoryDays(y) ?? []) off.add(s.date);
  for (const n of [5, 15]) {
    let total = 0;
    let wrong = 0;
    for (let d = parseDay(`${year}-01-01`); d <= parseDay(`${year}-12-31`); d++) {
      const from = formatDay(d);
      let due: string;
      try {
        due = real.addWorkingDays(from, n);
      } catch {
        continue; // past the bundled calendar's end
      }
      if (due > last) continue;
      total++;
      if (projectedAdd(from, n, off) !== due) wrong++;
    }
    rows.push(`${year}  ${String(n).padStart(2)} working days  ${String(wrong).padStart(3)} of ${total} start days wrong  (${((100 * wrong) / total).toFixed(1)} %)`);
  }
}
process.stdout.write(`Provisional years back-tested against the published notices (statutory holidays only, no 调休):\n${rows.join("\n")}\n`);
