import { describe, expect, it } from "vitest";
import { checkMissingTable } from "../../src/validate/rules/missing-table.js";
import { makeReport } from "../helpers/make-report.js";

describe("missing-table rule", () => {
  it("gives no finding when the three tables are there", () => {
    expect(checkMissingTable(makeReport())).toEqual([]);
    expect(checkMissingTable(makeReport({}, { template: "2019" }))).toEqual([]);
  });

  it("reports each absent table as an error", () => {
    const findings = checkMissingTable(makeReport({}, { omitTables: ["appeals", "activeDisclosure"] }));
    expect(findings.map((f) => [f.rule, f.severity, f.paths])).toEqual([
      ["missing-table", "error", ["activeDisclosure"]],
      ["missing-table", "error", ["appeals"]],
    ]);
    expect(findings[1]!.message).toBe(
      "缺少表格“四、政府信息公开行政复议、行政诉讼情况” / missing-table: the table appeals is absent or could not be read",
    );
  });

  it("does not ask legacy or unknown reports for tables", () => {
    const bare = { ...makeReport(), activeDisclosure: null, applications: null, appeals: null };
    expect(checkMissingTable({ ...bare, template: "legacy" })).toEqual([]);
    expect(checkMissingTable({ ...bare, template: "unknown" })).toEqual([]);
    expect(checkMissingTable({ ...bare, template: "2019" })).toHaveLength(3);
  });
});
