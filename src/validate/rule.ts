/**
 * What a validation rule is, and the helpers the arithmetic rules share.
 */
import { getPath } from "../report/get-path.js";
import { templatePaths, type TableTemplate } from "../report/templates.js";
import type { Finding, Report, RuleName, Severity } from "../types.js";
import { notCheckableMessage } from "./messages.js";

/** Options every rule receives (resolved from {@link ValidateOptions}). */
export interface RuleOptions {
  /** Report rules whose inputs contain a blank cell as `info` findings. */
  includeNotCheckable: boolean;
}

/** A rule over one report. */
export interface ReportRule {
  name: RuleName;
  check(report: Report, options: RuleOptions): Finding[];
}

/** Two reports of one organ on consecutive years. */
export interface ReportPair {
  earlier: Report;
  later: Report;
  /** `[earlier year, later year]`. */
  years: [number, number];
}

/** A cross-year rule over two reports of consecutive years. */
export interface SeriesRule {
  name: RuleName;
  check(pair: ReportPair, options: RuleOptions): Finding[];
}

/** The template whose tables a report has, or `null` for legacy/unknown reports. */
export function tableTemplate(report: Report): TableTemplate | null {
  return report.template === "2021" || report.template === "2019" ? report.template : null;
}

/** True when `value` is a non-null, non-array object (a table or row of the model). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A sum without binary floating-point noise (`0.1 + 0.2` is `0.3`). */
export function sumOf(values: readonly number[]): number {
  const sum = values.reduce((a, b) => a + b, 0);
  return Number.isInteger(sum) ? sum : Number(sum.toFixed(10));
}

/** True when two sums differ by more than rounding noise. */
export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9;
}

/** One equation: `sum(expectedFrom) = sum(actualFrom)`. */
export interface Equation {
  rule: RuleName;
  severity: Severity;
  /** Every cell the equation reads, the checked total first. */
  paths: string[];
  /** Cells summed into `expected` (the parts). */
  expectedFrom: readonly string[];
  /** Cells summed into `actual` (the total as reported). */
  actualFrom: readonly string[];
  /** What the equation is about, for the not-checkable message (`naturalPerson`, `applications.granted` …). */
  subject: string;
  message(expected: number, actual: number): string;
}

/** Reads a cell of one report; `null` or `undefined` when it has no value. */
export type CellReader = (path: string) => number | null | undefined;

/** A reader over one report's model paths. */
export function readerOf(report: Report): CellReader {
  const snap = snapshotOf(report);
  if (snap) return (path) => snap.values.get(path);
  return (path) => getPath(report, path);
}

/** The values of a report read once, for the rules of one `validateReport` call. */
interface Snapshot {
  report: Report;
  /** Every leaf of the tables: numbers and nulls. */
  values: Map<string, number | null>;
  numeric?: Array<[string, number]>;
}

let current: Snapshot | null = null;

function snapshotOf(report: Report): Snapshot | null {
  return current !== null && current.report === report ? current : null;
}

/**
 * Run `fn` with the report's values read once (rules then look them up instead of walking
 * the model for every cell). The snapshot lives only for this synchronous call, so a report
 * changed between two validations is read afresh.
 */
export function withSnapshot<T>(report: Report, fn: () => T): T {
  const previous = current;
  const values = new Map<string, number | null>();
  for (const key of TABLE_KEYS) collectValues(report[key], key, values);
  current = { report, values };
  try {
    return fn();
  } finally {
    current = previous;
  }
}

function collectValues(node: unknown, prefix: string, out: Map<string, number | null>): void {
  if (!isObject(node)) return;
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    const value = node[key];
    const path = `${prefix}.${key}`;
    if (typeof value === "number" || value === null) out.set(path, value);
    else collectValues(value, path, out);
  }
}

/**
 * Checks one equation: no finding when it holds, an `info` not-checkable
 * finding when an input is blank (if wanted), else one finding of the
 * equation's severity with `expected` (the parts) and `actual` (the total).
 */
export function checkEquation(read: CellReader, eq: Equation, options: RuleOptions): Finding[] {
  const nullPaths = eq.paths.filter((p) => typeof read(p) !== "number");
  if (nullPaths.length > 0) {
    if (!options.includeNotCheckable) return [];
    return [
      {
        rule: eq.rule,
        severity: "info",
        message: notCheckableMessage(eq.rule, eq.subject, nullPaths),
        paths: [...eq.paths],
        notCheckable: true,
      },
    ];
  }
  const expected = sumOf(eq.expectedFrom.map((p) => read(p) as number));
  const actual = sumOf(eq.actualFrom.map((p) => read(p) as number));
  if (!differs(expected, actual)) return [];
  return [
    {
      rule: eq.rule,
      severity: eq.severity,
      message: eq.message(expected, actual),
      paths: [...eq.paths],
      expected,
      actual,
    },
  ];
}

/** Adds the offsets of the finding's first cell (from `report.locations`) when the parser recorded them. */
export function locate(report: Report, finding: Finding): Finding {
  if (finding.start !== undefined || finding.paths.length === 0) return finding;
  const locations: unknown = report.locations;
  if (!isObject(locations)) return finding;
  const loc = locations[finding.paths[0]!];
  if (!isObject(loc) || typeof loc.start !== "number" || typeof loc.end !== "number") return finding;
  return { ...finding, start: loc.start, end: loc.end };
}

const TABLE_KEYS = ["activeDisclosure", "applications", "appeals"] as const;

function collectLeaves(node: unknown, prefix: string, out: Map<string, number>): void {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const path = `${prefix}.${key}`;
    if (typeof value === "number") out.set(path, value);
    else collectLeaves(value, path, out);
  }
}

/**
 * Every number in the report's three tables as `[path, value]`: the template's
 * paths first in table order, then any other number the model holds.
 */
export function numericCells(report: Report): Array<[string, number]> {
  const snap = snapshotOf(report);
  if (snap?.numeric) return snap.numeric;
  const leaves = new Map<string, number>();
  if (snap) {
    for (const [path, value] of snap.values) if (value !== null) leaves.set(path, value);
  } else for (const key of TABLE_KEYS) collectLeaves(report[key], key, leaves);
  const template = tableTemplate(report);
  const ordered: Array<[string, number]> = [];
  if (template !== null) {
    for (const path of templatePaths(template)) {
      const value = leaves.get(path);
      if (value !== undefined) {
        ordered.push([path, value]);
        leaves.delete(path);
      }
    }
  }
  const cells: Array<[string, number]> = [...ordered, ...leaves.entries()];
  if (snap) snap.numeric = cells;
  return cells;
}
