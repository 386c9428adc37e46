/** Why a notice text was refused. */
export type NoticeReason =
  | "no-year"
  | "no-items"
  | "unknown-festival"
  | "unknown-sentence"
  | "bad-date"
  | "count-mismatch"
  | "weekday-mismatch"
  | "lunar-mismatch"
  | "makeup-on-weekday"
  | "not-contiguous"
  | "statutory-missing"
  | "duplicate"
  | "outside-year";

/** Problem codes of the calendar and of deadline periods, each with the shape of its params. */
export interface CalendarProblemParams {
  /** A date before or after the years the loaded calendar covers (or a walk that leaves them). */
  DATE_OUT_OF_RANGE: { date: string; from: string; to: string };
  /** Not a real date or instant (`2024-02-30`, `2024-13-01`, `tomorrow`). */
  INVALID_DATE: { value: string };
  /** A day count that is not a safe integer (`1.5`, `abc`, `NaN`). */
  INVALID_COUNT: { value: string };
  /** A calendar file that is not well-formed YAML. */
  CALENDAR_YAML: { detail: string };
  /** A calendar file that fails its schema. */
  CALENDAR_SCHEMA: { keyword: string; detail: string };
  /** A calendar entry that contradicts another, the weekday rule, or its year. */
  CALENDAR_CONFLICT: {
    date: string;
    reason: "holiday-and-makeup" | "makeup-on-weekday" | "duplicate" | "outside-year";
  };
  /** A year given twice (without `replace: true`), or a year missing between two covered years. */
  CALENDAR_YEAR: { year: number; reason: "duplicate-year" | "year-gap" };
  /** A notice year that does not give off every statutory holiday of its year (and is not marked provisional). */
  CALENDAR_INCOMPLETE: { year: number; missing: { date: string; name: string }[]; reason: "statutory-days-missing" | "not-checkable" };
  /** A calendar given to a pack (or to the CLI) that no pack uses, or several that could serve one pack. */
  CALENDAR_UNUSED: { id: string; packCalendar: string; reason: "not-extending" | "ambiguous" };
  /** A holiday notice text that cannot be read or fails a check; `sentence` is the sentence it came from. */
  NOTICE_INVALID: { reason: NoticeReason; sentence: string };
  /** A calendar name that is not bundled and not loaded. */
  CALENDAR_UNKNOWN: { name: string; known: string[] };
  /** A period spec that is not valid. */
  PERIOD_INVALID: { detail: string };
  /** Case events that are not valid (order, missing start, overlapping pauses…). */
  EVENTS_INVALID: { detail: string };
  /** An extension asked for after the deadline had passed. `clause`: the pack's clause that requires it (null outside a pack). */
  EXTENSION_AFTER_EXPIRY: { requestedOn: string; dueDate: string; clause: string | null };
  /** An extension that would take the period past its statutory cap. `clause`: the pack's clause that sets the cap (null outside a pack). */
  EXTENSION_OVER_CAP: { requested: number; allowed: number; cap: number; clause: string | null };
}
