import { describe, expect, it } from "vitest";
import type { Report, RuleName } from "../../src/types.js";
import { REPORT_RULES, validateReport } from "../../src/validate/validate-report.js";
import { corpusReport } from "../helpers/corpus-report.js";
import { corpusDir, loadExpected } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";

describe("validateReport", () => {
  it("runs the twelve report rules", () => {
    expect(REPORT_RULES.map((r) => r.name).sort()).toEqual(
      [
        "appeal-total",
        "balance",
        "legacy-template",
        "missing-section",
        "missing-table",
        "missing-value",
        "narrative-mismatch",
        "negative",
        "non-integer",
        "outcome-total",
        "outdated-template",
        "row-total",
      ].sort(),
    );
  });

  it("finds nothing in a consistent report of either template", () => {
    expect(validateReport(makeReport())).toEqual({ valid: true, findings: [] });
    expect(validateReport(makeReport({}, { template: "2019" }))).toEqual({ valid: true, findings: [] });
    expect(validateReport(makeReport({}, { base: "zero" }))).toEqual({ valid: true, findings: [] });
  });

  it("is invalid with an error, valid with only warnings and infos", () => {
    const broken = validateReport(makeReport({ "appeals.review.total": 5 }));
    expect(broken.valid).toBe(false);
    expect(broken.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(["appeal-total:error"]);

    const blank = validateReport(makeReport({ "appeals.review.total": null }, { omitSections: [6], template: "2019", year: 2022 }));
    expect(blank.valid).toBe(true);
    expect(blank.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      "outdated-template:warning",
      "missing-section:warning",
      "appeal-total:info",
      "missing-value:warning",
    ]);
  });

  it("one broken cell breaks each equation it is part of, once", () => {
    // granted.naturalPerson takes part in row-total (granted row) and outcome-total (naturalPerson column)
    const { findings } = validateReport(makeReport({ "applications.granted.naturalPerson": 3 }));
    expect(findings.map((f) => [f.rule, f.paths[0], f.expected, f.actual])).toEqual([
      ["row-total", "applications.granted.total", 28, 27],
      ["outcome-total", "applications.total.naturalPerson", 6, 5],
    ]);
  });

  it("restricts to options.rules", () => {
    const report = makeReport({ "appeals.review.total": null, "applications.granted.total": 1 });
    const only = (rules: RuleName[]) => validateReport(report, { rules }).findings.map((f) => f.rule);
    expect(only(["missing-value"])).toEqual(["missing-value"]);
    expect(only(["row-total", "appeal-total"])).toEqual(["row-total", "appeal-total"]);
    expect(only([])).toEqual([]);
  });

  it("drops not-checkable findings when includeNotCheckable is false", () => {
    const report = makeReport({ "appeals.review.total": null });
    expect(validateReport(report).findings.filter((f) => f.notCheckable)).toHaveLength(1);
    expect(validateReport(report, { includeNotCheckable: false }).findings.map((f) => f.rule)).toEqual(["missing-value"]);
  });

  it("adds the checked cell's location when the parser recorded one", () => {
    const report = makeReport({ "appeals.review.total": 5 });
    report.locations = { "appeals.review.total": { start: 10, end: 11, text: "5" } };
    expect(validateReport(report).findings[0]).toMatchObject({ start: 10, end: 11 });
  });

  it("notes legacy reports and leaves their tables alone", () => {
    const legacy: Report = { ...makeReport(), template: "legacy", activeDisclosure: null, applications: null, appeals: null, sections: [] };
    expect(validateReport(legacy)).toEqual({
      valid: true,
      findings: [expect.objectContaining({ rule: "legacy-template", severity: "info" })],
    });
    expect(validateReport({ ...legacy, template: "unknown" })).toEqual({ valid: true, findings: [] });
  });

  it("throws a TypeError for a non-object argument only", () => {
    for (const bad of [null, undefined, 42, "report", [makeReport()]]) {
      expect(() => validateReport(bad as unknown as Report)).toThrow(TypeError);
    }
  });

  it("never throws on malformed content", () => {
    const shapes: unknown[] = [
      {},
      { template: "2021" },
      { template: "2021", applications: "x", appeals: 3, activeDisclosure: [], sections: null, meta: null, source: null },
      { template: "2019", meta: { year: "2022" }, applications: { total: null }, sections: [null, 1, { number: "1", text: 5 }] },
      { ...makeReport(), locations: null, source: { text: 5 } },
      { ...makeReport({}, { sections: { 1: "共收到政府信息公开申请9件" } }), source: undefined },
    ];
    for (const shape of shapes) {
      const result = validateReport(shape as Report);
      expect(typeof result.valid).toBe("boolean");
      expect(Array.isArray(result.findings)).toBe(true);
    }
    const partial = validateReport({ template: "2021", applications: { total: null } } as unknown as Report, {
      rules: ["balance"],
    });
    expect(partial.findings).toHaveLength(7);
    expect(partial.findings.every((f) => f.notCheckable === true && f.severity === "info")).toBe(true);
  });
});

describe("validateReport on the corpus ground truth (tables from *.expected.json)", () => {
  // the rules the expected files settle without the parser's sections
  const RULES: RuleName[] = ["balance", "row-total", "outcome-total", "appeal-total", "negative", "non-integer", "missing-value", "outdated-template"];
  for (const e of loadExpected(corpusDir)) {
    it(`${e.id}: the expected findings of these rules, no more`, () => {
      const report = corpusReport(corpusDir, e, e.files[0]!.file);
      const got = validateReport(report, { rules: RULES })
        .findings.map((f) => `${f.rule} ${f.severity} ${f.paths[0]}`)
        .sort();
      const want = e.findings
        .filter((f) => (RULES as string[]).includes(f.rule))
        .map((f) => `${f.rule} ${f.severity} ${f.paths[0]}`)
        .sort();
      expect(got).toEqual(want);
    });
  }
});
