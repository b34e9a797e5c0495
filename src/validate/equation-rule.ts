/**
 * The shape shared by the rules that check sums of one table (`balance`, `row-total`,
 * `outcome-total`, `appeal-total`): equations built once, checked against the report's cells.
 */
import type { TableTemplate } from "../template/templates.js";
import type { Finding, Report, RuleName } from "../types.js";
import { checkEquations, isObject, tableTemplate, type Equation, type RuleOptions } from "./rule.js";
import { readerOf } from "./snapshot.js";

/** An error when `total` is not the sum of `parts`; `paths` is the total, then the parts. */
export function sumEquation(
  rule: RuleName,
  total: string,
  parts: string[],
  subject: string,
  message: (expected: number, actual: number) => string,
): Equation {
  return { rule, severity: "error", paths: [total, ...parts], expectedFrom: parts, actualFrom: [total], subject, message };
}

/**
 * A rule's check over the equations of one table: nothing for a report without a template
 * or without that table, else one finding per equation that does not hold.
 */
export function equationCheck(
  table: "applications" | "appeals",
  equationsOf: (template: TableTemplate) => readonly Equation[],
): (report: Report, options: RuleOptions) => Finding[] {
  return (report, options) => {
    const template = tableTemplate(report);
    if (template === null || !isObject(report[table])) return [];
    return checkEquations(readerOf(report), equationsOf(template), options);
  };
}
