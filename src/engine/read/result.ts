/**
 * What the read stage hands to the check and compile stages: the documents, where each value was
 * written, and which declarations a schema problem left out; and the same as plain data, so a batch
 * worker can compile a pack the main thread read.
 */
import type { Place, Problem } from "../../errors.js";
import { pointerToPath, type Pos } from "../../base/yaml-read.js";
import type { PackDocs } from "../model/index.js";

/** Positions of every file, used to place problems found after parsing. */
export class Places {
  constructor(
    private readonly byFile: Map<string, Map<string, Pos>>,
    /** For lists an item was left out of (see salvage.ts): file → list key → original index of each item. */
    private readonly remap: Map<string, Map<string, number[]>> = new Map(),
  ) {}

  /** Each file's positions, by JSON pointer (a clean read has no `remap`: no item was left out). */
  byFileForTransfer(): Map<string, Map<string, Pos>> {
    return this.byFile;
  }

  /** The place of a JSON pointer inside a file (falls back to the nearest enclosing node). */
  at(file: string, pointer: string, key = false): Place {
    pointer = this.original(file, pointer);
    const m = this.byFile.get(file);
    let pos = m?.get(key ? `${pointer}#key` : pointer);
    let p = pointer;
    while (!pos && m && p !== "") {
      p = p.slice(0, p.lastIndexOf("/"));
      pos = m.get(p);
    }
    return { file, line: pos?.line, col: pos?.col, path: pointerToPath(pointer) };
  }

  /** A pointer into the salvaged documents, as a pointer into the file as written. */
  private original(file: string, pointer: string): string {
    const lists = this.remap.get(file);
    const m = lists && /^\/([^/]+)\/(\d+)(?=\/|$)/.exec(pointer);
    const kept = m ? lists.get(m[1]!) : undefined;
    const index = kept?.[Number(m![2])];
    return index === undefined ? pointer : `/${m![1]}/${index}${pointer.slice(m![0].length)}`;
  }
}

/** Ids whose declaration was left out: references to them are not checked. */
export class Skipped {
  private readonly ids = new Map<string, Set<string>>();
  private readonly all = new Set<string>();

  /** One declaration left out (`id` null: it had no readable id, so every id of the kind is open). */
  add(kind: string, id: string | null): void {
    if (id === null) this.all.add(kind);
    else this.ids.set(kind, (this.ids.get(kind) ?? new Set()).add(id));
  }

  /** Every declaration of the kind (its whole file) left out. */
  addAll(kind: string): void {
    this.all.add(kind);
  }

  /** True when `id` of `kind` may be declared by a part that was left out. */
  has(kind: string, id: string): boolean {
    return this.all.has(kind) || (this.ids.get(kind)?.has(id) ?? false);
  }

  /** True when any declaration of the kind was left out. */
  any(kind: string): boolean {
    return this.all.has(kind) || (this.ids.get(kind)?.size ?? 0) > 0;
  }
}

export interface ReadPackResult {
  docs: PackDocs | null;
  places: Places;
  problems: Problem[];
  /**
   * With problems: the documents of what did parse and pass the schema (see salvage.ts), for the
   * cross-file checks of the same round; null when pack.yaml itself cannot be used. Never compiled.
   */
  partial: PackDocs | null;
  /** Declarations left out of `partial`: references to them are not checked. */
  skipped: Skipped;
  /** Pack files none of which could be used (missing though required, not YAML, empty, or a problem outside any item). */
  unusable: string[];
}

/**
 * A read without problems as plain data, which `postMessage` can copy to a worker thread: the
 * documents and every value's position. (A read with problems is reported where it was read.)
 */
export interface PlainRead {
  readonly docs: PackDocs;
  readonly positions: Map<string, Map<string, Pos>>;
}

/** The read as plain data, or null when it found problems. */
export function plainRead(read: ReadPackResult): PlainRead | null {
  if (read.docs === null || read.problems.length > 0) return null;
  return { docs: read.docs, positions: read.places.byFileForTransfer() };
}

/** The read again, from its plain data (on the thread that compiles it). */
export function fromPlainRead(p: PlainRead): ReadPackResult {
  return { docs: p.docs, places: new Places(p.positions), problems: [], partial: null, skipped: new Skipped(), unusable: [] };
}

/**
 * A read without problems as JSON text (positions as `[file, [[pointer, pos], …]]` lists), for the
 * build to store beside a bundled pack; {@link plainReadFromJson} reads it back. Null when a
 * document holds a value JSON cannot carry back the same (the build then stores nothing for it).
 */
export function plainReadToJson(p: PlainRead): string | null {
  const text = JSON.stringify({ docs: p.docs, positions: [...p.positions].map(([file, m]) => [file, [...m]]) });
  return sameJson((JSON.parse(text) as { docs: unknown }).docs, p.docs) ? text : null;
}

/** The plain read that {@link plainReadToJson} wrote. */
export function plainReadFromJson(text: string): PlainRead {
  const o = JSON.parse(text) as { docs: PackDocs; positions: [string, [string, Pos][]][] };
  return { docs: o.docs, positions: new Map(o.positions.map(([file, m]) => [file, new Map(m)])) };
}

/** True when `a` (parsed back from JSON) is `b` value for value and key for key, in order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
