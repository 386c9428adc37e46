/**
 * `--calendar FILE…`: extra calendars (e.g. the 2027 notice). A file with `extends:` goes on top
 * of the calendar it names (cn-mainland, or a file given before it); a file without is a whole
 * calendar. Which one a pack uses, and that each is used, is compilePack's business.
 */
import { readFileSync } from "node:fs";
import { loadCalendar, type Calendar } from "../calendar/index.js";
import type { ProvisionalMode } from "../calendar/impl/provisional.js";
import { fail } from "../errors.js";

export function calendarsOption(files: string[] | undefined, provisional?: ProvisionalMode): Calendar[] {
  if (!files?.length) return [];
  const out: Calendar[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch {
      return fail("FILE_MISSING", "this calendar file cannot be read; check the path.", { file: f }, { file: f });
    }
    out.push(loadCalendar(text, provisional ? { file: f, known: out, provisional } : { file: f, known: out }));
  }
  return out;
}
