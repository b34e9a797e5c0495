/**
 * `row-total`: per row of table 3, total = the six applicant columns.
 */
import { APPLICANT_COLUMNS, rowsOf } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { rowTotalMessage } from "../messages.js";
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

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/** The equation of each row of table 3 in a template, in row order. */
const equationsOf = perTemplate((template): readonly Equation[] =>
  rowsOf("applications", template).map(({ path: row }) => {
    const total = `applications.${row}.total`;
    const parts = PARTS.map((key) => `applications.${row}.${key}`);
    return {
      rule: "row-total",
      severity: "error",
      paths: [total, ...parts],
      expectedFrom: parts,
      actualFrom: [total],
      subject: `applications.${row}`,
      message: (expected, actual) => rowTotalMessage(row, expected, actual),
    };
  }),
);

/** One finding per row of the report's template whose 总计 is not the sum of its applicant columns. */
export function checkRowTotal(report: Report, options: RuleOptions): Finding[] {
  const template = tableTemplate(report);
  if (template === null || !isObject(report.applications)) return [];
  return checkEquations(readerOf(report), equationsOf(template), options);
}

/** The `row-total` rule. */
export const rowTotal: ReportRule = { name: "row-total", check: checkRowTotal };
