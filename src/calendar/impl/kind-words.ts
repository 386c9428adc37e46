/** How a wrong value is named in a sentence: "the number 5", "NaN (not a number)", "a JavaScript Date". */
import { DateTime } from "luxon";

const MAX_SHOWN = 60;

/** Names a value's kind (and the value, when short) for an error sentence. */
export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "number") {
    // JSON would write these as null, which is not what was given.
    if (Number.isNaN(v)) return "NaN (not a number)";
    if (v === Infinity || v === -Infinity) return `${v > 0 ? "" : "-"}Infinity`;
    return `the number ${v}`;
  }
  if (typeof v === "string") return `text ${shown(JSON.stringify(v))}`;
  if (typeof v === "boolean") return `${v}`;
  if (typeof v === "bigint") return `the big integer ${v}n`;
  if (Array.isArray(v)) return "a list";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "an invalid JavaScript Date" : "a JavaScript Date";
  if (DateTime.isDateTime(v)) return "a luxon DateTime";
  if (typeof v === "object") return "a mapping";
  return `a ${typeof v}`;
}

function shown(s: string): string {
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…"` : s;
}
