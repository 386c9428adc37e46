// Properties over generated dates of the whole bundled range.
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { computeDeadline, defaultCalendar, type PeriodSpec } from "../../src/calendar/index.js";
import { YingshangError } from "../../src/errors.js";
import { ALL_DATES } from "./helpers/dates.js";

const cal = defaultCalendar();
const LAST = ALL_DATES.length - 1;
// Start dates that leave room for 60 working days (≈ 90 calendar days) before the range ends.
const date = fc.integer({ min: 0, max: LAST - 120 }).map((i) => ALL_DATES[i] as string);
const n = fc.integer({ min: 0, max: 60 });
// Room for 120 working days (≈ 180 calendar days), for sums of two counts.
const early = fc.integer({ min: 0, max: LAST - 200 }).map((i) => ALL_DATES[i] as string);
const safe = <T>(f: () => T): T | "out" => {
  try {
    return f();
  } catch (e) {
    if (e instanceof YingshangError && e.code === "DATE_OUT_OF_RANGE") return "out";
    throw e;
  }
};

describe("working-day arithmetic", () => {
  test.prop([date, n])("an added date is always a working day", (d, k) => {
    expect(cal.isWorkingDay(cal.addWorkingDays(d, k))).toBe(true);
  });

  test.prop([date, date, n])("add is monotone in the start date", (a, b, k) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(cal.addWorkingDays(lo, k) <= cal.addWorkingDays(hi, k)).toBe(true);
  });

  test.prop([date, n, n])("add is monotone in n (strictly for n ≥ 1)", (d, x, y) => {
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    if (lo === hi) return;
    // n = 0 on a non-working day is that day's next working day, which is also n = 1: only ≤ there.
    if (lo === 0) expect(cal.addWorkingDays(d, lo) <= cal.addWorkingDays(d, hi)).toBe(true);
    else expect(cal.addWorkingDays(d, lo) < cal.addWorkingDays(d, hi)).toBe(true);
  });

  test.prop([early, n, n])("add(add(d, n), m) = add(d, n + m) for a working day d", (d0, x, y) => {
    const d = cal.addWorkingDays(d0, 0);
    expect(cal.addWorkingDays(cal.addWorkingDays(d, x), y)).toBe(cal.addWorkingDays(d, x + y));
  });

  test.prop([date, n])("count(d, add(d, n)) = n for n ≥ 1, and add(add(d, n), -n) = d for a working day", (d, k) => {
    if (k === 0) return;
    expect(cal.countWorkingDays(d, cal.addWorkingDays(d, k))).toBe(k);
    const w = cal.addWorkingDays(d, 0);
    expect(cal.addWorkingDays(cal.addWorkingDays(w, k), -k)).toBe(w);
  });

  test.prop([date, date])("count is antisymmetric and next/previous are inverse on working days", (a, b) => {
    expect(cal.countWorkingDays(a, b) + cal.countWorkingDays(b, a)).toBe(0);
    const w = cal.nextWorkingDay(a);
    expect(cal.nextWorkingDay(cal.previousWorkingDay(w))).toBe(w);
  });

  test.prop([fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -100, max: 100 })])("out of range always errors, never a guess", (offset, k) => {
    // Days from 2027-01-01 onwards or before 2018-12-29, built as strings by hand.
    const t = Date.UTC(offset >= 0 ? 2027 : 2018, offset >= 0 ? 0 : 11, offset >= 0 ? 1 : 28) + offset * 86_400_000;
    const d = new Date(t).toISOString().slice(0, 10);
    if (d.startsWith("-") || d.startsWith("+")) return;
    expect(safe(() => cal.addWorkingDays(d, k))).toBe("out");
    expect(safe(() => cal.info(d))).toBe("out");
  });

  test.prop([fc.integer({ min: LAST - 60, max: LAST }), fc.integer({ min: 1, max: 80 })])("a walk from the last weeks of 2026 either lands inside or errors", (i, k) => {
    const r = safe(() => cal.addWorkingDays(ALL_DATES[i] as string, k));
    if (r !== "out") expect(r <= "2026-12-31" && cal.isWorkingDay(r)).toBe(true);
    else expect(cal.countWorkingDays(ALL_DATES[i] as string, "2026-12-31")).toBeLessThan(k);
  });
});

describe("deadline periods", () => {
  const spec: fc.Arbitrary<PeriodSpec> = fc.oneof(fc.record({ workingDays: fc.integer({ min: 1, max: 40 }) }), fc.record({ days: fc.integer({ min: 1, max: 40 }) }));
  const start = fc.integer({ min: 0, max: LAST - 400 });

  test.prop([spec, start, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })])("a pause never moves a due date earlier", (s, i, from, len) => {
    const received = ALL_DATES[i] as string;
    const base = computeDeadline(cal, s, { received }, undefined, { ledger: false }).dueDate;
    const paused = computeDeadline(cal, s, { received, pauses: [{ from: ALL_DATES[i + from] as string, to: ALL_DATES[i + from + len] as string }] }, undefined, { ledger: false }).dueDate;
    expect(paused >= base).toBe(true);
  });

  test.prop([spec, start, fc.integer({ min: 0, max: 60 })])("a restart never moves a due date earlier", (s, i, after) => {
    const received = ALL_DATES[i] as string;
    const base = computeDeadline(cal, s, { received }, undefined, { ledger: false }).dueDate;
    const restarted = computeDeadline(cal, s, { received, restarts: [{ on: ALL_DATES[i + after] as string }] }, undefined, { ledger: false }).dueDate;
    expect(restarted >= base).toBe(true);
  });

  test.prop([start, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 15 }), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 })])(
    "extensions never pass their cap: granted totals stay ≤ cap, and the one that would pass is refused",
    (i, wd, cap, asks) => {
      const received = ALL_DATES[i] as string;
      const extensions = asks.map((a) => ({ requestedOn: received, workingDays: a }));
      const total = asks.reduce((x, y) => x + y, 0);
      const r = (() => {
        try {
          return computeDeadline(cal, { workingDays: wd, extensionCap: { workingDays: cap } }, { received, extensions }, undefined, { ledger: false });
        } catch (e) {
          return e as YingshangError;
        }
      })();
      if (total <= cap) {
        expect(r).not.toBeInstanceOf(YingshangError);
        expect((r as { dueDate: string }).dueDate).toBe(cal.addWorkingDays(received, wd + total));
      } else {
        expect((r as YingshangError).code).toBe("EXTENSION_OVER_CAP");
        const p = (r as YingshangError).problems[0]?.params as { requested: number; allowed: number; cap: number };
        expect(p.requested).toBeGreaterThan(p.allowed);
        expect(p.cap).toBe(cap);
      }
    },
  );

  test.prop([spec, start])("the ledger's counted days end on the due date (working days) and agree with the index", (s, i) => {
    const r = computeDeadline(cal, s, { received: ALL_DATES[i] as string });
    const counted = r.ledger.filter((e) => e.kind === "count");
    const N = s.workingDays ?? s.days ?? 0;
    expect(counted).toHaveLength(N);
    if (s.workingDays !== undefined) expect(counted.at(-1)?.date).toBe(r.dueDate);
    else expect(r.dueDate).toBe(cal.addWorkingDays(cal.addDays(ALL_DATES[i] as string, N), 0));
  });
});
