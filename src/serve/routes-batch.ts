/**
 * `POST /v1/packs/{pack}/batch`: NDJSON in, NDJSON out, streamed. The lines are read as they arrive
 * and each result line is written as soon as it is made, so neither side holds the batch whole; the
 * line protocol (ids and line numbers on errors, blank lines skipped, `select`, `full`) is the CLI's.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { problem } from "../errors.js";
import { evaluateLine, MAX_LINE_CHARS, parseSelect, tooLong, type LineOptions, type Shape } from "../batch/line.js";
import type { Pack } from "../engine/compile/index.js";
import { HttpProblem, receiptHeader, RECEIPT_HEADER } from "./http.js";
import { packOf, queryOf } from "./routes-packs.js";

export const NDJSON = "application/x-ndjson";

/** The result lines of a stream of NDJSON bytes, then one summary line `{ summary: {…} }`. */
async function* results(pack: Pack, body: AsyncIterable<Buffer>, o: LineOptions, limit: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let line = 0;
  let ok = 0;
  let errors = 0;
  let blank = 0;
  let bytes = 0;
  let skipping = 0; // characters of an over-long line being dropped until its end
  const one = (text: string): string | null => {
    line++;
    let t = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (t.endsWith("\r")) t = t.slice(0, -1);
    const r = evaluateLine(pack, t, line, o);
    if (r.kind === "blank") {
      blank++;
      return null;
    }
    if (r.kind === "ok") ok++;
    else errors++;
    return JSON.stringify(r.row);
  };
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > limit) {
      yield JSON.stringify({ error: new HttpProblem(413, [problem("LIMIT_EXCEEDED", `The batch is over the limit of ${limit} bytes; the lines after line ${line} were not read. Split it and send the rest in another request.`, { what: "batch bytes", limit, actual: bytes }, { path: "" })]).toJSON().error }) + "\n";
      return;
    }
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    const out: string[] = [];
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      if (skipping > 0) {
        line++;
        errors++;
        const r = tooLong(line, skipping + nl, o.file);
        if (r.kind !== "blank") out.push(JSON.stringify(r.row));
        skipping = 0;
      } else {
        const s = one(carry + text.slice(start, nl));
        if (s !== null) out.push(s);
      }
      carry = "";
      start = nl + 1;
    }
    if (skipping > 0) skipping += text.length - start;
    else {
      carry += text.slice(start);
      // A line longer than any case may be: count it without keeping it.
      if (carry.length > MAX_LINE_CHARS) {
        skipping = carry.length;
        carry = "";
      }
    }
    if (out.length) yield out.join("\n") + "\n";
  }
  carry += decoder.decode();
  if (skipping > 0) {
    line++;
    errors++;
    const r = tooLong(line, skipping + carry.length, o.file);
    if (r.kind !== "blank") yield JSON.stringify(r.row) + "\n";
  } else if (carry !== "") {
    const s = one(carry);
    if (s !== null) yield s + "\n";
  }
  yield JSON.stringify({ summary: { lines: line, ok, errors, blank } }) + "\n";
}

export function registerBatchRoute(v1: FastifyInstance, limit: number): void {
  // The body is handed over as the request stream; the route reads it line by line.
  v1.addContentTypeParser(NDJSON, (_req, payload, done) => done(null, payload));

  v1.post<{ Params: { pack: string } }>("/packs/:pack/batch", (req, reply) => {
    const pack = packOf(v1, req.params.pack);
    const ct = String(req.headers["content-type"] ?? "").split(";")[0]!.trim();
    if (ct !== NDJSON) throw new HttpProblem(415, [problem("INPUT_INVALID", `Send a batch as ${NDJSON}: one case per line.`, { detail: "batch content type" }, { path: "" })]);
    const q = queryOf(req, { select: [], full: ["true", "false"], trace: ["true", "false"] });
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      throw new HttpProblem(413, [problem("LIMIT_EXCEEDED", `The batch is ${declared} bytes, over the limit of ${limit}; split it.`, { what: "batch bytes", limit, actual: declared }, { path: "" })]);
    }
    if (q.select !== undefined && q.full === "true") throw new HttpProblem(400, [problem("INPUT_INVALID", "Give select or full=true, not both.", { detail: "select and full" }, { path: "select" })]);
    const shape: Shape = q.select !== undefined ? { kind: "select", paths: parseSelect(pack, q.select) } : q.full === "true" ? { kind: "full" } : { kind: "compact" };
    const o: LineOptions = { trace: q.trace === "true", file: "<request>", shape };
    // Each line has its own asOf; the header names what is the same for all of them.
    const receipt = { pack: pack.id, version: pack.version, hash: pack.hash, calendar: { id: pack.calendar.id, version: pack.calendar.version } };
    req.receipt = receipt;
    void reply.header(RECEIPT_HEADER, receiptHeader(receipt)).type(NDJSON);
    return reply.send(Readable.from(results(pack, req.body as AsyncIterable<Buffer>, o, limit)));
  });
}
