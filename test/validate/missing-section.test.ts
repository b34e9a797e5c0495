import { describe, expect, it } from "vitest";
import { checkMissingSection } from "../../src/validate/rules/missing-section.js";
import { makeReport } from "../helpers/make-report.js";

describe("missing-section rule", () => {
  it("gives no finding when sections 1..6 are present", () => {
    expect(checkMissingSection(makeReport())).toEqual([]);
  });

  it("warns once per absent section number", () => {
    const findings = checkMissingSection(makeReport({}, { omitSections: [5, 2] }));
    expect(findings.map((f) => [f.rule, f.severity, f.paths, f.expected])).toEqual([
      ["missing-section", "warning", ["sections"], 2],
      ["missing-section", "warning", ["sections"], 5],
    ]);
    expect(findings[1]!.message).toBe(
      "缺少第5部分“五、存在的主要问题及改进情况” / missing-section: no heading for section 5",
    );
  });

  it("counts a duplicated section once and survives malformed sections", () => {
    const report = makeReport();
    report.sections = [...report.sections, report.sections[0]!];
    expect(checkMissingSection(report)).toEqual([]);
    (report as { sections: unknown }).sections = "nonsense";
    expect(checkMissingSection(report)).toHaveLength(6);
  });

  it("only applies to the 2021 and 2019 templates", () => {
    expect(checkMissingSection({ ...makeReport({}, { omitSections: [1, 2, 3] }), template: "legacy" })).toEqual([]);
  });
});
