/**
 * Rows written as text lines and numbers floating outside their table.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/index.js";
import { findStrayContent } from "../../src/report/stray-rows.js";
import { blockOf, splitLines } from "../../src/tokenize/lines.js";

const head = "二、主动公开政府信息情况\n";
const tables = [
  "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
  "|---|---|---|---|",
  "| 规章 | 22 | 235 |",
  "| 行政规范性文件 | 34 | 0 | 189 |",
].join("\n");

describe("stray content", () => {
  it("reads label-number lines of a table section as rows, with offsets", () => {
    const text = `${head}行政许可 0\n行政处罚 12\n三、收到和处理政府信息公开申请情况\n`;
    const blocks = splitLines(text).filter((l) => l.text.trim()).map(blockOf);
    const sections = [{ number: 2 as const, heading: "二、主动公开政府信息情况", text: "", start: 0, end: 40 }];
    const { tables: rows } = findStrayContent(blocks, sections, "markdown");
    expect(rows.map((t) => t.rows[0]!.map((c) => c.text))).toEqual([["行政许可", "0"], ["行政处罚", "12"]]);
    const twelve = rows[1]!.rows[0]![1]!;
    expect(text.slice(twelve.start, twelve.end)).toBe("12");
  });

  it("leaves the cells null when the floating numbers fit several places", () => {
    const report = parseReport(`${head}22\n（其中修订 16 件）\n0\n${tables.replace("| 规章 | 22 | 235 |", "| 规章 | 235 |")}`);
    const d = report.diagnostics.filter((x) => x.code === "floating-cell" || x.code === "ambiguous-cell");
    // 22 and 0 go around 235 in three ways: every cell differs between them
    expect(report.activeDisclosure && "issued" in report.activeDisclosure.rules ? report.activeDisclosure.rules : null).toEqual({
      issued: null,
      repealed: null,
      inForce: null,
    });
    expect(d.map((x) => x.path)).toEqual(["activeDisclosure.rules.issued", "activeDisclosure.rules.repealed", "activeDisclosure.rules.inForce"]);
    expect(d[0]!.alternatives).toHaveLength(3);
  });

  it("keeps the cells every placement agrees on", () => {
    const report = parseReport(`${head}22\n（其中修订 16 件）\n${tables}`);
    const ad = report.activeDisclosure as { rules: Record<string, number | null>; normativeDocuments: Record<string, number | null> };
    expect(ad.rules).toEqual({ issued: 22, repealed: null, inForce: null });
    expect(ad.normativeDocuments).toEqual({ issued: 34, repealed: 0, inForce: 189 });
    const alternatives = report.diagnostics.find((x) => x.path === "activeDisclosure.rules.repealed")?.alternatives;
    expect(alternatives).toHaveLength(2);
    expect(alternatives).toEqual(expect.arrayContaining([
      { "activeDisclosure.rules.issued": 22, "activeDisclosure.rules.repealed": 22, "activeDisclosure.rules.inForce": 235 },
      { "activeDisclosure.rules.issued": 22, "activeDisclosure.rules.repealed": 235, "activeDisclosure.rules.inForce": 22 },
    ]));
  });
});

describe("one placement", () => {
  it("uses it, with a note", () => {
    const report = parseReport(`${head}5\n（其中修订 1 件）\n${tables.replace("| 规章 | 22 | 235 |", "| 规章 | 5 | 5 |")}`);
    const ad = report.activeDisclosure as { rules: Record<string, number | null> };
    expect(ad.rules).toEqual({ issued: 5, repealed: 5, inForce: 5 });
    expect(report.diagnostics.find((d) => d.code === "floating-cell")?.path).toBe("activeDisclosure.rules");
  });

  it("is not tried when the floating numbers do not fill the missing cells exactly", () => {
    const report = parseReport(`${head}22\n（其中修订 16 件）\n${tables.replace("| 规章 | 22 | 235 |", "| 规章 | 235 |")}`);
    const ad = report.activeDisclosure as { rules: Record<string, number | null> };
    expect(ad.rules).toEqual({ issued: 235, repealed: null, inForce: null });
    expect(report.diagnostics.filter((d) => d.code === "missing-cell").map((d) => d.path)).toEqual([
      "activeDisclosure.rules.repealed",
      "activeDisclosure.rules.inForce",
    ]);
  });
});
