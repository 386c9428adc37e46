/** `--calendar FILE…`: extra calendars (e.g. the 2027 notice) each extending the bundled one. */
import { readFileSync } from "node:fs";
import { defaultCalendar, loadCalendar, type Calendar } from "../calendar/index.js";
import { fail } from "../errors.js";

export function calendarsOption(files: string[] | undefined): Calendar[] {
  if (!files?.length) return [];
  let base = defaultCalendar();
  const out: Calendar[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch {
      return fail("FILE_MISSING", "this calendar file cannot be read; check the path.", { file: f }, { file: f });
    }
    base = loadCalendar(text, { file: f, extends: base });
    out.push(base);
  }
  return out;
}
