/**
 * What of a file with schema problems can still be checked against the other files. The problems
 * stay reported and the pack is never compiled from this; the salvaged part only lets the
 * cross-file checks (unknown units and facts, duplicate ids, …) run in the same round, so a typo
 * does not hide the rest until it is fixed.
 *
 * - An unknown key at a file's top level, or anywhere in pack.yaml, is left out (the rest of the
 *   mapping is as written).
 * - Any other problem inside one item of a file's list (a unit, a fact, a table, a lookup, a
 *   deadline, a ladder, a scorecard, a duty) leaves out that item: what it would have said is not
 *   guessed. References to its id are then not reported as unknown.
 * - A problem in a part of pack.yaml no check across files reads (its name, issuer, document,
 *   version, changelog) leaves out that part; pack.yaml's other parts (id, city, effective dates,
 *   calendar, clause index, periods) are what every other file is checked against.
 * - Anything else leaves out the whole file, and references into it are not checked.
 * The result is checked against the schema again, so the compilers only ever see valid shapes.
 */
import type { Problem } from "../../errors.js";
import { checkSchemaAt, type SchemaName } from "./schemas.js";
import type { Pos } from "../../base/yaml-read.js";
import { Skipped } from "./result.js";

/** The kinds of id a file declares, by its item lists (`list`: a YAML list; else a mapping by id). */
export const FILE_ITEMS: Readonly<Record<string, readonly { key: string; kind: string; list: boolean }[]>> = {
  "units.yaml": [{ key: "units", kind: "unit", list: true }],
  "facts.yaml": [{ key: "facts", kind: "fact", list: false }],
  "assignment.yaml": [
    { key: "tables", kind: "table", list: true },
    { key: "lookups", kind: "lookup", list: false },
  ],
  "deadlines.yaml": [{ key: "deadlines", kind: "deadline", list: true }],
  "escalation.yaml": [{ key: "ladders", kind: "ladder", list: true }],
  "scoring.yaml": [{ key: "scorecards", kind: "scorecard", list: true }],
  "duties.yaml": [{ key: "duties", kind: "duty", list: true }],
};


export interface Salvaged {
  /** The schema-valid part, or null: nothing of the file can be used. */
  value: unknown;
  /** For each list left with gaps, the original index of each remaining item (places use it). */
  remap: Map<string, number[]>;
}

type Json = Record<string, unknown>;

/** The parts of pack.yaml that only describe the document: no check of another file reads them. */
const PACK_DESCRIPTION = new Set(["name", "issuer", "document", "version", "changelog"]);

function segments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function isMap(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A copy of the containers along the way, so the caller's value is never changed. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

/** Removes the key a pointer ends at; false when the pointer does not lead to a mapping's key. */
function removeKey(root: unknown, segs: string[]): boolean {
  let at: unknown = root;
  for (const s of segs.slice(0, -1)) at = Array.isArray(at) ? at[Number(s)] : isMap(at) ? at[s] : undefined;
  const last = segs[segs.length - 1];
  if (last === undefined || !isMap(at) || !Object.prototype.hasOwnProperty.call(at, last)) return false;
  delete at[last];
  return true;
}

/**
 * The usable part of a file whose schema check found `problems` (with their pointers); `skipped`
 * learns the ids left out.
 */
export function salvage(
  file: string,
  schema: SchemaName,
  value: unknown,
  problems: readonly { problem: Problem; pointer: string }[],
  positions: Map<string, Pos>,
  skipped: Skipped,
): Salvaged {
  const items = FILE_ITEMS[file] ?? [];
  const fail = (): Salvaged => {
    for (const it of items) skipped.addAll(it.kind);
    return { value: null, remap: new Map() };
  };
  if (!isMap(value)) return fail();
  const out = copy(value) as Json;
  const drop = new Map<string, Set<string>>(); // item list key → item index or id to leave out
  const described = new Set<string>(); // pack.yaml's descriptive parts left out
  for (const { problem, pointer } of problems) {
    const segs = segments(pointer);
    const item = items.find((it) => it.key === segs[0]);
    if (problem.code === "SCHEMA_UNKNOWN_KEY" && (segs.length === 1 || file === "pack.yaml")) {
      if (!removeKey(out, segs)) return fail();
    } else if (file === "pack.yaml" && PACK_DESCRIPTION.has(segs[0] ?? "")) {
      described.add(segs[0]!);
      delete out[segs[0]!];
    } else if (item && segs.length >= 2 && (item.list ? Array.isArray(out[item.key]) && /^\d+$/.test(segs[1]!) : isMap(out[item.key]))) {
      drop.set(item.key, (drop.get(item.key) ?? new Set()).add(segs[1]!));
    } else return fail();
  }
  const remap = new Map<string, number[]>();
  for (const it of items) {
    const gone = drop.get(it.key);
    if (!gone) continue;
    const container = out[it.key];
    if (Array.isArray(container)) {
      const kept: number[] = [];
      container.forEach((x, i) => {
        if (!gone.has(String(i))) kept.push(i);
        else skipped.add(it.kind, isMap(x) && typeof x.id === "string" ? x.id : null);
      });
      out[it.key] = kept.map((i) => container[i]);
      remap.set(it.key, kept);
    } else if (isMap(container)) {
      for (const id of gone) {
        delete container[id];
        skipped.add(it.kind, id);
      }
    }
  }
  // What is left must be valid as it stands; if not (a problem the rules above did not foresee), none of it is used.
  // Not problems of what is left: pack.yaml's descriptive parts left out, and a list emptied by leaving out its items (minItems).
  const artefact = (pointer: string): boolean => {
    const segs = segments(pointer);
    return segs.length === 1 && (described.has(segs[0]!) || drop.has(segs[0]!));
  };
  const left = checkSchemaAt(schema, out, file, positions).filter((x) => !artefact(x.pointer));
  if (left.length > 0) return fail();
  return { value: out, remap };
}
