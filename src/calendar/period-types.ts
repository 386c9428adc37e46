/** What a deadline is computed from: the period (时限) and the case's events (types only). */

/** How long a matter may take. Exactly one of `workingDays`, `days`, `sameDay`. */
export interface PeriodSpec {
  /** "N 个工作日内": due on the N-th working day after the start day. */
  workingDays?: number;
  /** "N 日内" (natural days): due N calendar days after the start day, moved to the next working day if that is not one. */
  days?: number;
  /** "当场": due the day received (the next working day if received on a non-working day or after the cutoff). */
  sameDay?: boolean;
  /** Whether the start day counts. Default `excluded` (民法典 第201条); `included` counts it when it is a working day. */
  startDay?: "excluded" | "included";
  /** Shanghai time `"HH:MM"`: a matter received after it on a working day counts as received on the next working day. */
  cutoff?: string;
  /** The statutory maximum of all extensions together; absent (with no `totalCap`) = no extension allowed. */
  extensionCap?: { workingDays?: number; days?: number };
  /** The most the period plus all its extensions may come to (e.g. a matter's statutory limit), in the period's unit. */
  totalCap?: { workingDays?: number; days?: number };
  /** The clause a refused extension cites (e.g. `营口 六.3`); absent, the refusal cites none. */
  capClause?: string;
  /** Fractions of the period at which to warn, e.g. `[0.5, 0.75]`. */
  warnAt?: number[];
}

/** What happened to a case. Dates are `YYYY-MM-DD` or ISO instants (read in Asia/Shanghai). */
export interface CaseEvents {
  received: string;
  /** Clock stops: working (or natural) days in (from, to] do not count; no `to` = still stopped. */
  pauses?: { from: string; to?: string; reason?: string }[];
  /** 补正: the count so far is discarded and the full period counts again after `on`. */
  restarts?: { on: string; reason?: string }[];
  /** 延期: must be requested on or before the due date current at the time, and stay within `extensionCap`. */
  extensions?: { requestedOn: string; workingDays?: number; days?: number; reason?: string }[];
  completed?: string;
}
