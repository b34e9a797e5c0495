/**
 * `outcome-total`: per column of table 3, (七)总计 = granted + partiallyGranted +
 * every denied.*, unavailable.*, notProcessed.* and otherHandling.* row of the template.
 */
import { APPLICANT_COLUMNS, rowsOf, type TableTemplate } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { outcomeTotalMessage } from "../messages.js";
import {
  checkEquations,
  isObject,
  perTemplate,
  tableTemplate,
  type Equation,
  type ReportRule,
  type RuleOptions,
} from "../rule.js";
import { readerOf } from "../snapshot.js";

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
  return APPLICANT_COLUMNS.map(({ key }) => {
    const total = `applications.total.${key}`;
    const parts = rows.map((row) => `applications.${row}.${key}`);
    return {
      rule: "outcome-total",
      severity: "error",
      paths: [total, ...parts],
      expectedFrom: parts,
      actualFrom: [total],
      subject: key,
      message: (expected, actual) => outcomeTotalMessage(key, expected, actual),
    };
  });
});

/** One finding per column whose (七)总计 is not the sum of the outcome rows. */
export function checkOutcomeTotal(report: Report, options: RuleOptions): Finding[] {
  const template = tableTemplate(report);
  if (template === null || !isObject(report.applications)) return [];
  return checkEquations(readerOf(report), equationsOf(template), options);
}

/** The `outcome-total` rule. */
export const outcomeTotal: ReportRule = { name: "outcome-total", check: checkOutcomeTotal };
