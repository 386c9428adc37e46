/** Maps a path inside a YAML document to its file:line:col, for problems that point at the text. */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Place } from "../../errors.js";

/** `years.2026.holidays[3].date` style path, as problems show it. */
export function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * The place of the node at `path` (or of its key when `key` is true, for unknown keys); the
 * deepest existing ancestor when the path does not exist (a missing required key → its parent).
 */
export function placeOf(doc: Document, lc: LineCounter, file: string | undefined, path: readonly (string | number)[], key = false): Place {
  let node: unknown = doc.contents;
  let at: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((it) => String(isScalar(it.key) ? it.key.value : it.key) === String(seg));
      if (!pair) break;
      node = pair.value;
      at = key && i === path.length - 1 ? pair.key : pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (node === undefined) break;
      at = node;
    } else break;
  }
  const place: Place = {};
  if (file !== undefined) place.file = file;
  const range = (at as Node | null)?.range;
  if (range) {
    const pos = lc.linePos(range[0]);
    place.line = pos.line;
    place.col = pos.col;
  }
  if (path.length) place.path = pathText(path);
  return place;
}
