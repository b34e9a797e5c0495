/**
 * Findings as output: records with `file:line:column`, the human-readable text
 * lines of `xxgk validate`, and the rows of its CSV format.
 */
import type { Finding, Report, Severity } from "../types.js";
import { csvLine, type CsvValue } from "./csv.js";
import type { HeaderLanguage } from "./options.js";
import type { LineIndex } from "./line-index.js";

/** A finding with where it is: the shape of `validate --format json|ndjson|csv`. */
export interface FindingRecord {
  file: string;
  /** 1-based line and column of the finding (or of its checked cell), when known. */
  line: number | null;
  column: number | null;
  rule: Finding["rule"];
  severity: Severity;
  message: string;
  /** Every cell the rule read, the checked one first. */
  paths: string[];
  expected: number | string | null;
  actual: number | string | null;
  notCheckable: boolean;
  start: number | null;
  end: number | null;
  /** For series findings: the years (or report indexes) involved. */
  reports?: number[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when `severity` is at least `threshold` (`error` > `warning` > `info`). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** A finding of one report with its position: the finding's own offset, else its checked cell's. */
export function toFindingRecord(finding: Finding, file: string, report: Report, lines: LineIndex): FindingRecord {
  const cell = finding.paths[0] === undefined ? undefined : report.locations?.[finding.paths[0]];
  const start = finding.start ?? cell?.start ?? null;
  const end = finding.end ?? (finding.start === undefined ? cell?.end : undefined) ?? null;
  const at = start === null ? null : lines.locate(start);
  const record: FindingRecord = {
    file,
    line: at?.line ?? null,
    column: at?.column ?? null,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    paths: [...finding.paths],
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
    notCheckable: finding.notCheckable === true,
    start,
    end,
  };
  if (finding.reports !== undefined) record.reports = [...finding.reports];
  return record;
}

/** ANSI colours for the text format, or none. */
export interface Palette {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const PLAIN: Palette = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };
const SEVERITY_COLOURS: Record<Severity, string> = { error: "31", warning: "33", info: "36" };
const COLOURED: Palette = {
  severity: (s, t) => `\u001b[${SEVERITY_COLOURS[s]}m${t}\u001b[39m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
};

/** The palette to use: colours or plain text. */
export function palette(color: boolean): Palette {
  return color ? COLOURED : PLAIN;
}

/**
 * Two lines for one finding:
 * `file:line:column  severity  rule  checked-cell (+N cells)  expected X, actual Y`, then the message.
 */
export function formatFindingText(record: FindingRecord, colors: Palette): string {
  const where = record.line === null ? record.file : `${record.file}:${record.line}:${record.column}`;
  const cells = describeCells(record.paths);
  const parts = [colors.bold(where), colors.severity(record.severity, record.severity.padEnd(7)), record.rule];
  if (cells !== "") parts.push(cells);
  const comparison = describeComparison(record);
  if (comparison !== "") parts.push(comparison);
  return `${parts.join("  ")}\n    ${colors.dim(record.message.replace(/\s*\n\s*/g, " "))}\n`;
}

function describeCells(paths: readonly string[]): string {
  if (paths.length === 0) return "";
  if (paths.length === 1) return paths[0]!;
  return `${paths[0]} (+${paths.length - 1} cell${paths.length === 2 ? "" : "s"})`;
}

function describeComparison(record: FindingRecord): string {
  if (record.notCheckable) return "not checkable";
  if (record.expected === null && record.actual === null) return "";
  return `expected ${show(record.expected)}, actual ${show(record.actual)}`;
}

function show(value: number | string | null): string {
  return value === null ? "blank" : String(value);
}

/** Columns of `validate --format csv`: one row per finding. */
export const FINDING_CSV_COLUMNS = [
  "file",
  "line",
  "column",
  "severity",
  "rule",
  "cell",
  "cells",
  "expected",
  "actual",
  "notCheckable",
  "message",
  "meta.organization",
  "meta.year",
] as const;

/** Chinese headers of the columns that describe a finding, shared by the validate and series CSVs. */
export const FINDING_FIELD_LABELS_ZH = {
  file: "文件",
  severity: "级别",
  rule: "规则",
  cell: "核对单元格",
  cells: "涉及单元格",
  expected: "应为",
  actual: "实为",
  notCheckable: "无法核对",
  message: "说明",
  "meta.organization": "机关",
} as const;

const FINDING_LABELS_ZH: Record<(typeof FINDING_CSV_COLUMNS)[number], string> = {
  ...FINDING_FIELD_LABELS_ZH,
  line: "行",
  column: "列",
  "meta.year": "年度",
};

/** The header line of the findings CSV. */
export function findingCsvHeader(language: HeaderLanguage): string {
  return csvLine(language === "zh" ? FINDING_CSV_COLUMNS.map((c) => FINDING_LABELS_ZH[c]) : FINDING_CSV_COLUMNS);
}

/** One CSV row of a finding; `cells` joins every path read with spaces. */
export function findingCsvRow(record: FindingRecord, organization: string | null, year: number | null): string {
  const values: Record<(typeof FINDING_CSV_COLUMNS)[number], CsvValue> = {
    file: record.file,
    line: record.line,
    column: record.column,
    severity: record.severity,
    rule: record.rule,
    cell: record.paths[0] ?? null,
    cells: record.paths.join(" "),
    expected: record.expected,
    actual: record.actual,
    notCheckable: record.notCheckable,
    message: record.message,
    "meta.organization": organization,
    "meta.year": year,
  };
  return csvLine(FINDING_CSV_COLUMNS.map((c) => values[c]));
}
