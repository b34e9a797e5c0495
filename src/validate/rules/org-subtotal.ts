/**
 * `org-subtotal`: per row of table 3 that prints a 法人或其他组织「小计」column,
 * orgSubtotal = commercial + research + nonprofit + legalService + otherOrg.
 * A report without the column has no such finding.
 */
import { equationCheck } from "../equation-rule.js";
import type { ReportRule } from "../rule.js";

/** One finding per row whose 小计 is not the sum of its five organisation columns. */
export const checkOrgSubtotal = equationCheck("org-subtotal");

/** The `org-subtotal` rule. */
export const orgSubtotal: ReportRule = { name: "org-subtotal", check: checkOrgSubtotal };
