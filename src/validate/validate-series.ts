/**
 * `validateSeries`: cross-year rules over the reports of one organ.
 */
import type { Finding, Report, ValidateOptions, Validation } from "../types.js";
import { isObject, type ReportPair, type SeriesRule } from "./rule.js";
import { carryOver } from "./rules/carry-over.js";
import { inForce } from "./rules/in-force.js";
import { repeatedText } from "./rules/repeated-text.js";
import { yearOverYear } from "./rules/year-over-year.js";
import { ruleFailure, ruleOptions, ruleSelected, toValidation } from "./validate-report.js";

/** The series rules, in the order their findings are listed. */
export const SERIES_RULES: readonly SeriesRule[] = [carryOver, inForce, repeatedText, yearOverYear];

function yearOf(report: Report): number | null {
  const year = isObject(report.meta) ? report.meta.year : null;
  return typeof year === "number" && Number.isInteger(year) ? year : null;
}

/** Every pair of reports on consecutive years, ordered by year (input order within a year). */
export function consecutivePairs(reports: readonly Report[]): ReportPair[] {
  const dated = reports
    .map((report, index) => ({ report, index, year: yearOf(report) }))
    .filter((r): r is { report: Report; index: number; year: number } => r.year !== null)
    .sort((a, b) => a.year - b.year || a.index - b.index);
  const pairs: ReportPair[] = [];
  for (const a of dated) {
    for (const b of dated) {
      if (b.year === a.year + 1) pairs.push({ earlier: a.report, later: b.report, years: [a.year, b.year] });
    }
  }
  return pairs;
}

/**
 * Checks the reports of one organ against each other: `carry-over` (year N's
 * carriedForward = year N+1's carriedOver, per column), `in-force` (2021
 * template: inForce(N) = inForce(N−1) + issued(N) − repealed(N)), `repeated-text`
 * (the share of year N's narrative sentences, numbers left out, found in year N−1:
 * always an `info` with the share, and a `warning` above 50 %) and `year-over-year` (`info`:
 * a headline count — applications received, licensing, punishment decisions — that
 * grew more than 5× or fell below a fifth). Reports are sorted by `meta.year`; only
 * consecutive years are compared, and reports without a year are left out. Findings
 * carry `reports: [yearA, yearB]`. `carry-over` and `in-force` report `warning`s (a
 * carry-over mismatch is often a reporting choice).
 *
 * @throws TypeError when `reports` is not an array of objects (a programming error).
 */
export function validateSeries(reports: Report[], options?: ValidateOptions): Validation {
  if (!Array.isArray(reports) || reports.some((r) => r === null || typeof r !== "object" || Array.isArray(r))) {
    throw new TypeError("validateSeries: expected an array of Report objects");
  }
  const resolved = ruleOptions(options);
  const pairs = consecutivePairs(reports);
  const findings: Finding[] = [];
  for (const pair of pairs) {
    for (const rule of SERIES_RULES) {
      if (!ruleSelected(rule.name, options)) continue;
      try {
        findings.push(...rule.check(pair, resolved));
      } catch {
        if (resolved.includeNotCheckable) findings.push({ ...ruleFailure(rule.name), reports: [...pair.years] });
      }
    }
  }
  return toValidation(findings);
}
