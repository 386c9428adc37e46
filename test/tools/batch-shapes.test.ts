// `eval --ndjson/--csv` shapes, run as a user would (node dist/cli.js): --select, the compact default,
// --full, CSV in (with --map, Chinese enum names, a quoted cell over two lines) and out (with a BOM),
// the byte splitter at every cut, and refusals before the first case.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, loadPack } from "../../src/index.js";
import { Splitter } from "../../src/cli/batch/split.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "yingshang-shapes-"));
const suqian = loadPack("suqian");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- result rows, checked by the assertions
type Json = Record<string, any>;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", input, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// 宿政办发〔2024〕15号 一(八): complex 15, urgent 2 working days. Received Fri 2026-09-18 (2026 notice:
// 9-20 worked, 9-25 中秋, 10-1..7 国庆, 10-10 worked): complex → 10-15; urgent → 9-20 (Sun, worked) and 9-21 → 9-21.
const a = { id: "a", asOf: "2026-09-18", facts: { issueKind: "complex" }, events: { "mayor-direct": { received: "2026-09-18" } } };
const b = { id: "b", asOf: "2026-09-18", facts: { issueKind: "urgent" }, events: { "mayor-direct": { received: "2026-09-18" } } };
let cases = "";

beforeAll(() => {
  if (!readFileSync(join(root, "dist/cli.js"), "utf8").includes("--select")) spawnSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
  cases = join(dir, "cases.ndjson");
  writeFileSync(cases, `${JSON.stringify(a)}\r\n\r\n${JSON.stringify(b)}\n  \n${JSON.stringify({ id: "c", asOf: "2026-09-18", facts: { issueKind: "urgnt" } })}`);
});

describe("batch shapes", () => {
  it("--select keeps line, id and the paths, as flat keys; a path a case lacks is null", () => {
    const r = run(["eval", "suqian", "--ndjson", cases, "--workers", "1", "--select", "deadlines.mayor-direct.dueDate,deadlines.hard-to-do.dueDate,receipt.hash"]);
    expect(r.code).toBe(2);
    const rows = r.out.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows[0]).toEqual({ line: 1, id: "a", "deadlines.mayor-direct.dueDate": "2026-10-15", "deadlines.hard-to-do.dueDate": null, "receipt.hash": suqian.hash });
    expect(rows[1]).toEqual({ line: 3, id: "b", "deadlines.mayor-direct.dueDate": "2026-09-21", "deadlines.hard-to-do.dueDate": null, "receipt.hash": suqian.hash });
    expect(rows[2]).toMatchObject({ line: 5, id: "c", error: { code: "FACT_ENUM" } });
    expect(r.err).toMatch(/^yingshang eval: 3 cases, 2 ok, 1 error, 2 blank lines skipped — /);
  });

  it("the compact default shortens not-evaluated tables and drops the per-part receipts; --full is eval --json's result", () => {
    const compact = JSON.parse(run(["eval", "suqian", "--ndjson", cases, "--workers", "1"]).out.split("\n")[0]!) as Json;
    const full = JSON.parse(run(["eval", "suqian", "--ndjson", cases, "--workers", "1", "--full"]).out.split("\n")[0]!) as Json;
    const lib = JSON.parse(JSON.stringify(evaluate(suqian, a, { trace: false }))) as Json;
    expect(full).toEqual({ line: 1, id: "a", facts: a.facts, ...lib });
    expect(compact.assignment["enterprise-liaison"]).toEqual({ kind: "not-evaluated", missing: "cityTop100Industrial" });
    expect(compact.receipt).toEqual(lib.receipt);
    expect(compact.deadlines["mayor-direct"]).not.toHaveProperty("receipt");
    expect(compact.deadlines["mayor-direct"].dueDate).toBe("2026-10-15");
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it("refuses a path that names no part of the pack, --format csv without --select, and --select with --full, before any case", () => {
    const typo = run(["eval", "suqian", "--ndjson", cases, "--select", "deadlines.mayor-drect.dueDate"]);
    expect(typo.code).toBe(2);
    expect(typo.out).toBe("");
    expect(typo.err).toMatch(/has no deadline `mayor-drect`/);
    expect(run(["eval", "suqian", "--ndjson", cases, "--format", "csv"]).code).toBe(2);
    expect(run(["eval", "suqian", "--ndjson", cases, "--select", "receipt", "--full"]).code).toBe(2);
  });

  it("CSV in and out: --map, Chinese enum names, a quoted cell over two lines, a BOM for Excel and WPS", () => {
    const csv = join(dir, "cases.csv");
    // 问题类别 holds the pack's own Chinese names for issueKind (facts.yaml valuesZh).
    const zh = suqian.facts.issueKind!.valuesZh!;
    writeFileSync(csv, `\ufeff编号,受理日期,问题类别,收件时间,备注\r\na,2026-09-18,${zh.complex},2026-09-18,"两行\r\n备注"\r\n,,,,\r\nb,2026-09-18,urgent,2026-09-18,\r\nc,2026-09-18,紧急得很,2026-09-18,x\r\n`);
    const r = run(["eval", "suqian", "--csv", csv, "--workers", "2", "--map", "id=编号,asOf=受理日期,issueKind=问题类别,events.mayor-direct.received=收件时间", "--ignore", "备注", "--select", "deadlines.mayor-direct.dueDate,deadlines.mayor-direct.variant", "--format", "csv", "--bom"]);
    expect(r.err).toMatch(/3 cases, 2 ok, 1 error, 1 blank line skipped/);
    const lines = r.out.split("\r\n").join("\n").split("\n");
    expect(lines[0]).toBe("\ufeffline,id,deadlines.mayor-direct.dueDate,deadlines.mayor-direct.variant,error");
    // Physical lines: the header is line 1, case a starts on 2 (its note spans 2–3), the blank row is 4.
    expect(lines[1]).toBe("2,a,2026-10-15,complex,");
    expect(lines[2]).toBe("5,b,2026-09-21,urgent,");
    expect(lines[3]).toMatch(/^6,c,,,"FACT_ENUM: /);
  });

  it("refuses a CSV column that is neither a case path nor mapped, naming it and the fix", () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "id,asOf,问题类别\na,2026-09-18,complex\n");
    const r = run(["eval", "suqian", "--csv", csv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/问题类别.*--map PATH=问题类别/);
    const short = run(["eval", "suqian", "--csv", csv, "--map", "received=问题类别"]);
    expect(short.err).toMatch(/pack suqian has 2 \(hard-to-do, mayor-direct\); name it/);
    // Refused before any output: not even CSV output's header is written.
    const csvOut = run(["eval", "suqian", "--csv", csv, "--select", "deadlines.mayor-direct.dueDate", "--format", "csv"]);
    expect([csvOut.code, csvOut.out]).toEqual([2, ""]);
  });

  it("gives the same rows with 1, 2 and 3 workers", () => {
    const big = join(dir, "big.ndjson");
    const gen = spawnSync(process.execPath, [join(root, "bench/gen-cases.mjs"), "4000", "--bad-every", "89"], { encoding: "utf8", maxBuffer: 1 << 28 });
    writeFileSync(big, gen.stdout);
    const outs = ["1", "2", "3"].map((w) => run(["eval", "suqian", "--ndjson", big, "--workers", w, "--select", "deadlines.mayor-direct.status"]).out);
    expect(outs[0]!.split("\n").length).toBeGreaterThan(3900);
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  });
});

describe("the byte splitter", () => {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const cut = (text: string, cuts: number[], csv: boolean, max = 1 << 20) => {
    const bytes = enc.encode(text);
    const s = new Splitter(csv, max);
    const pieces = [];
    let at = 0;
    for (const c of [...cuts.filter((x) => x > 0 && x < bytes.length)].sort((x, y) => x - y).concat(bytes.length)) {
      pieces.push(...s.push(bytes.subarray(at, c)));
      at = c;
    }
    pieces.push(...s.end());
    return pieces;
  };

  it("puts every byte in exactly one piece, each ending at a record end, lines counted, wherever the reads are cut", () => {
    const record = fc.oneof(fc.constantFrom("", " ", "{}", '{"id":"案件-1"}', '"a\nb",c', "x,\"\"\"\""), fc.string({ maxLength: 8 }).map((t) => t.replace(/["\n]/g, "")));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 6 }), fc.boolean(), (records, cuts, csv) => {
        const text = records.join("\n") + (records.length % 2 ? "\n" : "");
        const pieces = cut(text, cuts, csv);
        const bytes = pieces.map((p) => (p.kind === "bytes" ? dec.decode(p.bytes) : "")).join("");
        expect(bytes).toBe(text);
        const lines = pieces.reduce((n, p) => n + p.lines, 0);
        expect(lines).toBe(text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
        for (const p of pieces.slice(0, -1)) if (p.kind === "bytes") expect(dec.decode(p.bytes).endsWith("\n")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("counts a record over the limit and drops it, keeping the ones around it", () => {
    const pieces = cut(`a\n${"x".repeat(50)}\nb\n`, [3, 20, 40], false, 16);
    expect(pieces.map((p) => (p.kind === "long" ? `long:${p.length}` : dec.decode(p.bytes)))).toEqual(["a\n", "long:50", "b\n"]);
    expect(pieces.reduce((n, p) => n + p.lines, 0)).toBe(3);
  });
});
