/**
 * Civil-date arithmetic on day numbers (days since 1970-01-01), done by hand so that no host
 * clock or zone is involved: a `YYYY-MM-DD` string names a Shanghai calendar day, nothing more.
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year, month and day of a day number (inverse of {@link dayNumber}). */
export function civil(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Days in a month of a year. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** Short English weekday name of a day number, for human output. */
export function weekdayName(n: number): string {
  return WEEKDAY_NAMES[weekday(n)] ?? "";
}

function pad2(x: number): string {
  return x < 10 ? "0" + x : String(x);
}

/** `YYYY-MM-DD` of a day number (years 0–9999). */
export function formatDay(n: number): string {
  const { y, m, d } = civil(n);
  return String(y).padStart(4, "0") + "-" + pad2(m) + "-" + pad2(d);
}

/**
 * Day number of a strict `YYYY-MM-DD` string that is a real date, else -Infinity.
 * Char codes by hand: this is the hot path of every calendar call that is not served by the
 * calendar's own lookup table.
 */
export function parseDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -Infinity;
  const a = s.charCodeAt(0) - 48, b = s.charCodeAt(1) - 48, c = s.charCodeAt(2) - 48, e = s.charCodeAt(3) - 48;
  const f = s.charCodeAt(5) - 48, g = s.charCodeAt(6) - 48, h = s.charCodeAt(8) - 48, k = s.charCodeAt(9) - 48;
  if ((a >>> 0) > 9 || (b >>> 0) > 9 || (c >>> 0) > 9 || (e >>> 0) > 9 || (f >>> 0) > 9 || (g >>> 0) > 9 || (h >>> 0) > 9 || (k >>> 0) > 9) {
    return -Infinity;
  }
  const y = a * 1000 + b * 100 + c * 10 + e, m = f * 10 + g, d = h * 10 + k;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -Infinity;
  return dayNumber(y, m, d);
}
