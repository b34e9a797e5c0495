/**
 * What a validation rule is, and the helpers the arithmetic rules share.
 */
import type { ApplicationsShape, Equation } from "../template/equations.js";
import { templatePathList, type TableTemplate } from "../template/templates.js";
import type { Finding, Report, RuleName } from "../types.js";
import { notCheckableMessage, sumMessage } from "./messages.js";
import { boundedMemo } from "../text/bounded-memo.js";

/** Options every rule receives (resolved from {@link ValidateOptions}). */
export interface RuleOptions {
  /** Report rules whose inputs contain a blank cell as `info` findings. */
  includeNotCheckable: boolean;
}

/**
 * The values of one report as the rules read them: a reader over its model paths, and the
 * numbers of its tables. `validateReport` reads the report once (`snapshotValues`)
 * and hands the result to every rule; a rule called on its own reads the model
 * (`modelValues`).
 */
export interface ReportValues {
  /** The value at a model path (see `getPath`). */
  read: CellReader;
  /**
   * Every number in the report's three tables as `[path, value]`: the template's paths
   * first in table order, then any other number the model holds.
   */
  numericCells(): Array<[string, number]>;
  /**
   * The cells of {@link numericCells} that `negative` or `non-integer` reports (negative outside
   * the signed paths, fractional outside the money paths), in its order.
   */
  suspectCells(): Array<[string, number]>;
}

/** A rule over one report: `values` are the report's, read once for every rule of one validation. */
export interface ReportRule {
  name: RuleName;
  check(report: Report, options: RuleOptions, values: ReportValues): Finding[];
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
  return denoised(values.reduce((a, b) => a + b, 0));
}

function denoised(sum: number): number {
  return Number.isInteger(sum) ? sum : Number(sum.toFixed(10));
}

/** True when two sums differ by more than rounding noise. */
export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9;
}

/** Reads a cell of one report; `null` or `undefined` when it has no value. */
export type CellReader = (path: string) => number | null | undefined;

/**
 * The shape of a report's table 三: its template, and whether it prints a 小计 column
 * (some value or cell location of `applications.*.orgSubtotal`). `null` without a template.
 */
export function applicationsShape(report: Report, read: CellReader): ApplicationsShape | null {
  const template = tableTemplate(report);
  if (template === null) return null;
  return { template, orgSubtotal: hasOrgSubtotal(report, read, template) };
}

function hasOrgSubtotal(report: Report, read: CellReader, template: TableTemplate): boolean {
  const locations: unknown = report.locations;
  for (const path of orgSubtotalPaths(template)) {
    if (typeof read(path) === "number") return true;
    if (isObject(locations) && locations[path] !== undefined) return true;
  }
  return false;
}

const orgSubtotalPaths = perTemplate((template) => templatePathList(template).filter((p) => p.endsWith(".orgSubtotal")));

/**
 * Checks one equation: no finding when it holds, an `info` not-checkable
 * finding when an input is blank (if wanted), else one finding of the
 * equation's severity with `expected` (the parts) and `actual` (the total).
 */
export function checkEquation(read: CellReader, eq: Equation, options: RuleOptions): Finding[] {
  const finding = equationFinding(read, eq, options);
  return finding === undefined ? [] : [finding];
}

/** {@link checkEquation} over several equations, their findings in order. */
export function checkEquations(read: CellReader, equations: readonly Equation[], options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  for (const eq of equations) {
    const finding = equationFinding(read, eq, options);
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

/** The finding of one equation, or `undefined`; builds nothing when the equation holds. */
function equationFinding(read: CellReader, eq: Equation, options: RuleOptions): Finding | undefined {
  const expected = checkedSum(read, eq.parts);
  const actual = expected === undefined ? undefined : checkedSum(read, eq.totals);
  if (expected === undefined || actual === undefined) return options.includeNotCheckable ? notCheckable(read, eq) : undefined;
  if (!differs(expected, actual)) return undefined;
  return {
    rule: eq.rule,
    severity: "error",
    message: sumMessage(eq, expected, actual),
    paths: [...eq.paths],
    expected,
    actual,
  };
}

function notCheckable(read: CellReader, eq: Equation): Finding {
  const nullPaths = eq.paths.filter((p) => typeof read(p) !== "number");
  return {
    rule: eq.rule,
    severity: "info",
    message: notCheckableMessage(eq.rule, eq.subject, nullPaths),
    paths: [...eq.paths],
    notCheckable: true,
  };
}

/** {@link sumOf} of the cells at `paths`, or `undefined` when one of them is not a number. */
function checkedSum(read: CellReader, paths: readonly string[]): number | undefined {
  let sum = 0;
  for (const path of paths) {
    const value = read(path);
    if (typeof value !== "number") return undefined;
    sum += value;
  }
  return denoised(sum);
}

/** Memoises `build` per template: what a rule derives from the template alone is built once. */
export function perTemplate<T>(build: (template: TableTemplate) => T): (template: TableTemplate) => T {
  const cache = boundedMemo<T>(4);
  const make = build as (template: string) => T;
  return (template) => cache.get(template, make);
}

/**
 * Adds the offsets of the finding's first cell (from `report.locations`) when the parser recorded them.
 * The finding must be a rule's own fresh object: it gets `start` and `end` in place (as a copy
 * with them appended would have them), which spares a copy per finding.
 */
export function locate(report: Report, finding: Finding): Finding {
  if (finding.start !== undefined || finding.paths.length === 0) return finding;
  const locations: unknown = report.locations;
  if (!isObject(locations)) return finding;
  const loc = locations[finding.paths[0]!];
  if (!isObject(loc) || typeof loc.start !== "number" || typeof loc.end !== "number") return finding;
  finding.start = loc.start;
  finding.end = loc.end;
  return finding;
}
