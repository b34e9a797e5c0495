/**
 * `non-integer`: a count that is not a whole number (money, in 万元, excepted).
 */
import { isMoneyPath } from "../../template/templates.js";
import type { Finding, Report } from "../../types.js";
import { nonIntegerMessage } from "../messages.js";
import type { ReportRule, ReportValues, RuleOptions } from "../rule.js";
import { modelValues } from "../snapshot.js";

/** One finding per cell outside the money paths whose value is not a whole number. */
export function checkNonInteger(report: Report, _options?: RuleOptions, values: ReportValues = modelValues(report)): Finding[] {
  return values
    .suspectCells()
    .filter(([path, value]) => !Number.isInteger(value) && !isMoneyPath(path))
    .map(([path, value]) => ({
      rule: "non-integer" as const,
      severity: "error" as const,
      message: nonIntegerMessage(path, value),
      paths: [path],
      actual: value,
    }));
}

/** The `non-integer` rule. */
export const nonInteger: ReportRule = { name: "non-integer", check: checkNonInteger };
