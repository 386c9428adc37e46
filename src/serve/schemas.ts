/** The JSON Schemas the service publishes for a pack: its case input and its result. */
import type { Pack } from "../engine/pack.js";

/** Until the core's per-pack schemas land (issue 10), an honest minimum: an object. */
export function packSchemas(pack: Pack): { input: Record<string, unknown>; result: Record<string, unknown> } {
  return {
    input: { $schema: "https://json-schema.org/draft/2020-12/schema", title: `${pack.id} case input`, type: "object" },
    result: { $schema: "https://json-schema.org/draft/2020-12/schema", title: `${pack.id} result`, type: "object" },
  };
}
