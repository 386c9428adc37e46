/** The common start of every evaluation: the pack in force on asOf, checked facts, a receipt. */
import { fail } from "../../errors.js";
import type { Pack } from "../pack.js";
import type { EvalOptions, Receipt, TraceEntry } from "../trace.js";

export interface Evaluation {
  readonly asOf: string;
  readonly facts: Readonly<Record<string, unknown>>;
  /** null when tracing is off. */
  readonly trace: TraceEntry[] | null;
  readonly receipt: Receipt;
  /** The pack's fact declarations (for defaults). */
  readonly factDocs: Pack["facts"];
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` and a real calendar date, checked without building Date objects (hot path). */
function isRealDate(s: unknown): s is string {
  if (typeof s !== "string" || s.length !== 10 || s[4] !== "-" || s[7] !== "-") return false;
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]!);
}

// Receipts depend only on (pack, asOf) and are frozen, so one per pair is shared by all results.
// This memo never changes an answer; it only saves re-checking the date and re-allocating.
const receipts = new WeakMap<Pack, Map<string, Receipt>>();

function receiptFor(pack: Pack, asOf: unknown): Receipt {
  let byDate = receipts.get(pack);
  const hit = typeof asOf === "string" ? byDate?.get(asOf) : undefined;
  if (hit) return hit;
  if (!isRealDate(asOf)) {
    return fail("INPUT_INVALID", `asOf must be a real date YYYY-MM-DD (got ${JSON.stringify(asOf)}); nothing reads the clock, so pass the date the rules are read as of.`, { detail: "asOf" }, { path: "asOf" });
  }
  const eff = pack.meta.effective;
  if (asOf < eff.from || (eff.until !== undefined && asOf > eff.until)) {
    fail("PACK_NOT_IN_FORCE", `Pack ${pack.id} is in force from ${eff.from}${eff.until ? ` until ${eff.until}` : ""}; it does not apply on ${asOf}.`, { asOf, from: eff.from, until: eff.until ?? null }, { path: "asOf" });
  }
  const receipt: Receipt = Object.freeze({ pack: pack.id, version: pack.version, hash: pack.hash, calendar: Object.freeze({ id: pack.calendar.id, version: pack.calendar.version }), asOf });
  if (!byDate) receipts.set(pack, (byDate = new Map()));
  if (byDate.size < 50_000) byDate.set(asOf, receipt);
  return receipt;
}

export function begin(pack: Pack, facts: unknown, options: EvalOptions): Evaluation {
  const receipt = receiptFor(pack, options?.asOf);
  return { asOf: receipt.asOf, facts: pack.compiled.checkFacts(facts), trace: options.trace === false ? null : [], receipt, factDocs: pack.facts };
}
