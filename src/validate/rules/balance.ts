/**
 * `balance`: per column of table 3, newReceived + carriedOver = total + carriedForward
 * (the table's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和).
 */
import { APPLICANT_COLUMNS } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { balanceMessage } from "../messages.js";
import { checkEquations, isObject, tableTemplate, type Equation, type ReportRule, type RuleOptions } from "../rule.js";
import { readerOf } from "../snapshot.js";

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
export function checkBalance(report: Report, options: RuleOptions): Finding[] {
  if (tableTemplate(report) === null || !isObject(report.applications)) return [];
  return checkEquations(readerOf(report), EQUATIONS, options);
}

/** The `balance` rule. */
export const balance: ReportRule = { name: "balance", check: checkBalance };
