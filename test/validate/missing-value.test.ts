import { describe, expect, it } from "vitest";
import { checkMissingValue } from "../../src/validate/rules/missing-value.js";
import { makeReport } from "../helpers/make-report.js";

describe("missing-value rule", () => {
  it("gives no finding when every cell has a value", () => {
    expect(checkMissingValue(makeReport())).toEqual([]);
    expect(checkMissingValue(makeReport({}, { template: "2019" }))).toEqual([]);
  });

  it("warns once per blank cell, in table order", () => {
    const findings = checkMissingValue(
      makeReport({
        "appeals.review.total": null,
        "applications.granted.naturalPerson": null,
        "activeDisclosure.rules.inForce": null,
      }),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.paths])).toEqual([
      ["missing-value", "warning", ["activeDisclosure.rules.inForce"]],
      ["missing-value", "warning", ["applications.granted.naturalPerson"]],
      ["missing-value", "warning", ["appeals.review.total"]],
    ]);
    expect(findings[1]!.message).toBe(
      "单元格为空：applications.granted.naturalPerson / missing-value: applications.granted.naturalPerson is blank",
    );
  });

  it("only reads the paths of the report's own template", () => {
    const findings = checkMissingValue(
      makeReport({ "activeDisclosure.rules.total": null, "activeDisclosure.normativeDocuments.total": null }, { template: "2019" }),
    );
    expect(findings.map((f) => f.paths[0])).toEqual(["activeDisclosure.rules.total", "activeDisclosure.normativeDocuments.total"]);
  });

  it("reports a row absent from the model, but not the cells of an absent table", () => {
    const report = makeReport({}, { omitTables: ["activeDisclosure", "appeals"] });
    delete (report.applications!.denied as Record<string, unknown>).stateSecret;
    const findings = checkMissingValue(report);
    expect(findings).toHaveLength(7);
    expect(findings.every((f) => f.paths[0]!.startsWith("applications.denied.stateSecret."))).toBe(true);
  });

  it("does nothing for legacy and unknown reports", () => {
    expect(checkMissingValue({ ...makeReport(), template: "legacy", applications: null })).toEqual([]);
    expect(checkMissingValue({ ...makeReport(), template: "unknown" })).toEqual([]);
  });
});
