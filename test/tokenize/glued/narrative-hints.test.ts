import { describe, expect, it } from "vitest";
import { narrativeHints } from "../../../src/tokenize/glued/narrative-hints.js";

describe("narrativeHints", () => {
  it("reads the figures of table 2 that the 2021-template narrative states", () => {
    const hints = narrativeHints("集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件；废止规章 2 件。", "2021");
    expect(Object.fromEntries(hints)).toEqual({
      "activeDisclosure.normativeDocuments.issued": [88],
      "activeDisclosure.normativeDocuments.inForce": [698],
      "activeDisclosure.rules.repealed": [2],
    });
  });

  it("ignores counts of information items (条) and other documents", () => {
    expect(narrativeHints("政策、规范性文件类信息68条，发布政策文件20件", "2021").size).toBe(0);
    expect(narrativeHints("已宣布废止规范性文件5件", "2019").size).toBe(0);
  });

  it("keeps every figure a path is given, once", () => {
    const hints = narrativeHints("现行有效行政规范性文件393件……现行有效规范性文件470件……现行有效规范性文件393件", "2021");
    expect(hints.get("activeDisclosure.normativeDocuments.inForce")).toEqual([393, 470]);
  });
});
