/** The common start of every evaluation: the pack in force on asOf, checked facts, a receipt. */
import type { Pack } from "../compile/index.js";
import type { EvalOptions, Evaluation } from "../model/index.js";

const NO_FACTS: Readonly<Record<string, unknown>> = Object.freeze({});

export function begin(pack: Pack, facts: unknown, options: EvalOptions, latest?: string): Evaluation {
  return beginAt(pack, facts, options?.asOf, options?.trace !== false, latest);
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

/** The same, with the options given one by one (no options object per case in a batch). */
export function beginAt(pack: Pack, facts: unknown, asOf: unknown, traced: boolean, latest?: string): Evaluation {
  const receipt = pack.compiled.receipt(asOf, latest);
  const positions = pack.compiled.checkFacts(facts);
  return { asOf: receipt.asOf, facts: facts === undefined || facts === null ? NO_FACTS : (facts as Record<string, unknown>), positions, trace: traced ? [] : null, receipt };
}

/** The same, for facts already checked (`positions` from the case check). */
export function beginChecked(pack: Pack, facts: unknown, positions: readonly number[], asOf: unknown, traced: boolean, latest?: string): Evaluation {
  const receipt = pack.compiled.receipt(asOf, latest);
  return { asOf: receipt.asOf, facts: facts === undefined || facts === null ? NO_FACTS : (facts as Record<string, unknown>), positions, trace: traced ? [] : null, receipt };
}
