/**
 * Sections, metadata, label matching and row alignment.
 */
import { describe, expect, it } from "vitest";
import { alignRows } from "../../src/report/align-rows.js";
import { extractMeta, organizationFromTitle } from "../../src/report/extract-meta.js";
import { buildSections } from "../../src/report/find-sections.js";
import { headingOf } from "../../src/template/headings.js";
import { buildLabelIndex, labelSimilarity } from "../../src/report/match-label.js";
import { labelKey } from "../../src/template/normalize.js";
import { rowsOf } from "../../src/template/templates.js";
import { toLogicalRow } from "../../src/tables/logical-rows.js";
import type { Cell } from "../../src/types.js";

const block = (text: string, start = 0) => ({ text, start, end: start + text.length });
const cell = (text: string): Cell => ({ text, rowSpan: 1, colSpan: 1, start: 0, end: text.length });

describe("headings", () => {
  it("recognises the six headings and their variants", () => {
    expect(headingOf("一、总体情况")?.number).toBe(1);
    expect(headingOf("&nbsp;二、主动公开政府信息情况".replace("&nbsp;", " "))?.number).toBe(2);
    expect(headingOf("四、政府信息公开行政复议、行政诉讼情况")?.number).toBe(4);
    expect(headingOf("五、存在问题和改进措施")).toEqual({ number: 5, heading: "五、存在问题和改进措施" });
    expect(headingOf("五、政府信息公开工作存在的主要问题及改进情况")?.number).toBe(5);
    expect(headingOf("六、其他需要报告的事项")?.number).toBe(6);
    expect(headingOf("一、总体情况2021年，我区以……")?.heading).toBe("一、总体情况");
  });
  it("does not take rows of table 3 for headings", () => {
    expect(headingOf("四、结转下年度继续办理")).toBeNull();
    expect(headingOf("三、本年度办理结果")).toBeNull();
    expect(headingOf("一、本年新收政府信息公开申请数量")).toBeNull();
  });
  it("finds a second copy of the report", () => {
    const blocks = ["一、总体情况", "甲", "二、主动公开政府信息情况", "六、其他需要报告的事项", "一、总体情况", "甲"].map((t, i) => block(t, i * 20));
    const { sections, copyStart } = buildSections(blocks, 200);
    expect(sections.map((s) => s.number)).toEqual([1, 2, 6]);
    expect(sections[0]!.text).toBe("甲");
    expect(copyStart).toBe(80);
  });
});

describe("metadata", () => {
  it("reads organization and year from a title, either order", () => {
    expect(organizationFromTitle("卢氏县交通运输局 2024 年政府信息公开工作年度报告")).toBe("卢氏县交通运输局");
    expect(organizationFromTitle("2025年上海市人民政府办公厅政府信息公开工作年度报告")).toBe("上海市人民政府办公厅");
    const meta = extractMeta([block("湛河区交通局2022年政府信息公开工作年度报告")], []);
    expect(meta).toEqual({ title: "湛河区交通局2022年政府信息公开工作年度报告", organization: "湛河区交通局", year: 2022 });
  });
  it("joins a title wrapped over two lines", () => {
    const meta = extractMeta([block("正文"), block("2025 年上海市人民政府办公厅政府信息公开", 3), block("工作年度报告", 30)], []);
    expect(meta.title).toBe("2025 年上海市人民政府办公厅政府信息公开工作年度报告");
  });
  it("without a title, reads the organ and the year from the text", () => {
    const text = [block("一、总体情况"), block("2021年,区经信局扎实推进政府信息公开工作。2022年我们将继续。2021年无依申请公开情况。")];
    expect(extractMeta([], text)).toEqual({ title: null, organization: "区经信局", year: 2021 });
    expect(extractMeta([], [block("2021年，我局通过网站主动公开信息")]).organization).toBeNull();
  });
  it("prefers the statistical period for the year", () => {
    const text = [block("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。2024年将继续。2024年…2024年")];
    expect(extractMeta([], text).year).toBe(2023);
  });
});

describe("label matching", () => {
  const specs = rowsOf("applications", "2021");
  const index = buildLabelIndex(specs.map((s) => s.label));
  const best = (written: string) => {
    let j = -1;
    let s = -1;
    specs.forEach((_, i) => {
      const x = labelSimilarity(written, i, index);
      if (x > s) { s = x; j = i; }
    });
    return specs[j]!.path;
  };
  it("is insensitive to width, spaces, brackets and numbering", () => {
    expect(labelKey("（三）不予公开 1. 属于 国家秘密")).toBe("不予公开1属于国家秘密");
    expect(best("１．属于国家秘密")).toBe("denied.stateSecret");
    expect(best("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)")).toBe("partiallyGranted");
  });
  it("tolerates typos and truncation", () => {
    expect(best("属于国家秘蜜")).toBe("denied.stateSecret");
    expect(best("没有现成信息需要另行制")).toBe("unavailable.requiresCreation");
    expect(best("要求行政机关确认或重新出具已获取信")).toBe("notProcessed.confirmation");
    expect(best("行政机关不再处理其政府信息公")).not.toBe("denied.stateSecret");
  });
});

describe("row alignment", () => {
  it("places the short '3. 其他' by order, and a header '总计' is not the (七)总计 row", () => {
    const rows = [
      ["自然人", "法人或其他组织", "总计", "", ""],
      ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
      ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
      ["3. 其他", "0", "0", "0", "0", "0", "0", "0"],
      ["(七) 总计", "1", "0", "0", "0", "0", "0", "1"],
    ].map((r) => toLogicalRow(r.map(cell)));
    const matches = alignRows(rows, rowsOf("applications", "2021"));
    expect(matches.map((m) => m.spec.path)).toEqual(["newReceived", "otherHandling.overdueFee", "otherHandling.other", "total"]);
  });

  const table = (newReceived: string[], total: string[]) =>
    [["一、本年新收政府信息公开申请数量", ...newReceived], ["(七) 总计", ...total]].map((r) => toLogicalRow(r.map(cell)));

  it("gives a table of a shape seen before the same matches, on its own rows", () => {
    const first = table(["1", "0", "0", "0", "0", "0", "1"], ["1", "0", "0", "0", "0", "0", "1"]);
    const second = table(["5", "0", "0", "0", "0", "0", "5"], ["7", "0", "0", "0", "0", "0", "7"]);
    const a = alignRows(first, rowsOf("applications", "2021"));
    const b = alignRows(second, rowsOf("applications", "2021"));
    expect(b.map((m) => [m.spec.path, m.score])).toEqual(a.map((m) => [m.spec.path, m.score]));
    expect(b.map((m) => m.row)).toEqual(second);
    expect(b[0]!.row).toBe(second[0]);
  });

  it("does not reuse the matches of a shape when a row gains or loses its numbers", () => {
    const withNumbers = alignRows(table(["1", "0", "0", "0", "0", "0", "1"], ["1"]), rowsOf("applications", "2021"));
    const labelsOnly = alignRows(table(["", "", "", "", "", "", ""], ["1"]), rowsOf("applications", "2021"));
    expect(withNumbers.map((m) => m.score)[0]).toBeGreaterThan(labelsOnly.map((m) => m.score)[0] ?? 0);
  });
});
