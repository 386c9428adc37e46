// Fuzz: pack folders on disk whose files get random bytes — invalid UTF-8 (overlong forms,
// surrogates, truncated sequences, stray continuation bytes), BOM, CRLF — read by loadPack.
import { isUtf8 } from "node:buffer";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePack, loadPack } from "../../src/index.js";
import { assertNoPollution, budget, checkLoadError, MINIMAL, share, Stats } from "./helpers.js";

const compile = (f: Readonly<Record<string, string>>) => compilePack(f, { folder: "mini" });

describe("fuzz loader/files-on-disk", () => {
  const root = mkdtempSync(join(tmpdir(), "yingshang-fuzz-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const BAD_BYTES = [[0xff], [0xfe], [0xc0, 0x80], [0x80], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xc3]];
  const GOOD_BYTES = [[0xef, 0xbb, 0xbf], [0x0d, 0x0a], [0xe5, 0x9b, 0xbd], [0x20], [0x09]];
  const total = share(0.06);
  it(`reads ${total} packs from disk with random bytes: FILE_ENCODING names the file, nothing else throws`, { timeout: budget(total, 20) }, () => {
    const stats = new Stats("loader/files-on-disk");
    compile(MINIMAL);
    let k = 0;
    fc.assert(
      fc.property(fc.constantFrom("pack.yaml", "units.yaml", "facts.yaml"), fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat()), { minLength: 1, maxLength: 3 }), (name, edits) => {
        const dir = join(root, String(k++), "mini");
        mkdirSync(dir, { recursive: true });
        let bytes = Buffer.from(MINIMAL[name]!, "utf8");
        for (const [pos, bad, which] of edits) {
          const ins = Buffer.from(bad ? BAD_BYTES[which % BAD_BYTES.length]! : GOOD_BYTES[which % GOOD_BYTES.length]!);
          const at = pos % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, at), ins, bytes.subarray(at)]);
        }
        for (const [n, t] of Object.entries(MINIMAL)) writeFileSync(join(dir, n), n === name ? bytes : Buffer.from(t, "utf8"));
        const label = `${name} with ${JSON.stringify(edits)}`;
        const texts = { ...MINIMAL, [name]: bytes.toString("utf8") };
        let out: unknown;
        try {
          out = stats.run(label, () => loadPack(dir));
        } catch (e) {
          out = e;
        }
        assertNoPollution(label);
        if (!isUtf8(bytes)) {
          const e = checkLoadError(out, texts, label);
          expect(e.problems.map((p) => `${p.code} ${p.file}`), label).toContain(`FILE_ENCODING ${name}`);
          stats.outcome("FILE_ENCODING");
        } else if (out instanceof Error) {
          stats.outcome(checkLoadError(out, texts, label).code);
        } else stats.outcome("pack");
        rmSync(join(root, String(k - 1)), { recursive: true, force: true });
      }),
      { numRuns: total },
    );
    expect(stats.outcomes.get("FILE_ENCODING") ?? 0).toBeGreaterThan(0);
    expect(stats.report()).toContain("all passed");
  });
});
