import { describe, expect, it } from "vitest";
import { csvRecords } from "./cli-harness.js";
import {
  atLeast,
  findingCsvHeader,
  findingCsvRow,
  formatFindingText,
  palette,
  toFindingRecord,
} from "../../src/cli/finding-format.js";
import { LineIndex } from "../../src/cli/line-index.js";
import type { Finding, Report } from "../../src/types.js";

const TEXT = "标题\n一、本年新收 | 5 | 0\n";
const report = {
  source: { text: TEXT },
  locations: { "applications.newReceived.total": { start: 13, end: 14, text: "0" } },
} as unknown as Report;

const finding: Finding = {
  rule: "row-total",
  severity: "error",
  message: "总计不等于各列之和 / row-total: total is not the sum",
  paths: ["applications.newReceived.total", "applications.newReceived.naturalPerson"],
  expected: 5,
  actual: 0,
};

describe("finding records", () => {
  it("take the position of the finding, else of its checked cell", () => {
    const lines = new LineIndex(TEXT);
    expect(toFindingRecord(finding, "a.txt", report, lines)).toMatchObject({ line: 2, column: 11, start: 13, end: 14 });
    expect(toFindingRecord({ ...finding, start: 3, end: 5 }, "a.txt", report, lines)).toMatchObject({ line: 2, column: 1 });
    expect(toFindingRecord({ ...finding, paths: ["template"] }, "a.txt", report, lines)).toMatchObject({ line: null, column: null });
  });

  it("read as text with file:line:column, rule, cells and expected vs actual", () => {
    const record = toFindingRecord(finding, "a.txt", report, new LineIndex(TEXT));
    expect(formatFindingText(record, palette(false))).toBe(
      "a.txt:2:11  error    row-total  applications.newReceived.total (+1 cell)  expected 5, actual 0\n" +
        "    总计不等于各列之和 / row-total: total is not the sum\n",
    );
    expect(formatFindingText({ ...record, notCheckable: true }, palette(true))).toMatch(/\u001b\[31merror.*not checkable/);
  });

  it("read as CSV rows", () => {
    const record = toFindingRecord(finding, "a,b.txt", report, new LineIndex(TEXT));
    const [row] = csvRecords(findingCsvHeader("en") + findingCsvRow(record, "区经信局", 2021));
    expect(row).toMatchObject({
      file: "a,b.txt",
      line: "2",
      column: "11",
      rule: "row-total",
      cell: "applications.newReceived.total",
      cells: "applications.newReceived.total applications.newReceived.naturalPerson",
      expected: "5",
      actual: "0",
      "meta.organization": "区经信局",
      "meta.year": "2021",
    });
    expect(findingCsvHeader("zh").startsWith("文件,行,列,级别,规则")).toBe(true);
  });

  it("order severities", () => {
    expect(atLeast("error", "warning")).toBe(true);
    expect(atLeast("info", "warning")).toBe(false);
    expect(atLeast("warning", "warning")).toBe(true);
  });
});
