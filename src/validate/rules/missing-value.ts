/**
 * `missing-value`: a cell of the template that is blank (`null`) or absent.
 * Cells of a missing table are left to `missing-table`; `orgSubtotal` counts only in a
 * report whose table 三 prints the 小计 column.
 */
import { TABLE_KINDS, templatePathList } from "../../template/templates.js";
import type { Finding, Report } from "../../types.js";
import { missingValueMessage } from "../messages.js";
import { applicationsShape, isObject, perTemplate, type ReportRule } from "../rule.js";
import { readerOf } from "../snapshot.js";

/** The paths of a template grouped by their table, in table order. */
const pathsByTable = perTemplate((template) =>
  TABLE_KINDS.map((kind) => ({ kind, paths: templatePathList(template).filter((path) => path.startsWith(`${kind}.`)) })),
);

/** One warning per blank cell of the report's template, in table order. */
export function checkMissingValue(report: Report): Finding[] {
  const read = readerOf(report);
  const shape = applicationsShape(report, read);
  if (shape === null) return [];
  const findings: Finding[] = [];
  for (const { kind, paths } of pathsByTable(shape.template)) {
    if (!isObject(report[kind])) continue;
    for (const path of paths) {
      if (typeof read(path) === "number") continue;
      if (!shape.orgSubtotal && path.endsWith(".orgSubtotal")) continue;
      findings.push(missingValueFinding(path));
    }
  }
  return findings;
}

function missingValueFinding(path: string): Finding {
  return { rule: "missing-value", severity: "warning", message: missingValueMessage(path), paths: [path], actual: null };
}

/** The `missing-value` rule. */
export const missingValue: ReportRule = { name: "missing-value", check: checkMissingValue };
