// A batch reads a pack once on the main thread and sends the read documents to its workers, which
// compile them (compileRead). What a worker compiles must be the pack loadPack gives: same hash,
// same answers, the same problems placed at the same lines.
import { describe, expect, it } from "vitest";
import { compilePack, evaluate, readPackDir } from "../../src/index.js";
import { compileRead } from "../../src/engine/compile/index.js";
import { fromPlainRead, plainRead, readPackFiles } from "../../src/engine/read/index.js";
import { problems } from "../calendar/helpers/run.js";

const suqian = readPackDir("policies/suqian");
/** As a worker receives it: the plain read, copied by the structured clone postMessage uses. */
const viaWorker = (files: Record<string, string>, folder: string) => {
  const plain = plainRead(readPackFiles(files));
  expect(plain).not.toBeNull();
  return compileRead(fromPlainRead(structuredClone(plain!)), { folder });
};

describe("a pack compiled from its plain read (a batch worker's copy)", () => {
  it("is the pack compilePack gives: same hash, same answer for a case", () => {
    const direct = compilePack(suqian, { folder: "suqian" });
    const copied = viaWorker(suqian, "suqian");
    expect(copied.hash).toBe(direct.hash);
    const input = { asOf: "2026-09-18", facts: { issueKind: "complex" as const }, events: { "mayor-direct": { received: "2026-09-18" } } };
    // 宿迁 一(八): a complex matter is done within 15 working days of receipt. Received Friday 2026-09-18:
    // Sunday 09-20 is a 调休 workday (day 1), 中秋 09-25–27 and 国庆 10-01–07 are off, Saturday 10-10
    // is worked, so day 15 is 10-15.
    const due = evaluate(copied, input).deadlines["mayor-direct"]!;
    expect("dueDate" in due && due.dueDate).toBe("2026-10-15");
    expect(evaluate(copied, input)).toEqual(evaluate(direct, input));
  });

  it("reports a check's problem at the same file, line and column", () => {
    const expected = problems(() => compilePack(suqian, { folder: "renamed" }));
    expect(expected.map((p) => p.code)).toEqual(["PACK_ID_MISMATCH"]);
    const got = problems(() => viaWorker(suqian, "renamed"));
    expect(got.map((p) => [p.code, p.file, p.line, p.col])).toEqual(expected.map((p) => [p.code, p.file, p.line, p.col]));
    expect(got[0]!.line).toBeGreaterThan(0);
  });

  it("is not made from a read with problems (those are reported where the pack was read)", () => {
    const broken = { ...suqian, "units.yaml": suqian["units.yaml"]!.replace("units:", "units: [") };
    expect(plainRead(readPackFiles(broken))).toBeNull();
  });
});
