/** Loading a calendar file (YAML) at run time: a whole calendar, or new years on top of one. */
import { problem, YingshangError, type Problem } from "../errors.js";
import type { Calendar } from "./types.js";
import { defaultCalendar } from "./default-calendar.js";
import { compileCalendar } from "./impl/compile.js";
import { CompiledCalendar } from "./impl/compiled-calendar.js";
import { CALENDAR_SCHEMA } from "./impl/calendar-schema.data.js";
import { calendar as validator, type SchemaError } from "./impl/calendar-validator.gen.js";
import { sourceFromFile } from "./impl/from-file.js";
import type { CalendarFile } from "./impl/source.js";
import { pathText, placeOf } from "./impl/yaml-place.js";
import { DEFAULT_READ_LIMITS, readYaml } from "../base/yaml-read.js";
import { suggest } from "../base/suggest.js";
import { isProvisionalMode, withProvisionalYears, type ProvisionalMode } from "./impl/provisional.js";

/** Options of {@link loadCalendar}. */
export interface LoadCalendarOptions {
  /** File name shown in problems (`calendars/cn-2027.yaml:12:9 — …`). */
  file?: string;
  /** Calendar whose years this file adds to. Defaults to the file's `extends:` (only `cn-mainland` is bundled). */
  extends?: Calendar;
  /** Calendars that the file's `extends:` may name besides the bundled `cn-mainland` (e.g. the files loaded before it). */
  known?: readonly Calendar[];
  /**
   * `"statutory"`: fill the years after the file's last year from the statutory holidays alone
   * (provisional years, flagged on every result that touches them). Absent: no year is guessed.
   */
  provisional?: ProvisionalMode;
}

/**
 * Loads a calendar from YAML text: validates it against `schema/calendar.schema.json`, checks it
 * for contradictions and compiles it. A file with `extends: cn-mainland` (or loaded with
 * `options.extends`) adds its years to that calendar, extending its range; a year the base
 * already has is an error unless the file marks it `replace: true`. Every problem found is
 * reported at once in one `YingshangError`, each with file:line:col — codes `CALENDAR_YAML`,
 * `CALENDAR_SCHEMA`, `CALENDAR_CONFLICT`, `CALENDAR_YEAR`, `CALENDAR_UNKNOWN`, `INVALID_DATE`, and
 * `CALENDAR_INCOMPLETE` for a year that does not give off every statutory holiday of its year
 * (unless it is marked `provisional: true`: written ahead of its notice).
 *
 * @example
 * import { loadCalendar } from "yingshang";
 * // Written ahead of the 2027 notice, so marked provisional (a notice year must hold every statutory day).
 * const cal = loadCalendar(`
 * id: cn-2027
 * version: "1"
 * extends: cn-mainland
 * years:
 *   "2027":
 *     provisional: true
 *     notices: [https://www.gov.cn/…]
 *     holidays: [{ date: "2027-01-01", name: 元旦 }]
 *     makeupWorkdays: []
 * `, { file: "cn-2027.yaml" });
 * cal.range;                          // { from: "2018-12-29", to: "2027-12-31" }
 * cal.isWorkingDay("2027-01-01");     // false
 * cal.provisionalYears;               // [2027]
 */
export function loadCalendar(yamlText: string, options: LoadCalendarOptions = {}): Calendar {
  const cal = loadCompiled(yamlText, options);
  return options.provisional === "statutory" ? withProvisionalYears(cal) : cal;
}

function loadCompiled(yamlText: string, options: LoadCalendarOptions): CompiledCalendar {
  const file = options.file;
  if (!isProvisionalMode(options.provisional)) {
    throw new YingshangError([problem("INPUT_INVALID", `options.provisional must be "statutory" or absent, got ${JSON.stringify(options.provisional)}.`, { detail: "options.provisional" }, { path: "options.provisional" })]);
  }
  // The same guarded reader as packs: duplicate keys, alias bombs, prototype keys, unsafe numbers
  // and size limits all become problems with a place, never a raw exception.
  const read = readYaml(yamlText, file ?? "calendar", DEFAULT_READ_LIMITS, { numberKeysAsText: true });
  if (read.problems.length > 0) {
    throw new YingshangError(
      read.problems.map((p) =>
        problem(
          "CALENDAR_YAML",
          `${file ?? "The calendar text"} is not valid YAML: ${p.message}${p.line ? ` Fix the text at line ${p.line}, column ${p.col}.` : ""}`,
          { detail: p.message },
          withFile(file, p.line ? { line: p.line, col: p.col } : {}),
        ),
      ),
    );
  }
  const data: unknown = read.value;
  const placeAt = (path: readonly (string | number)[], key?: boolean) => placeOf(read.positions, file, path, key);
  // Generated at build time from schema/calendar.schema.json (scripts/gen-validators.mjs): no code is made at run time.
  if (!validator(data)) {
    throw new YingshangError((validator.errors ?? []).map((e) => schemaProblem(e, data, placeAt)));
  }
  const cf = data as CalendarFile;
  const source = sourceFromFile(cf, (_text, raw, key) => placeAt(raw, key));

  let base: Calendar | undefined = options.extends;
  if (!base && cf.extends !== undefined) {
    const known = [...(options.known ?? [])].reverse().find((c) => c.id === cf.extends);
    if (known) base = known;
    else if (cf.extends === "cn-mainland") base = defaultCalendar();
    else throw unknownBase(cf.extends, placeAt(["extends"]), undefined, (options.known ?? []).map((c) => c.id));
  }
  if (base && cf.extends !== undefined && cf.extends !== base.id) {
    throw unknownBase(cf.extends, placeAt(["extends"]), base.id);
  }
  if (!base) return compileCalendar(source);
  let refill = false;
  if (base instanceof CompiledCalendar && base.provisionalYears.length > 0) {
    // A file on top of a calendar with provisional years: its notices go on the base's notice
    // years, and the years after them are filled again.
    const notices = base.source.years.filter((y) => !y.provisional);
    base = compileCalendar({ ...base.source, years: notices, version: base.version.replace(/\+statutory$/, "") });
    refill = true;
  }
  if (!(base instanceof CompiledCalendar)) throw unknownBase(base.id, withFile(file, { path: "extends" }));

  // The new years win where marked `replace: true`; any other year the base has is a contradiction.
  const problems: Problem[] = [];
  const replaced = new Set<number>();
  for (const y of source.years) {
    const has = base.source.years.some((b) => b.year === y.year);
    if (!has) continue;
    if (cf.years[String(y.year)]?.replace === true) replaced.add(y.year);
    else
      problems.push(
        problem(
          "CALENDAR_YEAR",
          `The year ${y.year} is already in the calendar ${base.id}; remove it from this file, or add \`replace: true\` under it to replace ${base.id}'s ${y.year} (a revised notice).`,
          { year: y.year, reason: "duplicate-year" },
          y.place,
        ),
      );
  }
  if (problems.length > 0) throw new YingshangError(problems);
  const out = compileCalendar({
    id: source.id,
    version: source.version,
    description: source.description || base.source.description,
    years: [...base.source.years.filter((b) => !replaced.has(b.year)), ...source.years],
    bases: [base.id, ...base.bases],
  });
  return refill ? withProvisionalYears(out) : out;
}

function withFile(file: string | undefined, place: { line?: number; col?: number; path?: string }): { file?: string; line?: number; col?: number; path?: string } {
  return file === undefined ? place : { file, ...place };
}

function unknownBase(name: string, place: ReturnType<typeof withFile>, loadedOn?: string, given: string[] = []): YingshangError {
  const known = loadedOn === undefined ? ["cn-mainland", ...given] : [loadedOn];
  const near = suggest(name, known);
  const msg =
    loadedOn === undefined
      ? `The calendar ${name} to extend is not known; ${near ? `did you mean ${near}? ` : ""}the known ones are ${known.join(", ")}, so write \`extends: cn-mainland\` or pass a calendar from loadCalendar as options.extends.`
      : `This file extends ${name} but was loaded on top of ${loadedOn}; change \`extends:\` to ${loadedOn} or load it on top of ${name}.`;
  return new YingshangError([problem("CALENDAR_UNKNOWN", msg, { name, known }, place)]);
}

/** One ajv error → a problem at the YAML position of the offending value (or key). */
function schemaProblem(e: SchemaError, data: unknown, at: (path: (string | number)[], key: boolean) => ReturnType<typeof withFile>): Problem {
  // Rebuild the path with numbers for array indexes, so `years.2026.holidays[3]` reads right.
  const path: (string | number)[] = [];
  let v: unknown = data;
  for (const raw of e.instancePath.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(v)) {
      path.push(Number(seg));
      v = v[Number(seg)];
    } else {
      path.push(seg);
      v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[seg] : undefined;
    }
  }
  let key = false;
  let fix: string;
  const where = path.length ? pathText(path) : "the top level";
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      path.push(String(p.additionalProperty));
      key = true;
      {
        const known = Object.keys(knownKeysAt(path.length - 1));
        const near = suggest(String(p.additionalProperty), known);
        fix = `\`${String(p.additionalProperty)}\` is not a known key at ${where}; ${near ? `did you mean \`${near}\`?` : `remove it or check its spelling (known: ${known.join(", ")})`}`;
      }
      break;
    case "required":
      fix = `${where} lacks \`${String(p.missingProperty)}\`; add it`;
      break;
    case "pattern":
      fix = /date$/.test(where) ? `${where} must be a date written YYYY-MM-DD in quotes, e.g. "2027-01-01"` : `${where} ${e.message ?? "has the wrong form"}`;
      break;
    case "propertyNames":
      fix = `the year keys under ${where} must be four-digit years in quotes, e.g. "2027"`;
      break;
    default:
      fix = `${where} ${e.message ?? "is not valid"}`;
  }
  const place = at(path, key);
  return problem("CALENDAR_SCHEMA", `The calendar file does not follow schema/calendar.schema.json: ${fix}.`, { keyword: e.keyword, detail: `${pathText(path)} ${e.message ?? ""}`.trim() }, place);
}

/** The keys the schema allows at a depth of the document (0 top, 2 a year, 4 an entry). */
function knownKeysAt(depth: number): Record<string, unknown> {
  const defs = CALENDAR_SCHEMA.definitions as Record<string, { properties: Record<string, unknown> }>;
  if (depth <= 0) return CALENDAR_SCHEMA.properties as Record<string, unknown>;
  return depth <= 2 ? defs.year!.properties : defs.entry!.properties;
}
