import { describe, expect, it } from "vitest";
import { checkInForce } from "../../src/validate/rules/in-force.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };

describe("in-force rule", () => {
  // sample: rules issued 1, repealed 0, inForce 10; normativeDocuments issued 5, repealed 2, inForce 40
  const earlier = makeReport({ "activeDisclosure.rules.inForce": 9, "activeDisclosure.normativeDocuments.inForce": 37 }, { year: 2022 });

  it("gives no finding when inForce(N) = inForce(N-1) + issued(N) - repealed(N)", () => {
    const later = makeReport({}, { year: 2023 });
    expect(checkInForce({ earlier, later, years: [2022, 2023] }, opts)).toEqual([]);
  });

  it("warns per row that does not follow, naming both years", () => {
    const later = makeReport({ "activeDisclosure.normativeDocuments.inForce": 470 }, { year: 2023 });
    const findings = checkInForce({ earlier, later, years: [2022, 2023] }, opts);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "in-force",
        severity: "warning",
        paths: [
          "activeDisclosure.normativeDocuments.inForce",
          "activeDisclosure.normativeDocuments.inForce",
          "activeDisclosure.normativeDocuments.issued",
          "activeDisclosure.normativeDocuments.repealed",
        ],
        reports: [2022, 2023],
        expected: 40,
        actual: 470,
      }),
    ]);
    expect(findings[0]!.message).toContain("2023年行政规范性文件现行有效件数应等于2022年现行有效件数加2023年制发件数减废止件数（期望 40，实际 470）");
  });

  it("only applies when both years use the 2021 template", () => {
    const old = makeReport({}, { template: "2019", year: 2020 });
    const later = makeReport({ "activeDisclosure.rules.inForce": 999 }, { year: 2021 });
    expect(checkInForce({ earlier: old, later, years: [2020, 2021] }, opts)).toEqual([]);
  });

  it("reports a blank cell as not checkable", () => {
    const later = makeReport({ "activeDisclosure.rules.repealed": null }, { year: 2023 });
    const findings = checkInForce({ earlier, later, years: [2022, 2023] }, opts);
    expect(findings.map((f) => [f.paths[0], f.severity, f.notCheckable])).toEqual([["activeDisclosure.rules.inForce", "info", true]]);
    expect(findings[0]!.message).toContain("activeDisclosure.rules.repealed (2023)");
  });
});
