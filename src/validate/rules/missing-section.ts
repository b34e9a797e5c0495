/**
 * `missing-section`: a section heading of the template (一 … 六) is absent.
 */
import type { Finding, Report } from "../../types.js";
import { missingSectionMessage } from "../messages.js";
import { isObject, tableTemplate, type ReportRule } from "../rule.js";

const SECTION_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

/** The section numbers the report has. */
function presentSections(report: Report): Set<number> {
  const sections: unknown = report.sections;
  if (!Array.isArray(sections)) return new Set();
  return new Set(sections.filter(isObject).map((s) => s.number).filter((n): n is number => typeof n === "number"));
}

/** One warning per section number 1..6 absent from a 2021/2019 report; paths `["sections"]`. */
export function checkMissingSection(report: Report): Finding[] {
  if (tableTemplate(report) === null) return [];
  const present = presentSections(report);
  return SECTION_NUMBERS.filter((n) => !present.has(n)).map((n) => ({
    rule: "missing-section" as const,
    severity: "warning" as const,
    message: missingSectionMessage(n),
    paths: ["sections"],
    expected: n,
    actual: null,
  }));
}

/** The `missing-section` rule. */
export const missingSection: ReportRule = { name: "missing-section", check: checkMissingSection };
