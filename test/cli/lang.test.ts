// The command line's language: problems follow --lang, else LC_ALL, else LANG (zh when it starts
// with zh); usage errors are problems too; explanations of a pack are Chinese unless --lang en.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const fixture = join("test", "fixtures", "invalid", "unknown-key");

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("yingshang --lang", () => {
  it("writes pack problems in Chinese when LANG starts with zh, at their line and column", () => {
    const r = run(["validate", fixture], { LANG: "zh_CN.UTF-8" });
    expect(r.code).toBe(1);
    // The fixture's deadlines.yaml has `workingDay:` on line 5, column 7 (test/fixtures/invalid/unknown-key/expect.json).
    expect(r.out).toContain(`${fixture}/deadlines.yaml 第5行第7列：\`workingDay\` 不是时限（period）的字段；是否应为 \`workingDays\`？`);
    expect(r.out).toMatch(/^未通过 .*（3 个问题）$/m);
  });

  it("lets --lang win over the environment, and LC_ALL over LANG", () => {
    expect(run(["--lang", "en", "validate", fixture], { LANG: "zh_CN.UTF-8" }).out).toContain("`workingDay` is not a field of `period`; did you mean `workingDays`?");
    expect(run(["validate", fixture, "--lang", "zh"]).out).toContain("第5行第7列");
    expect(run(["validate", fixture], { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }).out).toContain("FAIL ");
    expect(run(["validate", fixture], { LC_ALL: "zh_TW.UTF-8" }).out).toContain("未通过");
  });

  it("prints problems that stop a command in the same language, without a stack trace", () => {
    const zh = run(["explain", "yingkou", "no-such-file.json"], { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(2);
    expect(zh.err).toBe("错误：no-such-file.json：这个文件不存在或无法读取；请检查路径。\n");
    const en = run(["explain", "yingkou", "no-such-file.json"]);
    expect(en.err).toBe("error: no-such-file.json — this file cannot be read; check the path.\n");
  });

  it("refuses a language it does not have (exit 2)", () => {
    const r = run(["--lang", "fr", "validate", "yingkou"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--lang must be zh or en (got fr)");
  });

  it("reports usage errors as problems in either language, and as JSON with --json", () => {
    const zh = run(["frob"], { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(2);
    expect(zh.err).toBe("错误：没有这个命令：`frob`；请运行 `yingshang --help` 查看用法。\n");
    const opt = run(["validate", "yingkou", "--strict"], { LANG: "zh_CN.UTF-8" });
    expect(opt.code).toBe(2);
    expect(opt.err).toBe("错误：没有这个选项：`--strict`；请运行 `yingshang validate --help` 查看用法。\n");
    const missing = run(["--lang", "zh", "explain", "yingkou"]);
    expect(missing.err).toBe("错误：缺少参数：`facts`；请运行 `yingshang explain --help` 查看用法。\n");
    const en = run(["validate", "yingkou", "--strict"]);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^error: unknown option '--strict'\n/);
    const json = run(["validate", "yingkou", "--strict", "--json"]);
    expect(JSON.parse(json.out)).toMatchObject({ error: { code: "USAGE_INVALID", problems: [{ code: "USAGE_INVALID", params: { reason: "unknown-option", word: "--strict", command: "validate" } }] } });
  });

  it("explains a case in Chinese by default and in English with --lang en, whatever LANG says", () => {
    const facts = join(root, "test", "fixtures", "lang-case.json");
    const zh = run(["explain", "yingkou", facts]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("牵头单位");
    const en = run(["--lang", "en", "explain", "yingkou", facts], { LANG: "zh_CN.UTF-8" });
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/Lead unit/i);
  });
});
