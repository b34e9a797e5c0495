import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, validateSeries } from "../../src/index.js";
import { checkYearOverYear, isJump } from "../../src/validate/rules/year-over-year.js";
import { repoRoot } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };
const pair = (before: Record<string, number | null>, after: Record<string, number | null>, template: "2021" | "2019" = "2021") => ({
  earlier: makeReport(before, { year: 2022, template }),
  later: makeReport(after, { year: 2023, template }),
  years: [2022, 2023] as [number, number],
});

describe("isJump", () => {
  it("flags more than 5× and less than a fifth, zero counted as one", () => {
    expect([isJump(10, 50), isJump(10, 51), isJump(50, 10), isJump(51, 10)]).toEqual([false, true, false, true]);
    expect([isJump(0, 0), isJump(0, 5), isJump(0, 6), isJump(5, 0), isJump(6, 0)]).toEqual([false, false, true, false, true]);
  });
});

describe("checkYearOverYear", () => {
  it("gives an info per headline count that jumped, last year's value expected", () => {
    const findings = checkYearOverYear(
      pair({ "applications.newReceived.total": 12, "activeDisclosure.punishment.decisions": 300 }, { "applications.newReceived.total": 90, "activeDisclosure.punishment.decisions": 40 }),
      opts,
    );
    expect(findings.map((f) => [f.severity, f.paths[0], f.expected, f.actual, f.reports])).toEqual([
      ["info", "applications.newReceived.total", 12, 90, [2022, 2023]],
      ["info", "activeDisclosure.punishment.decisions", 300, 40, [2022, 2023]],
    ]);
    expect(findings[0]!.message).toBe(
      "本年新收政府信息公开申请数量由2022年的12增至2023年的90，超过上年的5倍，请核实 / year-over-year: applications.newReceived.total went from 12 (2022) to 90 (2023), more than 5 times as many: worth a check",
    );
  });

  it("reads licensing and punishment in the 2019 template too", () => {
    const findings = checkYearOverYear(pair({ "activeDisclosure.licensing.decisions": 2 }, { "activeDisclosure.licensing.decisions": 400 }, "2019"), opts);
    expect(findings.map((f) => f.paths[0])).toEqual(["activeDisclosure.licensing.decisions"]);
  });

  it("is quiet for steady counts, not checkable for blanks, and skips a missing table", () => {
    expect(checkYearOverYear(pair({}, {}), opts)).toEqual([]);
    const blank = checkYearOverYear(pair({ "activeDisclosure.licensing.decisions": null }, {}), opts);
    expect(blank).toEqual([expect.objectContaining({ severity: "info", notCheckable: true, paths: ["activeDisclosure.licensing.decisions"] })]);
    expect(blank[0]!.message).toContain("activeDisclosure.licensing.decisions (2022)");
    expect(checkYearOverYear(pair({ "activeDisclosure.licensing.decisions": null }, {}), { includeNotCheckable: false })).toEqual([]);
    const missing = { ...pair({}, { "applications.newReceived.total": 999 }), earlier: makeReport({}, { year: 2022, omitTables: ["applications"] }) };
    expect(checkYearOverYear(missing, opts)).toEqual([]);
  });

  it("flags a corpus report whose applications grew tenfold", () => {
    const text = readFileSync(join(repoRoot, "corpus", "shanghai-gov-2025.md"), "utf8");
    const earlier = parseReport(text);
    const received = earlier.applications!.newReceived.total!;
    expect(received).toBeGreaterThan(0);
    const later = structuredClone(earlier);
    later.meta.year = earlier.meta.year! + 1;
    later.applications!.newReceived.total = received * 10;
    const findings = validateSeries([earlier, later]).findings.filter((f) => f.rule === "year-over-year");
    expect(findings).toEqual([expect.objectContaining({ expected: received, actual: received * 10 })]);
  });
});
