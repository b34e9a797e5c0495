/**
 * A wrong reading never becomes a finding against the organ: an error whose cells were
 * read with a repair, a guessed position, an extra or missing cell or an ambiguity (a
 * warning diagnostic of the parser on that cell, its row, or a span holding the cell)
 * is reported as `status: "uncertain"`, severity `warning`, naming those diagnostics.
 */
import type { Diagnostic, DiagnosticCode, Finding, Report } from "../types.js";
import { isObject } from "./rule.js";
import { uncertainMessage } from "./messages.js";

/** Parser diagnostics that say a cell's reading may be wrong (at severity `warning`). */
export const READING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  "ambiguous-cell",
  "ambiguous-split",
  "recovered-by-arithmetic",
  "repaired-by-arithmetic",
  "extra-cell",
  "missing-cell",
  "floating-cell",
  "weak-label-match",
  "template-mixed",
]);

/** The diagnostics of a report that question a reading, or `[]`. */
function readingDiagnostics(report: Report): Diagnostic[] {
  const all: unknown = report.diagnostics;
  if (!Array.isArray(all)) return [];
  return all.filter((d): d is Diagnostic => isObject(d) && d.severity === "warning" && READING_CODES.has(d.code as DiagnosticCode));
}

/** True when diagnostic `d` is about cell `path`: its path, the path's row or table, or a span holding the cell. */
function touches(d: Diagnostic, path: string, report: Report): boolean {
  if (typeof d.path === "string" && (d.path === path || path.startsWith(`${d.path}.`))) return true;
  if (typeof d.start !== "number" || typeof d.end !== "number") return false;
  const loc: unknown = isObject(report.locations) ? report.locations[path] : undefined;
  return isObject(loc) && typeof loc.start === "number" && typeof loc.end === "number" && loc.start >= d.start && loc.end <= d.end;
}

/**
 * The findings with each error that reads a questioned cell turned into an uncertain
 * warning. Findings are the rules' own fresh objects: changed in place.
 */
export function markUncertain(report: Report, findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.severity === "error")) return findings;
  const questioned = readingDiagnostics(report);
  if (questioned.length === 0) return findings;
  for (const f of findings) {
    if (f.severity !== "error") continue;
    const causes = questioned.filter((d) => f.paths.some((p) => touches(d, p, report)));
    if (causes.length === 0) continue;
    f.severity = "warning";
    f.status = "uncertain";
    f.causes = causes.map((d) => (d.path === undefined ? { code: d.code } : { code: d.code, path: d.path }));
    f.message = uncertainMessage(f.message, f.causes.map((c) => c.code));
  }
  return findings;
}
