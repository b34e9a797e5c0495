import { describe, expect, it } from "vitest";
import type { Report, RuleName } from "../../src/types.js";
import { REPORT_RULES, validateReport } from "../../src/validate/validate-report.js";
import { corpusReport } from "../helpers/corpus-report.js";
import { corpusDir, loadExpected } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";

describe("validateReport", () => {
  it("runs the thirteen report rules", () => {
    expect(REPORT_RULES.map((r) => r.name).sort()).toEqual(
      [
        "appeal-total",
        "balance",
        "late-publication",
        "legacy-template",
        "missing-section",
        "missing-table",
        "missing-value",
        "narrative-mismatch",
        "negative",
        "non-integer",
        "org-subtotal",
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
    expect.assertions(5);
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

describe("validateReport keeps nothing of one call for the next", () => {
  const summary = (report: Report) => validateReport(report).findings.map((f) => `${f.rule} ${f.paths[0]} ${f.expected} ${f.actual}`);

  it("gives each report its own findings when reports of both templates alternate", () => {
    const a = makeReport({ "applications.granted.total": 26 });
    const b = makeReport({ "appeals.review.total": 5 }, { template: "2019" });
    const first = summary(a);
    expect(first).toEqual(["row-total applications.granted.total 27 26", "outcome-total applications.total.total 40 41"]);
    expect(summary(b)).toEqual(["appeal-total appeals.review.total 4 5"]);
    expect(summary(a)).toEqual(first);
    expect(summary(makeReport())).toEqual([]);
  });

  it("reads a report changed between two calls afresh", () => {
    const report = makeReport();
    expect(summary(report)).toEqual([]);
    report.applications!.granted.total = 26;
    expect(summary(report)).toEqual(["row-total applications.granted.total 27 26", "outcome-total applications.total.total 40 41"]);
    report.applications!.granted.total = 27;
    report.sections[0]!.text = "本年度共收到政府信息公开申请99件。";
    expect(summary(report)).toEqual(["narrative-mismatch applications.newReceived.total 99 45"]);
    report.sections[0]!.text = "本年度共收到政府信息公开申请45件。";
    (report.activeDisclosure as unknown as Record<string, Record<string, number>>).fees!.amount = -1;
    expect(summary(report)).toEqual(["negative activeDisclosure.fees.amount undefined -1"]);
    report.appeals = null;
    expect(summary(report)).toEqual(["missing-table appeals undefined null", "negative activeDisclosure.fees.amount undefined -1"]);
  });

  it("hands out findings the caller may change", () => {
    const report = makeReport({ "applications.granted.total": 26 });
    const { findings } = validateReport(report);
    findings[0]!.paths[0] = "changed";
    findings[0]!.paths.push("added");
    expect(validateReport(report).findings[0]!.paths).toEqual([
      "applications.granted.total",
      ...["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg"].map((c) => `applications.granted.${c}`),
    ]);
  });

  it("reads a model with more distinct paths than it remembers", () => {
    const report = makeReport();
    const extra: Record<string, number> = {};
    for (let i = 0; i < 12_000; i++) extra[`k${i}`] = -1;
    (report.applications as unknown as Record<string, unknown>).extra = extra;
    const negatives = validateReport(report).findings.filter((f) => f.rule === "negative");
    expect(negatives).toHaveLength(12_000);
    expect(negatives[11_999]!.paths).toEqual(["applications.extra.k11999"]);
    expect(summary(makeReport({ "applications.granted.total": 26 }))).toEqual([
      "row-total applications.granted.total 27 26",
      "outcome-total applications.total.total 40 41",
    ]);
  });

  it("reads a short narrative right after a long one", () => {
    const long = makeReport({}, { sections: { 1: `共收到政府信息公开申请99件。${"公开".repeat(20_000)}` } });
    const short = makeReport({}, { sections: { 1: "共收到政府信息公开申请7件" } });
    expect(summary(long)).toEqual(["narrative-mismatch applications.newReceived.total 99 45"]);
    expect(validateReport(short).findings.map((f) => [f.expected, f.message.slice(0, 16)])).toEqual([[7, "正文“收到政府信息公开申请7件”"]]);
  });
});
