/** Maps a path inside a calendar file to its file:line:col, for problems that point at the text. */
import type { Place } from "../../errors.js";
import { pointerSegment, type Pos } from "../../base/yaml-read.js";

/** `years.2026.holidays[3].date` style path, as problems show it. */
export function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * The place of the value at `path` (or of its key when `key` is true, for unknown keys), from the
 * positions the YAML reader recorded; the deepest existing ancestor when the path does not exist
 * (a missing required key → its parent).
 */
export function placeOf(positions: ReadonlyMap<string, Pos>, file: string | undefined, path: readonly (string | number)[], key = false): Place {
  const pointers = [""];
  for (const seg of path) pointers.push(`${pointers[pointers.length - 1]}/${pointerSegment(seg)}`);
  let pos: Pos | undefined = key ? positions.get(`${pointers[pointers.length - 1]}#key`) : undefined;
  for (let i = pointers.length - 1; !pos && i >= 0; i--) pos = positions.get(pointers[i]!);
  const place: Place = {};
  if (file !== undefined) place.file = file;
  if (pos) {
    place.line = pos.line;
    place.col = pos.col;
  }
  if (path.length) place.path = pathText(path);
  return place;
}
