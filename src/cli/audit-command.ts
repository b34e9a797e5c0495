/**
 * `xxgk audit`: one checklist row per report — its own checks from `validateReport`,
 * and the cross-year checks of `validateSeries` against the organ's report of the year
 * before — then a summary per organ and overall, as text, CSV, NDJSON or JSON.
 */
import { validateSeries } from "../validate/validate-series.js";
import type { Report } from "../types.js";
import {
  CHECKS,
  emptyChecks,
  seriesChecks,
  type AuditRow,
  type CheckName,
  type CheckOutcome,
  type Jump,
  type ReportChecks,
} from "./audit-checks.js";
import { csvLine, type CsvValue } from "./csv.js";
import { palette, type Palette } from "./finding-format.js";
import type { HeaderLanguage, OutputFormat } from "./options.js";
import type { TaskResult } from "./task.js";

/** How many reports had each outcome of one check. */
export type OutcomeCounts = Record<CheckOutcome, number>;

/** The summary of the rows of one organ, or of every row (`organization: null`). */
export interface AuditSummary {
  organization: string | null;
  /** Files of the group (reports, files that are not reports, unreadable files). */
  files: number;
  /** Files parsed as reports of a known template. */
  reports: number;
  years: number[];
  checks: Record<CheckName, OutcomeCounts>;
  /** Reports with at least one error-severity finding. */
  reportsWithErrors: number;
  errors: number;
  warnings: number;
  blankCells: number;
  sumErrors: number;
  /** The highest share of repeated narrative sentences, `null` when none was measured. */
  maxRepeatedShare: number | null;
  jumps: number;
}

/** Everything `audit` writes. */
export interface AuditResult {
  reports: AuditRow[];
  organs: AuditSummary[];
  overall: AuditSummary;
}

interface Entry {
  checks: ReportChecks;
  status: AuditRow["status"];
  note: string | null;
  report: Report | undefined;
}

function organKey(organization: string | null, year: number | null): string | null {
  const organ = organization?.trim() ?? "";
  return organ === "" || year === null ? null : `${organ}\u0000${year}`;
}

/** Collects the results of `audit` in input order and checks each report against the year before. */
export class AuditCollector {
  private readonly entries: Entry[] = [];

  /** Add the result of one file. */
  add(result: TaskResult): void {
    const status: AuditRow["status"] =
      result.outcome === "report" ? "report" : result.outcome === "not-a-report" ? "not-a-report" : result.outcome;
    this.entries.push({
      checks: result.checks ?? emptyChecks(result.file),
      status,
      note: result.error ?? null,
      report: result.report,
    });
  }

  /** The rows, in input order, and their summaries. */
  result(): AuditResult {
    const first = new Map<string, Entry>();
    for (const entry of this.entries) {
      const key = entry.report ? organKey(entry.checks.organization, entry.checks.year) : null;
      if (key !== null && !first.has(key)) first.set(key, entry);
    }
    const rows = this.entries.map((entry) => {
      const { checks, report } = entry;
      const key = report && checks.year !== null ? organKey(checks.organization, checks.year - 1) : null;
      const previous = key === null ? undefined : first.get(key);
      const base = { ...checks, status: entry.status, note: entry.note, previousFile: previous?.checks.file ?? null };
      if (report === undefined || previous?.report === undefined) return { ...base, ...seriesChecks(null, null, []) };
      const findings = validateSeries([previous.report, report]).findings;
      return { ...base, ...seriesChecks(previous.report, report, findings) };
    });
    return { reports: rows, organs: organSummaries(rows), overall: summarize(null, rows) };
  }
}

function emptyCounts(): OutcomeCounts {
  return { pass: 0, fail: 0, unknown: 0, "n/a": 0 };
}

/** The summary of some rows. */
export function summarize(organization: string | null, rows: readonly AuditRow[]): AuditSummary {
  const checks = Object.fromEntries(CHECKS.map((c) => [c, emptyCounts()])) as Record<CheckName, OutcomeCounts>;
  const years = new Set<number>();
  let maxShare: number | null = null;
  const summary: AuditSummary = {
    organization,
    files: rows.length,
    reports: 0,
    years: [],
    checks,
    reportsWithErrors: 0,
    errors: 0,
    warnings: 0,
    blankCells: 0,
    sumErrors: 0,
    maxRepeatedShare: null,
    jumps: 0,
  };
  for (const row of rows) {
    if (row.status !== "report") continue;
    summary.reports++;
    if (row.year !== null) years.add(row.year);
    for (const c of CHECKS) checks[c][row[c]]++;
    if (row.errors > 0) summary.reportsWithErrors++;
    summary.errors += row.errors;
    summary.warnings += row.warnings;
    summary.blankCells += row.blankCells;
    summary.sumErrors += row.sumErrors;
    summary.jumps += row.jumps.length;
    if (row.repeatedShare !== null && (maxShare === null || row.repeatedShare > maxShare)) maxShare = row.repeatedShare;
  }
  summary.years = [...years].sort((a, b) => a - b);
  summary.maxRepeatedShare = maxShare;
  return summary;
}

/** One summary per organization, in order of first appearance (reports without an organization are only in the overall summary). */
function organSummaries(rows: readonly AuditRow[]): AuditSummary[] {
  const groups = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const organ = row.organization?.trim() ?? "";
    if (row.status !== "report" || organ === "") continue;
    const group = groups.get(organ);
    if (group) group.push(row);
    else groups.set(organ, [row]);
  }
  return [...groups].map(([organ, group]) => summarize(organ, group));
}

/** True when a report of the result has an error-severity finding (exit code 1). */
export function hasErrors(result: AuditResult): boolean {
  return result.overall.errors > 0;
}

// ---------------------------------------------------------------------------
// CSV

/** The columns of `audit --format csv`: one row per report, then one per organ, then the overall row (`kind`). */
export const AUDIT_CSV_COLUMNS = [
  "kind",
  "file",
  "meta.organization",
  "meta.year",
  "meta.organType",
  "template",
  "meta.published",
  "deadline",
  "onTime",
  "currentTemplate",
  "allSections",
  "missingSections",
  "tablesComplete",
  "missingTables",
  "blankCells",
  "sumsHold",
  "sumErrors",
  "narrativeAgrees",
  "narrativeMismatches",
  "previousFile",
  "carryOver",
  "inForce",
  "repeatedText",
  "repeatedShare",
  "yearOverYear",
  "jumps",
  "errors",
  "warnings",
  "status",
  "note",
] as const;

type AuditColumn = (typeof AUDIT_CSV_COLUMNS)[number];

const AUDIT_LABELS_ZH: Record<AuditColumn, string> = {
  kind: "类别",
  file: "文件",
  "meta.organization": "机关",
  "meta.year": "年度",
  "meta.organType": "机关类型",
  template: "模板",
  "meta.published": "发布日期",
  deadline: "公布期限",
  onTime: "按时公布",
  currentTemplate: "现行格式",
  allSections: "六部分齐全",
  missingSections: "缺少部分",
  tablesComplete: "表格完整",
  missingTables: "缺少表格",
  blankCells: "空白单元格",
  sumsHold: "勾稽关系",
  sumErrors: "不平衡数",
  narrativeAgrees: "正文与表格一致",
  narrativeMismatches: "正文不符数",
  previousFile: "上年报告",
  carryOver: "结转衔接",
  inForce: "现行有效衔接",
  repeatedText: "正文重复",
  repeatedShare: "重复率",
  yearOverYear: "同比异常",
  jumps: "异常指标",
  errors: "错误数",
  warnings: "警告数",
  status: "状态",
  note: "说明",
};

/** The header line of the audit CSV. */
export function auditCsvHeader(language: HeaderLanguage): string {
  return csvLine(language === "zh" ? AUDIT_CSV_COLUMNS.map((c) => AUDIT_LABELS_ZH[c]) : AUDIT_CSV_COLUMNS);
}

/** `applications.newReceived.total 3→40`, several separated by `; `. */
export function describeJumps(jumps: readonly Jump[]): string {
  return jumps.map((j) => `${j.path} ${j.before}→${j.after}`).join("; ");
}

function rowCsv(row: AuditRow): string {
  const values: Record<AuditColumn, CsvValue> = {
    kind: "report",
    file: row.file,
    "meta.organization": row.organization,
    "meta.year": row.year,
    "meta.organType": row.organType,
    template: row.template,
    "meta.published": row.published,
    deadline: row.deadline,
    onTime: row.onTime,
    currentTemplate: row.currentTemplate,
    allSections: row.allSections,
    missingSections: row.missingSections.join(" "),
    tablesComplete: row.tablesComplete,
    missingTables: row.missingTables.join(" "),
    blankCells: row.blankCells,
    sumsHold: row.sumsHold,
    sumErrors: row.sumErrors,
    narrativeAgrees: row.narrativeAgrees,
    narrativeMismatches: row.narrativeMismatches,
    previousFile: row.previousFile,
    carryOver: row.carryOver,
    inForce: row.inForce,
    repeatedText: row.repeatedText,
    repeatedShare: row.repeatedShare,
    yearOverYear: row.yearOverYear,
    jumps: describeJumps(row.jumps),
    errors: row.errors,
    warnings: row.warnings,
    status: row.status,
    note: row.note,
  };
  return csvLine(AUDIT_CSV_COLUMNS.map((c) => values[c]));
}

/**
 * `passed/checked`, with the not-checkable count when there is one: `3/4`, `3/4 (1 unknown)`,
 * `0/0 (2 unknown)`; `–` when the check applied to no report.
 */
export function describeCounts(counts: OutcomeCounts): string {
  const checked = counts.pass + counts.fail;
  if (checked === 0 && counts.unknown === 0) return "–";
  return `${counts.pass}/${checked}${counts.unknown > 0 ? ` (${counts.unknown} unknown)` : ""}`;
}

function summaryCsv(kind: "organ" | "overall", s: AuditSummary): string {
  const values: Partial<Record<AuditColumn, CsvValue>> = {
    kind,
    "meta.organization": s.organization,
    "meta.year": s.years.join(" "),
    blankCells: s.blankCells,
    sumErrors: s.sumErrors,
    repeatedShare: s.maxRepeatedShare,
    jumps: s.jumps,
    errors: s.errors,
    warnings: s.warnings,
    status: s.reports,
    note: `${plural(s.files, "file")}, ${plural(s.reportsWithErrors, "report")} with errors`,
  };
  for (const c of CHECKS) values[c] = describeCounts(s.checks[c]);
  return csvLine(AUDIT_CSV_COLUMNS.map((c) => values[c]));
}

// ---------------------------------------------------------------------------
// text

const MARKS: Record<CheckOutcome, string> = { pass: "✓", fail: "✗", unknown: "?", "n/a": "–" };

const TEXT_LABELS: Record<CheckName, string> = {
  onTime: "on time",
  currentTemplate: "template",
  allSections: "sections",
  tablesComplete: "tables",
  sumsHold: "sums",
  narrativeAgrees: "narrative",
  carryOver: "carry-over",
  inForce: "in-force",
  repeatedText: "repeated",
  yearOverYear: "year-over-year",
};

function mark(outcome: CheckOutcome, colors: Palette): string {
  const text = MARKS[outcome];
  if (outcome === "fail") return colors.severity("error", text);
  if (outcome === "unknown") return colors.severity("warning", text);
  return outcome === "pass" ? text : colors.dim(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Details after a check's mark: `tables ✗ (3 blank)`. */
function detail(row: AuditRow, check: CheckName): string {
  switch (check) {
    case "onTime":
      return row.published === null ? "" : ` (${row.published}${row.deadline ? `, due ${row.deadline}` : ""})`;
    case "allSections":
      return row.missingSections.length > 0 ? ` (no ${row.missingSections.join(", ")})` : "";
    case "tablesComplete": {
      const parts = [...row.missingTables.map((t) => `no ${t}`), ...(row.blankCells > 0 ? [`${row.blankCells} blank`] : [])];
      return parts.length > 0 ? ` (${parts.join(", ")})` : "";
    }
    case "sumsHold":
      return row.sumErrors > 0 ? ` (${row.sumErrors})` : "";
    case "narrativeAgrees":
      return row.narrativeMismatches > 0 ? ` (${row.narrativeMismatches})` : "";
    case "repeatedText":
      return row.repeatedShare === null ? "" : ` ${percent(row.repeatedShare)}`;
    case "yearOverYear":
      return row.jumps.length > 0 ? ` (${describeJumps(row.jumps)})` : "";
    default:
      return "";
  }
}

function rowText(row: AuditRow, colors: Palette): string {
  if (row.status !== "report") {
    const why = row.status === "not-a-report" ? "not recognised as an annual report" : `${row.status}: ${row.note ?? ""}`;
    return `${colors.bold(row.file)}  ${colors.dim(why)}\n`;
  }
  const who = [row.organization ?? "(organ unknown)", row.year ?? "(year unknown)", row.organType ?? "organ type unknown"];
  const head = `${colors.bold(row.file)}  ${who[0]} ${who[1]} (${who[2]}) · template ${row.template} · ${plural(row.errors, "error")}, ${plural(row.warnings, "warning")}`;
  const own = CHECKS.slice(0, 6).map((c) => `${TEXT_LABELS[c]} ${mark(row[c], colors)}${detail(row, c)}`);
  const cross = CHECKS.slice(6).map((c) => `${TEXT_LABELS[c]} ${mark(row[c], colors)}${detail(row, c)}`);
  const previous = row.previousFile === null ? colors.dim("  (no report of the year before)") : colors.dim(`  vs ${row.previousFile}`);
  return `${head}\n  ${own.join("  ")}\n  ${cross.join("  ")}${previous}\n`;
}

function summaryText(s: AuditSummary, colors: Palette): string {
  const span = s.years.length === 0 ? "" : s.years.length === 1 ? `, ${s.years[0]}` : `, ${s.years[0]}–${s.years[s.years.length - 1]}`;
  const name = s.organization ?? "All reports";
  const head = `${colors.bold(name)}  ${plural(s.reports, "report")}${span} · ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  const checks = CHECKS.map((c) => `${TEXT_LABELS[c]} ${describeCounts(s.checks[c])}`);
  const extra = [
    ...(s.blankCells > 0 ? [`${s.blankCells} blank cells`] : []),
    ...(s.maxRepeatedShare !== null ? [`repeated up to ${percent(s.maxRepeatedShare)}`] : []),
    ...(s.jumps > 0 ? [`${s.jumps} year-over-year jumps`] : []),
  ];
  return `${head}\n  ${checks.slice(0, 6).join(" · ")}\n  ${checks.slice(6).join(" · ")}${extra.length > 0 ? `\n  ${extra.join(" · ")}` : ""}\n`;
}

/** The whole output of `audit` in a format. */
export function formatAudit(result: AuditResult, format: OutputFormat, options: { header: HeaderLanguage; bom: boolean; color: boolean }): string {
  if (format === "csv") {
    const bom = options.bom ? "\uFEFF" : "";
    return (
      bom +
      auditCsvHeader(options.header) +
      result.reports.map(rowCsv).join("") +
      result.organs.map((s) => summaryCsv("organ", s)).join("") +
      summaryCsv("overall", result.overall)
    );
  }
  if (format === "ndjson") {
    const lines = [
      ...result.reports.map((r) => ({ kind: "report", ...r })),
      ...result.organs.map((s) => ({ kind: "organ", ...s })),
      { kind: "overall", ...result.overall },
    ];
    return lines.map((l) => `${JSON.stringify(l)}\n`).join("");
  }
  if (format === "json") return `${JSON.stringify(result, null, 2)}\n`;
  const colors = palette(options.color);
  const parts = [
    result.reports.map((r) => rowText(r, colors)).join("\n"),
    colors.bold("Summary by organ"),
    ...result.organs.map((s) => summaryText(s, colors)),
    summaryText(result.overall, colors),
  ];
  return `${parts.join("\n")}`;
}
