/**
 * `legacy-template`: a pre-2019 report, whose free-form statistics are not checked.
 */
import type { Finding, Report } from "../../types.js";
import { legacyTemplateMessage } from "../messages.js";
import type { ReportRule } from "../rule.js";

/** One info finding when the template is `"legacy"`; paths `["template"]`. */
export function checkLegacyTemplate(report: Report): Finding[] {
  if (report.template !== "legacy") return [];
  return [
    {
      rule: "legacy-template",
      severity: "info",
      message: legacyTemplateMessage(),
      paths: ["template"],
      actual: "legacy",
    },
  ];
}

/** The `legacy-template` rule. */
export const legacyTemplate: ReportRule = { name: "legacy-template", check: checkLegacyTemplate };
