/** The bundled mainland China calendar. */
import type { Calendar } from "./types.js";
import { compileCalendar } from "./impl/compile.js";
import { CN_MAINLAND } from "./impl/cn-mainland.data.js";
import { sourceFromFile } from "./impl/from-file.js";

let cached: Calendar | undefined;

/**
 * The bundled `cn-mainland` calendar (State Council notices 2019–2026, covering 2018-12-29 to
 * 2026-12-31), compiled on first use and cached. Needs no file system.
 *
 * @example
 * import { defaultCalendar } from "yingshang";
 * const cal = defaultCalendar();
 * cal.addWorkingDays("2026-09-18", 15); // "2026-10-15": Sunday 2026-09-20 is a makeup working day
 * cal.info("2026-10-01");               // { date: "2026-10-01", working: false, kind: "holiday", name: "国庆节" }
 */
export function defaultCalendar(): Calendar {
  cached ??= compileCalendar(sourceFromFile(CN_MAINLAND, (path) => ({ file: "calendars/cn-mainland.yaml", path })));
  return cached;
}
