// docs/pack-format.md: every example of "Saying what the document says" is a complete file, checked
// against the schema its first line names, exactly as the engine checks a pack file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchema, type SchemaName } from "../../src/engine/read/schemas.js";
import { readYaml } from "../../src/base/yaml-read.js";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "pack-format.md"), "utf8");
const section = doc.slice(doc.indexOf("## Saying what the document says"), doc.indexOf("## Result shapes"));
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/gu)].map((m) => m[1]!);

describe("docs/pack-format.md: the format additions' examples", () => {
  it("has one example per addition with a schema line", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const b of blocks) expect(b.split("\n")[0]).toMatch(/\$schema=\.\.\/\.\.\/schema\/[a-z]+\.schema\.json$/u);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i is valid against its schema", (_i, text) => {
    const name = /schema\/([a-z]+)\.schema\.json/u.exec(text)![1] as SchemaName;
    const read = readYaml(text, `${name}.yaml`);
    expect(read.problems).toEqual([]);
    expect(checkSchema(name, read.value, `${name}.yaml`, read.positions)).toEqual([]);
  });
});
