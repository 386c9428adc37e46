/** Turns a calendar file's data into compiler input, attaching a place to every entry. */
import type { Place } from "../../errors.js";
import type { CalendarEntry, CalendarFile, CalendarSource, PlacedEntry, SourceYear } from "./source.js";
import { pathText } from "./yaml-place.js";

/** `placeAt` gives the place of a path (YAML positions for files, a path for the bundled module). */
export function sourceFromFile(file: CalendarFile, placeAt: (path: string, raw: (string | number)[], key?: boolean) => Place): CalendarSource {
  const years: SourceYear[] = [];
  for (const [key, y] of Object.entries(file.years)) {
    const entries = (list: CalendarEntry[], field: string): PlacedEntry[] =>
      list.map((e, i) => {
        const raw = ["years", key, field, i, "date"];
        return { date: e.date, name: e.name, place: placeAt(pathText(raw), raw) };
      });
    const sy: SourceYear = {
      year: Number(key),
      notices: [...y.notices],
      holidays: entries(y.holidays, "holidays"),
      makeupWorkdays: entries(y.makeupWorkdays, "makeupWorkdays"),
      place: placeAt(pathText(["years", key]), ["years", key], true),
    };
    if (y.note !== undefined) sy.note = y.note;
    if (y.provisional === true) sy.provisional = true;
    years.push(sy);
  }
  return { id: file.id, version: file.version, description: file.description ?? "", years };
}
