/**
 * `appeal-total`: per row of table 4, total = upheld + corrected + other + pending.
 */
import { APPEAL_ROWS } from "../../template/templates.js";
import { equationCheck, sumEquation } from "../equation-rule.js";
import { appealTotalMessage } from "../messages.js";
import type { Equation, ReportRule } from "../rule.js";

const PARTS = ["upheld", "corrected", "other", "pending"] as const;

/** The equation of each row of table 4, in row order. */
const EQUATIONS: readonly Equation[] = APPEAL_ROWS.map(({ path: row }) =>
  sumEquation(
    "appeal-total",
    `appeals.${row}.total`,
    PARTS.map((key) => `appeals.${row}.${key}`),
    `appeals.${row}`,
    (expected, actual) => appealTotalMessage(row, expected, actual),
  ),
);

/** One finding per row of table 4 whose 总计 is not the sum of its four results. */
export const checkAppealTotal = equationCheck("appeals", () => EQUATIONS);

/** The `appeal-total` rule. */
export const appealTotal: ReportRule = { name: "appeal-total", check: checkAppealTotal };
