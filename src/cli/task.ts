/// <reference types="node" />
/**
 * The work done for one input file, in a worker thread or in the main thread:
 * read the bytes, parse, validate, and format the output chunk of the command.
 * Everything in and out is structured-clone friendly (plain data and strings).
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { flattenReport, isMissingPeer, parseDocument, parseReport, sniffFormat, validateReport } from "../index.js";
import type { Report, Severity, Validation } from "../types.js";
import type { SeverityCounts } from "./csv.js";
import { csvFixedValues, reportCsvRow } from "./csv.js";
import {
  atLeast,
  findingCsvRow,
  formatFindingText,
  palette,
  toFindingRecord,
  type FindingRecord,
} from "./finding-format.js";
import { reportChecks, type ReportChecks } from "./audit-checks.js";
import { describeFsError } from "./input-files.js";
import { LineIndex } from "./line-index.js";
import type { HeaderLanguage, OutputFormat } from "./options.js";

/** How every file of a run is processed (sent once to each worker). */
export interface TaskConfig {
  command: "parse" | "validate" | "series" | "audit";
  format: OutputFormat;
  header: HeaderLanguage;
  includeText: boolean;
  severity: Severity;
  color: boolean;
  /** JSON output of `parse` is an array (indent its items) rather than one object. */
  jsonArray: boolean;
  maxBytes: number;
}

/** One file to process. */
export interface TaskInput {
  seq: number;
  file: string;
  /** The path to read; `null` when `bytes` are given (standard input). */
  path: string | null;
  bytes?: Uint8Array;
  /** Set when the input is already known to be unreadable. */
  error?: string;
}

export type { SeverityCounts } from "./csv.js";

/** What happened to one file. */
export type TaskOutcome = "report" | "not-a-report" | "unreadable" | "failed";

/** The result of one file, in the order it was submitted (`seq`). */
export interface TaskResult {
  seq: number;
  file: string;
  outcome: TaskOutcome;
  /** Why the file is unreadable or failed. */
  error?: string;
  /** Every finding of `validateReport`, by severity (before `--severity` filtering). */
  counts: SeverityCounts;
  /** The chunk to write to the output, in input order (may be ""). */
  output: string;
  organization: string | null;
  year: number | null;
  /** For `series` and `audit`: the report without its text, locations and diagnostics (see {@link slimReport}). */
  report?: Report;
  /** For `audit`: the checks of the report on its own. */
  checks?: ReportChecks;
}

/** Process one file. Never rejects: read errors and library errors become results. */
export async function runTask(input: TaskInput, config: TaskConfig): Promise<TaskResult> {
  const bytes = input.bytes ?? readInput(input, config.maxBytes);
  if (typeof bytes === "string") return brokenResult(input, "unreadable", bytes, config);
  try {
    const report = await readReport(bytes);
    const validation = report.template === "unknown" || config.command === "series" ? null : validateReport(report);
    return reportResult(input, report, validation, config);
  } catch (error) {
    if (isMissingPeer(error)) return brokenResult(input, "failed", (error as Error).message, config);
    return brokenResult(input, "failed", `library error: ${describeError(error)}`, config);
  }
}

/** Text and HTML are parsed at once; PDF, DOCX, DOC and images (OCR) through their format modules. */
export function readReport(bytes: Uint8Array): Report | Promise<Report> {
  const format = sniffFormat(bytes);
  return format === "pdf" || format === "docx" || format === "doc" || format === "png" || format === "jpeg" ? parseDocument(bytes) : parseReport(bytes);
}

/** An exception's message and the first frame of its stack. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack?.split("\n").find((line) => /^\s+at /.test(line))?.trim();
  return frame === undefined ? error.message : `${error.message} (${frame})`;
}

/** The file's bytes, or the reason they cannot be read. */
function readInput(input: TaskInput, maxBytes: number): Uint8Array | string {
  if (input.error !== undefined) return input.error;
  if (input.path === null) return "no input";
  let fd: number | null = null;
  try {
    fd = openSync(input.path, "r");
    const size = fstatSync(fd).size;
    if (maxBytes > 0 && size > maxBytes) return `file too large (${size} bytes; see --max-size)`;
    return readFileSync(fd);
  } catch (error) {
    return describeFsError(error);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** The result of a file that could not be read or parsed, with its output chunk (a CSV row with the reason, …). */
export function brokenResult(input: TaskInput, outcome: TaskOutcome, error: string, config: TaskConfig): TaskResult {
  return {
    seq: input.seq,
    file: input.file,
    outcome,
    error,
    counts: emptyCounts(),
    output: brokenOutput(input.file, error, config),
    organization: null,
    year: null,
  };
}

function brokenOutput(file: string, error: string, config: TaskConfig): string {
  if (config.command === "audit") return ""; // the audit's row of the file says it
  const firstLine = error.split("\n")[0]!;
  if (config.format === "csv") return config.command === "parse" ? reportCsvRow({ file, unreadable: firstLine }) : "";
  if (config.format === "json" || config.format === "ndjson") {
    return jsonChunk({ file, unreadable: firstLine }, config);
  }
  return "";
}

function reportResult(input: TaskInput, report: Report, validation: Validation | null, config: TaskConfig): TaskResult {
  const counts = countFindings(validation);
  const result: TaskResult = {
    seq: input.seq,
    file: input.file,
    outcome: report.template === "unknown" ? "not-a-report" : "report",
    counts,
    output: "",
    organization: report.meta.organization,
    year: report.meta.year,
  };
  if (config.command === "parse") result.output = parseOutput(input.file, report, counts, config);
  else if (config.command === "validate") result.output = validateOutput(input.file, report, validation, config);
  else if (result.outcome === "report") result.report = slimReport(report);
  if (config.command === "audit") result.checks = reportChecks(input.file, report, validation);
  return result;
}

function countFindings(validation: Validation | null): SeverityCounts {
  const counts = emptyCounts();
  for (const f of validation?.findings ?? []) counts[f.severity]++;
  return counts;
}

function jsonChunk(value: unknown, config: TaskConfig): string {
  if (config.format === "ndjson") return `${JSON.stringify(value)}\n`;
  const text = JSON.stringify(value, null, 2);
  return config.jsonArray ? text.replace(/\n/g, "\n  ") : `${text}\n`;
}

/** The chunk of `xxgk parse` for one report. */
function parseOutput(file: string, report: Report, counts: SeverityCounts, config: TaskConfig): string {
  if (config.format === "csv") return reportCsvRow(csvFixedValues(file, report, counts), flattenReport(report));
  const source = config.includeText ? report.source : { ...report.source, text: undefined };
  return jsonChunk({ file, ...report, source }, config);
}

/** The chunk of `xxgk validate` for one report. */
function validateOutput(file: string, report: Report, validation: Validation | null, config: TaskConfig): string {
  const lines = new LineIndex(report.source.text);
  const records = (validation?.findings ?? [])
    .filter((f) => atLeast(f.severity, config.severity))
    .map((f) => toFindingRecord(f, file, report, lines));
  const { organization, year } = report.meta;
  if (config.format === "csv") return records.map((r) => findingCsvRow(r, organization, year)).join("");
  if (config.format === "text") return validateText(file, report, records, config);
  return jsonChunk(
    {
      file,
      template: report.template,
      layout: report.source.layout,
      organization,
      year,
      valid: validation?.valid ?? null,
      counts: countFindings(validation),
      findings: records.map(({ file: _file, ...rest }) => rest),
    },
    config,
  );
}

function validateText(file: string, report: Report, records: FindingRecord[], config: TaskConfig): string {
  const colors = palette(config.color);
  if (report.template === "unknown") {
    return `${colors.bold(file)}  ${colors.dim(`not recognised as an annual report (layout ${report.source.layout ?? "none"})`)}\n`;
  }
  return records.map((r) => formatFindingText(r, colors)).join("");
}

/** The narrative sections `repeated-text` compares (一、五、六). */
const NARRATIVE_SECTIONS = new Set([1, 5, 6]);

/** A report reduced to what cross-year rules read: no text, no locations, no diagnostics; only the narrative sections. */
export function slimReport(report: Report): Report {
  return {
    ...report,
    sections: report.sections.filter((s) => NARRATIVE_SECTIONS.has(s.number)),
    locations: {},
    diagnostics: [],
    source: { ...report.source, text: "" },
  };
}
