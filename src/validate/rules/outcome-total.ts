/**
 * `outcome-total`: per column of table 3, (七)总计 = granted + partiallyGranted +
 * every denied.*, unavailable.*, notProcessed.* and otherHandling.* row of the template.
 */
import { APPLICANT_COLUMNS, rowsOf, type TableTemplate } from "../../template/templates.js";
import { equationCheck, sumEquation } from "../equation-rule.js";
import { outcomeTotalMessage } from "../messages.js";
import { perTemplate, type Equation, type ReportRule } from "../rule.js";

const OUTCOME_GROUPS = ["granted", "partiallyGranted", "denied.", "unavailable.", "notProcessed.", "otherHandling."];

/** The outcome rows of a template (the rows (七)总计 adds up), in table order. */
export function outcomeRows(template: TableTemplate): string[] {
  return rowsOf("applications", template)
    .map((r) => r.path)
    .filter((p) => OUTCOME_GROUPS.some((g) => (g.endsWith(".") ? p.startsWith(g) : p === g)));
}

/** The equation of each column of table 3 in a template, in column order. */
const equationsOf = perTemplate((template): readonly Equation[] => {
  const rows = outcomeRows(template);
  return APPLICANT_COLUMNS.map(({ key }) =>
    sumEquation(
      "outcome-total",
      `applications.total.${key}`,
      rows.map((row) => `applications.${row}.${key}`),
      key,
      (expected, actual) => outcomeTotalMessage(key, expected, actual),
    ),
  );
});

/** One finding per column whose (七)总计 is not the sum of the outcome rows. */
export const checkOutcomeTotal = equationCheck("applications", equationsOf);

/** The `outcome-total` rule. */
export const outcomeTotal: ReportRule = { name: "outcome-total", check: checkOutcomeTotal };
