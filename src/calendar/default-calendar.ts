/** The bundled mainland China calendar. */
import type { Calendar } from "./types.js";
import { compileCalendar } from "./impl/compile.js";
import { CN_MAINLAND } from "./impl/cn-mainland.data.js";
import { sourceFromFile } from "./impl/from-file.js";

import { isProvisionalMode, withProvisionalYears, type ProvisionalMode } from "./impl/provisional.js";
import { fail } from "../errors.js";
import type { CompiledCalendar } from "./impl/compiled-calendar.js";

let cached: CompiledCalendar | undefined;
let cachedProvisional: CompiledCalendar | undefined;

/** Options of {@link defaultCalendar}. */
export interface DefaultCalendarOptions {
  /**
   * `"statutory"`: the years after the last notice (2027 on) are filled from the statutory
   * holidays alone — provisional, flagged on every result that touches them. Absent: dates after
   * 2026-12-31 are `DATE_OUT_OF_RANGE`.
   */
  provisional?: ProvisionalMode;
}

/**
 * The bundled `cn-mainland` calendar (State Council notices 2019–2026, covering 2018-12-29 to
 * 2026-12-31), compiled on first use and cached. Needs no file system.
 *
 * @example
 * import { defaultCalendar } from "yingshang";
 * const cal = defaultCalendar();
 * cal.addWorkingDays("2026-09-18", 15); // "2026-10-15": Sunday 2026-09-20 is a makeup working day
 * cal.info("2026-10-01");               // { date: "2026-10-01", working: false, kind: "holiday", name: "国庆节" }
 * defaultCalendar({ provisional: "statutory" }).info("2027-02-05"); // { date: "2027-02-05", working: false, kind: "holiday", name: "春节" } (除夕, provisional)
 */
export function defaultCalendar(options: DefaultCalendarOptions = {}): Calendar {
  if (!isProvisionalMode(options.provisional)) {
    fail("INPUT_INVALID", `options.provisional must be "statutory" or absent, got ${JSON.stringify(options.provisional)}.`, { detail: "options.provisional" }, { path: "options.provisional" });
  }
  cached ??= compileCalendar(sourceFromFile(CN_MAINLAND, (path) => ({ file: "calendars/cn-mainland.yaml", path })));
  if (options.provisional !== "statutory") return cached;
  cachedProvisional ??= withProvisionalYears(cached);
  return cachedProvisional;
}
