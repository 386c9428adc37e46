/**
 * Shared results for untraced assignments. When one rule applies, the result depends only on that
 * rule, the receipt and the units its `then` resolves from the facts; results are frozen, so one
 * object per combination can be handed to every caller. This memo never changes an answer: a miss
 * builds the result exactly as an uncached call would. Its maps live in private fields.
 */
import type { Receipt } from "./trace.js";

type Facts = Readonly<Record<string, unknown>>;
type Resolver = (facts: Facts) => string | null;
/** A level of the memo: receipt → first unit → second unit … → result. */
type Node = Map<unknown, unknown>;

/**
 * Entries (maps and values) kept per memo; past this, the memo starts again. Counting the maps too
 * bounds memory even for long keys (a ladder path of a thousand rungs is a thousand maps).
 */
const MAX_ENTRIES = 10_000;

export class ResultMemo<R extends object> {
  readonly #root: Node = new Map();
  readonly #keys: readonly Resolver[];
  #count = 0;

  /** `keys`: the resolvers whose values vary with the facts (constant units are left out). */
  constructor(keys: readonly Resolver[]) {
    this.#keys = keys;
    Object.freeze(this);
  }

  /** The shared result for these facts, built by `build()` the first time. */
  get(facts: Facts, receipt: Receipt, build: () => R): R {
    const keys = this.#keys;
    let parent = this.#root;
    let key: unknown = receipt;
    let node = parent.get(key);
    for (let i = 0; i < keys.length; i++) {
      const v = keys[i]!(facts); // resolved even on a miss: a missing fact fails as it would uncached
      if (node === undefined) {
        parent.set(key, (node = new Map()));
        this.#count++;
      }
      parent = node as Node;
      key = v;
      node = parent.get(v);
    }
    if (node !== undefined) return node as R;
    const r = build();
    parent.set(key, r);
    this.#count = restartIfFull(this.#root, this.#count + 1);
    return r;
  }
}

/** Empties a memo that has reached its bound; returns the new count. */
function restartIfFull(root: Node, count: number): number {
  if (count < MAX_ENTRIES) return count;
  root.clear();
  return 0;
}

const END = Symbol("end");

/**
 * Shared frozen values built from parts: when a value depends only on which parts, in order (shared
 * results, a ladder's rungs, a unit id), one frozen value serves every case with those parts.
 * Keyed by the parts' identity (or value, for strings); bounded like the results.
 */
export class PartsMemo<R extends object> {
  readonly #root: Node = new Map();
  #count = 0;

  constructor() {
    Object.freeze(this);
  }

  get(parts: readonly unknown[], build: () => R): R {
    let node = this.#root;
    let added = 0;
    for (let i = 0; i < parts.length; i++) {
      let next = node.get(parts[i]);
      if (next === undefined) {
        node.set(parts[i], (next = new Map()));
        added++;
      }
      node = next as Node;
    }
    const hit = node.get(END);
    if (hit !== undefined) return hit as R; // (values built here are never undefined)
    const r = build();
    node.set(END, r);
    this.#count = restartIfFull(this.#root, this.#count + added + 1);
    return r;
  }
}
