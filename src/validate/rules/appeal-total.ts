/**
 * `appeal-total`: per row of table 4, total = upheld + corrected + other + pending.
 */
import { equationCheck } from "../equation-rule.js";
import type { ReportRule } from "../rule.js";

/** One finding per row of table 4 whose 总计 is not the sum of its four results. */
export const checkAppealTotal = equationCheck("appeal-total");

/** The `appeal-total` rule. */
export const appealTotal: ReportRule = { name: "appeal-total", check: checkAppealTotal };
