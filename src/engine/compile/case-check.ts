/**
 * The case input check, compiled once per pack from the pack's input schema (input-schema.ts): the
 * schema is the only statement of what a case may hold. Each schema node becomes two closures: a
 * fast `ok` (no paths, no allocation) run on every case, and `report`, run only when `ok` said no,
 * which names every problem with its path and, for a misspelt key or value, the likely intended one.
 *
 * Only the keywords the schema generator writes are understood (`SUPPORTED`); a test walks every
 * bundled pack's schema to keep it so. No code is generated: the closures are plain functions, so
 * the check runs under a strict Content-Security-Policy.
 */
import { problem, YingshangError, type Problem } from "../../errors.js";
import { parseDay } from "../../calendar/impl/days.js";
import { suggest } from "../../base/suggest.js";
import { kindOf } from "../../calendar/impl/kind-words.js";
import { wordsOf } from "../check/index.js";
import { INSTANT, type SchemaNode } from "../check/index.js";

/** The keywords this check understands (annotations included). */
export const SUPPORTED = new Set(["$schema", "$id", "$defs", "$ref", "title", "description", "default", "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "minimum", "maximum", "format", "pattern", "oneOf", "not", "const", "enum"]);

export interface NodeCheck {
  /** True when the value is valid. */
  ok(v: unknown): boolean;
  /** Pushes every problem of an invalid value (path: where the value is; "" for the whole case). */
  report(v: unknown, path: string, out: Problem[]): void;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Path of a key below a path. */
export function keyPath(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** Compiles schema nodes; `$ref`s are resolved against the root once, and each node is compiled once. */
export class SchemaCompiler {
  private readonly done = new Map<SchemaNode, NodeCheck>();

  constructor(private readonly root: SchemaNode) {}

  /** `what` names a mapping's keys in sentences ("deadline" for `events`), when they are ids. */
  compile(node: SchemaNode, what: string | null = null): NodeCheck {
    const hit = this.done.get(node);
    if (hit) return hit;
    const c = this.build(node, what);
    this.done.set(node, c);
    return c;
  }

  private resolve(node: SchemaNode): SchemaNode {
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    const name = ref.replace(/^#\/\$defs\//, "");
    const target = (this.root.$defs as Record<string, SchemaNode> | undefined)?.[name];
    return target ? { ...target, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref")) } : node;
  }

  private build(raw: SchemaNode, what: string | null): NodeCheck {
    const node = this.resolve(raw);
    const words = wordsOf(node);
    if (words) return wordCheck(node, words);
    const types = node.type === undefined ? [] : Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
    if (types.length === 1 && types[0] === "object") return this.objectCheck(node, what);
    if (types.length === 1 && types[0] === "array") return this.arrayCheck(node);
    if (node.type === undefined && (node.required || node.not)) return this.shapeCheck(node);
    return scalarCheck(node, types);
  }

  /** `required` and `not` alone: used by `oneOf` branches (exactly one of two keys). */
  private shapeCheck(node: SchemaNode): NodeCheck {
    const required = (node.required as string[] | undefined) ?? [];
    const not = node.not ? this.compile(node.not as SchemaNode) : null;
    const ok = (v: unknown) => isObj(v) && required.every((k) => own(v, k) && v[k] !== undefined) && (not === null || !not.ok(v));
    return { ok, report: () => undefined };
  }

  private objectCheck(node: SchemaNode, what: string | null): NodeCheck {
    const props = (node.properties ?? {}) as Record<string, SchemaNode>;
    const keys = Object.keys(props);
    const closed = node.additionalProperties === false;
    const required = (node.required as string[] | undefined) ?? [];
    const children = new Map<string, NodeCheck>();
    const childWhat = (k: string) => (k === "events" ? "deadline" : k === "history" ? "ladder" : k === "scoring" ? "scorecard" : null);
    for (const k of keys) children.set(k, this.compile(props[k]!, what === null ? childWhat(k) : null));
    const alts = Array.isArray(node.oneOf) ? (node.oneOf as SchemaNode[]).map((b) => this.compile(b)) : null;
    const altKeys = Array.isArray(node.oneOf) ? [...new Set((node.oneOf as SchemaNode[]).flatMap((b) => (b.required as string[] | undefined) ?? []))] : [];
    const ok = (v: unknown): boolean => {
      if (!isObj(v)) return false;
      for (let i = 0; i < required.length; i++) if (v[required[i]!] === undefined) return false;
      for (const k in v) {
        if (!own(v, k)) continue;
        const c = children.get(k);
        if (c === undefined) {
          if (closed) return false;
          continue;
        }
        const x = v[k];
        if (x !== undefined && !c.ok(x)) return false;
      }
      if (alts !== null) {
        let n = 0;
        for (let i = 0; i < alts.length; i++) if (alts[i]!.ok(v)) n++;
        if (n !== 1) return false;
      }
      return true;
    };
    const report = (v: unknown, path: string, out: Problem[]): void => {
      if (!isObj(v)) {
        out.push(typeProblem(path, "a mapping", v));
        return;
      }
      for (const k of Object.keys(v)) {
        const c = children.get(k);
        if (c === undefined) {
          if (closed) out.push(unknownKey(path, k, keys, what));
          continue;
        }
        const x = v[k];
        if (x !== undefined && !c.ok(x)) c.report(x, keyPath(path, k), out);
      }
      for (const k of required) if (v[k] === undefined) out.push(missingKey(path, k, props[k]));
      if (alts !== null) {
        const given = altKeys.filter((k) => v[k] !== undefined);
        if (given.length !== 1) {
          const p = path || "(the case)";
          out.push(
            problem(
              "INPUT_ONE_OF",
              given.length === 0 ? `\`${p}\` needs one of ${altKeys.map((k) => `\`${k}\``).join(" or ")}; give exactly one.` : `\`${p}\` has ${given.map((k) => `\`${k}\``).join(" and ")} together; give exactly one of them.`,
              { keys: altKeys, given },
              { path },
            ),
          );
        }
      }
    };
    return { ok, report };
  }

  private arrayCheck(node: SchemaNode): NodeCheck {
    const items = node.items ? this.compile(node.items as SchemaNode) : null;
    const min = typeof node.minItems === "number" ? node.minItems : 0;
    const max = typeof node.maxItems === "number" ? node.maxItems : Infinity;
    const ok = (v: unknown): boolean => {
      if (!Array.isArray(v) || v.length < min || v.length > max) return false;
      if (items !== null) for (let i = 0; i < v.length; i++) if (!items.ok(v[i])) return false;
      return true;
    };
    const report = (v: unknown, path: string, out: Problem[]): void => {
      if (!Array.isArray(v)) {
        out.push(typeProblem(path, "a list", v));
        return;
      }
      if (v.length < min) out.push(problem("INPUT_TYPE", `\`${path}\` must be a list of at least ${min} ${min === 1 ? "entry" : "entries"}, but it is empty.`, { expected: `a list of at least ${min}`, actual: `a list of ${v.length}` }, { path }));
      if (v.length > max) {
        out.push(problem("LIMIT_EXCEEDED", `\`${path}\` has ${v.length} entries; at most ${max} are accepted.`, { what: path, limit: max, actual: v.length }, { path }));
        return;
      }
      if (items !== null) for (let i = 0; i < v.length; i++) if (!items.ok(v[i])) items.report(v[i], `${path}[${i}]`, out);
    };
    return { ok, report };
  }
}

function wordCheck(node: SchemaNode, words: readonly string[]): NodeCheck {
  const set = new Set(words);
  const ok = (v: unknown) => typeof v === "string" && set.has(v);
  const report = (v: unknown, path: string, out: Problem[]): void => {
    if (typeof v !== "string") {
      out.push(typeProblem(path, `one of ${words.join(", ")}`, v));
      return;
    }
    const hint = suggest(v, words);
    out.push(problem("INPUT_VALUE", `\`${path}\` is \`${v}\`, which is not one of ${words.join(", ")}${hint ? `; did you mean \`${hint}\`?` : "."}`, { value: v, allowed: [...words], suggestion: hint }, { path }));
  };
  void node;
  return { ok, report };
}

/** Strings (with format/pattern), numbers, integers, booleans; `types` may name several. */
function scalarCheck(node: SchemaNode, types: readonly string[]): NodeCheck {
  const date = node.format === "date";
  const pattern = typeof node.pattern === "string" ? new RegExp(node.pattern) : null;
  const min = typeof node.minimum === "number" ? node.minimum : -Infinity;
  const max = typeof node.maximum === "number" ? node.maximum : Infinity;
  const string = types.includes("string");
  const integer = types.includes("integer");
  const number = types.includes("number");
  const boolean = types.includes("boolean");
  // A string with a pattern is an instant: its first ten characters must still be a real day.
  // Checks of one kind get a closure of their own: these run for every date of every case.
  let ok: (v: unknown) => boolean;
  if (types.length === 1 && string && date) ok = (v) => typeof v === "string" && parseDay(v) !== -Infinity;
  else if (types.length === 1 && string && pattern !== null) ok = (v) => typeof v === "string" && instantOk(pattern, v);
  else if (types.length === 1 && string) ok = (v) => typeof v === "string";
  else if (types.length === 1 && integer) ok = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;
  else if (types.length === 1 && boolean) ok = (v) => typeof v === "boolean";
  else {
    const stringOk = (v: string) => (date ? parseDay(v) !== -Infinity : pattern === null || instantOk(pattern, v));
    ok = (v) => {
      if (typeof v === "string") return string && stringOk(v);
      if (typeof v === "number") return (number ? Number.isFinite(v) : integer && Number.isSafeInteger(v)) && v >= min && v <= max;
      if (typeof v === "boolean") return boolean;
      return false;
    };
  }
  const expected = expectedWords(node, types);
  const report = (v: unknown, path: string, out: Problem[]): void => {
    if (typeof v === "string" && string) {
      // The right kind, the wrong text: a date that is not a real day, or not in a form read as a date.
      out.push(problem("INVALID_DATE", `\`${path}\` is "${v}", which is not ${date ? "a real date; write YYYY-MM-DD (e.g. 2026-09-18)" : "a real date or instant; write YYYY-MM-DD or an ISO instant such as 2026-09-18T17:30:00+08:00"}.`, { value: v }, { path }));
      return;
    }
    if (typeof v === "number" && (number || integer) && Number.isFinite(v) && (number || Number.isSafeInteger(v))) {
      out.push(problem("INPUT_TYPE", `\`${path}\` must be ${expected}, but it is ${v}.`, { expected, actual: kindOf(v) }, { path }));
      return;
    }
    out.push(typeProblem(path, expected, v));
  };
  return { ok, report };
}

// A batch usually shares one `now`: instants found valid lately are remembered (by their text only).
const validInstants = new Set<string>();

/** An instant of the pattern whose date part is a real day; a plain date needs no pattern. */
function instantOk(pattern: RegExp, v: string): boolean {
  if (v.length === 10) return parseDay(v) !== -Infinity;
  if (validInstants.has(v)) return true;
  if (!pattern.test(v) || parseDay(v.slice(0, 10)) === -Infinity) return false;
  if (validInstants.size >= 256) validInstants.clear();
  validInstants.add(v);
  return true;
}

function expectedWords(node: SchemaNode, types: readonly string[]): string {
  const range = (whole: boolean) => {
    const min = node.minimum as number | undefined;
    const max = node.maximum as number | undefined;
    const noun = whole ? "a whole number" : "a number";
    if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
    if (min !== undefined) return `${noun} ≥ ${min}`;
    if (max !== undefined) return `${noun} ≤ ${max}`;
    return noun;
  };
  const parts = types.map((t) => {
    if (t === "string") return node.format === "date" ? "a date (YYYY-MM-DD)" : node.pattern ? "a date (YYYY-MM-DD) or an ISO instant (e.g. 2026-09-18T17:30:00+08:00)" : "text";
    if (t === "integer") return range(true);
    if (t === "number") return range(false);
    if (t === "boolean") return "true or false";
    return t;
  });
  return parts.join(" or ");
}

/** A wrong kind of value; a JavaScript Date gets a sentence of its own (a case is JSON: dates are text). */
export function typeProblem(path: string, expected: string, v: unknown): Problem {
  const p = path || "the case";
  const hint = v instanceof Date ? " A case is JSON, so dates are text: write the day as YYYY-MM-DD (or an ISO instant with its offset)." : "";
  return problem("INPUT_TYPE", `\`${p}\` must be ${expected}, but it is ${kindOf(v)}.${hint}`, { expected, actual: kindOf(v) }, { path });
}

function unknownKey(path: string, key: string, allowed: readonly string[], what: string | null): Problem {
  const hint = suggest(key, allowed);
  const where = path === "" ? "a case" : `\`${path}\``;
  const head = what ? `\`${key}\` is not a ${what} of this pack` : `\`${key}\` is not a key of ${where}`;
  const tail = hint ? `; did you mean \`${hint}\`?` : allowed.length ? ` (${what ? `${what}s` : "keys"}: ${allowed.join(", ")}).` : ` (this pack has no ${what ? `${what}s` : "keys here"}).`;
  return problem("INPUT_UNKNOWN_KEY", `${head}${tail} Nothing was evaluated.`, { key, suggestion: hint, allowed: [...allowed] }, { path: keyPath(path, key) });
}

function missingKey(path: string, key: string, node: SchemaNode | undefined): Problem {
  const where = path === "" ? "A case" : `\`${path}\``;
  const about = node && typeof node.description === "string" ? ` (${node.description.replace(/\.$/, "")})` : "";
  return problem("INPUT_MISSING_KEY", `${where} needs \`${key}\`${about}.`, { key }, { path: keyPath(path, key) });
}

/** A compiled case check: the facts' positions for a valid case; a `YingshangError` with every problem otherwise. */
export interface CaseCheck {
  /** Checks a whole case. `asOfGiven`: the caller passes asOf in the options, so the case need not. */
  readonly check: (input: unknown, asOfGiven: boolean) => readonly number[];
  /** The checks of one part's input, by id (events of a deadline, history of a ladder, scoring of a scorecard). */
  readonly part: (area: "events" | "history" | "scoring", id: string) => NodeCheck | undefined;
  /** Checks one part's input (e.g. `deadline()`'s events) against its node; throws every problem. `path`: where it is. */
  readonly checkPart: (area: "events" | "history" | "scoring", id: string, value: unknown, path: string) => void;
}

/**
 * Compiles the case check of a pack's input schema. The facts are checked by `facts` (compiled from
 * the schema's `facts` node; it also gives the positions the decision indexes read).
 */
export function compileCaseCheck(schema: SchemaNode, facts: { positions: (f: unknown) => readonly number[] | null; problems: (f: unknown) => Problem[] }): CaseCheck {
  const compiler = new SchemaCompiler(schema);
  const props = schema.properties as Record<string, SchemaNode>;
  const keys = Object.keys(props);
  const children = new Map<string, NodeCheck>();
  for (const k of keys) if (k !== "facts") children.set(k, compiler.compile(props[k]!, k === "events" ? "deadline" : k === "history" ? "ladder" : k === "scoring" ? "scorecard" : null));
  const partNodes = (area: string) => ((props[area] as SchemaNode | undefined)?.properties ?? {}) as Record<string, SchemaNode>;
  const parts = new Map<string, NodeCheck>();
  for (const area of ["events", "history", "scoring"]) for (const [id, n] of Object.entries(partNodes(area))) parts.set(`${area}\u0000${id}`, compiler.compile(n));
  const fail = (problems: Problem[]): never => {
    throw new YingshangError(problems.length ? problems : [problem("INPUT_INVALID", "The case is not valid.", { detail: "case" }, { path: "" })]);
  };
  const report = (input: unknown, asOfGiven: boolean): Problem[] => {
    if (!isObj(input)) return [typeProblem("", "a mapping with asOf, facts and optional now, events, history, scoring", input)];
    const out: Problem[] = [];
    for (const k of Object.keys(input)) {
      if (k === "facts") continue;
      const c = children.get(k);
      if (c === undefined) out.push(unknownKey("", k, keys, null));
      else if (input[k] !== undefined && !c.ok(input[k])) c.report(input[k], k, out);
    }
    if (!asOfGiven && input.asOf === undefined) out.push(missingKey("", "asOf", props.asOf));
    out.push(...facts.problems(input.facts));
    return out;
  };
  const check = (input: unknown, asOfGiven: boolean): readonly number[] => {
    if (!isObj(input)) return fail(report(input, asOfGiven));
    let good = asOfGiven || input.asOf !== undefined;
    if (good) {
      for (const k in input) {
        if (k === "facts" || !own(input, k)) continue;
        const c = children.get(k);
        const v = input[k];
        if (c === undefined || (v !== undefined && !c.ok(v))) {
          good = false;
          break;
        }
      }
    }
    const at = good ? facts.positions(input.facts) : null;
    return at !== null ? at : fail(report(input, asOfGiven));
  };
  const part = (area: "events" | "history" | "scoring", id: string) => parts.get(`${area}\u0000${id}`);
  const checkPart = (area: "events" | "history" | "scoring", id: string, value: unknown, path: string): void => {
    const c = part(area, id);
    if (c === undefined || c.ok(value)) return;
    const out: Problem[] = [];
    c.report(value, path, out);
    fail(out);
  };
  return { check, part, checkPart };
}

/**
 * Checks that an input object (of `deadline()`, `escalate()`…) has only the given keys, each of
 * the right kind where `kinds` says; throws every problem. Undefined values count as absent.
 */
export function checkKeys(input: unknown, allowed: readonly string[], what: string, kinds: Readonly<Record<string, NodeCheck>> = {}): void {
  if (input === undefined || input === null) return;
  const out: Problem[] = [];
  if (!isObj(input)) out.push(typeProblem("", `a mapping (${what})`, input));
  else {
    for (const k of Object.keys(input)) {
      if (!allowed.includes(k)) out.push(unknownKey("", k, allowed, null));
      else if (input[k] !== undefined && kinds[k] && !kinds[k].ok(input[k])) kinds[k].report(input[k], k, out);
    }
  }
  if (out.length) throw new YingshangError(out);
}

/** The check of an instant (`now`, an event's date): the schema's INSTANT node, compiled. */
export const instantCheck: NodeCheck = new SchemaCompiler({}).compile(INSTANT);
