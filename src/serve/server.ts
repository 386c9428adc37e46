/**
 * `yingshang serve`: the library over HTTP/JSON, on fastify. `buildServer` returns the fastify
 * instance with every route registered and not yet listening, so tests (and the studio, which mounts
 * itself with `plugins`) can add to it before `listen`.
 *
 * What it promises: bad input is a 400 with the same problem objects as the CLI's `--json`, an unknown
 * pack a 404, a body over the limit a 413, and no answer ever holds a stack trace; every answer about
 * a pack carries its receipt in the body and in the `yingshang-receipt` header, and the request log
 * line (pino) records it.
 */
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyPluginCallback, type FastifyServerOptions } from "fastify";
import type { Calendar } from "../calendar/index.js";
import { problem, YingshangError } from "../errors.js";
import { PackRegistry } from "./registry.js";
import { registerPackRoutes } from "./routes-packs.js";
import { registerCalendarRoutes } from "./routes-calendar.js";
import { registerBatchRoute } from "./routes-batch.js";
import { registerSchemaRoutes } from "./routes-schema.js";
import { HttpProblem, type ServeState } from "./http.js";

export { HttpProblem, RECEIPT_HEADER, receiptHeader, withReceipt, type ServeState } from "./http.js";

/** A plugin mounted on the server after its own routes (the studio's static files, for one). */
export interface ServerPlugin {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fastify's own plugin types are generic over options
  plugin: FastifyPluginAsync<any> | FastifyPluginCallback<any>;
  options?: Record<string, unknown> & { prefix?: string };
}

export interface ServerOptions {
  /** The packs to serve. Default: `PackRegistry.load(packDirs, calendars)`. */
  registry?: PackRegistry;
  /** Pack folders served besides the bundled packs (when no registry is given). */
  packDirs?: readonly string[];
  /** Extra calendars (`--calendar` files, each extending the one before). */
  calendars?: readonly Calendar[];
  /** fastify's logger option (pino): `false` for none; default `{ level: "info" }` on stdout. */
  logger?: FastifyServerOptions["logger"];
  /** The largest JSON body accepted, in bytes (default 1 MiB); larger is a 413. */
  bodyLimit?: number;
  /** The largest NDJSON batch body accepted, in bytes (default 1 GiB). */
  batchLimit?: number;
  /** Extra routes or static roots, registered after the service's own. */
  plugins?: readonly ServerPlugin[];
}


const STATUS_OF: Partial<Record<string, number>> = { PACK_UNKNOWN: 404, ROUTE_UNKNOWN: 404 };

/** The HTTP form of an error: status and `{ error: { code, problems } }`, the CLI's `--json` shape. */
export function errorAnswer(e: unknown): { status: number; body: { error: { code: string; problems: readonly unknown[] } } } | null {
  if (e instanceof HttpProblem) return { status: e.status, body: e.toJSON() };
  if (e instanceof YingshangError) return { status: STATUS_OF[e.code] ?? 400, body: e.toJSON() };
  const fe = e as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") return null; // answered where the limit is known
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    // fastify's own refusals (malformed JSON, an empty body, an unsupported content type): the
    // message names the problem; the problem code is the library's.
    const detail = typeof fe.code === "string" ? fe.code : "bad request";
    const msg = typeof fe.message === "string" ? fe.message : "bad request";
    const words = fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "Send the body as application/json (or application/x-ndjson for a batch)." : `The request body cannot be read: ${msg}.`;
    return { status: fe.statusCode, body: new YingshangError([problem("INPUT_INVALID", words, { detail }, { path: "" })]).toJSON() };
  }
  return null;
}

/**
 * Builds the service (not listening). Loads the packs unless a registry is given; throws a
 * `YingshangError` with every problem when one does not load.
 *
 * Tests use it as `const app = await buildServer({ logger: false }); await app.listen({ port: 0 })`.
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const registry = options.registry ?? PackRegistry.load(options.packDirs ?? [], options.calendars ?? []);
  const bodyLimit = options.bodyLimit ?? 1 << 20;
  const app = Fastify({
    logger: options.logger ?? { level: "info" },
    bodyLimit,
    // One log line per request, written below with its receipt, instead of fastify's two.
    logController: new Fastify.LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  app.decorate("yingshang", { registry, closing: false } satisfies ServeState);
  app.decorateRequest("receipt", null);
  // Cases are JSON (one) or NDJSON (a batch); a text body would only be refused later, less clearly.
  app.removeContentTypeParser("text/plain");

  app.addHook("onResponse", (req, reply, done) => {
    req.log.info({ method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, receipt: req.receipt ?? undefined }, "request");
    done();
  });
  app.addHook("onClose", (instance, done) => {
    instance.yingshang.closing = true;
    done();
  });

  app.setErrorHandler((err, req, reply) => {
    const code = (err as { code?: unknown }).code;
    if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      const actual = Number(req.headers["content-length"] ?? NaN);
      return reply.code(413).send(new YingshangError([problem("LIMIT_EXCEEDED", `The request body is over the limit of ${bodyLimit} bytes; send smaller cases, or a batch as application/x-ndjson to /v1/packs/{pack}/batch.`, { what: "request body bytes", limit: bodyLimit, actual: Number.isFinite(actual) ? actual : -1 }, { path: "" })]).toJSON());
    }
    const a = errorAnswer(err);
    if (a) return reply.code(a.status).send(a.body);
    // A bug in yingshang: logged with its stack, answered without it.
    req.log.error({ err }, "internal error");
    return reply.code(500).send({ error: { code: "INTERNAL", problems: [{ code: "INTERNAL", message: "internal error (please report it); the server log has the details." }] } });
  });
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split("?")[0] ?? req.url;
    return reply.code(404).send(new YingshangError([problem("ROUTE_UNKNOWN", `There is no ${req.method} ${url}; GET /v1/openapi.json lists every route.`, { method: req.method, url }, { path: url })]).toJSON());
  });

  app.get("/healthz", () => ({ status: "ok" }));
  app.get("/readyz", (req, reply) => {
    const n = app.yingshang.registry.snapshot().size;
    if (app.yingshang.closing || n === 0) return reply.code(503).send({ status: "not-ready", packs: n });
    return { status: "ready", packs: n };
  });

  await app.register(
    (v1, _opts, done) => {
      registerPackRoutes(v1);
      registerBatchRoute(v1, options.batchLimit ?? 1 << 30);
      registerCalendarRoutes(v1);
      registerSchemaRoutes(v1);
      done();
    },
    { prefix: "/v1" },
  );
  for (const p of options.plugins ?? []) await app.register(p.plugin, p.options ?? {});
  return app;
}
