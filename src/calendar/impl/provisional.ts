/**
 * Provisional years: the years after a calendar's last notice, filled from the statutory holidays
 * alone (statutory.ts) when a caller asks for it with `provisional: "statutory"`. No 调休 and no
 * 补假 are guessed: a statutory day on a weekend simply stays a weekend day off.
 */
import type { Calendar } from "../types.js";
import { compileCalendar } from "./compile.js";
import { CompiledCalendar } from "./compiled-calendar.js";
import { STATUTORY_TO, statutoryDays } from "./statutory.js";
import type { SourceYear } from "./source.js";

/** How years after the last notice are filled: only from the statutory holidays. */
export type ProvisionalMode = "statutory";

/** Checks the option's value (a typo must not silently mean "no provisional years"). */
export function isProvisionalMode(v: unknown): v is ProvisionalMode | undefined {
  return v === undefined || v === "statutory";
}

/** The calendar with every year after its last one up to the table's end filled provisionally. */
export function withProvisionalYears(cal: CompiledCalendar): CompiledCalendar {
  const last = Math.max(...cal.source.years.map((y) => y.year));
  if (last >= STATUTORY_TO) return cal;
  const years: SourceYear[] = [];
  for (let y = last + 1; y <= STATUTORY_TO; y++) {
    const place = { path: `years.${y}` };
    years.push({
      year: y,
      notices: ["statutory:全国年节及纪念日放假办法"],
      note: "Provisional: the statutory holidays only, until the State Council notice is published.",
      holidays: (statutoryDays(y) ?? []).map((d) => ({ ...d, place })),
      makeupWorkdays: [],
      place,
      provisional: true,
    });
  }
  const src = cal.source;
  return compileCalendar({ id: src.id, version: `${src.version}+statutory`, description: src.description, years: [...src.years, ...years], bases: [...(src.bases ?? [])] });
}

/** The same for a public Calendar (only compiled calendars carry their source). */
export function provisionalOf(cal: Calendar): Calendar {
  return cal instanceof CompiledCalendar ? withProvisionalYears(cal) : cal;
}
