import { describe, expect, it } from "vitest";
import { checkNonInteger } from "../../src/validate/rules/non-integer.js";
import { makeReport } from "../helpers/make-report.js";

describe("non-integer rule", () => {
  it("accepts decimals in money cells", () => {
    expect(checkNonInteger(makeReport({ "activeDisclosure.fees.amount": 18651.06 }))).toEqual([]);
    expect(checkNonInteger(makeReport({ "activeDisclosure.procurement.amount": 94432.52 }, { template: "2019" }))).toEqual([]);
  });

  it("reports each count that is not a whole number", () => {
    const findings = checkNonInteger(
      makeReport({ "activeDisclosure.licensing.decisions": 1.5, "applications.total.total": Number.NaN }),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.paths, f.actual])).toEqual([
      ["non-integer", "error", ["activeDisclosure.licensing.decisions"], 1.5],
      ["non-integer", "error", ["applications.total.total"], Number.NaN],
    ]);
    expect(findings[0]!.message).toContain("数量应为整数：activeDisclosure.licensing.decisions = 1.5");
  });

  it("checks a 2019 report's counts, not its procurement amount", () => {
    const findings = checkNonInteger(
      makeReport({ "activeDisclosure.procurement.items": 2.25, "activeDisclosure.procurement.amount": 1.25 }, { template: "2019" }),
    );
    expect(findings.map((f) => f.paths[0])).toEqual(["activeDisclosure.procurement.items"]);
  });
});
