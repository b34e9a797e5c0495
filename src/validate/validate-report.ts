/**
 * `validateReport`: runs the report rules of MODEL.md section 5 on one report.
 */
import type { Finding, Report, RuleName, ValidateOptions, Validation } from "../types.js";
import { ruleFailedMessage } from "./messages.js";
import { locate, type ReportRule, type RuleOptions } from "./rule.js";
import { snapshotValues } from "./snapshot.js";
import { markUncertain } from "./uncertain.js";
import { appealTotal } from "./rules/appeal-total.js";
import { balance } from "./rules/balance.js";
import { latePublication } from "./rules/late-publication.js";
import { legacyTemplate } from "./rules/legacy-template.js";
import { missingSection } from "./rules/missing-section.js";
import { missingTable } from "./rules/missing-table.js";
import { missingValue } from "./rules/missing-value.js";
import { narrativeMismatch } from "./rules/narrative-mismatch.js";
import { negative } from "./rules/negative.js";
import { nonInteger } from "./rules/non-integer.js";
import { orgSubtotal } from "./rules/org-subtotal.js";
import { outcomeTotal } from "./rules/outcome-total.js";
import { outdatedTemplate } from "./rules/outdated-template.js";
import { rowTotal } from "./rules/row-total.js";

/** The report rules, in the order their findings are listed. */
export const REPORT_RULES: readonly ReportRule[] = [
  legacyTemplate,
  outdatedTemplate,
  missingTable,
  missingSection,
  balance,
  rowTotal,
  orgSubtotal,
  outcomeTotal,
  appealTotal,
  negative,
  nonInteger,
  missingValue,
  narrativeMismatch,
  latePublication,
];

/** Resolves the options every rule receives. */
export function ruleOptions(options: ValidateOptions | undefined): RuleOptions {
  return { includeNotCheckable: options?.includeNotCheckable !== false };
}

/** True when `options.rules` lets the rule run. */
export function ruleSelected(name: RuleName, options: ValidateOptions | undefined): boolean {
  const wanted = options?.rules;
  return !Array.isArray(wanted) || wanted.includes(name);
}

/** `{ valid, findings }`: valid when no finding is an error. */
export function toValidation(findings: Finding[]): Validation {
  return { valid: !findings.some((f) => f.severity === "error"), findings };
}

/** A finding that stands in for a rule that failed on malformed input. */
export function ruleFailure(name: RuleName): Finding {
  return { rule: name, severity: "info", message: ruleFailedMessage(name), paths: [], notCheckable: true };
}

/**
 * Checks one report against the rules of MODEL.md section 5.
 *
 * One finding per violated equation (per column or per row); an equation with a
 * blank input is an `info` finding with `notCheckable: true` (unless
 * `options.includeNotCheckable` is `false`). `valid` is `true` when no finding
 * has severity `error`. A failing rule that read a cell the parser questioned (a warning
 * diagnostic such as `ambiguous-cell` or `extra-cell` on it) is a `warning` with
 * `status: "uncertain"` and its `causes`, never an error against the report.
 *
 * @throws TypeError when `report` is not an object (a programming error). Any
 * malformed content of the object is reported, never thrown.
 */
export function validateReport(report: Report, options?: ValidateOptions): Validation {
  if (report === null || typeof report !== "object" || Array.isArray(report)) {
    throw new TypeError("validateReport: expected a Report object");
  }
  const resolved = ruleOptions(options);
  const findings: Finding[] = [];
  const values = snapshotValues(report);
  for (const rule of REPORT_RULES) {
    if (!ruleSelected(rule.name, options)) continue;
    let found: Finding[];
    try {
      found = rule.check(report, resolved, values);
    } catch {
      found = resolved.includeNotCheckable ? [ruleFailure(rule.name)] : [];
    }
    for (const f of found) findings.push(locate(report, f));
  }
  return toValidation(markUncertain(report, findings));
}
