/**
 * The studio's server side: serves the bundled page (dist/studio/) and, for the pack folders named
 * on the command line only, reads their files and writes edited files back. The page itself works
 * on text with the fs-free core; this file is the only place the studio touches the disk.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, type FastifyPluginCallback, type FastifyReply } from "fastify";
import { problem, YingshangError, type Problem } from "../errors.js";
import { readPackDir } from "../engine/compile/load.js";

/**
 * The page runs under this policy: scripts and styles only from the studio's own files, no
 * connections elsewhere. The editor sits in a shadow root, where CodeMirror styles itself with
 * constructed style sheets, which this policy allows.
 */
export const STUDIO_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A pack folder the studio may read and write. */
export interface StudioFolder {
  /** The key the page uses (the folder's name, made unique). */
  key: string;
  dir: string;
}

/** Options of {@link registerStudio}. */
export interface StudioOptions {
  /** Pack folders given on the command line: the only folders saving may write to. */
  folders: readonly string[];
  /** Where index.html, studio.js and studio.css are (default: dist/studio of this package). */
  assets?: string;
  /** The Content-Security-Policy sent with the studio (default {@link STUDIO_CSP}). */
  csp?: string;
  /** Whether saving may write (default true; `yingshang serve` allows it only on a loopback address). */
  writable?: boolean;
}

/** A file name a pack may hold: a YAML file at its top or in tests/, or its document. */
const FILE_NAME = /^(tests\/)?[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$|^document\.txt$/;
const MAX_BODY = 4_000_000;

function assetsDir(): string {
  // dist/cli.js (bundled) sits beside dist/studio/; in the source tree this file is src/studio/.
  const here = dirname(fileURLToPath(import.meta.url));
  for (const d of [join(here, "studio"), join(here, "..", "..", "dist", "studio")]) if (existsSync(join(d, "index.html"))) return d;
  return join(here, "studio");
}

/** Keys for the folders: their names, with a number added where two share a name. */
export function studioFolders(dirs: readonly string[]): StudioFolder[] {
  const seen = new Map<string, number>();
  return dirs.map((d) => {
    const name = basename(resolve(d));
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { key: n === 1 ? name : `${name}-${n}`, dir: resolve(d) };
  });
}

function readFolder(f: StudioFolder): { key: string; files: Record<string, string>; document: string | null } {
  const files = readPackDir(f.dir, true);
  const doc = join(f.dir, "document.txt");
  return { key: f.key, files, document: existsSync(doc) && statSync(doc).isFile() ? readFileSync(doc, "utf8") : null };
}

function sendProblems(reply: FastifyReply, status: number, problems: readonly Problem[]): FastifyReply {
  return reply.code(status).header("content-type", "application/json; charset=utf-8").send({ error: { code: problems[0]?.code, problems } });
}

/** Checks a save request and returns the files to write (full paths), or the problems. */
export function planSave(folder: StudioFolder, body: unknown): { writes: { path: string; text: string }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const writes: { path: string; text: string }[] = [];
  const files = body && typeof body === "object" && !Array.isArray(body) ? (body as { files?: unknown }).files : undefined;
  if (!files || typeof files !== "object" || Array.isArray(files)) {
    return { writes, problems: [problem("INPUT_INVALID", "A save must be `{ files: { name: text } }`.", { detail: "save body" }, { path: "files" })] };
  }
  const root = realpathSync(folder.dir);
  for (const [name, text] of Object.entries(files as Record<string, unknown>)) {
    if (!FILE_NAME.test(name) || typeof text !== "string") {
      problems.push(problem("PATH_ESCAPE", `${name} is not a pack file name (a .yaml file in the pack folder or its tests/ folder); nothing was saved.`, { path: name }, { file: name }));
      continue;
    }
    const full = join(root, name);
    // The parent must exist and resolve inside the folder (no links out of it), and so must the file if it exists.
    const parent = existsSync(dirname(full)) ? realpathSync(dirname(full)) : null;
    const real = existsSync(full) ? realpathSync(full) : full;
    const inside = (p: string) => {
      const r = relative(root, p);
      return r === "" || (!r.startsWith("..") && !r.startsWith(sep));
    };
    if (parent === null || !inside(parent) || !inside(real) || (existsSync(full) && !statSync(real).isFile())) {
      problems.push(problem("PATH_ESCAPE", `${name} points outside the pack folder or is not a plain file; nothing was saved.`, { path: name }, { file: name }));
      continue;
    }
    writes.push({ path: real, text });
  }
  return { writes, problems };
}

/** Mounts the studio at `/studio/` on a fastify instance (the `serve` command can call this too). */
export function registerStudio(app: FastifyInstance, options: StudioOptions): void {
  const dir = options.assets ?? assetsDir();
  const folders = studioFolders(options.folders);
  const csp = options.csp ?? STUDIO_CSP;
  const asset = (file: string, type: string) => async (_req: unknown, reply: FastifyReply) => {
    const path = join(dir, file);
    if (!existsSync(path)) return sendProblems(reply, 500, [problem("FILE_MISSING", `The studio's ${file} is missing from ${dir}; run \`npm run build\`.`, { file })]);
    return reply.header("content-type", type).header("content-security-policy", csp).header("cache-control", "no-cache").send(readFileSync(path));
  };
  app.get("/studio", async (_req, reply) => reply.redirect("/studio/"));
  app.get("/studio/", asset("index.html", "text/html; charset=utf-8"));
  app.get("/studio/index.html", asset("index.html", "text/html; charset=utf-8"));
  app.get("/studio/studio.js", asset("studio.js", "text/javascript; charset=utf-8"));
  app.get("/studio/studio.css", asset("studio.css", "text/css; charset=utf-8"));
  app.get("/studio/api/packs", async (_req, reply) => {
    const packs: ReturnType<typeof readFolder>[] = [];
    const problems: Problem[] = [];
    for (const f of folders) {
      try {
        packs.push(readFolder(f));
      } catch (e) {
        if (!(e instanceof YingshangError)) throw e;
        problems.push(...e.problems);
      }
    }
    return reply.header("content-security-policy", csp).send({ packs, problems, writable: options.writable !== false });
  });
  app.post<{ Params: { key: string } }>("/studio/api/packs/:key/files", { bodyLimit: MAX_BODY }, async (req, reply) => {
    if (options.writable === false) return sendProblems(reply, 403, [problem("PATH_ESCAPE", "This server does not save files (it listens beyond this computer); run `yingshang studio PACK_DIR` locally to save.", { path: req.params.key }, { file: req.params.key })]);
    const folder = folders.find((f) => f.key === req.params.key);
    if (!folder) return sendProblems(reply, 404, [problem("FILE_MISSING", `No pack folder \`${req.params.key}\` was given to the studio; only folders named on the command line can be saved.`, { file: req.params.key })]);
    const plan = planSave(folder, req.body);
    if (plan.problems.length) return sendProblems(reply, 400, plan.problems);
    for (const w of plan.writes) writeFileSync(w.path, w.text, "utf8");
    return reply.send({ saved: plan.writes.map((w) => relative(realpathSync(folder.dir), w.path).split(sep).join("/")) });
  });
}

/** The studio as a fastify plugin, for `buildServer({ plugins })` of `yingshang serve`. */
export const studioPlugin: FastifyPluginCallback<StudioOptions> = (app, options, done) => {
  registerStudio(app, options);
  done();
};

/** Options of {@link startStudio}. */
export interface StartOptions extends StudioOptions {
  host?: string;
  port?: number;
}

/** Starts a server with only the studio on it; resolves once it listens. */
export async function startStudio(options: StartOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  registerStudio(app, options);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 0 });
  const addr = app.server.address();
  const port = addr && typeof addr === "object" ? addr.port : options.port;
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/studio/`, close: () => app.close() };
}
