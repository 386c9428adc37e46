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
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function begin(pack: Pack, facts: unknown, options: EvalOptions): Evaluation {
  const asOf = options?.asOf;
  if (typeof asOf !== "string" || !DATE.test(asOf) || Number.isNaN(Date.parse(asOf)) || new Date(asOf).toISOString().slice(0, 10) !== asOf) {
    fail("INPUT_INVALID", `asOf must be a real date YYYY-MM-DD (got ${JSON.stringify(asOf)}); nothing reads the clock, so pass the date the rules are read as of.`, { detail: "asOf" }, { path: "asOf" });
  }
  const eff = pack.meta.effective;
  if (asOf < eff.from || (eff.until !== undefined && asOf > eff.until)) {
    fail("PACK_NOT_IN_FORCE", `Pack ${pack.id} is in force from ${eff.from}${eff.until ? ` until ${eff.until}` : ""}; it does not apply on ${asOf}.`, { asOf, from: eff.from, until: eff.until ?? null }, { path: "asOf" });
  }
  return {
    asOf,
    facts: pack.compiled.checkFacts(facts),
    trace: options.trace === false ? null : [],
    receipt: { pack: pack.id, version: pack.version, hash: pack.hash, calendar: { id: pack.calendar.id, version: pack.calendar.version }, asOf },
  };
}
