/** Day arithmetic on `YYYY-MM-DD` strings (dates already validated by the schema), in UTC. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (setUTCFullYear, unlike Date.UTC, keeps years below 100 as written). */
function utcDay(y: number, m: number, d: number): number {
  return new Date(0).setUTCFullYear(y, m - 1, d) / DAY_MS;
}

function toDay(iso: string): number {
  return utcDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `iso` plus `n` days (n may be negative). */
export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

/** The same month and day `n` years later; 29 February becomes 1 March in a common year. */
export function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  return fromDay(utcDay(y, Number(iso.slice(5, 7)), Number(iso.slice(8, 10))));
}

/** The month, 1–12. */
export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** True when a person with these dates is in post on `day` (both ends inclusive). */
export function inPost(p: { from: string; until?: string }, day: string): boolean {
  return p.from <= day && (p.until === undefined || day <= p.until);
}
