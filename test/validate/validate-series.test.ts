import { describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { consecutivePairs, validateSeries } from "../../src/validate/validate-series.js";
import { makeReport } from "../helpers/make-report.js";

// sample: carriedForward.total 7, carriedOver.total 3 -> consecutive sample reports disagree on the total column
// and every applicant column except naturalPerson (forward 0,1,1,2,1,2 vs over 0,1,0,1,0,1)
// each year's narrative its own (the same text every year would be a repeated-text warning)
const STEM = "甲乙丙丁戊己庚辛";
const own = (y: number, what: string) => `${STEM[y % 8]}${STEM[(y + 3) % 8]}年度${what}，各项工作按计划推进。`;
const narrative = (y: number) => ({ 1: own(y, "总体情况说明"), 5: own(y, "存在问题说明"), 6: own(y, "其他事项说明") });
const year = (y: number, values: Record<string, number | null> = {}) => makeReport(values, { year: y, sections: narrative(y) });

describe("consecutivePairs", () => {
  it("pairs consecutive years in year order, skipping gaps and reports without a year", () => {
    const reports = [year(2023), year(2021), makeReport({}, { year: null }), year(2022), year(2025)];
    expect(consecutivePairs(reports).map((p) => p.years)).toEqual([
      [2021, 2022],
      [2022, 2023],
    ]);
  });
});

describe("validateSeries", () => {
  it("returns nothing for a single report or a consistent series", () => {
    expect(validateSeries([year(2022)])).toEqual({ valid: true, findings: [] });
    expect(validateSeries([])).toEqual({ valid: true, findings: [] });
    const forward = year(2022, { "activeDisclosure.rules.inForce": 9, "activeDisclosure.normativeDocuments.inForce": 37 });
    const next = year(2023, {
      "applications.carriedOver.naturalPerson": 0,
      "applications.carriedOver.commercial": 1,
      "applications.carriedOver.research": 1,
      "applications.carriedOver.nonprofit": 2,
      "applications.carriedOver.legalService": 1,
      "applications.carriedOver.otherOrg": 2,
      "applications.carriedOver.total": 7,
      // keep the later year's own balance: its carriedForward grows with its carriedOver
      "applications.carriedForward.research": 2,
      "applications.carriedForward.nonprofit": 3,
      "applications.carriedForward.legalService": 2,
      "applications.carriedForward.otherOrg": 3,
      "applications.carriedForward.total": 11,
    });
    // only the share of repeated sentences, always reported: none of 2023's sentences is 2022's
    expect(validateSeries([next, forward])).toEqual({
      valid: true,
      findings: [expect.objectContaining({ rule: "repeated-text", severity: "info", actual: 0, reports: [2022, 2023] })],
    });
  });

  it("warns (never errs) on carry-over and in-force, sorted by year", () => {
    const result = validateSeries([year(2023, { "activeDisclosure.rules.inForce": 50 }), year(2022)], { rules: ["carry-over", "in-force"] });
    expect(result.valid).toBe(true);
    expect(result.findings.map((f) => [f.rule, f.severity, f.paths[0], f.reports])).toEqual([
      ["carry-over", "warning", "applications.carriedForward.research", [2022, 2023]],
      ["carry-over", "warning", "applications.carriedForward.nonprofit", [2022, 2023]],
      ["carry-over", "warning", "applications.carriedForward.legalService", [2022, 2023]],
      ["carry-over", "warning", "applications.carriedForward.otherOrg", [2022, 2023]],
      ["carry-over", "warning", "applications.carriedForward.total", [2022, 2023]],
      ["in-force", "warning", "activeDisclosure.rules.inForce", [2022, 2023]],
      ["in-force", "warning", "activeDisclosure.normativeDocuments.inForce", [2022, 2023]],
    ]);
    expect(result.findings[5]).toMatchObject({ expected: 11, actual: 50 });
  });

  it("restricts to options.rules and drops not-checkable findings on request", () => {
    const reports = [year(2022), year(2023, { "activeDisclosure.rules.issued": null })];
    expect(validateSeries(reports, { rules: ["in-force"] }).findings.map((f) => [f.paths[0], f.severity])).toEqual([
      ["activeDisclosure.rules.inForce", "info"],
      ["activeDisclosure.normativeDocuments.inForce", "warning"],
    ]);
    expect(validateSeries(reports, { rules: ["in-force"], includeNotCheckable: false }).findings).toHaveLength(1);
    expect(validateSeries(reports, { rules: ["balance"] }).findings).toEqual([]);
  });

  it("throws a TypeError for a non-array or a non-object element, and nothing else", () => {
    for (const bad of [null, undefined, year(2022), "x", [year(2022), null], [1]]) {
      expect(() => validateSeries(bad as unknown as Report[])).toThrow(TypeError);
    }
    const malformed = [{ meta: { year: 2022 } }, { meta: { year: 2023 }, template: "2021", applications: 5 }];
    expect(validateSeries(malformed as unknown as Report[])).toEqual({ valid: true, findings: [] });
  });
});
