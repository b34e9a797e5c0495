/**
 * `outdated-template`: a report on 2021 or later that still uses the 2019 template.
 */
import type { Finding, Report } from "../../types.js";
import { outdatedTemplateMessage } from "../messages.js";
import { isObject, type ReportRule } from "../rule.js";

/** One warning when the template is `"2019"` and `meta.year >= 2021`; paths `["template"]`. */
export function checkOutdatedTemplate(report: Report): Finding[] {
  const year = isObject(report.meta) ? report.meta.year : null;
  if (report.template !== "2019" || typeof year !== "number" || year < 2021) return [];
  return [
    {
      rule: "outdated-template",
      severity: "warning",
      message: outdatedTemplateMessage(year),
      paths: ["template"],
      expected: "2021",
      actual: "2019",
    },
  ];
}

/** The `outdated-template` rule. */
export const outdatedTemplate: ReportRule = { name: "outdated-template", check: checkOutdatedTemplate };
