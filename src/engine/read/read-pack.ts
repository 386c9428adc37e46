/** Reads a pack's files (already in memory) into validated documents, with positions for errors. */
import { problem, type Problem } from "../../errors.js";
import type { PackDocs } from "../model/index.js";
import { FILE_ITEMS, salvage } from "./salvage.js";
import { Places, Skipped, type ReadPackResult } from "./result.js";
import { checkSchemaAt, type SchemaName } from "./schemas.js";
import { suggest } from "../../base/suggest.js";
import { DEFAULT_READ_LIMITS, readYaml, type ReadLimits } from "../../base/yaml-read.js";
import type { Pos } from "../../base/yaml-read.js";

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

/** Parses and schema-checks every pack file. `docs` is null if any problem was found. */
export function readPackFiles(files: Readonly<Record<string, string>>, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadPackResult {
  const problems: Problem[] = [];
  const byFile = new Map<string, Map<string, Pos>>();
  const remap = new Map<string, Map<string, number[]>>();
  const skipped = new Skipped();
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
      salvage(name, schema, null, [], read.positions, skipped);
      continue;
    }
    if (read.value === null || read.value === undefined) {
      problems.push(problem("SCHEMA_TYPE", `${name} is empty; it should be a mapping (see docs/pack-format.md).`, { expected: "a mapping", actual: "nothing" }, { file: name, line: 1, col: 1 }));
      salvage(name, schema, null, [], read.positions, skipped);
      continue;
    }
    const found = checkSchemaAt(schema, read.value, name, read.positions);
    problems.push(...found.map((f) => f.problem));
    if (found.length === 0) data[name] = read.value;
    else {
      const usable = salvage(name, schema, read.value, found, read.positions, skipped);
      if (usable.value !== null) data[name] = usable.value;
      if (usable.remap.size) remap.set(name, usable.remap);
    }
  }
  for (const required of ["pack.yaml", "units.yaml"]) {
    if (!(required in files)) problems.push(problem("FILE_MISSING", `The pack has no ${required}; every pack needs one (see docs/pack-format.md).`, { file: required }, { file: required }));
  }
  const places = new Places(byFile, remap);
  // A required file that is missing is as unusable as one that is not YAML.
  const unusable = Object.keys(PACK_FILES).filter((f) => !(f in data) && (f in files || f === "pack.yaml" || f === "units.yaml"));
  for (const file of unusable) for (const it of FILE_ITEMS[file] ?? []) skipped.addAll(it.kind);
  const get = <T>(file: string, key: string, empty: T): T => ((data[file] as Record<string, T> | undefined)?.[key] ?? empty);
  const docs: PackDocs | null = !("pack.yaml" in data) ? null : {
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
  if (problems.length) return { docs: null, places, problems, partial: docs, skipped, unusable };
  return { docs, places, problems, partial: null, skipped, unusable };
}
