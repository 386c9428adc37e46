/**
 * `yingshang new <id>`: scaffolds a pack folder that validates and passes its one example test
 * right away, so a policy officer starts from something that works and edits it clause by clause.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { fail } from "../../errors.js";
import { packageRoot } from "../../engine/compile/load.js";
import { emit, EXIT, runAction } from "../output.js";

interface NewOpts {
  json?: boolean;
  dir?: string;
  title?: string;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The files of a new pack, keyed by path inside the pack folder. */
export function scaffoldFiles(id: string, title: string, schemaDir: (file: string) => string): Record<string, string> {
  const head = (file: string, schema: string) => `# yaml-language-server: $schema=${schemaDir(file)}/${schema}.schema.json\n`;
  const quoted = JSON.stringify(title);
  return {
    "pack.yaml":
      head("pack.yaml", "pack") +
      `# The pack's identity and the document's clause index. Replace every TODO with the document's own words.
id: ${id}                                  # must equal the folder name
name: { zh: ${quoted} }                  # TODO: the document's title; add en: for an English name
city: { zh: TODO 城市或园区 }
issuer: TODO 发文单位
document:
  title: ${quoted}
  # number: TODO 文号, e.g. 宿政办发〔2024〕15号 (leave out if the document has none)
  # issued: 2026-01-01                   # TODO: the issue date, if the document gives one
effective: { from: 2026-01-01 }          # TODO: from when the document applies (until: is optional)
calendar: cn-mainland                    # the working-day calendar (China's holidays and 调休)
version: 0.1.0                           # bump it whenever an outcome changes
changelog:
  - { version: 0.1.0, date: 2026-01-01, note: Scaffolded by yingshang new. }
clauses:
  # TODO: one line per clause of the document, with its own numbering: 二(二)3 = section 二, item (二), point 3.
  # \`yingshang coverage\` lists these and what covers each; every clause needs a rule or a duty.
  - { id: 一, title: TODO 第一条的标题 }
`,
    "units.yaml":
      head("units.yaml", "units") +
      `# Every unit, leader and role the document names, declared once. Rules refer to units by id.
# kind: department, county, park, township, leader, role, office, meeting, enterprise or other.
units:
  - { id: lead-department, zh: TODO 牵头部门, kind: department }
`,
    "facts.yaml":
      head("facts.yaml", "facts") +
      `# The facts a case is described by. A rule that needs a fact the case does not give is an error.
# Types: enum (with values), boolean, number, string, date, unit, list.
facts:
  matterKind:
    zh: TODO 事项类别
    type: enum
    values: [simple, complex]
    valuesZh: { simple: 简易事项, complex: 复杂事项 }
`,
    "deadlines.yaml":
      head("deadlines.yaml", "deadlines") +
      `# Time limits (period:) and periodic due dates (schedule:). "N个工作日内" = workingDays: N;
# the day the clock starts does not count, and 调休 makeup days count as working days.
deadlines:
  - id: reply
    zh: TODO 办结时限
    starts: TODO 收到申请
    variants:                            # the first matching variant wins
      - id: simple
        when: { fact: matterKind, operator: equal, value: simple }
        period: { workingDays: 1 }
        source: { clause: 一, quote: TODO 简易事项1个工作日内办结 }
      - id: complex
        when: { fact: matterKind, operator: equal, value: complex }
        period: { workingDays: 5 }
        source: { clause: 一, quote: TODO 复杂事项5个工作日内办结 }
    source: { clause: 一, quote: TODO 文件原文 }
`,
    "duties.yaml":
      head("duties.yaml", "duties") +
      `# Every clause that is not computed, so the pack indexes the whole document.
duties:
  - id: example-duty
    zh: TODO 不计算的职责
    source: { clause: 一, quote: TODO 文件原文 }
`,
    "tests/example.yaml":
      head("tests/example.yaml", "tests") +
      `# Pack tests: {name, asOf, input, expected}. Work each expected value out by hand from the document.
tests:
  - name: A simple matter received on Monday 2026-03-02 is due the next working day, Tuesday 2026-03-03 (一).
    asOf: 2026-03-02
    input:
      deadline: reply
      facts: { matterKind: simple }
      events: { received: 2026-03-02 }
      now: 2026-03-03T09:00:00+08:00
    expected:
      variant: simple
      dueDate: 2026-03-03
      status: { kind: due-today }
`,
  };
}

/**
 * Where the schemas are, as seen from `fileDir`: the package's own schema/ folder when the pack is
 * being written inside the package (this repository), else an installed `node_modules/yingshang/schema`
 * found above the pack, else the place `npm install yingshang` will put it next to the working folder.
 */
export function schemaPathFrom(fileDir: string, root: string = packageRoot(), cwd: string = process.cwd()): string {
  const ownSchema = join(root, "schema");
  const rel = (to: string) => relative(fileDir, to).split(sep).join("/");
  const inRoot = relative(root, fileDir);
  if (!inRoot.startsWith("..") && !inRoot.startsWith(sep) && !inRoot.split(sep).includes("node_modules")) return rel(ownSchema);
  for (let dir = fileDir; ; dir = dirname(dir)) {
    const installed = join(dir, "node_modules", "yingshang", "schema");
    if (existsSync(installed)) return rel(installed);
    if (dirname(dir) === dir) break;
  }
  return rel(join(resolve(cwd), "node_modules", "yingshang", "schema"));
}

export function registerNew(program: Command): void {
  program
    .command("new")
    .description("scaffold a new pack folder that validates and passes its example test right away")
    .argument("<id>", "the pack's id (lower-case, dashes), also the folder name")
    .option("--dir <dir>", "the folder to create (default: ./<id>)")
    .option("--title <text>", "the document's title")
    .option("--json", "machine-readable output")
    .action((id: string, opts: NewOpts) =>
      runAction(opts, () => {
        if (!ID_PATTERN.test(id) || id.length > 80) {
          fail("INPUT_INVALID", `\`${id}\` cannot be a pack id: use lower-case letters, digits and dashes, starting with a letter or digit (e.g. dev-zone).`, { detail: "pack id" });
        }
        const dir = resolve(opts.dir ?? id);
        if (existsSync(dir)) {
          if (!statSync(dir).isDirectory()) fail("INPUT_INVALID", "this is a file, not a folder; choose another --dir.", { detail: "target is a file" }, { file: dir });
          if (readdirSync(dir).length > 0) fail("INPUT_INVALID", "the folder is not empty, and yingshang new never overwrites files; choose an empty or new folder with --dir.", { detail: "folder not empty" }, { file: dir });
        }
        const title = opts.title?.trim() || "TODO 文件标题";
        const files = scaffoldFiles(id, title, (file) => schemaPathFrom(dirname(join(dir, file))));
        mkdirSync(join(dir, "tests"), { recursive: true });
        for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text, { flag: "wx" });
        const written = Object.keys(files);
        const shown = relative(process.cwd(), dir) || ".";
        const note = dir.split(sep).pop() === id ? "" : `\nnote: pack.yaml's id is \`${id}\` but the folder is \`${dir.split(sep).pop()}\`; rename one so they match.`;
        emit(opts, { pack: id, dir, files: written }, () =>
          [
            `created ${shown}/`,
            ...written.map((f) => `  ${f}`),
            "",
            "next:",
            `  yingshang validate ${shown}`,
            `  yingshang test ${shown}`,
          ].join("\n") + note,
        );
        return EXIT.ok;
      }),
    );
}
