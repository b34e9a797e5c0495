import { describe, expect, it } from "vitest";
import { checkCarryOver } from "../../src/validate/rules/carry-over.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };
// sample carriedForward by column: 0, 1, 1, 2, 1, 2, total 7
const FORWARD = { naturalPerson: 0, commercial: 1, research: 1, nonprofit: 2, legalService: 1, otherOrg: 2, total: 7 };
const overFrom = (forward: Record<string, number>) =>
  Object.fromEntries(Object.entries(forward).map(([c, v]) => [`applications.carriedOver.${c}`, v]));

describe("carry-over rule", () => {
  const earlier = makeReport({}, { year: 2022 });

  it("gives no finding when year N+1 carries over what year N carried forward", () => {
    const later = makeReport(overFrom(FORWARD), { year: 2023 });
    expect(checkCarryOver({ earlier, later, years: [2022, 2023] }, opts)).toEqual([]);
  });

  it("warns per column that differs; paths[i] is read from reports[i]", () => {
    const later = makeReport(overFrom({ ...FORWARD, nonprofit: 5, total: 10 }), { year: 2023 });
    const findings = checkCarryOver({ earlier, later, years: [2022, 2023] }, opts);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "carry-over",
        severity: "warning",
        paths: ["applications.carriedForward.nonprofit", "applications.carriedOver.nonprofit"],
        reports: [2022, 2023],
        expected: 2,
        actual: 5,
      }),
      expect.objectContaining({ paths: ["applications.carriedForward.total", "applications.carriedOver.total"], expected: 7, actual: 10 }),
    ]);
    expect(findings[0]!.message).toBe(
      "2023年“上年结转”应等于2022年“结转下年度继续办理”（社会公益组织：期望 2，实际 5） / carry-over: carriedOver.nonprofit of 2023 must equal carriedForward.nonprofit of 2022 (expected 2, got 5)",
    );
  });

  it("compares a 2019-template year with a 2021-template year", () => {
    const old = makeReport({}, { template: "2019", year: 2020 });
    const later = makeReport(overFrom({ ...FORWARD, total: 8 }), { year: 2021 });
    expect(checkCarryOver({ earlier: old, later, years: [2020, 2021] }, opts).map((f) => f.paths[0])).toEqual([
      "applications.carriedForward.total",
    ]);
  });

  it("reports a blank cell as not checkable, naming the year", () => {
    const later = makeReport({ ...overFrom(FORWARD), "applications.carriedOver.total": null }, { year: 2023 });
    const findings = checkCarryOver({ earlier, later, years: [2022, 2023] }, opts);
    expect(findings).toEqual([
      expect.objectContaining({ severity: "info", notCheckable: true, paths: ["applications.carriedForward.total", "applications.carriedOver.total"] }),
    ]);
    expect(findings[0]!.message).toContain("applications.carriedOver.total (2023)");
    expect(checkCarryOver({ earlier, later, years: [2022, 2023] }, { includeNotCheckable: false })).toEqual([]);
  });

  it("skips pairs where a table is missing", () => {
    const later = makeReport({}, { year: 2023, omitTables: ["applications"] });
    expect(checkCarryOver({ earlier, later, years: [2022, 2023] }, opts)).toEqual([]);
  });
});
