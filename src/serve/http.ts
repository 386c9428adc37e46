/** What every route shares: the error it throws, and the receipt it sends with each answer. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { YingshangError, type Problem } from "../errors.js";
import type { Receipt } from "../engine/model/index.js";
import type { PackRegistry } from "./registry.js";

/** The error the routes throw: the problems and the HTTP status they mean. */
export class HttpProblem extends YingshangError {
  constructor(
    readonly status: number,
    problems: readonly Problem[],
  ) {
    super(problems);
  }
}

/** What the server knows, reachable from the instance as `app.yingshang`. */
export interface ServeState {
  readonly registry: PackRegistry;
  /** True once close() has begun: readyz answers 503 so a balancer stops sending. */
  closing: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    yingshang: ServeState;
  }
  interface FastifyRequest {
    /** The receipt of the answer, for the request log. */
    receipt?: Partial<Receipt> | null;
  }
}

/** The header that carries an answer's receipt: `pack=…; version=…; hash=…; calendar=…; asOf=…`. */
export const RECEIPT_HEADER = "yingshang-receipt";

/** The header form of a receipt (ASCII only; values are ids, versions, hashes and dates). */
export function receiptHeader(r: Partial<Receipt>): string {
  const parts: string[] = [];
  if (r.pack !== undefined) parts.push(`pack=${encodeURIComponent(r.pack)}`);
  if (r.version !== undefined) parts.push(`version=${encodeURIComponent(r.version)}`);
  if (r.hash !== undefined) parts.push(`hash=${r.hash}`);
  if (r.calendar) parts.push(`calendar=${encodeURIComponent(r.calendar.id)}@${encodeURIComponent(r.calendar.version)}`);
  if (r.asOf !== undefined) parts.push(`asOf=${encodeURIComponent(r.asOf)}`);
  return parts.join("; ");
}

/** Sends a JSON answer with its receipt in the header and remembers it for the request log. */
export function withReceipt(req: FastifyRequest, reply: FastifyReply, receipt: Partial<Receipt>, body: unknown): unknown {
  req.receipt = receipt;
  void reply.header(RECEIPT_HEADER, receiptHeader(receipt));
  return body;
}

