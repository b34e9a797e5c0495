/**
 * Line and column of offsets, computed once per report from a line index.
 */
import type { Report } from "../types.js";

/** Offsets of the start of every line of a text. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column of an offset, by binary search over line starts. */
export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Fill `line` and `column` of every diagnostic that has a `start`. */
export function locateDiagnostics(report: Report): void {
  if (!report.diagnostics.some((d) => d.start !== undefined)) return;
  const starts = lineStarts(report.source.text);
  for (const d of report.diagnostics) {
    if (d.start === undefined) continue;
    const { line, column } = lineColumn(starts, d.start);
    d.line = line;
    d.column = column;
  }
}
