// What scripts/gen-pack-reads.mjs bundles and runs: each bundled pack's read (stage 1) as JSON, keyed
// by its files (see readFiles in src/engine/compile/load.ts).
import { BUNDLED_PACKS, packFilesKey, readPackDir, resolvePackDir } from "../src/engine/compile/load.js";
import { plainRead, plainReadToJson, readPackFiles } from "../src/engine/read/index.js";

/** Each bundled pack's key and read (null when it has problems or a value JSON cannot carry). */
export function packReads(): { pack: string; key: string; json: string | null }[] {
  return BUNDLED_PACKS.map((pack) => {
    const files = readPackDir(resolvePackDir(`bundled:${pack}`));
    const plain = plainRead(readPackFiles(files));
    return { pack, key: packFilesKey(files), json: plain === null ? null : plainReadToJson(plain) };
  });
}
