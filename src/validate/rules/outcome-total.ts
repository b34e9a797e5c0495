/**
 * `outcome-total`: per column of table 3, (七)总计 = granted + partiallyGranted +
 * every denied.*, unavailable.*, notProcessed.* and otherHandling.* row of the template.
 */
import { equationCheck } from "../equation-rule.js";
import type { ReportRule } from "../rule.js";

export { outcomeRows } from "../../template/equations.js";

/** One finding per column whose (七)总计 is not the sum of the outcome rows. */
export const checkOutcomeTotal = equationCheck("outcome-total");

/** The `outcome-total` rule. */
export const outcomeTotal: ReportRule = { name: "outcome-total", check: checkOutcomeTotal };
