/** Checks a case's facts against the pack's declarations before any rule reads them. */
import { fail } from "../../errors.js";
import type { FactDoc, UnitDoc } from "../pack-types.js";
import { suggest } from "./suggest.js";
import { parseDay } from "../../calendar/impl/days.js";

export type FactsChecker = (facts: unknown) => Readonly<Record<string, unknown>>;


function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "string" ? `text ${JSON.stringify(v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Compiles one checker per pack: every given fact must be declared and of its declared type.
 * `users` names, for each fact, the first rule that reads it, so an error can say who needed it.
 */
export function compileFactsChecker(facts: Readonly<Record<string, FactDoc>>, units: ReadonlyMap<string, UnitDoc>, users: ReadonlyMap<string, string> = new Map()): FactsChecker {
  const names = Object.keys(facts);
  const checks = new Map<string, (v: unknown) => void>();
  for (const [name, doc] of Object.entries(facts)) {
    const rule = users.get(name) ?? null;
    const needed = rule ? ` (rule \`${rule}\` reads it)` : "";
    const typeErr = (expected: string, v: unknown): never =>
      fail("FACT_TYPE", `The fact \`${name}\` must be ${expected}, but it is ${kindOf(v)}${needed}.`, { fact: name, expected, actual: kindOf(v), rule }, { path: `facts.${name}` });
    switch (doc.type) {
      case "enum": {
        const allowed = new Set(doc.values ?? []);
        checks.set(name, (v) => {
          if (typeof v !== "string") typeErr(`one of ${[...allowed].join(", ")}`, v);
          else if (!allowed.has(v)) {
            const hint = suggest(v, allowed);
            fail("FACT_ENUM", `The fact \`${name}\` is \`${v}\`, which is not one of its values (${[...allowed].join(", ")})${needed}${hint ? `; did you mean \`${hint}\`?` : "."}`, { fact: name, value: v, allowed: [...allowed], rule }, { path: `facts.${name}` });
          }
        });
        break;
      }
      case "boolean":
        checks.set(name, (v) => void (typeof v !== "boolean" && typeErr("true or false", v)));
        break;
      case "number":
        checks.set(name, (v) => {
          if (typeof v !== "number" || !Number.isFinite(v)) typeErr("a number", v);
          else if ((doc.min !== undefined && v < doc.min) || (doc.max !== undefined && v > doc.max)) typeErr(`a number in [${doc.min ?? "-∞"}, ${doc.max ?? "∞"}]`, v);
        });
        break;
      case "string":
        checks.set(name, (v) => void (typeof v !== "string" && typeErr("text", v)));
        break;
      case "date":
        checks.set(name, (v) => void ((typeof v !== "string" || parseDay(v) === -Infinity) && typeErr("a real date YYYY-MM-DD", v)));
        break;
      case "list":
        checks.set(name, (v) => void ((!Array.isArray(v) || v.some((x) => typeof x !== "string")) && typeErr("a list of words", v)));
        break;
      case "object":
        checks.set(name, (v) => void ((typeof v !== "object" || v === null || Array.isArray(v)) && typeErr("a mapping", v)));
        break;
      case "unit": {
        const kinds = doc.kinds ? new Set(doc.kinds) : null;
        const allowed = [...units.values()].filter((u) => !kinds || kinds.has(u.kind)).map((u) => u.id);
        const set = new Set(allowed);
        checks.set(name, (v) => {
          if (typeof v !== "string") typeErr("a unit id", v);
          else if (!set.has(v)) {
            const hint = suggest(v, allowed);
            fail("FACT_ENUM", `The fact \`${name}\` is \`${v}\`, which is not a ${kinds ? [...kinds].join("/") + " " : ""}unit of this pack${needed}${hint ? `; did you mean \`${hint}\`?` : "."}`, { fact: name, value: v, allowed, rule }, { path: `facts.${name}` });
          }
        });
        break;
      }
    }
  }
  return (input) => {
    if (input === undefined || input === null) return {};
    if (typeof input !== "object" || Array.isArray(input)) return fail("INPUT_INVALID", "`facts` must be a mapping of fact names to values.", { detail: "facts not an object" }, { path: "facts" });
    const f = input as Record<string, unknown>;
    for (const key in f) {
      if (!Object.prototype.hasOwnProperty.call(f, key)) continue;
      const check = checks.get(key);
      if (!check) {
        const hint = suggest(key, names);
        fail("FACT_UNKNOWN", `The fact \`${key}\` is not declared by this pack${hint ? `; did you mean \`${hint}\`?` : ` (facts: ${names.join(", ")}).`}`, { fact: key, suggestion: hint }, { path: `facts.${key}` });
      }
      const v = f[key];
      if (v !== undefined) check(v);
    }
    return f;
  };
}
