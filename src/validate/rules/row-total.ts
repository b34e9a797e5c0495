/**
 * `row-total`: per row of table 3, total = the six applicant columns.
 */
import { APPLICANT_COLUMNS, rowsOf } from "../../template/templates.js";
import { equationCheck, sumEquation } from "../equation-rule.js";
import { rowTotalMessage } from "../messages.js";
import { perTemplate, type Equation, type ReportRule } from "../rule.js";

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/** The equation of each row of table 3 in a template, in row order. */
const equationsOf = perTemplate((template): readonly Equation[] =>
  rowsOf("applications", template).map(({ path: row }) =>
    sumEquation(
      "row-total",
      `applications.${row}.total`,
      PARTS.map((key) => `applications.${row}.${key}`),
      `applications.${row}`,
      (expected, actual) => rowTotalMessage(row, expected, actual),
    ),
  ),
);

/** One finding per row of the report's template whose 总计 is not the sum of its applicant columns. */
export const checkRowTotal = equationCheck("applications", equationsOf);

/** The `row-total` rule. */
export const rowTotal: ReportRule = { name: "row-total", check: checkRowTotal };
