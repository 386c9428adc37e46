/**
 * Reads a staffing roster: YAML with positions, the roster schema, then the structure the rule
 * checks rely on (ids, names, date order). Unreadable text is a thrown error; a malformed roster
 * is a list of ROSTER_INVALID problems.
 */
import { problem, YingshangError, type Place, type Problem, type ProblemCode, type ProblemParams } from "../../errors.js";
import type { CadreKind } from "../model/index.js";
import { checkSchema } from "./schemas.js";
import { suggest } from "../../base/suggest.js";
import { pointerToPath, readYaml, type Pos } from "../../base/yaml-read.js";

export interface RosterPerson {
  name: string;
  post: string;
  cadre: CadreKind;
  windowHead?: boolean;
  from: string;
  until?: string;
  note?: string;
}

export interface RosterUnit {
  id: string;
  zh: string;
  /** `township` (townships: 乡镇、街道、开发区, with agents) or `department` (with helpers). */
  group: "township" | "department";
  kind?: "town" | "street" | "zone";
  window: boolean;
  people: RosterPerson[];
  /** JSON pointer of the unit, e.g. `/townships/0`. */
  ptr: string;
  /** `agents` or `helpers`. */
  list: "agents" | "helpers";
}

export interface RosterChange {
  date: string;
  unit: string;
  out?: string;
  in?: string;
  special?: boolean;
  reason?: string;
  filedWith?: string;
  filedOn?: string;
  approved?: boolean;
  note?: string;
}

export interface RosterHeader {
  pack: string;
  zh?: string;
  since: string;
  asOf: string;
  filedWith?: string;
  filedOn?: string;
  approved?: boolean;
}

export interface RosterModel {
  header: RosterHeader;
  units: RosterUnit[];
  byId: Map<string, RosterUnit>;
  changes: RosterChange[];
}

/** Collects problems and warnings with their places in the roster file. */
export class RosterSink {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(
    readonly file: string,
    readonly positions: Map<string, Pos>,
  ) {}

  /** The place of a pointer's value (or its key), falling back to the nearest enclosing node. */
  at(pointer: string, key = false): Place {
    let pos = this.positions.get(key ? `${pointer}#key` : pointer);
    let p = pointer;
    while (!pos && p !== "") {
      p = p.slice(0, p.lastIndexOf("/"));
      pos = this.positions.get(p);
    }
    return { file: this.file, line: pos?.line, col: pos?.col, path: pointerToPath(pointer) };
  }

  error<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], pointer: string, key = false): void {
    this.problems.push(problem(code, message, params, this.at(pointer, key)));
  }

  warn<C extends ProblemCode>(code: C, message: string, params: ProblemParams[C], pointer: string, key = false): void {
    this.warnings.push(problem(code, message, params, this.at(pointer, key)));
  }

  invalid(message: string, pointer: string, key = false): void {
    this.error("ROSTER_INVALID", message, { detail: message, cause: null }, pointer, key);
  }
}

/** Parses the text; throws a `YingshangError` when it is not readable YAML. */
export function readRosterYaml(text: string, file: string): { value: unknown; sink: RosterSink } {
  const read = readYaml(text, file);
  if (read.problems.length) throw new YingshangError(read.problems);
  return { value: read.value, sink: new RosterSink(file, read.positions) };
}

/**
 * Checks the roster against its schema and its own structure. Returns the model, or null when the
 * sink holds ROSTER_INVALID problems (the staffing rules cannot be checked on a malformed roster).
 */
export function buildRoster(value: unknown, sink: RosterSink, packId: string): RosterModel | null {
  if (value === null || value === undefined) {
    sink.invalid(`the roster is empty; it needs \`roster\`, \`townships\`, \`departments\` and \`changes\` (see the roster format in docs/pack-format.md).`, "");
    return null;
  }
  for (const p of checkSchema("roster", value, sink.file, sink.positions)) {
    sink.problems.push(problem("ROSTER_INVALID", p.message, { detail: p.message, cause: p.code }, { file: p.file, line: p.line, col: p.col, path: p.path }));
  }
  if (sink.problems.length) return null;
  const doc = value as { roster: RosterHeader; townships: (Omit<RosterUnit, "group" | "ptr" | "list" | "people"> & { agents: RosterPerson[] })[]; departments: (Omit<RosterUnit, "group" | "ptr" | "list" | "people" | "kind"> & { helpers: RosterPerson[] })[]; changes: RosterChange[] };
  const header = doc.roster;
  if (header.pack !== packId) {
    sink.invalid(`this roster is for the pack \`${header.pack}\`, but it is being checked against \`${packId}\`; check it against its own pack, or correct \`pack\`.`, "/roster/pack");
  }
  if (header.asOf < header.since) sink.invalid(`\`asOf\` ${header.asOf} is before \`since\` ${header.since}; the roster must be current to a day on or after its start.`, "/roster/asOf");

  const units: RosterUnit[] = [
    ...doc.townships.map((t, i): RosterUnit => ({ id: t.id, zh: t.zh, group: "township", kind: t.kind, window: t.window, people: t.agents, ptr: `/townships/${i}`, list: "agents" })),
    ...doc.departments.map((d, i): RosterUnit => ({ id: d.id, zh: d.zh, group: "department", window: d.window, people: d.helpers, ptr: `/departments/${i}`, list: "helpers" })),
  ];
  const byId = new Map<string, RosterUnit>();
  for (const u of units) {
    const first = byId.get(u.id);
    if (first) sink.invalid(`the id \`${u.id}\` is used twice (also by ${first.zh}); ids must be unique across townships and departments.`, `${u.ptr}/id`);
    else byId.set(u.id, u);
    const names = new Set<string>();
    u.people.forEach((p, j) => {
      const ptr = `${u.ptr}/${u.list}/${j}`;
      if (names.has(p.name)) sink.invalid(`${p.name} is listed twice under ${u.zh}; a person appears once per unit (a second term in the same post is not supported — use a distinguishing name such as ${p.name}(2)).`, `${ptr}/name`);
      names.add(p.name);
      if (p.until !== undefined && p.until < p.from) sink.invalid(`${p.name}'s \`until\` ${p.until} is before \`from\` ${p.from}.`, `${ptr}/until`);
      if (u.list === "agents" && p.windowHead !== undefined) sink.invalid(`\`windowHead\` applies to 帮办员 only; remove it from ${p.name}.`, `${ptr}/windowHead`, true);
    });
  }
  doc.changes.forEach((c, i) => {
    const ptr = `/changes/${i}`;
    if (!byId.has(c.unit)) {
      const hint = suggest(c.unit, byId.keys());
      sink.invalid(`change ${i + 1} names the unit \`${c.unit}\`, which is neither a township nor a department of this roster${hint ? `; did you mean \`${hint}\`?` : "."}`, `${ptr}/unit`);
    }
    if (c.out === undefined && c.in === undefined) sink.invalid(`change ${i + 1} (${c.date}) names nobody; give \`out\` (the person leaving), \`in\` (the person joining), or both.`, ptr);
    if (c.out !== undefined && c.out === c.in) sink.invalid(`change ${i + 1} has the same person, ${c.out}, as \`out\` and \`in\`.`, `${ptr}/in`);
    const prev = doc.changes[i - 1];
    if (prev && c.date < prev.date) sink.invalid(`change ${i + 1} (${c.date}) comes after change ${i} (${prev.date}); list changes in date order.`, `${ptr}/date`);
  });
  if (sink.problems.length) return null;
  return { header, units, byId, changes: doc.changes };
}
