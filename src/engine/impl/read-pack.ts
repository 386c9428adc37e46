/** Reads a pack's files (already in memory) into validated documents, with positions for errors. */
import { problem, type Place, type Problem } from "../../errors.js";
import type { PackDocs } from "../pack-types.js";
import { checkSchema, type SchemaName } from "./schemas.js";
import { suggest } from "./suggest.js";
import { DEFAULT_READ_LIMITS, pointerToPath, readYaml, type Pos, type ReadLimits } from "./yaml-read.js";

/** The files a pack may have, and the schema of each. */
export const PACK_FILES: Record<string, SchemaName> = {
  "pack.yaml": "pack",
  "units.yaml": "units",
  "facts.yaml": "facts",
  "assignment.yaml": "assignment",
  "deadlines.yaml": "deadlines",
  "escalation.yaml": "escalation",
  "scoring.yaml": "scoring",
  "duties.yaml": "duties",
  "staffing.yaml": "staffing",
};

/** Positions of every file, used to place problems found after parsing. */
export class Places {
  constructor(private readonly byFile: Map<string, Map<string, Pos>>) {}

  /** The place of a JSON pointer inside a file (falls back to the nearest enclosing node). */
  at(file: string, pointer: string, key = false): Place {
    const m = this.byFile.get(file);
    let pos = m?.get(key ? `${pointer}#key` : pointer);
    let p = pointer;
    while (!pos && m && p !== "") {
      p = p.slice(0, p.lastIndexOf("/"));
      pos = m.get(p);
    }
    return { file, line: pos?.line, col: pos?.col, path: pointerToPath(pointer) };
  }
}

export interface ReadPackResult {
  docs: PackDocs | null;
  places: Places;
  problems: Problem[];
}

/** Parses and schema-checks every pack file. `docs` is null if any problem was found. */
export function readPackFiles(files: Readonly<Record<string, string>>, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadPackResult {
  const problems: Problem[] = [];
  const byFile = new Map<string, Map<string, Pos>>();
  const data: Record<string, unknown> = {};
  for (const name of Object.keys(files).sort()) {
    if (name.startsWith("tests/")) continue;
    const schema = PACK_FILES[name];
    if (!schema) {
      const hint = suggest(name, Object.keys(PACK_FILES));
      problems.push(problem("UNKNOWN_REFERENCE", `${name} is not a pack file${hint ? `; did you mean ${hint}?` : `; pack files are ${Object.keys(PACK_FILES).join(", ")}.`}`, { kind: "file", id: name, suggestion: hint }, { file: name }));
      continue;
    }
    const read = readYaml(files[name]!, name, limits);
    byFile.set(name, read.positions);
    if (read.problems.length) {
      problems.push(...read.problems);
      continue;
    }
    if (read.value === null || read.value === undefined) {
      problems.push(problem("SCHEMA_TYPE", `${name} is empty; it should be a mapping (see docs/pack-format.md).`, { expected: "a mapping", actual: "nothing" }, { file: name, line: 1, col: 1 }));
      continue;
    }
    problems.push(...checkSchema(schema, read.value, name, read.positions));
    data[name] = read.value;
  }
  for (const required of ["pack.yaml", "units.yaml"]) {
    if (!(required in files)) problems.push(problem("FILE_MISSING", `The pack has no ${required}; every pack needs one (see docs/pack-format.md).`, { file: required }, { file: required }));
  }
  const places = new Places(byFile);
  if (problems.length) return { docs: null, places, problems };
  const get = <T>(file: string, key: string, empty: T): T => ((data[file] as Record<string, T> | undefined)?.[key] ?? empty);
  const docs: PackDocs = {
    pack: data["pack.yaml"] as PackDocs["pack"],
    units: get("units.yaml", "units", []),
    facts: get("facts.yaml", "facts", {}),
    assignment: (data["assignment.yaml"] as PackDocs["assignment"] | undefined) ?? { tables: [] },
    deadlines: get("deadlines.yaml", "deadlines", []),
    ladders: get("escalation.yaml", "ladders", []),
    scorecards: get("scoring.yaml", "scorecards", []),
    duties: get("duties.yaml", "duties", []),
    staffing: (data["staffing.yaml"] as PackDocs["staffing"] | undefined) ?? null,
  };
  return { docs, places, problems };
}
