import { describe, expect, it } from "vitest";
import { checkLegacyTemplate } from "../../src/validate/rules/legacy-template.js";
import { checkOutdatedTemplate } from "../../src/validate/rules/outdated-template.js";
import { makeReport } from "../helpers/make-report.js";

describe("outdated-template rule", () => {
  it("warns when a report on 2021 or later uses the 2019 template", () => {
    const findings = checkOutdatedTemplate(makeReport({}, { template: "2019", year: 2021 }));
    expect(findings).toEqual([
      expect.objectContaining({ rule: "outdated-template", severity: "warning", paths: ["template"], expected: "2021", actual: "2019" }),
    ]);
    expect(findings[0]!.message).toContain("2021年度报告仍使用2019年版格式");
  });

  it("accepts the 2019 template for 2019 and 2020, and the 2021 template always", () => {
    expect(checkOutdatedTemplate(makeReport({}, { template: "2019", year: 2020 }))).toEqual([]);
    expect(checkOutdatedTemplate(makeReport({}, { template: "2019", year: null }))).toEqual([]);
    expect(checkOutdatedTemplate(makeReport({}, { template: "2021", year: 2025 }))).toEqual([]);
  });
});

describe("legacy-template rule", () => {
  it("notes a legacy report", () => {
    const report = { ...makeReport(), template: "legacy" as const, activeDisclosure: null, applications: null, appeals: null };
    expect(checkLegacyTemplate(report)).toEqual([
      expect.objectContaining({ rule: "legacy-template", severity: "info", paths: ["template"] }),
    ]);
  });

  it("says nothing about other templates", () => {
    expect(checkLegacyTemplate(makeReport())).toEqual([]);
    expect(checkLegacyTemplate({ ...makeReport(), template: "unknown" })).toEqual([]);
  });
});
