/** Turning a DateInput into a Shanghai day number (and, for instants, the Shanghai wall time). */
import { DateTime } from "luxon";
import { fail } from "../../errors.js";
import type { DateInput } from "../types.js";
import { dayNumber, parseDay } from "./days.js";

/** All calendar work happens in this zone, whatever the host's zone. */
export const ZONE = "Asia/Shanghai";

/** A Shanghai day, plus seconds since Shanghai midnight when the input carried a time. */
export interface Moment {
  day: number;
  seconds: number | null;
}

function describe(v: unknown): string {
  if (typeof v === "string") return v;
  if (DateTime.isDateTime(v)) return v.invalidExplanation ?? "invalid DateTime";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function invalid(v: unknown, what: string): never {
  const shown = describe(v);
  return fail(
    "INVALID_DATE",
    `${what === "date" ? "" : what + " "}"${shown}" is not a real date; write it as YYYY-MM-DD (e.g. 2026-09-18) or as an ISO instant with an offset (e.g. 2026-09-18T17:30:00+08:00).`,
    { value: shown },
    { path: what },
  );
}

function fromDateTime(dt: DateTime, original: unknown, what: string): Moment {
  if (!dt.isValid) invalid(original, what);
  const z = dt.setZone(ZONE);
  return { day: dayNumber(z.year, z.month, z.day), seconds: z.hour * 3600 + z.minute * 60 + z.second };
}

/**
 * Reads a date or instant. `what` names the input in error messages (`date`, `events.received`).
 * Plain dates carry no time (`seconds: null`).
 */
export function toMoment(v: DateInput, what = "date"): Moment {
  if (typeof v === "string") {
    const day = parseDay(v);
    if (day !== -Infinity) return { day, seconds: null };
    // Only full instants go to luxon: a date-time needs at least "YYYY-MM-DDTHH".
    if (v.length > 10 && (v.charCodeAt(10) === 84 || v.charCodeAt(10) === 116) && parseDay(v.slice(0, 10)) !== -Infinity) {
      return fromDateTime(DateTime.fromISO(v, { zone: ZONE }), v, what);
    }
    return invalid(v, what);
  }
  if (DateTime.isDateTime(v)) return fromDateTime(v, v, what);
  return invalid(v, what);
}
