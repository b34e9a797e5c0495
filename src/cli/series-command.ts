/**
 * `xxgk series`: reports grouped by organization, each group checked with
 * `validateSeries` (cross-year rules), written as text, JSON, NDJSON or CSV.
 */
import { validateSeries } from "../index.js";
import type { Finding, Report, Severity, Validation } from "../types.js";
import { csvLine, type CsvValue } from "./csv.js";
import { atLeast, FINDING_FIELD_LABELS_ZH, palette, type FindingRecord, type Palette } from "./finding-format.js";
import type { HeaderLanguage, OutputFormat } from "./options.js";

/** One report of a group. */
export interface SeriesMember {
  file: string;
  year: number;
  report: Report;
}

/** The reports of one organization, one per year, sorted by year. */
export interface SeriesGroup {
  organization: string;
  members: SeriesMember[];
  /** Files left out because another file of the same organization and year came first. */
  duplicates: Array<{ file: string; year: number; keptFile: string }>;
}

/** Collects reports by organization as they arrive; reports without organization or year are counted apart. */
export class SeriesCollector {
  private readonly groups = new Map<string, SeriesGroup>();
  /** Files that have no organization or no year (they cannot be placed in a series). */
  readonly unplaced: string[] = [];

  /** Add one parsed report. */
  add(file: string, report: Report): void {
    const organization = report.meta.organization?.trim() ?? "";
    const year = report.meta.year;
    if (organization === "" || year === null) {
      this.unplaced.push(file);
      return;
    }
    let group = this.groups.get(organization);
    if (group === undefined) {
      group = { organization, members: [], duplicates: [] };
      this.groups.set(organization, group);
    }
    const same = group.members.find((m) => m.year === year);
    if (same !== undefined) group.duplicates.push({ file, year, keptFile: same.file });
    else group.members.push({ file, year, report });
  }

  /** The groups in order of first appearance, members sorted by year. */
  result(): SeriesGroup[] {
    const groups = [...this.groups.values()];
    for (const g of groups) g.members.sort((a, b) => a.year - b.year);
    return groups;
  }
}

/** A series finding with the files of the years it involves. */
export interface SeriesFindingRecord
  extends Pick<FindingRecord, "rule" | "severity" | "message" | "paths" | "expected" | "actual" | "notCheckable"> {
  years: number[];
  files: string[];
}

/** The result of one group. */
export interface SeriesGroupResult {
  organization: string;
  reports: Array<{ file: string; year: number }>;
  duplicates: SeriesGroup["duplicates"];
  valid: boolean;
  findings: SeriesFindingRecord[];
}

/** Run `validateSeries` on a group, keeping findings of at least `severity`. */
export function checkGroup(group: SeriesGroup, severity: Severity): SeriesGroupResult {
  const validation: Validation = validateSeries(group.members.map((m) => m.report));
  const byYear = new Map(group.members.map((m) => [m.year, m.file]));
  const findings = validation.findings
    .filter((f) => atLeast(f.severity, severity))
    .map((f): SeriesFindingRecord => {
      const years = f.reports ?? [];
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        paths: [...f.paths],
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        notCheckable: f.notCheckable === true,
        years: [...years],
        files: years.map((y) => byYear.get(y)).filter((file): file is string => file !== undefined),
      };
    });
  return {
    organization: group.organization,
    reports: group.members.map(({ file, year }) => ({ file, year })),
    duplicates: group.duplicates,
    valid: validation.valid,
    findings,
  };
}

const SERIES_CSV_COLUMNS = [
  "meta.organization",
  "years",
  "files",
  "severity",
  "rule",
  "cell",
  "cells",
  "expected",
  "actual",
  "notCheckable",
  "message",
] as const;

const SERIES_LABELS_ZH: Record<(typeof SERIES_CSV_COLUMNS)[number], string> = {
  ...FINDING_FIELD_LABELS_ZH,
  years: "年度",
  files: "文件",
};

/** Everything `series` writes before the first group (the CSV header, `[`). */
export function seriesPrologue(format: OutputFormat, header: HeaderLanguage): string {
  if (format === "csv") {
    return csvLine(header === "zh" ? SERIES_CSV_COLUMNS.map((c) => SERIES_LABELS_ZH[c]) : SERIES_CSV_COLUMNS);
  }
  return "";
}

/** The output of one group in a format (JSON items are joined by the caller). */
export function formatGroup(result: SeriesGroupResult, format: OutputFormat, color: boolean): string {
  if (format === "csv") return result.findings.map((f) => seriesCsvRow(result.organization, f)).join("");
  if (format === "ndjson") return `${JSON.stringify(result)}\n`;
  if (format === "json") return JSON.stringify(result, null, 2).replace(/\n/g, "\n  ");
  return groupText(result, palette(color));
}

function seriesCsvRow(organization: string, f: SeriesFindingRecord): string {
  const values: Record<(typeof SERIES_CSV_COLUMNS)[number], CsvValue> = {
    "meta.organization": organization,
    years: f.years.join(" "),
    files: f.files.join(" "),
    severity: f.severity,
    rule: f.rule,
    cell: f.paths[0] ?? null,
    cells: f.paths.join(" "),
    expected: f.expected,
    actual: f.actual,
    notCheckable: f.notCheckable,
    message: f.message,
  };
  return csvLine(SERIES_CSV_COLUMNS.map((c) => values[c]));
}

function groupText(result: SeriesGroupResult, colors: Palette): string {
  const years = result.reports.map((r) => r.year).join(", ");
  const count = result.reports.length;
  const lines = [`${colors.bold(result.organization)}  ${years} (${count} report${count === 1 ? "" : "s"})`];
  for (const d of result.duplicates) lines.push(colors.dim(`  ${d.file}: same year ${d.year} as ${d.keptFile}, left out`));
  for (const f of result.findings) {
    const comparison = f.notCheckable
      ? "not checkable"
      : `expected ${f.expected ?? "blank"}, actual ${f.actual ?? "blank"}`;
    const span = f.years.join("→");
    lines.push(
      `  ${colors.severity(f.severity, f.severity.padEnd(7))}  ${f.rule}  ${span}  ${f.paths[0] ?? ""}  ${comparison}`,
    );
    lines.push(`      ${colors.dim(f.message.replace(/\s*\n\s*/g, " "))}`);
    if (f.files.length > 0) lines.push(`      ${colors.dim(f.files.join("  "))}`);
  }
  return `${lines.join("\n")}\n`;
}
