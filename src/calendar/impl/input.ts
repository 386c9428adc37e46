/** Turning a DateInput into a Shanghai day number (and, for instants, the Shanghai wall time). */
import { DateTime } from "luxon";
import { fail } from "../../errors.js";
import type { DateInput } from "../types.js";
import { dayNumber, parseDay } from "./days.js";
import { kindOf } from "./kind-words.js";

/** All calendar work happens in this zone, whatever the host's zone. */
export const ZONE = "Asia/Shanghai";

/** A Shanghai day, plus seconds since Shanghai midnight when the input carried a time. */
export interface Moment {
  day: number;
  seconds: number | null;
}

function invalid(v: unknown, what: string): never {
  const fix = "write it as YYYY-MM-DD (e.g. 2026-09-18) or as an ISO instant with an offset (e.g. 2026-09-18T17:30:00+08:00)";
  const named = what === "date" ? "" : `${what} `;
  // Text is quoted once; anything else is named by its kind (a number is not "missing", NaN not "null").
  if (typeof v === "string") return fail("INVALID_DATE", `${named}"${v}" is not a real date; ${fix}.`, { value: v }, { path: what });
  const kind = DateTime.isDateTime(v) ? `an invalid luxon DateTime (${v.invalidExplanation ?? v.invalidReason ?? "invalid"})` : kindOf(v);
  return fail("INVALID_DATE", `${what === "date" ? "The date" : what} must be a date (text, a luxon DateTime or a JavaScript Date), but it is ${kind}; ${fix}.`, { value: kind }, { path: what });
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
const recentInstants = new Map<string, Moment>();

export function toMoment(v: DateInput, what = "date"): Moment {
  if (typeof v === "string") {
    const day = parseDay(v);
    if (day !== -Infinity) return { day, seconds: null };
    // A batch usually shares one `now`: remember recent instants (the answer depends on the text only).
    const hit = v.length > 10 ? recentInstants.get(v) : undefined;
    if (hit) return hit;
    // Only full instants go to luxon: a date-time needs at least "YYYY-MM-DDTHH".
    if (v.length > 10 && (v.charCodeAt(10) === 84 || v.charCodeAt(10) === 116) && parseDay(v.slice(0, 10)) !== -Infinity) {
      const m = Object.freeze(fromDateTime(DateTime.fromISO(v, { zone: ZONE }), v, what));
      if (recentInstants.size >= 256) recentInstants.clear();
      recentInstants.set(v, m);
      return m;
    }
    return invalid(v, what);
  }
  if (DateTime.isDateTime(v)) return fromDateTime(v, v, what);
  // A JavaScript Date is an instant, like a DateTime: its Shanghai day (an invalid Date is refused).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? invalid(v, what) : fromDateTime(DateTime.fromJSDate(v), v, what);
  return invalid(v, what);
}

