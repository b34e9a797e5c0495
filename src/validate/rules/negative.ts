/**
 * `negative`: a count below zero (`*.change`, 本年增/减, may be negative).
 */
import { isSignedPath } from "../../template/templates.js";
import type { Finding, Report } from "../../types.js";
import { negativeMessage } from "../messages.js";
import type { ReportRule, ReportValues, RuleOptions } from "../rule.js";
import { modelValues } from "../snapshot.js";

/** One finding per negative cell outside the signed paths. */
export function checkNegative(report: Report, _options?: RuleOptions, values: ReportValues = modelValues(report)): Finding[] {
  return values
    .suspectCells()
    .filter(([path, value]) => value < 0 && !isSignedPath(path))
    .map(([path, value]) => ({
      rule: "negative" as const,
      severity: "error" as const,
      message: negativeMessage(path, value),
      paths: [path],
      actual: value,
    }));
}

/** The `negative` rule. */
export const negative: ReportRule = { name: "negative", check: checkNegative };
