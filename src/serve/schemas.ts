/**
 * The JSON Schemas the service publishes for a pack: the library's own `inputSchema(pack)` and
 * `resultSchema(pack)`, unchanged. The input schema is also what `evaluate` checks every case
 * against (compiled once per pack), so the service adds no validator of its own: fastify is given
 * no body schema, and a case the published schema refuses is refused by the library, with every
 * problem, as a 400.
 */
import { inputSchema, resultSchema, type JsonSchema, type Pack } from "../core.js";

export function packSchemas(pack: Pack): { input: JsonSchema; result: JsonSchema } {
  return { input: inputSchema(pack), result: resultSchema(pack) };
}

type Node = Record<string, unknown>;

/**
 * A schema made to live in an OpenAPI document's `components.schemas` under `name`: its `$defs`
 * become sibling components `${name}_${def}`, and every `#/$defs/…` reference points there. The
 * `$id` and `$schema` go (a `$id` would make those references resolve against it; the document's
 * `jsonSchemaDialect` says the draft). Nothing else changes, so dereferenced it is the same schema.
 */
export function embedSchema(schema: JsonSchema, name: string): Record<string, Node> {
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v === null || typeof v !== "object") return v;
    const out: Node = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string" && x.startsWith("#/$defs/")) out[k] = `#/components/schemas/${name}_${x.slice("#/$defs/".length)}`;
      else if (k === "const" || k === "enum" || k === "default") out[k] = x; // values, not schemas
      else out[k] = rewrite(x);
    }
    return out;
  };
  const { $id: _id, $schema: _draft, $defs, ...main } = schema as Node;
  const out: Record<string, Node> = { [name]: rewrite(main) as Node };
  for (const [def, s] of Object.entries(($defs ?? {}) as Record<string, unknown>)) out[`${name}_${def}`] = rewrite(s) as Node;
  return out;
}
