/**
 * `balance`: per column of table 3, newReceived + carriedOver = total + carriedForward
 * (the table's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和).
 */
import { equationCheck } from "../equation-rule.js";
import type { ReportRule } from "../rule.js";

/** One finding per column whose balance does not hold; paths `[total, carriedForward, newReceived, carriedOver]`. */
export const checkBalance = equationCheck("balance");

/** The `balance` rule. */
export const balance: ReportRule = { name: "balance", check: checkBalance };
