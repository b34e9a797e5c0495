/**
 * `missing-value`: a cell of the template that is blank (`null`) or absent.
 * Cells of a missing table are left to `missing-table`; `orgSubtotal` counts only in a
 * report whose table 三 prints the 小计 column.
 */
import { TABLE_KINDS, templatePathList } from "../../template/templates.js";
import type { Diagnostic, DiagnosticCode, Finding, Report } from "../../types.js";
import { missingValueMessage, type MissingReason } from "../messages.js";
import { applicationsShape, isObject, perTemplate, type ReportRule, type ReportValues, type RuleOptions } from "../rule.js";
import { modelValues } from "../snapshot.js";

/** The paths of a template grouped by their table, in table order. */
const pathsByTable = perTemplate((template) =>
  TABLE_KINDS.map((kind) => ({ kind, paths: templatePathList(template).filter((path) => path.startsWith(`${kind}.`)) })),
);

/**
 * One warning per null cell of the report's template, in table order, saying why it is null:
 * blank in the report, absent from the table, or printed but not read unambiguously — the
 * parser's diagnostics on the cell (or its row) decide, and are named in `causes`.
 */
export function checkMissingValue(report: Report, _options?: RuleOptions, values: ReportValues = modelValues(report)): Finding[] {
  const read = values.read;
  const shape = applicationsShape(report, read);
  if (shape === null) return [];
  const findings: Finding[] = [];
  let byPath: Map<string, Diagnostic[]> | null = null;
  for (const { kind, paths } of pathsByTable(shape.template)) {
    if (!isObject(report[kind])) continue;
    for (const path of paths) {
      if (typeof read(path) === "number") continue;
      if (!shape.orgSubtotal && path.endsWith(".orgSubtotal")) continue;
      byPath ??= diagnosticsByPath(report);
      findings.push(missingValueFinding(path, byPath));
    }
  }
  return findings;
}

/** The report's diagnostics by the path they name. */
function diagnosticsByPath(report: Report): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const all: unknown = report.diagnostics;
  if (!Array.isArray(all)) return out;
  for (const d of all) {
    if (!isObject(d) || typeof d.path !== "string") continue;
    const list = out.get(d.path);
    if (list) list.push(d as unknown as Diagnostic);
    else out.set(d.path, [d as unknown as Diagnostic]);
  }
  return out;
}

/** Why a cell is null, from the diagnostics on it, then on its row. */
function reasonOf(path: string, byPath: ReadonlyMap<string, Diagnostic[]>): { reason: MissingReason; causes: Diagnostic[] } {
  const row = path.slice(0, path.lastIndexOf("."));
  const own = byPath.get(path) ?? [];
  const undecided = [...own, ...(byPath.get(row) ?? [])].filter((d) => UNDECIDED.has(d.code));
  if (undecided.length > 0) return { reason: "undecided", causes: undecided };
  const absent = [...own, ...(byPath.get(row) ?? [])].filter((d) => d.code === "missing-cell" || d.code === "missing-row");
  if (absent.length > 0) return { reason: "absent", causes: absent };
  const blank = own.filter((d) => d.code === "blank-cell");
  return { reason: "blank", causes: blank };
}

/** Diagnostics of a cell that is printed but could not be read (or split, or placed) unambiguously. */
const UNDECIDED: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(["ambiguous-cell", "ambiguous-split", "unparsed-cell"]);

function missingValueFinding(path: string, byPath: ReadonlyMap<string, Diagnostic[]>): Finding {
  const { reason, causes } = reasonOf(path, byPath);
  const readings = causes.reduce((n, d) => Math.max(n, d.alternatives?.length ?? 0), 0);
  const finding: Finding = {
    rule: "missing-value",
    severity: "warning",
    message: missingValueMessage(path, reason, causes.map((d) => d.code), readings),
    paths: [path],
    actual: null,
  };
  if (causes.length > 0) finding.causes = causes.map((d) => ({ code: d.code, path: d.path! }));
  return finding;
}

/** The `missing-value` rule. */
export const missingValue: ReportRule = { name: "missing-value", check: checkMissingValue };
