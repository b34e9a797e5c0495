import { describe, expect, it } from "vitest";
import { templatePaths } from "../../src/template/templates.js";
import { checkRowTotal } from "../../src/validate/rules/row-total.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };
const SIX = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg"];

describe("row-total rule", () => {
  it("gives no finding on a consistent report of either template", () => {
    expect(checkRowTotal(makeReport(), opts)).toEqual([]);
    expect(checkRowTotal(makeReport({}, { template: "2019" }), opts)).toEqual([]);
  });

  it("reports the broken row with its total first and the six columns", () => {
    // sample granted: 2+3+4+5+6+7 = 27
    const findings = checkRowTotal(makeReport({ "applications.granted.total": 26 }), opts);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "row-total",
        severity: "error",
        paths: ["applications.granted.total", ...SIX.map((c) => `applications.granted.${c}`)],
        expected: 27,
        actual: 26,
      }),
    ]);
    expect(findings[0]!.message).toMatch(/^“\(一\)予以公开”的总计应等于各类申请人之和（期望 27，实际 26） \/ row-total:/);
  });

  it("checks the 2019 otherHandling.all row and not the 2021 rows", () => {
    const findings = checkRowTotal(makeReport({ "applications.otherHandling.all.total": 3 }, { template: "2019" }), opts);
    expect(findings.map((f) => [f.paths[0], f.expected, f.actual])).toEqual([["applications.otherHandling.all.total", 1, 3]]);
    const rows2019 = templatePaths("2019").filter((p) => p.startsWith("applications.") && p.endsWith(".total"));
    expect(checkRowTotal(makeReport({}, { template: "2019", base: "zero" }), opts)).toEqual([]);
    expect(rows2019).toHaveLength(23);
  });

  it("reports a blank cell (even a blank total) as not checkable", () => {
    const findings = checkRowTotal(
      makeReport({ "applications.otherHandling.other.total": null, "applications.granted.naturalPerson": null }),
      opts,
    );
    expect(findings.map((f) => [f.paths[0], f.severity, f.notCheckable])).toEqual([
      ["applications.granted.total", "info", true],
      ["applications.otherHandling.other.total", "info", true],
    ]);
    expect(findings[0]!.message).toContain("applications.granted.naturalPerson");
  });

  it("treats a row missing from the model as not checkable", () => {
    const report = makeReport();
    delete (report.applications!.otherHandling as Record<string, unknown>).overdueFee;
    const findings = checkRowTotal(report, opts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ paths: ["applications.otherHandling.overdueFee.total", ...SIX.map((c) => `applications.otherHandling.overdueFee.${c}`)], notCheckable: true });
  });
});
