/**
 * `row-total`: per row of table 3, total = the six applicant columns.
 */
import { APPLICANT_COLUMNS, rowsOf } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { rowTotalMessage } from "../messages.js";
import { checkEquation, isObject, readerOf, tableTemplate, type ReportRule, type RuleOptions } from "../rule.js";

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/** One finding per row of the report's template whose 总计 is not the sum of its applicant columns. */
export function checkRowTotal(report: Report, options: RuleOptions): Finding[] {
  const template = tableTemplate(report);
  if (template === null || !isObject(report.applications)) return [];
  const read = readerOf(report);
  return rowsOf("applications", template).flatMap(({ path: row }) => {
    const total = `applications.${row}.total`;
    const parts = PARTS.map((key) => `applications.${row}.${key}`);
    return checkEquation(
      read,
      {
        rule: "row-total",
        severity: "error",
        paths: [total, ...parts],
        expectedFrom: parts,
        actualFrom: [total],
        subject: `applications.${row}`,
        message: (expected, actual) => rowTotalMessage(row, expected, actual),
      },
      options,
    );
  });
}

/** The `row-total` rule. */
export const rowTotal: ReportRule = { name: "row-total", check: checkRowTotal };
