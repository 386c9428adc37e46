/** `GET /v1/packs/{pack}/schema` and `GET /v1/openapi.json`, both generated from the packs served. */
import type { FastifyInstance } from "fastify";
import { openApiDocument } from "./openapi.js";
import { packSchemas } from "./schemas.js";
import { packOf } from "./routes-packs.js";
import type { PackEntry } from "./registry.js";

const VERSION = "0.1.0";

export function registerSchemaRoutes(v1: FastifyInstance): void {
  // One document per registry snapshot: a reload makes a new one, requests in between share it.
  const cache = new WeakMap<ReadonlyMap<string, PackEntry>, unknown>();
  v1.get("/openapi.json", () => {
    const snap = v1.yingshang.registry.snapshot();
    let doc = cache.get(snap);
    if (doc === undefined) {
      doc = openApiDocument([...snap.values()].map((e) => e.pack), { version: VERSION });
      cache.set(snap, doc);
    }
    return doc;
  });
  v1.get<{ Params: { pack: string } }>("/packs/:pack/schema", (req) => {
    const pack = packOf(v1, req.params.pack);
    return { pack: pack.id, hash: pack.hash, ...packSchemas(pack) };
  });
}
