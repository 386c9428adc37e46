/**
 * `yingshang new <id>`: scaffolds a pack folder that validates and passes its one example test
 * right away, so a policy officer starts from something that works and edits it clause by clause.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { fail } from "../../../errors.js";
import { packageRoot } from "../../../engine/compile/load.js";
import { emit, EXIT, runAction } from "../../output.js";
import { outputLang } from "../../lang.js";

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
      `# 政策包的基本信息和文件的条款目录。请把每一处 TODO 换成文件原文。
# 含中文的文字一律加双引号：不加引号时，文字中的逗号或冒号可能被当成格式符号。
id: ${id} # 必须与文件夹名相同
name:
  zh: ${quoted} # TODO：文件标题；需要英文名时可加 en:
city:
  zh: "TODO 城市或园区"
issuer: "TODO 发文单位"
document:
  title: ${quoted}
  # number: "TODO 文号"（如 宿政办发〔2024〕15号；文件没有文号就不写）
  # issued: 2026-01-01（TODO：印发日期，文件写明时才填）
effective:
  from: 2026-01-01 # TODO：文件自何日起施行（until: 截止日期可不写）
calendar: cn-mainland # 工作日历（全国节假日和调休）
version: 0.1.0 # 任何计算结果改变时都要提高版本号
changelog:
  - version: 0.1.0
    date: 2026-01-01
    note: "由 yingshang new 生成。"
clauses:
  # TODO：文件的每一条各占一项，编号照文件原样：二(二)3 即第二部分第（二）项第3点。
  # \`yingshang coverage\` 会列出每一条及其依据的规则；每一条都要有规则或职责引用。
  - id: "一"
    title: "TODO 第一条的标题"
`,
    "units.yaml":
      head("units.yaml", "units") +
      `# 文件提到的每个单位、领导和角色，各声明一次；规则用编号引用单位。
# kind（类别）：department 部门、county 县区、park 园区、township 乡镇、leader 领导、role 角色、
# office 办公室、meeting 会议、enterprise 企业、other 其他。
units:
  - id: lead-department
    zh: "TODO 牵头部门"
    kind: department
`,
    "facts.yaml":
      head("facts.yaml", "facts") +
      `# 描述一个案件所用的事实。规则需要而案件没有给出的事实，计算时报错。
# type（类型）：enum 枚举（要列出 values）、boolean 是否、number 数字、string 文字、date 日期、unit 单位、list 列表。
facts:
  matterKind:
    zh: "TODO 事项类别"
    type: enum
    values:
      - simple
      - complex
    valuesZh:
      simple: "简易事项"
      complex: "复杂事项"
`,
    "deadlines.yaml":
      head("deadlines.yaml", "deadlines") +
      `# 时限（period:）和定期到期日（schedule:）。「N个工作日内」写作 workingDays: N；
# 起算当日不计入，调休上班日算作工作日。
deadlines:
  - id: reply
    zh: "TODO 办结时限"
    starts: "TODO 收到申请"
    # 按顺序取第一个条件成立的情形
    variants:
      - id: simple
        when:
          fact: matterKind
          operator: equal
          value: simple
        period:
          workingDays: 1
        source:
          clause: "一"
          quote: "TODO 简易事项1个工作日内办结"
      - id: complex
        when:
          fact: matterKind
          operator: equal
          value: complex
        period:
          workingDays: 5
        source:
          clause: "一"
          quote: "TODO 复杂事项5个工作日内办结"
    source:
      clause: "一"
      quote: "TODO 文件原文"
`,
    "duties.yaml":
      head("duties.yaml", "duties") +
      `# 不需要计算的条款也列为职责，使政策包覆盖整份文件。
duties:
  - id: example-duty
    zh: "TODO 不计算的职责"
    source:
      clause: "一"
      quote: "TODO 文件原文"
`,
    "tests/example.yaml":
      head("tests/example.yaml", "tests") +
      `# 政策包的测试：name 名称、asOf 适用日期、input 输入、expected 预期结果。每个预期值都要对照文件亲手算出。
tests:
  - name: "2026-03-02（周一）收到的简易事项，应在下一个工作日 2026-03-03（周二）办结（一）。"
    asOf: 2026-03-02
    input:
      deadline: reply
      facts:
        matterKind: simple
      events:
        received: 2026-03-02
      now: 2026-03-03T09:00:00+08:00
    expected:
      variant: simple
      dueDate: 2026-03-03
      status:
        kind: due-today
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
        const folder = dir.split(sep).pop();
        // A listing for whoever writes the pack: Chinese unless --lang en, as the other listings.
        const zh = outputLang() === "zh";
        const note = folder === id ? "" : zh ? `\n注意：pack.yaml 里的编号是 \`${id}\`，文件夹名却是 \`${folder}\`；请改其一，使二者相同。` : `\nnote: pack.yaml's id is \`${id}\` but the folder is \`${folder}\`; rename one so they match.`;
        emit(opts, { pack: id, dir, files: written }, () =>
          [
            zh ? `已创建 ${shown}/` : `created ${shown}/`,
            ...written.map((f) => `  ${f}`),
            "",
            zh ? "下一步：" : "next:",
            `  yingshang validate ${shown}`,
            `  yingshang test ${shown}`,
          ].join("\n") + note,
        );
        return EXIT.ok;
      }),
    );
}
