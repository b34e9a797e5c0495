/**
 * The checklist of `xxgk audit` for one report: what `validateReport` says about it
 * (publication deadline, template, sections, tables, sums, narrative), and what
 * `validateSeries` says about it against the organ's report of the year before
 * (carry-over, in-force, repeated text, year-over-year jumps).
 */
import type { Finding, OrganType, Report, RuleName, Validation } from "../types.js";
import { publicationDeadline } from "../validate/rules/late-publication.js";

/**
 * The outcome of one check: `pass`, `fail`, `unknown` (an input is blank or absent: not
 * checkable, never counted as passed), or `n/a` (the check does not apply: a township has
 * no deadline, a report without last year's report has no cross-year check).
 */
export type CheckOutcome = "pass" | "fail" | "unknown" | "n/a";

/** The names of the checks, in checklist order. */
export const CHECKS = [
  "onTime",
  "currentTemplate",
  "allSections",
  "tablesComplete",
  "sumsHold",
  "narrativeAgrees",
  "carryOver",
  "inForce",
  "repeatedText",
  "yearOverYear",
] as const;

/** One check of the checklist. */
export type CheckName = (typeof CHECKS)[number];

/** The rules of the sums: every equation of the tables, and the counts' own sanity. */
const SUM_RULES: ReadonlySet<string> = new Set(["balance", "row-total", "outcome-total", "appeal-total", "org-subtotal", "negative", "non-integer"]);

/** The checks of one report on its own (computed where the report is parsed). */
export interface ReportChecks {
  file: string;
  organization: string | null;
  year: number | null;
  organType: OrganType | null;
  published: string | null;
  /** The deadline of 条例第四十九条 for this report, `null` when none applies or it is unknown. */
  deadline: string | null;
  template: Report["template"];
  layout: string | null;
  onTime: CheckOutcome;
  currentTemplate: CheckOutcome;
  allSections: CheckOutcome;
  /** Numbers of the sections 一 … 六 whose heading is absent. */
  missingSections: number[];
  tablesComplete: CheckOutcome;
  /** Tables of the template that are absent. */
  missingTables: string[];
  /** Blank cells of the tables (`missing-value` findings). */
  blankCells: number;
  sumsHold: CheckOutcome;
  /** Equations of the tables that do not hold (error findings of the sum rules). */
  sumErrors: number;
  narrativeAgrees: CheckOutcome;
  /** Figures of the narrative the tables contradict. */
  narrativeMismatches: number;
  /** Findings of `validateReport` by severity. */
  errors: number;
  warnings: number;
  infos: number;
}

/** A year-over-year jump: the count, last year's and this year's value. */
export interface Jump {
  path: string;
  before: number;
  after: number;
}

/** One row of the audit: the report's own checks, then the cross-year ones. */
export interface AuditRow extends ReportChecks {
  /** `report` (parsed), `not-a-report`, `unreadable` or `failed`. */
  status: "report" | "not-a-report" | "unreadable" | "failed";
  /** Why a file could not be read or parsed. */
  note: string | null;
  /** The file of the organ's report on the year before, when there is one. */
  previousFile: string | null;
  carryOver: CheckOutcome;
  inForce: CheckOutcome;
  repeatedText: CheckOutcome;
  /** The share (0..1) of this year's narrative sentences found in last year's report. */
  repeatedShare: number | null;
  yearOverYear: CheckOutcome;
  /** The headline counts that grew over 5× or fell below a fifth. */
  jumps: Jump[];
}

function ofRules(findings: readonly Finding[], rules: ReadonlySet<string> | RuleName): Finding[] {
  return findings.filter((f) => (typeof rules === "string" ? f.rule === rules : rules.has(f.rule)));
}

/** `fail` when a finding is an error or warning, else `unknown` when one is not checkable, else `pass`. */
function outcomeOf(findings: readonly Finding[]): CheckOutcome {
  if (findings.some((f) => f.severity !== "info")) return "fail";
  if (findings.some((f) => f.notCheckable === true)) return "unknown";
  return "pass";
}

function isTableReport(report: Report): boolean {
  return report.template === "2021" || report.template === "2019";
}

function onTimeOf(report: Report, findings: readonly Finding[]): CheckOutcome {
  if (!isTableReport(report) || report.meta.organType === "township") return "n/a";
  if (typeof report.meta.year === "number" && report.meta.year < 2019) return "n/a";
  return outcomeOf(ofRules(findings, "late-publication"));
}

function currentTemplateOf(report: Report, findings: readonly Finding[]): CheckOutcome {
  if (report.template === "unknown") return "n/a";
  if (report.template === "legacy") return typeof report.meta.year === "number" && report.meta.year < 2019 ? "pass" : "unknown";
  if (ofRules(findings, "outdated-template").length > 0) return "fail";
  return report.meta.year === null && report.template === "2019" ? "unknown" : "pass";
}

/** The checks of a report from its `validateReport` result (`null` for a file that is not a report). */
export function reportChecks(file: string, report: Report, validation: Validation | null): ReportChecks {
  const findings = validation?.findings ?? [];
  const tables = isTableReport(report);
  const missingSections = ofRules(findings, "missing-section")
    .map((f) => f.expected)
    .filter((n): n is number => typeof n === "number");
  const missingTables = ofRules(findings, "missing-table").flatMap((f) => f.paths.slice(0, 1));
  const blankCells = ofRules(findings, "missing-value").length;
  const sums = ofRules(findings, SUM_RULES);
  const sumErrors = sums.filter((f) => f.severity === "error").length;
  const narrative = ofRules(findings, "narrative-mismatch");
  const { year, organType } = report.meta;
  return {
    file,
    organization: report.meta.organization,
    year,
    organType: organType ?? null,
    published: report.meta.published ?? null,
    deadline: typeof year === "number" && organType ? publicationDeadline(year, organType) : null,
    template: report.template,
    layout: report.source.layout,
    onTime: onTimeOf(report, findings),
    currentTemplate: currentTemplateOf(report, findings),
    allSections: tables ? (missingSections.length > 0 ? "fail" : "pass") : "n/a",
    missingSections,
    tablesComplete: tables ? (missingTables.length > 0 || blankCells > 0 ? "fail" : "pass") : "n/a",
    missingTables,
    blankCells,
    sumsHold: tables ? (missingTables.length > 0 && sumErrors === 0 ? "unknown" : outcomeOf(sums)) : "n/a",
    sumErrors,
    narrativeAgrees: tables ? outcomeOf(narrative) : "n/a",
    narrativeMismatches: narrative.filter((f) => f.severity !== "info").length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

/** The checks of a file that is not a report, could not be read, or failed. */
export function emptyChecks(file: string): ReportChecks {
  return {
    file,
    organization: null,
    year: null,
    organType: null,
    published: null,
    deadline: null,
    template: "unknown",
    layout: null,
    onTime: "n/a",
    currentTemplate: "n/a",
    allSections: "n/a",
    missingSections: [],
    tablesComplete: "n/a",
    missingTables: [],
    blankCells: 0,
    sumsHold: "n/a",
    sumErrors: 0,
    narrativeAgrees: "n/a",
    narrativeMismatches: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
  };
}

const NO_SERIES = { carryOver: "n/a", inForce: "n/a", repeatedText: "n/a", repeatedShare: null, yearOverYear: "n/a", jumps: [] } as const;

/** A table of a report that has it (an object), for the cross-year checks that read it. */
function hasTable(report: Report, table: "applications" | "activeDisclosure"): boolean {
  const value: unknown = report[table];
  return value !== null && typeof value === "object";
}

/**
 * The cross-year checks of a row from the findings of `validateSeries([earlier, later])`;
 * all `n/a` when there is no report of the year before (`earlier` or `later` is `null`).
 */
export function seriesChecks(
  earlier: Report | null,
  later: Report | null,
  seriesFindings: readonly Finding[],
): Pick<AuditRow, "carryOver" | "inForce" | "repeatedText" | "repeatedShare" | "yearOverYear" | "jumps"> {
  if (earlier === null || later === null) return { ...NO_SERIES, jumps: [] };
  const tables = isTableReport(earlier) && isTableReport(later);
  const repeated = ofRules(seriesFindings, "repeated-text");
  const share = repeated.find((f) => f.notCheckable !== true && typeof f.actual === "number")?.actual;
  const yoy = ofRules(seriesFindings, "year-over-year");
  const jumps = yoy
    .filter((f) => f.notCheckable !== true && typeof f.expected === "number" && typeof f.actual === "number")
    .map((f) => ({ path: f.paths[0]!, before: f.expected as number, after: f.actual as number }));
  const applications = hasTable(earlier, "applications") && hasTable(later, "applications");
  const active = hasTable(earlier, "activeDisclosure") && hasTable(later, "activeDisclosure");
  const unknownWithout = (present: boolean, outcome: CheckOutcome): CheckOutcome => (present ? outcome : "unknown");
  return {
    carryOver: tables ? unknownWithout(applications, outcomeOf(ofRules(seriesFindings, "carry-over"))) : "n/a",
    inForce:
      earlier.template === "2021" && later.template === "2021"
        ? unknownWithout(active, outcomeOf(ofRules(seriesFindings, "in-force")))
        : "n/a",
    repeatedText: repeated.length === 0 ? "n/a" : outcomeOf(repeated),
    repeatedShare: typeof share === "number" ? share : null,
    yearOverYear: !tables
      ? "n/a"
      : jumps.length > 0
        ? "fail"
        : !applications || !active || yoy.some((f) => f.notCheckable === true)
          ? "unknown"
          : "pass",
    jumps,
  };
}
