/**
 * Loading packs from disk (Node only). The file system is touched here and in the CLI, nowhere else:
 * `compilePack` itself works on text in memory.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { fail, problem, YingshangError, type Problem } from "../../errors.js";
import { fromPlainRead, plainReadFromJson, readPackFiles, type ReadPackResult } from "../read/index.js";
import { compilePack, compileRead, type CompileOptions, type Pack } from "./pack.js";

/** Packs shipped with the library, addressable by name. */
export const BUNDLED_PACKS = ["yingkou", "xinghua", "zibo", "suqian"] as const;

const MAX_FILE_BYTES = 1_000_000;
const MAX_FILES = 200;

/** The folder of the installed package (holding policies/ and schema/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pj = join(dir, "package.json");
    if (existsSync(pj) && /"name":\s*"yingshang"/.test(readFileSync(pj, "utf8"))) return dir;
    dir = dirname(dir);
  }
  return fail("FILE_MISSING", "Cannot find the yingshang package folder (with policies/).", { file: "package.json" });
}

/**
 * Resolves a pack argument: `bundled:NAME` is always the bundled pack; otherwise an existing folder,
 * else the name of a bundled pack. (A folder named like a bundled pack is taken as the folder; the
 * CLI warns about it, and `./NAME` or `bundled:NAME` says which is meant.)
 */
export function resolvePackDir(spec: string): string {
  if (spec.startsWith("bundled:")) {
    const name = spec.slice("bundled:".length);
    if ((BUNDLED_PACKS as readonly string[]).includes(name)) return join(packageRoot(), "policies", name);
    return fail("FILE_MISSING", `\`${name}\` is not a bundled pack (${BUNDLED_PACKS.join(", ")}).`, { file: spec });
  }
  if (existsSync(spec) && statSync(spec).isDirectory()) return resolve(spec);
  if ((BUNDLED_PACKS as readonly string[]).includes(spec)) return join(packageRoot(), "policies", spec);
  return fail("FILE_MISSING", `No pack folder \`${spec}\`, and it is not a bundled pack (${BUNDLED_PACKS.join(", ")}).`, { file: spec });
}

/**
 * Reads the pack's YAML files (and, with `withTests`, tests/*.yaml) as text. Refuses files that
 * are too large, not UTF-8, or that resolve outside the pack folder (symlinks, `..`).
 */
export function readPackDir(dir: string, withTests = false): Record<string, string> {
  let root: string | null;
  try {
    root = realpathSync(dir);
  } catch {
    root = null;
  }
  if (root === null || !statSync(root).isDirectory()) {
    return fail("FILE_MISSING", `No pack folder \`${dir}\` (it does not exist or is not a folder).`, { file: dir });
  }
  const files: Record<string, string> = {};
  const problems: Problem[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const take = (rel: string) => {
    const full = join(dir, rel);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      problems.push(problem("FILE_MISSING", `${rel} cannot be read (a broken link?).`, { file: rel }, { file: rel }));
      return;
    }
    const inside = relative(root, real);
    if (inside.startsWith("..") || inside.startsWith(sep) || lstatSync(full).isSymbolicLink() && inside.split(sep)[0] === "..") {
      problems.push(problem("PATH_ESCAPE", `${rel} points outside the pack folder (${real}); a pack may only read its own files.`, { path: rel }, { file: rel }));
      return;
    }
    const st = statSync(real);
    // Only regular files: a folder, a FIFO or a device named *.yaml would fail or block forever on read.
    if (!st.isFile()) {
      problems.push(problem("FILE_MISSING", `${rel} is not a regular file; a pack file must be a plain YAML file.`, { file: rel }, { file: rel }));
      return;
    }
    const size = st.size;
    if (size > MAX_FILE_BYTES) {
      problems.push(problem("LIMIT_EXCEEDED", `${rel} is ${size} bytes; the limit is ${MAX_FILE_BYTES}.`, { what: "file size", limit: MAX_FILE_BYTES, actual: size }, { file: rel }));
      return;
    }
    try {
      files[rel] = decoder.decode(readFileSync(real));
    } catch {
      problems.push(problem("FILE_ENCODING", `${rel} is not valid UTF-8; save it as UTF-8.`, { file: rel }, { file: rel }));
    }
  };
  const names = readdirSync(dir).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"));
  if (names.length > MAX_FILES) fail("LIMIT_EXCEEDED", `${dir} has ${names.length} YAML files; the limit is ${MAX_FILES}.`, { what: "files", limit: MAX_FILES, actual: names.length });
  names.sort().forEach(take);
  const testsDir = join(dir, "tests");
  if (withTests && existsSync(testsDir) && statSync(testsDir).isDirectory()) {
    readdirSync(testsDir)
      .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
      .sort()
      .forEach((n) => take(`tests/${n}`));
  }
  if (problems.length) throw new YingshangError(problems);
  return files;
}

/**
 * Loads, validates and compiles a pack: a folder path, or the name of a bundled pack
 * (`yingkou`, `xinghua`, `zibo`, `suqian`). Throws a `YingshangError` with every problem found.
 *
 * @example
 * import { loadPack } from "yingshang";
 * const suqian = loadPack("suqian");
 * console.log(suqian.meta.document.number); // 宿政办发〔2024〕15号
 */
export function loadPack(spec: string, options: CompileOptions = {}): Pack {
  const dir = resolvePackDir(spec);
  const files = readPackDir(dir);
  // Size limits of its own are applied by reading the YAML, whatever was built.
  if (options.limits !== undefined) return compilePack(files, { folder: basename(dir), ...options });
  return compileRead(readFiles(files), { folder: basename(dir), ...options });
}

/** The key of a pack's files (every name and text, 64 hex digits): the name of the read the build stored for them. */
export function packFilesKey(files: Readonly<Record<string, string>>): string {
  const h = createHash("sha256");
  for (const name of Object.keys(files).sort()) h.update(`${name}\0${files[name]!}\0`);
  return h.digest("hex");
}

/** Where the build stores the reads of the bundled packs (scripts/gen-pack-reads.mjs), beside dist's code. */
const PREBUILT_READS = new URL("./pack-reads/", import.meta.url);

/**
 * Stage 1 on a pack's files. When they are, name for name and byte for byte, the files of a bundled
 * pack as it was built, the read the build stored for them is used: the same documents and
 * positions, without parsing the YAML again (about 0.15 s of every cold start, most of a batch's
 * start-up). Any other files, an edited bundled pack among them, are parsed.
 */
export function readFiles(files: Readonly<Record<string, string>>): ReadPackResult {
  const stored = new URL(`${packFilesKey(files)}.json`, PREBUILT_READS);
  // Parsed on each call: compiling resolves the documents in place, so no two packs share them.
  if (existsSync(stored)) return fromPlainRead(plainReadFromJson(readFileSync(stored, "utf8")));
  return readPackFiles(files);
}
