/**
 * `missing-table`: a table of the template (二, 三 or 四) is absent or unreadable.
 */
import { TABLE_KINDS } from "../../template/templates.js";
import type { Finding, Report } from "../../types.js";
import { missingTableMessage } from "../messages.js";
import { isObject, tableTemplate, type ReportRule } from "../rule.js";

/** One error per absent table of a 2021/2019 report; paths `[tableName]`. */
export function checkMissingTable(report: Report): Finding[] {
  if (tableTemplate(report) === null) return [];
  return TABLE_KINDS.filter((kind) => !isObject(report[kind])).map((kind) => ({
    rule: "missing-table" as const,
    severity: "error" as const,
    message: missingTableMessage(kind),
    paths: [kind],
    actual: null,
  }));
}

/** The `missing-table` rule. */
export const missingTable: ReportRule = { name: "missing-table", check: checkMissingTable };
