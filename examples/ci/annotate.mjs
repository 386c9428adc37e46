#!/usr/bin/env node
// Turns `yingshang … --json` output into GitHub Actions annotations, so problems show on the
// pull request's lines:  ::error file=policies/suqian/deadlines.yaml,line=12,col=9::message
//
//   yingshang validate policies/* --json | node examples/ci/annotate.mjs
//   yingshang test policies/* --json     | node examples/ci/annotate.mjs
//   yingshang coverage policies/* --json | node examples/ci/annotate.mjs
//   yingshang diff old/suqian policies/suqian --json | node examples/ci/annotate.mjs --pack policies/suqian
//
// It understands, anywhere in the JSON: problems ({file?, line?, col?, message}), pack test
// failures ({name, file, line, mismatches}), coverage ({pack, clauses: [{id, coveredBy: []}]}) and
// diff reports ({changes: [{text}], outcomesChanged}). Output is one annotation per line on stdout;
// the exit code is 0 (the yingshang command's own exit code fails the step: use `shell: bash`,
// which sets -o pipefail), or 2 when the input is not JSON.
// No dependencies: runs with plain node.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Escapes a workflow command's message (GitHub's toolkit rules). */
export const escapeData = (s) => String(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Escapes a workflow command's property value. */
export const escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One annotation line: level is error | warning | notice. */
export function annotation(level, message, place = {}) {
  const props = [];
  for (const k of ["file", "line", "col", "endLine", "title"]) if (place[k] !== undefined && place[k] !== null && place[k] !== "") props.push(`${k}=${escapeProperty(place[k])}`);
  return `::${level}${props.length ? " " + props.join(",") : ""}::${escapeData(message)}`;
}

const join = (dir, file) => (dir ? `${dir.replace(/\/+$/, "")}/${file}` : file);

/**
 * Every annotation for one parsed JSON document. `opts.pack` is the pack folder for outputs that
 * do not name files (diff); `opts.level` overrides the level of problems.
 */
export function annotate(doc, opts = {}) {
  const out = [];
  const level = opts.level ?? "error";
  const seen = new Set();
  const visit = (v, pack) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, pack));
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    const here = typeof v.pack === "string" ? v.pack : pack;
    // A problem: validate's problems, an error's problems, a test's unexpected error.
    if (typeof v.message === "string" && (typeof v.code === "string" || typeof v.file === "string")) {
      const file = typeof v.file === "string" ? (here && !v.file.startsWith(here) && !v.file.startsWith("/") ? join(here, v.file) : v.file) : here ? join(here, "pack.yaml") : undefined;
      out.push(annotation(level, v.message, { file, line: v.line, col: v.col }));
      return;
    }
    // A failing pack test.
    if (typeof v.name === "string" && Array.isArray(v.mismatches) && typeof v.file === "string") {
      const detail = v.mismatches.map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`).join("\n");
      out.push(annotation(level, `Test failed: ${v.name}${detail ? "\n" + detail : ""}${v.error?.message ? "\n" + v.error.message : ""}`, { file: join(here, v.file), line: v.line, title: "pack test" }));
      return;
    }
    // Coverage: clauses no rule or duty cites.
    if (Array.isArray(v.clauses) && typeof v.covered === "number") {
      for (const c of v.clauses) if (Array.isArray(c.coveredBy) && c.coveredBy.length === 0) out.push(annotation(level, `Clause ${c.id}${c.title ? ` (${c.title})` : ""} is not covered: add a rule or a duty citing it.`, { file: join(here, "pack.yaml"), title: "coverage" }));
      return;
    }
    // Diff: each change as a notice; changed outcomes as an error (or a warning when the version was bumped).
    if (Array.isArray(v.changes) && typeof v.outcomesChanged === "boolean") {
      const file = join(opts.pack ?? here, "pack.yaml");
      for (const c of v.changes) out.push(annotation("notice", c.text, { file, title: "pack change" }));
      if (v.outcomesChanged) {
        const kinds = [v.population, v.cases].filter(Boolean).map((r) => `${r.changed} of ${r.total} ${r.source === "cases" ? "real" : "generated"} cases (${r.byKind.map((k) => `${k.label}: ${k.cases}`).join(", ")})`);
        out.push(annotation(v.versionBumped ? "warning" : level, `Outcomes change: ${kinds.join("; ")}.${v.versionBumped ? "" : " Bump the pack's version in pack.yaml."}`, { file, title: "pack diff" }));
      }
      return;
    }
    for (const x of Object.values(v)) visit(x, here);
  };
  visit(doc, opts.pack);
  return out;
}

/** Parses one JSON document, or NDJSON (one document per line). */
export function parseDocs(text) {
  try {
    return [JSON.parse(text)];
  } catch {
    return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  let docs;
  try {
    docs = parseDocs(readFileSync(0, "utf8"));
  } catch (e) {
    process.stderr.write(`annotate: the input is not JSON (${e.message}); pipe a yingshang command run with --json.\n`);
    process.exit(2);
  }
  for (const d of docs) for (const line of annotate(d, { pack: opt("--pack"), level: opt("--level") })) process.stdout.write(line + "\n");
}
