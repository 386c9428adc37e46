/** The common start of every evaluation: the pack in force on asOf, checked facts, a receipt. */
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Evaluation, Receipt } from "../model/index.js";

const NO_FACTS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Starts an evaluation: the receipt for `options.asOf` (refusing a date out of range or force), the facts checked. */
export function begin(pack: Pack, facts: unknown, options: EvalOptions, latest?: string): Evaluation {
  // The date first: a case read as of a date the pack does not cover is refused as that.
  const receipt = pack.compiled.receipt(options?.asOf, latest);
  return started(receipt, facts, pack.compiled.checkFacts(facts), options?.trace !== false);
}

/** The latest `received` of a case's events (as given), for the calendar-end warning; undefined if none. */
export function latestReceived(events: unknown): string | undefined {
  if (events === null || typeof events !== "object") return undefined;
  let latest: string | undefined;
  for (const id in events) {
    if (!Object.prototype.hasOwnProperty.call(events, id)) continue;
    const r = (events as Record<string, { received?: unknown } | undefined>)[id]?.received;
    if (typeof r === "string" && (latest === undefined || r > latest)) latest = r;
  }
  return latest;
}

/** The same, for facts already checked (`positions` from the case check or the facts checker). */
export function beginChecked(pack: Pack, facts: unknown, positions: readonly number[], asOf: unknown, traced: boolean, latest?: string): Evaluation {
  return started(pack.compiled.receipt(asOf, latest), facts, positions, traced);
}

function started(receipt: Receipt, facts: unknown, positions: readonly number[], traced: boolean): Evaluation {
  return { asOf: receipt.asOf, facts: facts === undefined || facts === null ? NO_FACTS : (facts as Record<string, unknown>), positions, trace: traced ? [] : null, receipt };
}
