import { describe, expect, it } from "vitest";
import { checkNegative } from "../../src/validate/rules/negative.js";
import { makeReport } from "../helpers/make-report.js";

describe("negative rule", () => {
  it("gives no finding on a consistent report; *.change may be negative", () => {
    const report2019 = makeReport({ "activeDisclosure.punishment.change": -8 }, { template: "2019" });
    expect(report2019.activeDisclosure).toMatchObject({ licensing: { change: -3 }, fees: { change: -1 } });
    expect(checkNegative(report2019)).toEqual([]);
    expect(checkNegative(makeReport())).toEqual([]);
  });

  it("reports each negative count with its path and value", () => {
    const findings = checkNegative(
      makeReport({ "applications.granted.research": -2, "appeals.review.other": -1, "activeDisclosure.fees.amount": -0.5 }),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.paths, f.actual])).toEqual([
      ["negative", "error", ["activeDisclosure.fees.amount"], -0.5],
      ["negative", "error", ["applications.granted.research"], -2],
      ["negative", "error", ["appeals.review.other"], -1],
    ]);
    expect(findings[1]!.message).toBe(
      "数量不应为负数：applications.granted.research = -2 / negative: applications.granted.research is -2, a count cannot be negative",
    );
  });

  it("ignores blank cells and missing tables", () => {
    expect(checkNegative(makeReport({ "applications.granted.research": null }, { omitTables: ["appeals"] }))).toEqual([]);
  });

  it("also checks numbers outside the template's paths", () => {
    const report = makeReport();
    (report.applications!.otherHandling as Record<string, unknown>).all = { naturalPerson: -1 };
    expect(checkNegative(report).map((f) => f.paths[0])).toEqual(["applications.otherHandling.all.naturalPerson"]);
  });
});
