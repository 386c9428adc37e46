/** The JSON Schemas of a pack's case input and of its results: what a client may send and will get. */
import { buildResultSchema } from "./result-schema.js";
import { deepFreeze } from "../../base/freeze.js";
import type { Pack } from "./pack.js";

/** A JSON Schema (draft 2020-12), as plain frozen data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The JSON Schema (2020-12) of a case for this pack, made from its declarations: each fact with its
 * type (enum values and units with their Chinese names as titles, defaults), the deadline ids and
 * their events, the ladders and their rungs, the scorecards and their items. `evaluate` checks every
 * case against exactly this schema (compiled once, when the pack is compiled): a case the schema
 * refuses is refused with every problem, and nothing is evaluated.
 *
 * @example
 * import { loadPack, inputSchema } from "yingshang";
 * const s = inputSchema(loadPack("suqian"));
 * console.log(s.required); // [ "asOf" ]
 */
export function inputSchema(pack: Pack): JsonSchema {
  return pack.compiled.inputSchema;
}

const results = new WeakMap<Pack, JsonSchema>();

/**
 * The JSON Schema (2020-12) of `evaluate`'s result for this pack (the output of
 * `yingshang eval --json`). Every part is discriminated by `kind`.
 *
 * @example
 * import { loadPack, resultSchema } from "yingshang";
 * const s = resultSchema(loadPack("suqian"));
 * console.log(s.$schema); // "https://json-schema.org/draft/2020-12/schema"
 */
export function resultSchema(pack: Pack): JsonSchema {
  let s = results.get(pack);
  if (s === undefined) {
    s = deepFreeze(buildResultSchema(pack.docs, pack.units, pack.hash));
    results.set(pack, s);
  }
  return s;
}
