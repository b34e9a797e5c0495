/**
 * `appeal-total`: per row of table 4, total = upheld + corrected + other + pending.
 */
import { APPEAL_ROWS } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { appealTotalMessage } from "../messages.js";
import { checkEquations, isObject, tableTemplate, type Equation, type ReportRule, type RuleOptions } from "../rule.js";
import { readerOf } from "../snapshot.js";

const PARTS = ["upheld", "corrected", "other", "pending"] as const;

/** The equation of each row of table 4, in row order. */
const EQUATIONS: readonly Equation[] = APPEAL_ROWS.map(({ path: row }) => {
  const total = `appeals.${row}.total`;
  const parts = PARTS.map((key) => `appeals.${row}.${key}`);
  return {
    rule: "appeal-total",
    severity: "error",
    paths: [total, ...parts],
    expectedFrom: parts,
    actualFrom: [total],
    subject: `appeals.${row}`,
    message: (expected, actual) => appealTotalMessage(row, expected, actual),
  };
});

/** One finding per row of table 4 whose 总计 is not the sum of its four results. */
export function checkAppealTotal(report: Report, options: RuleOptions): Finding[] {
  if (tableTemplate(report) === null || !isObject(report.appeals)) return [];
  return checkEquations(readerOf(report), EQUATIONS, options);
}

/** The `appeal-total` rule. */
export const appealTotal: ReportRule = { name: "appeal-total", check: checkAppealTotal };
