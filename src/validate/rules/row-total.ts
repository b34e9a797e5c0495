/**
 * `row-total`: per row of table 3, total = the six applicant columns (a 小计 column,
 * where a report prints one, is not one of them).
 */
import { equationCheck } from "../equation-rule.js";
import type { ReportRule } from "../rule.js";

/** One finding per row of the report's template whose 总计 is not the sum of its applicant columns. */
export const checkRowTotal = equationCheck("row-total");

/** The `row-total` rule. */
export const rowTotal: ReportRule = { name: "row-total", check: checkRowTotal };
