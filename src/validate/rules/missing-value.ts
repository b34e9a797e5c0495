/**
 * `missing-value`: a cell of the template that is blank (`null`) or absent.
 * Cells of a missing table are left to `missing-table`.
 */
import { templatePaths } from "../../report/templates.js";
import type { Finding, Report } from "../../types.js";
import { missingValueMessage } from "../messages.js";
import { isObject, readerOf, tableTemplate, type ReportRule } from "../rule.js";

/** One warning per blank cell of the report's template, in table order. */
export function checkMissingValue(report: Report): Finding[] {
  const template = tableTemplate(report);
  if (template === null) return [];
  const read = readerOf(report);
  return templatePaths(template)
    .filter((path) => isObject(report[path.slice(0, path.indexOf(".")) as keyof Report]))
    .filter((path) => typeof read(path) !== "number")
    .map((path) => ({
      rule: "missing-value" as const,
      severity: "warning" as const,
      message: missingValueMessage(path),
      paths: [path],
      actual: null,
    }));
}

/** The `missing-value` rule. */
export const missingValue: ReportRule = { name: "missing-value", check: checkMissingValue };
