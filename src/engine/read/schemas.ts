/**
 * The pack's JSON Schemas as validators generated at build time (scripts/gen-validators.mjs, ajv's
 * standalone code from the files in `schema/`). Nothing is compiled at run time: ajv's `compile`
 * makes code with `new Function`, which a strict Content-Security-Policy refuses in a browser.
 */
import * as generated from "./pack-validators.gen.js";
import type { SchemaError, Validator } from "./pack-validators.gen.js";
import { problem, type Problem } from "../../errors.js";
import { pointerSegment, pointerToPath, type Pos } from "../../base/yaml-read.js";
import { suggest } from "../../base/suggest.js";

/** The schema of each pack file (`pack` is schema/pack.schema.json, and so on). */
const VALIDATORS = {
  pack: generated.pack,
  units: generated.units,
  facts: generated.facts,
  assignment: generated.assignment,
  deadlines: generated.deadlines,
  escalation: generated.escalation,
  scoring: generated.scoring,
  duties: generated.duties,
  tests: generated.tests,
  staffing: generated.staffing,
  roster: generated.roster,
} as const satisfies Record<string, Validator>;
export type SchemaName = keyof typeof VALIDATORS;

function typeOf(v: unknown): string {
  if (v === null) return "nothing (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number") return Number.isInteger(v) ? "a whole number" : "a number";
  if (typeof v === "string") return "text";
  return `a ${typeof v}`;
}

const TYPE_WORDS: Record<string, string> = { object: "a mapping", array: "a list", string: "text", integer: "a whole number", number: "a number", boolean: "true or false", null: "nothing" };

/**
 * Validates `data` (the content of `file`) against one schema and returns problems with the
 * position of the offending key or value.
 */
export function checkSchema(name: SchemaName, data: unknown, file: string, positions: Map<string, Pos>): Problem[] {
  return checkSchemaAt(name, data, file, positions).map((x) => x.problem);
}

/** Like {@link checkSchema}, with the JSON pointer of each problem (of the key, for a key's problem). */
export function checkSchemaAt(name: SchemaName, data: unknown, file: string, positions: Map<string, Pos>): { problem: Problem; pointer: string }[] {
  const validate = VALIDATORS[name];
  if (validate(data)) return [];
  const errors: SchemaError[] = validate.errors ?? [];
  // Alternatives (anyOf) report one error per branch; show one sentence for the value instead.
  const anyOfPaths = errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath);
  const out: { problem: Problem; pointer: string }[] = [];
  const seen = new Set<string>();
  const place = (pointer: string, key?: string) => {
    const pos = (key !== undefined ? positions.get(`${pointer}/${pointerSegment(key)}#key`) : undefined) ?? positions.get(pointer) ?? nearest(positions, pointer);
    const path = pointerToPath(key !== undefined ? `${pointer}/${pointerSegment(key)}` : pointer);
    return { file, line: pos?.line, col: pos?.col, path };
  };
  for (const e of errors) {
    if (e.keyword !== "anyOf" && anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + "/"))) continue;
    let pr: Problem;
    let pointer = e.instancePath;
    if (e.keyword === "additionalProperties") {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      pointer = `${e.instancePath}/${pointerSegment(key)}`;
      const props = e.parentSchema?.properties as Record<string, unknown> | undefined;
      const allowed = props ? Object.keys(props) : [];
      const hint = suggest(key, allowed);
      const pl = place(e.instancePath, key);
      const what = objectWord(pointerToPath(e.instancePath));
      pr = problem(
        "SCHEMA_UNKNOWN_KEY",
        `\`${key}\` is not a field of ${what}; ${hint ? `did you mean \`${hint}\`?` : `allowed: ${allowed.join(", ") || "(none)"}.`}${
          (e.data as Record<string, unknown> | null)?.[key] === null ? " If it is the rest of the text before it, put that text in quotes: a comma inside { … } starts a new field." : ""
        }`,
        { key, suggestion: hint, allowed },
        pl,
      );
    } else if (e.keyword === "required") {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      pointer = `${e.instancePath}/${pointerSegment(key)}`;
      const pl = place(e.instancePath);
      pr = problem("SCHEMA_MISSING_KEY", `${objectWord(pl.path)} needs \`${key}\`; add it.`, { key }, { ...pl, path: pointerToPath(`${e.instancePath}/${pointerSegment(key)}`) });
    } else if (e.keyword === "type") {
      const expected = String((e.params as { type: string | string[] }).type).split(",").map((t) => TYPE_WORDS[t] ?? t).join(" or ");
      const pl = place(e.instancePath);
      pr = problem("SCHEMA_TYPE", `\`${pl.path}\` should be ${expected}, not ${typeOf(e.data)}.`, { expected, actual: typeOf(e.data) }, pl);
    } else if (e.keyword === "enum") {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const actual = String(e.data);
      const hint = suggest(actual, allowed);
      const pl = place(e.instancePath);
      pr = problem("SCHEMA_ENUM", `\`${actual}\` is not allowed for \`${pl.path}\`; use one of: ${allowed.join(", ")}${hint ? ` (did you mean \`${hint}\`?)` : ""}.`, { allowed, actual, suggestion: hint }, pl);
    } else if (e.keyword === "format" && (e.params as { format: string }).format === "date") {
      const pl = place(e.instancePath);
      pr = problem("PACK_INVALID_DATE", `\`${String(e.data)}\` is not a real date; write YYYY-MM-DD (e.g. 2024-02-23).`, { value: String(e.data) }, pl);
    } else if (e.keyword === "anyOf") {
      const pl = place(e.instancePath);
      pr = problem("SCHEMA_VIOLATION", `\`${pl.path}\` has a form that is not allowed here: ${anyOfWords(e.instancePath)}.`, { keyword: "anyOf", detail: String(e.message) }, pl);
    } else {
      const pl = place(e.instancePath);
      pr = problem("SCHEMA_VIOLATION", `\`${pl.path}\` ${e.message ?? "is not valid"}.`, { keyword: e.keyword, detail: String(e.message) }, pl);
    }
    const k = `${pr.code}|${pr.path}|${pr.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ problem: pr, pointer });
    }
  }
  return out;
}

/** Names the object a key belongs to: `period`, `source`, or "a rule" for list items. */
function objectWord(path: string): string {
  const trimmed = path.replace(/\[\d+\]$/, "");
  const last = trimmed.split(/[.[\]]/).filter(Boolean).pop();
  if (!last || last === "(top)") return "this file";
  return trimmed !== path ? `an item of \`${last}\`` : `\`${last}\``;
}

function anyOfWords(pointer: string): string {
  if (/\/(actor)$/.test(pointer)) return "an actor is a unit id, {fact: …}, {fact: …, otherwise: …}, {lookup: …, key: …} or {cases: […]}";
  if (/\/(workingDays|days)$/.test(pointer)) return "a whole number of days or {fact: …}";
  return "a unit is a unit id, {fact: …}, {fact: …, otherwise: …} or {lookup: …, key: …} (or a list of these)";
}

/** The closest recorded position at or above a pointer (for values the parser did not place). */
function nearest(positions: Map<string, Pos>, pointer: string): Pos | undefined {
  let p = pointer;
  while (p !== "") {
    const hit = positions.get(p);
    if (hit) return hit;
    p = p.slice(0, p.lastIndexOf("/"));
  }
  return positions.get("");
}
