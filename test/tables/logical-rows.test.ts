import { describe, expect, it } from "vitest";
import { fitValues, logicalRows, toLogicalRow } from "../../src/tables/logical-rows.js";
import { readCellValue } from "../../src/text/cell-value.js";
import type { Cell } from "../../src/types.js";

const cell = (text: string, colSpan = 1): Cell => ({ text, rowSpan: 1, colSpan, start: 0, end: text.length });
const cells = (...t: string[]) => t.map((x) => cell(x));
const texts = (cs: Array<Cell | null>) => cs.map((c) => (c ? c.text : null));

describe("readCellValue", () => {
  it("reads numbers in their written forms", () => {
    expect(readCellValue("１２３")).toEqual({ kind: "number", value: 123 });
    expect(readCellValue("1,234")).toEqual({ kind: "number", value: 1234 });
    expect(readCellValue(" -8 ")).toEqual({ kind: "number", value: -8 });
    expect(readCellValue("+1036")).toEqual({ kind: "number", value: 1036 });
    expect(readCellValue("18651.06")).toEqual({ kind: "number", value: 18651.06 });
    expect(readCellValue("251000元")).toEqual({ kind: "number", value: 251000, unit: "元" });
    expect(readCellValue("22（其中修订 16 件）")).toEqual({ kind: "number", value: 22, note: "(其中修订16件)" });
  });
  it("reads blanks and text", () => {
    expect.assertions(11);
    for (const b of ["", " ", "/", "—", "-", "无", "不适用", "\u00a0"]) expect(readCellValue(b).kind).toBe("blank");
    for (const t of ["规章", "12件申请", "1.属于国家秘密"]) expect(readCellValue(t).kind).toBe("text");
  });
});

describe("toLogicalRow", () => {
  it("splits labels from values", () => {
    const row = toLogicalRow(cells("", "(三) 不予公开", "1.属于国家秘密", "", "0", "1"));
    expect(texts(row.labels)).toEqual(["(三) 不予公开", "1.属于国家秘密"]);
    expect(texts(row.values)).toEqual(["", "0", "1"]);
    expect(row.numbers).toBe(2);
  });
  it("expands a blank spanning several columns", () => {
    const row = toLogicalRow([cell("规章"), cell("3"), cell("", 2)]);
    expect(texts(row.values)).toEqual(["3", "", ""]);
  });
  it("keeps numbers before a trailing note", () => {
    const row = toLogicalRow(cells("行政许可", "14", "备注"));
    expect(texts(row.values)).toEqual(["14", "备注"]);
    expect(texts(row.labels)).toEqual(["行政许可"]);
  });
  it("joins a label row with the value row under it", () => {
    const rows = logicalRows({ kind: null, layout: "markdown", start: 0, end: 0, rows: [cells("(二)部分公开"), cells("2", "0", "2")] });
    expect(rows).toHaveLength(1);
    expect(texts(rows[0]!.labels)).toEqual(["(二)部分公开"]);
    expect(texts(rows[0]!.values)).toEqual(["2", "0", "2"]);
  });
});

describe("fitValues", () => {
  it("drops blank edges left by merged cells, trailing first", () => {
    expect(texts(fitValues(cells("", "0", "0", ""), 3).cells)).toEqual(["", "0", "0"]);
    expect(texts(fitValues(cells("", "0", "0", "0", ""), 3).cells)).toEqual(["0", "0", "0"]);
    expect(texts(fitValues(cells("0", "0", "", "", ""), 3).cells)).toEqual(["0", "0", ""]);
  });
  it("leaves missing columns null and reports extra cells", () => {
    expect(texts(fitValues(cells("1"), 3).cells)).toEqual(["1", null, null]);
    const f = fitValues(cells("1", "2", "3"), 2);
    expect(texts(f.cells)).toEqual(["1", "2"]);
    expect(texts(f.extra)).toEqual(["3"]);
  });
});
