/**
 * Reads one YAML file into plain data plus a map from JSON pointer to source position, refusing
 * what a hand-written or hostile file can throw at a parser: duplicate keys, alias bombs, keys that
 * would reach object prototypes, non-string keys, unsafe numbers, excessive size or depth.
 */
import { Lexer, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { problem, type Problem } from "../errors.js";

export interface Pos {
  line: number;
  col: number;
}

export interface ReadLimits {
  maxBytes: number;
  maxDepth: number;
  maxNodes: number;
  maxAliases: number;
  /**
   * Tokens (scalars, indicators, comments, line breaks) the lexer may see before the document is
   * parsed. Parsing costs time per token, so this bounds the time a file can take; the node
   * limit alone cannot, because nodes are only counted after the whole document is parsed.
   */
  maxTokens: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 1_000_000, maxDepth: 64, maxNodes: 50_000, maxAliases: 100, maxTokens: 100_000 };

export interface ReadResult {
  value: unknown;
  /** JSON pointer → position of the value; `pointer + "#key"` → position of the key. */
  positions: Map<string, Pos>;
  problems: Problem[];
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Escapes one JSON-pointer segment. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `/deadlines/2/period` → `deadlines[2].period`, the form shown to people. */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "(top)";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  }
  return out;
}

/**
 * Parses `text` (the file `file`) and returns data, positions and problems. Problems mean the
 * data must not be used; the function itself never throws on any input string.
 */
export function readYaml(text: string, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS, options: { numberKeysAsText?: boolean } = {}): ReadResult {
  const positions = new Map<string, Pos>();
  const problems: Problem[] = [];
  if (text.length > limits.maxBytes) {
    problems.push(
      problem("LIMIT_EXCEEDED", `${file} is ${text.length} characters long; the limit is ${limits.maxBytes}. Split the file or raise the limit.`, { what: "file size", limit: limits.maxBytes, actual: text.length }, { file }),
    );
    return { value: undefined, positions, problems };
  }
  // A byte-order mark is harmless; drop it so positions stay right.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lc = new LineCounter();
  // Count tokens first (cheap, and it stops at the limit), so a dense file cannot make the parser
  // run for seconds before the node limit is ever checked.
  let tokens = 0;
  let offset = 0;
  try {
    for (const tok of new Lexer().lex(text)) {
      // The lexer also yields control markers that are not in the source (document, scalar, flow end).
      if (tok.length === 1 && (tok === "\x02" || tok === "\x18" || tok === "\x1f")) continue;
      if (++tokens > limits.maxTokens) {
        let line = 1;
        let last = -1;
        for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
          line++;
          last = i;
        }
        problems.push(
          problem("LIMIT_EXCEEDED", `${file} has more than ${limits.maxTokens} YAML tokens (values, keys, indicators, comments, line breaks); the limit is ${limits.maxTokens}. Split the file.`, { what: "the number of YAML tokens", limit: limits.maxTokens, actual: tokens }, { file, line, col: offset - last }),
        );
        return { value: undefined, positions, problems };
      }
      offset += tok.length;
    }
  } catch {
    // The parser below reports whatever the lexer could not read.
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true, version: "1.2" });
  } catch (e) {
    problems.push(problem("YAML_SYNTAX", `${file} cannot be read as YAML: ${e instanceof Error ? e.message : String(e)}`, { detail: String(e) }, { file }));
    return { value: undefined, positions, problems };
  }
  const at = (offset: number | undefined): Pos => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = at(err.pos[0]);
    const firstLine = err.message.split("\n")[0] ?? err.message;
    if (err.code === "DUPLICATE_KEY") {
      problems.push(problem("YAML_DUPLICATE_KEY", `this key appears twice in the same mapping; keep one (YAML would silently keep only the last).`, { detail: firstLine }, { file, ...pos }));
    } else if (err.code === "MULTIPLE_DOCS") {
      // yaml's own sentence names its API (parseAllDocuments), which means nothing to a pack's author.
      problems.push(problem("YAML_SYNTAX", "the file holds more than one YAML document (a line `---` or `...` starts another); a pack file is one document.", { detail: "more than one YAML document in the file" }, { file, ...pos }));
    } else {
      problems.push(problem("YAML_SYNTAX", `${firstLine}`, { detail: firstLine }, { file, ...pos }));
    }
  }
  if (problems.length) return { value: undefined, positions, problems };

  let nodes = 0;
  let aliases = 0;
  let stopped = false;
  const stop = (code: "LIMIT_EXCEEDED", what: string, limit: number, actual: number, offset: number | undefined, path: string): void => {
    if (stopped) return;
    stopped = true;
    const pos = at(offset);
    problems.push(problem(code, `${what} exceeds the limit of ${limit}.`, { what, limit, actual }, { file, ...pos, path }));
  };

  const walk = (node: unknown, pointer: string, depth: number): unknown => {
    if (stopped) return undefined;
    if (++nodes > limits.maxNodes) return stop("LIMIT_EXCEEDED", "the number of YAML nodes", limits.maxNodes, nodes, (node as Node)?.range?.[0], pointerToPath(pointer));
    if (depth > limits.maxDepth) return stop("LIMIT_EXCEEDED", "the nesting depth", limits.maxDepth, depth, (node as Node)?.range?.[0], pointerToPath(pointer));
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      // Each alias use re-walks its target, so a chain of aliases cannot expand without bound.
      if (++aliases > limits.maxAliases) return stop("LIMIT_EXCEEDED", "the number of alias uses (*name)", limits.maxAliases, aliases, node.range?.[0], pointerToPath(pointer));
      const target = node.resolve(doc);
      if (!target) {
        const pos = at(node.range?.[0]);
        problems.push(problem("YAML_SYNTAX", `alias *${node.source} has no anchor.`, { detail: `unresolved alias ${node.source}` }, { file, ...pos }));
        return null;
      }
      return walk(target, pointer, depth + 1);
    }
    const n = node as Node;
    if (n.range) positions.set(pointer, at(n.range[0]));
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === "number" && (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        const pos = at(n.range?.[0]);
        problems.push(problem("YAML_UNSAFE_NUMBER", `${String(n.source ?? v)} cannot be represented exactly; write a number below 2^53 (or quote it if it is text).`, { value: String(n.source ?? v) }, { file, ...pos, path: pointerToPath(pointer) }));
        return null;
      }
      if (typeof v === "bigint") return null;
      return v;
    }
    if (isSeq(n)) {
      const out: unknown[] = [];
      n.items.forEach((item, i) => out.push(walk(item, `${pointer}/${i}`, depth + 1)));
      return out;
    }
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyPos = at(keyNode?.range?.[0]);
        const raw = isScalar(keyNode) ? keyNode.value : undefined;
        // A calendar's `2027:` is a year, not a number: read such keys as their text when asked to.
        const keyVal = options.numberKeysAsText && typeof raw === "number" && isScalar(keyNode) ? String(keyNode.source ?? raw) : raw;
        if (typeof keyVal !== "string") {
          const shown = isScalar(keyNode) ? String(keyNode.source ?? keyVal) : "a non-scalar key";
          problems.push(problem("YAML_NON_STRING_KEY", `key ${shown} is not text; keys must be words (quote it: "${shown}").`, { key: shown }, { file, ...keyPos, path: pointerToPath(pointer) }));
          continue;
        }
        const child = `${pointer}/${pointerSegment(keyVal)}`;
        if (FORBIDDEN_KEYS.has(keyVal)) {
          problems.push(problem("YAML_FORBIDDEN_KEY", `the key "${keyVal}" is not allowed (it could alter object prototypes); rename it.`, { key: keyVal }, { file, ...keyPos, path: pointerToPath(child) }));
          continue;
        }
        positions.set(`${child}#key`, keyPos);
        out[keyVal] = walk(pair.value, child, depth + 1);
      }
      return out;
    }
    return null;
  };
  const value = walk(doc.contents, "", 0);
  return { value, positions, problems };
}
