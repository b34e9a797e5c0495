/**
 * `balance`: per column of table 3, newReceived + carriedOver = total + carriedForward
 * (the table's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和).
 */
import { APPLICANT_COLUMNS } from "../../template/templates.js";
import { equationCheck } from "../equation-rule.js";
import { balanceMessage } from "../messages.js";
import type { Equation, ReportRule } from "../rule.js";

/** The balance of each column of table 3, in column order. */
const EQUATIONS: readonly Equation[] = APPLICANT_COLUMNS.map(({ key }) => {
  const total = `applications.total.${key}`;
  const forward = `applications.carriedForward.${key}`;
  const received = `applications.newReceived.${key}`;
  const over = `applications.carriedOver.${key}`;
  return {
    rule: "balance",
    severity: "error",
    paths: [total, forward, received, over],
    expectedFrom: [received, over],
    actualFrom: [total, forward],
    subject: key,
    message: (expected, actual) => balanceMessage(key, expected, actual),
  };
});

/** One finding per column whose balance does not hold; paths `[total, carriedForward, newReceived, carriedOver]`. */
export const checkBalance = equationCheck("applications", () => EQUATIONS);

/** The `balance` rule. */
export const balance: ReportRule = { name: "balance", check: checkBalance };
