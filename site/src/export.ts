/**
 * Downloads of the parsed files: CSV with the columns of `xxgk parse --format csv`
 * (the CLI's own column code), NDJSON and JSON as `xxgk parse` writes them.
 */
import { flattenReport } from "xxgk-report";
import { csvFixedValues, reportCsvHeader, reportCsvRow, type SeverityCounts } from "../../src/cli/csv.js";
import type { ParseResult } from "./protocol.js";

function counts(result: ParseResult): SeverityCounts {
  const counted: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of result.validation?.findings ?? []) counted[finding.severity]++;
  return counted;
}

/** The CSV of `xxgk parse --format csv [--bom] [--header zh]` for these results, in order. */
export function csvOf(results: readonly ParseResult[], options: { bom: boolean; header: "en" | "zh" }): string {
  let text = (options.bom ? "\uFEFF" : "") + reportCsvHeader(options.header);
  for (const result of results) {
    if (result.report === null) text += reportCsvRow({ file: result.name, unreadable: `library error: ${result.error ?? ""}`.split("\n")[0] });
    else text += reportCsvRow(csvFixedValues(result.name, result.report, counts(result)), flattenReport(result.report));
  }
  return text;
}

function record(result: ParseResult): unknown {
  if (result.report === null) return { file: result.name, unreadable: `library error: ${result.error ?? ""}`.split("\n")[0] };
  return { file: result.name, ...result.report, source: { ...result.report.source, text: undefined } };
}

/** One JSON line per file, as `xxgk parse --format ndjson`. */
export function ndjsonOf(results: readonly ParseResult[]): string {
  return results.map((r) => `${JSON.stringify(record(r))}\n`).join("");
}

/** One JSON array of the files, as `xxgk parse --format json` with several files. */
export function jsonOf(results: readonly ParseResult[]): string {
  return `${JSON.stringify(results.map(record), null, 2)}\n`;
}

/** Offer a text as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
