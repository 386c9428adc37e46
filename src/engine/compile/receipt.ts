/** The receipt of every result: which pack (id, version, hash) and calendar answered, as of which date. */
import { fail } from "../../errors.js";
import { formatDay, parseDay } from "../../calendar/impl/days.js";
import type { PackMeta } from "../model/index.js";
import type { Receipt } from "../model/index.js";



/**
 * Gives the receipt for a date, refusing a date that is not real or not in the pack's range.
 * `latest` (a received date, YYYY-MM-DD or an instant) may bring the calendar's end near too.
 */
export type ReceiptMaker = (asOf: unknown, latest?: string) => Receipt;

/** A result dated within this many days of its calendar's end carries `calendarEndsOn`. */
export const CALENDAR_END_WARNING_DAYS = 60;

/**
 * Builds a pack's receipt maker. Receipts depend only on (pack, asOf) and are frozen, so one per
 * date is kept (in this closure) and shared by all results: this never changes an answer, it only
 * saves re-checking the date and re-allocating.
 */
export function receiptMaker(pack: { id: string; version: string; hash: string; meta: PackMeta; calendar: { id: string; version: string; range: { from: string; to: string } } }): ReceiptMaker {
  const byDate = new Map<string, Receipt>();
  const warned = new Map<string, Receipt>();
  const calendar = Object.freeze({ id: pack.calendar.id, version: pack.calendar.version });
  const eff = pack.meta.effective;
  const end = pack.calendar.range.to;
  // Dates after this one (as text: instants compare by their date part) are near the end.
  const near = formatDay(parseDay(end) - CALENDAR_END_WARNING_DAYS - 1);
  return (asOf, latest) => {
    if (latest !== undefined && latest > near && typeof asOf === "string" && asOf <= near) {
      const w = warned.get(asOf);
      if (w !== undefined) return w;
      const base = make(asOf);
      const r: Receipt = Object.freeze({ ...base, calendarEndsOn: end });
      if (warned.size < 50_000) warned.set(asOf, r);
      return r;
    }
    return make(asOf);
  };
  function make(asOf: unknown): Receipt {
    const hit = typeof asOf === "string" ? byDate.get(asOf) : undefined;
    if (hit !== undefined) return hit;
    if (typeof asOf !== "string" || parseDay(asOf) === -Infinity) {
      return fail("INPUT_INVALID", `asOf must be a real date YYYY-MM-DD (got ${JSON.stringify(asOf)}); nothing reads the clock, so pass the date the rules are read as of.`, { detail: "asOf" }, { path: "asOf" });
    }
    if (asOf < eff.from || (eff.until !== undefined && asOf > eff.until)) {
      fail("PACK_NOT_IN_FORCE", `Pack ${pack.id} is in force from ${eff.from}${eff.until ? ` until ${eff.until}` : ""}; it does not apply on ${asOf}.`, { asOf, from: eff.from, until: eff.until ?? null }, { path: "asOf" });
    }
    const receipt: Receipt = Object.freeze(asOf > near ? { pack: pack.id, version: pack.version, hash: pack.hash, calendar, asOf, calendarEndsOn: end } : { pack: pack.id, version: pack.version, hash: pack.hash, calendar, asOf });
    if (byDate.size < 50_000) byDate.set(asOf, receipt);
    return receipt;
  }
}
