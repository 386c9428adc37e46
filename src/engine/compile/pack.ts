/**
 * `compilePack` turns a pack's files (held in memory) into a frozen, validated, compiled pack —
 * like `ajv.compile`: load once, then evaluate many times with pure synchronous calls.
 */
import { defaultCalendar, type Calendar } from "../../calendar/index.js";
import { isProvisionalMode, provisionalOf, type ProvisionalMode } from "../../calendar/impl/provisional.js";
import { YingshangError, type Problem } from "../../errors.js";
import type { Condition, FactDoc, PackDocs, PackMeta, UnitDoc } from "../model/index.js";
import { factsOf } from "../check/index.js";
import { compileDeadlines, type CompiledDeadline } from "./deadlines.js";
import { compileLadders, type CompiledLadder } from "./ladders.js";
import { checkDuties, checkScorecards, checkStaffing } from "../check/index.js";
import { compileTables } from "./tables.js";
import type { CompiledTable } from "./table-types.js";
import { Ctx } from "../check/index.js";
import { compileFactsCheck, type FactsChecker } from "../check/index.js";
import { buildInputSchema, type SchemaNode } from "../check/index.js";
import { compileCaseCheck, type CaseCheck } from "./case-check.js";
import { fnv1a64 } from "../model/index.js";
import { readPackFiles, type ReadPackResult } from "../read/index.js";
import { checkExactlyOneLead } from "./one-lead.js";
import { deepFreeze, freezeAll } from "../../base/freeze.js";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../base/yaml-read.js";
import { ReadonlyIndex } from "../../base/readonly-map.js";
import { receiptMaker, type ReceiptMaker } from "./receipt.js";
import { checkPackWarnings } from "../check/index.js";
import { assumptionsOf, resolvePeriods } from "../check/index.js";

/** How much of the document the pack encodes: clauses cited by a rule, ladder, item or duty. */
export interface Coverage {
  /** Clauses in the index. */
  total: number;
  /** Clauses cited by at least one rule or duty. */
  covered: number;
  /** `covered / total`, 0..1. */
  ratio: number;
  /** Each clause of the index and what covers it (empty list: not covered). */
  clauses: { id: string; title: string | null; coveredBy: string[] }[];
  /** Every value the pack chose where the document leaves it open (本包假定), with its reason and place. */
  assumptions: { what: string; zh: string; file: string; path: string }[];
}

/** A compiled pack. Frozen: evaluation never changes it. */
export interface Pack {
  readonly id: string;
  readonly version: string;
  /** FNV-1a-64 of the pack's files' data (tests, comments and layout aside), hex: changes whenever a value changes. */
  readonly hash: string;
  readonly meta: PackMeta;
  readonly calendar: Calendar;
  readonly units: ReadonlyMap<string, UnitDoc>;
  readonly facts: Readonly<Record<string, FactDoc>>;
  readonly coverage: Coverage;
  /** Warnings of `validate` (the pack is valid): numbers missing from their quotes, unmarked assumptions. */
  readonly warnings: readonly Problem[];
  /** The parsed YAML documents (frozen). */
  readonly docs: PackDocs;
  /** Compiled rules, for the evaluators. Not a stable API. */
  readonly compiled: {
    readonly tables: readonly CompiledTable[];
    /** The tables grouped by id (each group: its versions), in the order the ids first appear. */
    readonly tableGroups: readonly (readonly CompiledTable[])[];
    readonly deadlines: readonly CompiledDeadline[];
    readonly ladders: readonly CompiledLadder[];
    readonly checkFacts: FactsChecker;
    /** The case input check, compiled from `inputSchema` (the facts part is `checkFacts`). */
    readonly checkCase: CaseCheck;
    /** The JSON Schema of a case (frozen); `inputSchema(pack)` gives it. */
    readonly inputSchema: SchemaNode;
    /** The receipt for an `asOf` (checked, one shared frozen receipt per date). */
    readonly receipt: ReceiptMaker;
    /** Every version of each table, deadline and ladder, by id (versions differ in effective dates). */
    readonly index: {
      readonly tables: ReadonlyMap<string, readonly CompiledTable[]>;
      readonly deadlines: ReadonlyMap<string, readonly CompiledDeadline[]>;
      readonly ladders: ReadonlyMap<string, readonly CompiledLadder[]>;
    };
  };
}

/** Options of {@link compilePack} and {@link loadPack}. */
export interface CompileOptions {
  /** Calendars a pack may name besides the bundled `cn-mainland` (e.g. one extended with 2027). */
  calendars?: readonly Calendar[];
  /**
   * `"statutory"`: the pack's calendar gets its years after the last notice filled from the
   * statutory holidays (provisional; results that touch them say `provisional: true`).
   */
  provisional?: ProvisionalMode;
  /** The folder name, checked against `pack.yaml`'s id. */
  folder?: string;
  /** Size limits for each file. */
  limits?: Partial<ReadLimits>;
}

/**
 * Compiles a pack from its files' text, keyed by file name (`pack.yaml`, `units.yaml`, …).
 * Throws a `YingshangError` listing every problem found, each with file, line and column.
 *
 * @example
 * import { compilePack, readPackDir } from "yingshang";
 * // Any { "file name": text } map will do (a browser can fetch the files); here, from disk.
 * const pack = compilePack(readPackDir("policies/suqian"));
 * console.log(pack.id, pack.coverage.ratio); // suqian 1
 */
export function compilePack(files: Readonly<Record<string, string>>, options: CompileOptions = {}): Pack {
  return compileRead(readPackFiles(files, { ...DEFAULT_READ_LIMITS, ...options.limits }), options);
}

/**
 * Stages 2 and 3 on what stage 1 read: the checks across files, then compilation. Apart from
 * `compilePack` so that a batch worker can compile a pack the main thread read (it receives the
 * documents and their places, `plainRead`), instead of every worker parsing the same YAML again.
 * Throws a `YingshangError` with every problem.
 */
export function compileRead(read: ReadPackResult, options: CompileOptions = {}): Pack {
  // A schema problem does not stop the round: the cross-file checks run on what did parse (never compiled from it).
  const docs = read.docs ?? read.partial;
  if (!docs) throw new YingshangError(sortProblems(read.problems));
  // The hash is of what the files say (their data, before any check touches it), not of how they are
  // written: comments, quoting and block or flow style do not change it, so `yingshang fmt` keeps receipts.
  const hash = fnv1a64(JSON.stringify(docs));
  const ctx = new Ctx(docs, read.places, read.skipped);
  resolvePeriods(ctx);
  if (options.folder !== undefined && options.folder !== docs.pack.id) {
    ctx.report("PACK_ID_MISMATCH", `the pack's id is \`${docs.pack.id}\` but its folder is \`${options.folder}\`; the folder is the pack's identity, so make them equal.`, { id: docs.pack.id, folder: options.folder }, "pack.yaml", "/id");
  }
  ctx.effective({ ...docs.pack.effective }, "pack.yaml", "/effective");
  const picked = pickCalendar(docs.pack.calendar, options.calendars ?? [], ctx);
  if (!isProvisionalMode(options.provisional)) {
    ctx.report("INPUT_INVALID", `options.provisional must be "statutory" or absent, got ${JSON.stringify(options.provisional)}.`, { detail: "options.provisional" }, "pack.yaml", "/calendar");
  }
  const calendar = picked && options.provisional === "statutory" ? provisionalOf(picked) : picked;
  checkFactDecls(ctx);
  const tables = compileTables(ctx);
  const deadlines = compileDeadlines(ctx);
  const ladders = compileLadders(ctx);
  checkScorecards(ctx);
  checkDuties(ctx);
  checkStaffing(ctx);
  // "Exactly one lead" is proved by running the tables over generated facts: only when what they read
  // (pack.yaml, units, facts, the tables) is as written, and the tables and fact declarations compiled cleanly.
  const troubled = new Set(read.problems.map((p) => p.file));
  for (const p of ctx.problems) if (p.file === "assignment.yaml" || (p.file === "facts.yaml" && p.code.startsWith("SCHEMA_"))) troubled.add(p.file);
  const tablesIntact = !["pack.yaml", "units.yaml", "facts.yaml", "assignment.yaml"].some((f) => troubled.has(f)) && !["unit", "fact", "table", "lookup"].some((k) => read.skipped.any(k));
  if (!read.docs && !tablesIntact) throw new YingshangError(sortProblems([...read.problems, ...ctx.problems]));
  // The input schema is the one statement of what a case may hold: both checks are compiled from it.
  const inputSchema = deepFreeze(buildInputSchema(docs, ctx.units, hash));
  const facts = compileFactsCheck((inputSchema.properties as Record<string, SchemaNode>).facts!, docs.facts, factUsers(docs));
  const checkFacts = facts.check;
  const checkCase = compileCaseCheck(inputSchema, facts);
  if (tablesIntact) checkExactlyOneLead(ctx, tables, checkFacts);
  if (read.problems.length || ctx.problems.length) throw new YingshangError(sortProblems([...read.problems, ...ctx.problems]));
  checkPackWarnings(ctx);

  const clauses = docs.pack.clauses.map((c) => ({ id: c.id, title: c.title ?? null, coveredBy: ctx.cited.get(c.id) ?? [] }));
  const covered = clauses.filter((c) => c.coveredBy.length > 0).length;
  deepFreeze(docs);
  const receipt = receiptMaker({ id: docs.pack.id, version: docs.pack.version, hash, meta: docs.pack, calendar: calendar! });
  return Object.freeze({
    id: docs.pack.id,
    version: docs.pack.version,
    hash,
    meta: docs.pack,
    calendar: calendar!,
    units: new ReadonlyIndex(ctx.units),
    facts: docs.facts,
    coverage: deepFreeze({ total: clauses.length, covered, ratio: clauses.length ? covered / clauses.length : 1, clauses, assumptions: assumptionsOf(docs) }),
    warnings: deepFreeze(sortProblems(ctx.warnings)),
    docs,
    compiled: freezeAll({
      tables: Object.freeze(tables),
      tableGroups: Object.freeze([...byId(tables).values()]),
      deadlines: Object.freeze(deadlines),
      ladders: Object.freeze(ladders),
      checkFacts,
      checkCase,
      inputSchema,
      receipt,
      index: Object.freeze({ tables: byId(tables), deadlines: byId(deadlines), ladders: byId(ladders) }),
    }),
  });
}

/**
 * The calendar a pack uses: among the given ones, the one named by `calendar:` or extending it
 * (directly or through a chain, e.g. a 2027 file on cn-mainland); when several do, the one that
 * extends all the others. Every given calendar must serve: one that is neither the pick nor one
 * of its bases would be silently ignored, so it is a problem.
 */
function pickCalendar(name: string, extra: readonly Calendar[], ctx: Ctx): Calendar | null {
  const serves = extra.filter((c) => c.id === name || c.bases.includes(name));
  const top = serves.filter((c) => serves.every((o) => o === c || c.bases.includes(o.id) || (o.id === c.id && o.version === c.version)));
  if (serves.length > 0 && top.length === 0) {
    ctx.report("CALENDAR_UNUSED", `several calendars given extend \`${name}\` (${serves.map((c) => c.id).join(", ")}) and none extends the others, so it is not clear which to use; give one file, or chain them (each file extending the previous).`, { id: serves[0]!.id, packCalendar: name, reason: "ambiguous" }, "pack.yaml", "/calendar");
    return null;
  }
  const found = top[top.length - 1];
  for (const c of extra) {
    if (found && (c === found || found.bases.includes(c.id) || c.id === found.id)) continue;
    ctx.report("CALENDAR_UNUSED", `the calendar \`${c.id}\` was given but the pack uses \`${name}\`, which ${c.id} neither is nor extends, so it would be ignored; write \`extends: ${name}\` in its file, or leave it out.`, { id: c.id, packCalendar: name, reason: "not-extending" }, "pack.yaml", "/calendar");
  }
  if (found) return found;
  if (name === "cn-mainland") return defaultCalendar();
  ctx.report("CALENDAR_UNKNOWN", `the pack names the calendar \`${name}\`, which is neither bundled (cn-mainland) nor given; pass it with --calendar FILE or loadPack(dir, { calendars: [...] }).`, { name, known: ["cn-mainland", ...extra.map((c) => c.id)] }, "pack.yaml", "/calendar");
  return null;
}

function checkFactDecls(ctx: Ctx): void {
  for (const [name, f] of Object.entries(ctx.docs.facts)) {
    const ptr = `/facts/${name}`;
    ctx.source(f.source, `fact ${name}`, "facts.yaml", `${ptr}/source`);
    if (f.type === "enum" && !f.values?.length) ctx.report("SCHEMA_MISSING_KEY", `fact \`${name}\` is an enum, so it needs \`values\`.`, { key: "values" }, "facts.yaml", ptr);
    if (f.type !== "enum" && f.values) ctx.report("SCHEMA_VIOLATION", `fact \`${name}\` has \`values\`, which only an enum may have (its type is ${f.type}).`, { keyword: "values", detail: "values on non-enum" }, "facts.yaml", `${ptr}/values`);
    if (f.type === "unit" && !ctx.skipped.any("unit")) for (const k of f.kinds ?? []) if (![...ctx.units.values()].some((u) => u.kind === k)) ctx.report("UNKNOWN_REFERENCE", `no unit of kind \`${k}\` is declared, so \`${name}\` could never be given.`, { kind: "unit kind", id: k, suggestion: null }, "facts.yaml", `${ptr}/kinds`);
  }
}

/** For each fact, the first rule (in file order) whose conditions read it: named in fact errors. */
function factUsers(docs: PackDocs): Map<string, string> {
  const users = new Map<string, string>();
  const note = (cond: Condition | undefined, rule: string) => {
    for (const f of factsOf(cond)) if (!users.has(f)) users.set(f, rule);
  };
  for (const t of docs.assignment.tables) for (const r of t.rules) note(r.when, `${t.id}/${r.id}`);
  for (const t of docs.assignment.tables) {
    for (const r of t.rules) {
      for (const c of r.then.consequences ?? []) note(c.when, `${t.id}/${r.id}/${c.id}`);
      for (const v of Object.values(r.then)) for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === "object" && "when" in x) note((x as { when: Condition }).when, `${t.id}/${r.id}`);
    }
  }
  for (const d of docs.deadlines) {
    for (const v of d.variants ?? []) note(v.when, `${d.id}/${v.id}`);
    note(d.requires?.condition, d.id);
  }
  for (const l of docs.ladders) for (const j of l.jumps ?? []) note(j.when, `${l.id}/${j.id}`);
  return users;
}

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(it.id, [...(m.get(it.id) ?? []), it]);
  return new ReadonlyIndex([...m].map(([k, v]) => [k, Object.freeze(v)] as const));
}

function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
