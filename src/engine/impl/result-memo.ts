/**
 * Shared results for untraced assignments. When one rule applies, the result depends only on that
 * rule, the receipt and the units its `then` resolves from the facts; results are frozen, so one
 * object per combination can be handed to every caller. This memo never changes an answer: a miss
 * builds the result exactly as an uncached call would. Its maps live in a private field.
 */
import type { Receipt } from "../trace.js";

type Facts = Readonly<Record<string, unknown>>;
type Resolver = (facts: Facts) => string | null;
/** A level of the memo: receipt → first unit → second unit … → result. */
type Node = Map<unknown, unknown>;

/** Results kept per rule; past this, results are built afresh (memory stays bounded). */
const MAX_RESULTS = 10_000;

export class ResultMemo<R extends object> {
  readonly #root: Node = new Map();
  readonly #keys: readonly Resolver[];
  #count = 0;

  /** `keys`: the resolvers whose values vary with the facts (constant units are left out). */
  constructor(keys: readonly Resolver[]) {
    this.#keys = keys;
    Object.freeze(this);
  }

  /** The shared result for these facts, or `build()`'s, remembered while there is room. */
  get(facts: Facts, receipt: Receipt, build: () => R): R {
    const keys = this.#keys;
    let parent = this.#root;
    let key: unknown = receipt;
    let node = parent.get(key);
    for (let i = 0; i < keys.length; i++) {
      const v = keys[i]!(facts); // resolved even on a miss: a missing fact fails as it would uncached
      if (node === undefined) {
        if (this.#count >= MAX_RESULTS) return build();
        node = new Map();
        parent.set(key, node);
      }
      parent = node as Node;
      key = v;
      node = parent.get(v);
    }
    if (node !== undefined) return node as R;
    const r = build();
    if (this.#count < MAX_RESULTS) {
      parent.set(key, r);
      this.#count++;
    }
    return r;
  }
}
