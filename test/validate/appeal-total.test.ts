import { describe, expect, it } from "vitest";
import { checkAppealTotal } from "../../src/validate/rules/appeal-total.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };

describe("appeal-total rule", () => {
  it("gives no finding on a consistent report", () => {
    expect(checkAppealTotal(makeReport(), opts)).toEqual([]);
    expect(checkAppealTotal(makeReport({}, { template: "2019" }), opts)).toEqual([]);
  });

  it("reports the broken row with total, upheld, corrected, other, pending", () => {
    const findings = checkAppealTotal(makeReport({ "appeals.litigationAfterReview.total": 0 }), opts);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "appeal-total",
        severity: "error",
        paths: [
          "appeals.litigationAfterReview.total",
          "appeals.litigationAfterReview.upheld",
          "appeals.litigationAfterReview.corrected",
          "appeals.litigationAfterReview.other",
          "appeals.litigationAfterReview.pending",
        ],
        expected: 1,
        actual: 0,
      }),
    ]);
    expect(findings[0]!.message).toContain("行政诉讼·复议后起诉的总计");
  });

  it("reports a blank cell as not checkable", () => {
    const findings = checkAppealTotal(makeReport({ "appeals.review.pending": null }), opts);
    expect(findings.map((f) => [f.paths[0], f.severity, f.notCheckable])).toEqual([["appeals.review.total", "info", true]]);
  });

  it("leaves a missing table to missing-table", () => {
    expect(checkAppealTotal(makeReport({}, { omitTables: ["appeals"] }), opts)).toEqual([]);
  });
});
