// Instants are turned into Shanghai days by arithmetic (UTC+8, no daylight time since 1992);
// luxon's time-zone database is the reference for that shortcut.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { toMoment } from "../../src/calendar/impl/input.js";
import { dayNumber } from "../../src/calendar/impl/days.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

describe("instant → Shanghai day", () => {
  it("agrees with luxon on 20,000 random instants with Z, ±HH:MM, ±HHMM or no offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber(1992, 1, 2), max: dayNumber(2035, 12, 30) }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.oneof(fc.constant("Z"), fc.constant(""), fc.integer({ min: -14 * 60, max: 14 * 60 }).map((m) => `${m < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`), fc.constantFrom("+0800", "-0700", "+0530")),
        (day, secs, off) => {
          const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
          const iso = `${date}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}${off}`;
          const ref = DateTime.fromISO(iso, { zone: "Asia/Shanghai" }).setZone("Asia/Shanghai");
          const m = toMoment(iso);
          expect(m.day).toBe(dayNumber(ref.year, ref.month, ref.day));
          expect(m.seconds).toBe(ref.hour * 3600 + ref.minute * 60 + ref.second);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("puts 23:30 in Los Angeles on 2026-09-18 on Shanghai's 2026-09-19 (14:30)", () => {
    const m = toMoment("2026-09-18T23:30:00-07:00");
    expect(m.day).toBe(dayNumber(2026, 9, 19));
    expect(m.seconds).toBe(14 * 3600 + 30 * 60);
  });
});
