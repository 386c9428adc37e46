/** Reading what the command line names: JSON files (a BOM allowed) and the calendar options of a pack. */
import { readFileSync } from "node:fs";
import { fail } from "../errors.js";
import { calendarsOption } from "./calendar-option.js";
import type { Calendar } from "../calendar/index.js";

/** Reads and parses a JSON file given on the command line, as a typed input error if malformed. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return fail("FILE_MISSING", "this file cannot be read; check the path.", { file: path }, { file: path });
  }
  // Windows tools and WPS write a UTF-8 byte-order mark at the start; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail("INPUT_INVALID", `this file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`, { detail: "malformed JSON" }, { file: path });
  }
}

/** loadPack's calendar options from `--calendar FILE…` and `--provisional`. */
export function packCalendarOptions(opts: { calendar?: string[]; provisional?: boolean }): { calendars: Calendar[]; provisional?: "statutory" } {
  return opts.provisional === true ? { calendars: calendarsOption(opts.calendar, "statutory"), provisional: "statutory" } : { calendars: calendarsOption(opts.calendar) };
}

