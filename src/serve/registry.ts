/**
 * The packs a server answers with, swapped whole on reload: a request takes the current snapshot
 * once and uses that pack to the end, so it sees the old pack or the new one, never half of each.
 */
import { basename } from "node:path";
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import { YingshangError, problem, type Problem } from "../errors.js";
import { BUNDLED_PACKS, readFiles, readPackDir, resolvePackDir } from "../engine/compile/load.js";
import { compileRead, type Pack } from "../engine/compile/index.js";

/** One served pack and where it came from. */
export interface PackEntry {
  readonly pack: Pack;
  /** The folder it was read from. */
  readonly dir: string;
  /** True for the packs shipped with yingshang. */
  readonly bundled: boolean;
}

/** What a reload did, pack folder by folder. */
export interface ReloadReport {
  /** Packs whose files changed and were swapped in (their new hash). */
  replaced: { pack: string; hash: string; previous: string }[];
  /** Folders that failed to load: the old pack (if any) keeps serving. */
  refused: { dir: string; pack: string | null; problems: readonly Problem[] }[];
  /** Packs that loaded to the same hash. */
  unchanged: string[];
}

function loadDir(dir: string, calendars: readonly Calendar[]): Pack {
  return compileRead(readFiles(readPackDir(dir)), { folder: basename(dir), calendars });
}

function problemsOf(e: unknown): readonly Problem[] {
  if (e instanceof YingshangError) return e.problems;
  return [problem("INPUT_INVALID", `The pack could not be loaded: ${e instanceof Error ? e.message : String(e)}.`, { detail: "pack load" })];
}

/** The served packs. `snapshot()` is the only way to read them. */
export class PackRegistry {
  private current: ReadonlyMap<string, PackEntry>;
  private readonly dirs: readonly { dir: string; bundled: boolean }[];

  private constructor(
    entries: ReadonlyMap<string, PackEntry>,
    dirs: readonly { dir: string; bundled: boolean }[],
    readonly calendars: readonly Calendar[],
  ) {
    this.current = entries;
    this.dirs = dirs;
  }

  /**
   * Loads the bundled packs and the given folders. At start-up every problem is fatal (a server
   * that silently serves fewer packs than asked is worse than one that does not start): all
   * problems of all folders are thrown together, each with the folder in its file name.
   */
  static load(packDirs: readonly string[], calendars: readonly Calendar[] = [], options: { bundled?: boolean } = {}): PackRegistry {
    const dirs = [...(options.bundled === false ? [] : BUNDLED_PACKS.map((p) => ({ dir: resolvePackDir(`bundled:${p}`), bundled: true }))), ...packDirs.map((d) => ({ dir: resolvePackDir(d), bundled: false }))];
    const problems: Problem[] = [];
    const map = new Map<string, PackEntry>();
    const given = new Map<string, string>();
    for (const { dir, bundled } of dirs) {
      let pack: Pack;
      try {
        pack = loadDir(dir, calendars);
      } catch (e) {
        for (const p of problemsOf(e)) problems.push({ ...p, file: p.file ? `${dir}/${p.file}` : dir } as Problem);
        continue;
      }
      const earlier = given.get(pack.id);
      if (earlier !== undefined) {
        problems.push(problem("INPUT_INVALID", `Two pack folders have the id \`${pack.id}\`: ${earlier} and ${dir}; serve one of them.`, { detail: "duplicate pack id" }, { file: dir }));
        continue;
      }
      // A folder given on the command line replaces the bundled pack of the same id (the user asked for it).
      if (!bundled) given.set(pack.id, dir);
      map.set(pack.id, { pack, dir, bundled });
    }
    if (problems.length) throw new YingshangError(problems);
    return new PackRegistry(map, dirs, calendars);
  }

  /** The packs as they are now; keep the returned map for the whole request. */
  snapshot(): ReadonlyMap<string, PackEntry> {
    return this.current;
  }

  /** The calendar of the /v1/calendar endpoints: the last `--calendar` file (it extends the others), else the bundled one. */
  calendar(): Calendar {
    return this.calendars.at(-1) ?? defaultCalendar();
  }

  /**
   * Reads every non-bundled folder again and swaps in one new map. A folder that fails to load keeps
   * its old pack; its problems are in the report. Synchronous, so no request runs in the middle.
   */
  reload(): ReloadReport {
    const report: ReloadReport = { replaced: [], refused: [], unchanged: [] };
    const next = new Map(this.current);
    for (const { dir, bundled } of this.dirs) {
      if (bundled) continue;
      const old = [...this.current.values()].find((e) => e.dir === dir);
      let pack: Pack;
      try {
        pack = loadDir(dir, this.calendars);
      } catch (e) {
        report.refused.push({ dir, pack: old?.pack.id ?? null, problems: problemsOf(e) });
        continue;
      }
      if (old && pack.id !== old.pack.id) {
        report.refused.push({ dir, pack: old.pack.id, problems: [problem("INPUT_INVALID", `The pack in ${dir} changed its id from \`${old.pack.id}\` to \`${pack.id}\`; restart the server to serve it under a new id.`, { detail: "pack id changed" }, { file: dir })] });
        continue;
      }
      if (old && old.pack.hash === pack.hash) {
        report.unchanged.push(pack.id);
        continue;
      }
      next.set(pack.id, { pack, dir, bundled: false });
      report.replaced.push({ pack: pack.id, hash: pack.hash, previous: old?.pack.hash ?? "" });
    }
    if (report.replaced.length) this.current = next;
    return report;
  }

  /** The folders reloads read (for --watch). */
  watchedDirs(): string[] {
    return this.dirs.filter((d) => !d.bundled).map((d) => d.dir);
  }
}
