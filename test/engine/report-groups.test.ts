// scoring.yaml's `report` block (how a scorecard's results are published): its groups name units
// of units.yaml, each unit in one group only — otherwise the pack is refused with every problem.
import { describe, expect, it } from "vitest";
import { compilePack, readPackDir, YingshangError } from "../../src/index.js";

const files = readPackDir("policies/xinghua");

function problemsWith(from: string, to: string): { code: string; path?: string }[] {
  const text = files["scoring.yaml"]!;
  expect(text.split(from).length - 1).toBe(1);
  try {
    compilePack({ ...files, "scoring.yaml": text.replace(from, to) }, { folder: "xinghua" });
  } catch (e) {
    if (e instanceof YingshangError) return e.problems.map((p) => ({ code: p.code, path: p.path }));
    throw e;
  }
  return [];
}

describe("scorecard report groups", () => {
  it("the bundled 兴化 pack ranks 乡镇(街道)、开发区 apart from 政府职能部门 (附件2一、二)", () => {
    const card = compilePack(files, { folder: "xinghua" }).docs.scorecards[0]!;
    expect(card.report?.groups?.map((g) => [g.zh, g.units])).toEqual([
      ["乡镇(街道)、开发区", ["township", "development-zone"]],
      ["政府职能部门", ["government-departments"]],
    ]);
    expect(card.report?.issuer?.zh).toBe("兴化市行政审批局");
    expect(card.report?.basis?.zh).toBe("项目审批代办帮办工作考评办法");
  });

  it("refuses a unit units.yaml does not declare, and a unit in two groups, both at once", () => {
    const ps = problemsWith("units: [government-departments]", "units: [government-department, township]");
    expect(ps.map((p) => p.code).sort()).toEqual(["DUPLICATE_ID", "UNKNOWN_REFERENCE"]);
  });
});
