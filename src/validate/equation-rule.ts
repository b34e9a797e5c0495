/**
 * The check shared by the rules that are sums of one table (`balance`, `row-total`,
 * `outcome-total`, `appeal-total`, `org-subtotal`): the template's equations of that
 * rule (src/template/equations.ts), checked against the report's cells.
 */
import { equationsOf, type SumRule } from "../template/equations.js";
import type { Finding, Report } from "../types.js";
import { applicationsShape, checkEquations, isObject, type ReportValues, type RuleOptions } from "./rule.js";
import { modelValues } from "./snapshot.js";

/**
 * A rule's check over its equations: nothing for a report without a template or
 * without the rule's table, else one finding per equation that does not hold.
 */
export function equationCheck(rule: SumRule): (report: Report, options: RuleOptions, values?: ReportValues) => Finding[] {
  const table = rule === "appeal-total" ? "appeals" : "applications";
  return (report, options, values = modelValues(report)) => {
    if (!isObject(report[table])) return [];
    const read = values.read;
    const shape = applicationsShape(report, read);
    if (shape === null) return [];
    return checkEquations(read, equationsOf(rule, shape), options);
  };
}
