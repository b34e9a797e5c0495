/**
 * The values of a report as the rules read them: read once per `validateReport` call and
 * passed to every rule, or straight from the model for a rule called on its own.
 */
import { getPath } from "../report/get-path.js";
import { isMoneyPath, isSignedPath, templatePathList } from "../template/templates.js";
import type { Report } from "../types.js";
import { isObject, perTemplate, tableTemplate, type CellReader, type ReportValues } from "./rule.js";
import { boundedMemo, type BoundedMemo } from "../text/bounded-memo.js";

/** A reader over one report's model paths, walking the model for every cell. */
export function modelReader(report: Report): CellReader {
  return (path) => getPath(report, path);
}

/** The values of a report read from its model as asked (nothing read ahead). */
export function modelValues(report: Report): ReportValues {
  return {
    read: modelReader(report),
    numericCells: () => walkedNumericCells(report),
    suspectCells: () => walkedNumericCells(report).filter(([path, value]) => isSuspect(path, value)),
  };
}

const TABLE_KEYS = ["activeDisclosure", "applications", "appeals"] as const;

/** What {@link snapshotValues} reads at once. */
interface Snapshot {
  /** Every leaf of the tables: numbers and nulls. */
  values: Map<string, number | null>;
  /** False when no number of the tables is one `negative` or `non-integer` reports (see {@link isSuspect}). */
  suspect: boolean;
}

/**
 * The report's values read once (rules then look them up instead of walking the model for
 * every cell). Made for one validation: a report changed afterwards is read afresh by the next.
 */
export function snapshotValues(report: Report): ReportValues {
  const snap: Snapshot = { values: new Map(), suspect: false };
  for (const key of TABLE_KEYS) collectValues(report[key], key, snap);
  let numeric: Array<[string, number]> | undefined;
  const numericCells = () => (numeric ??= snapshotNumericCells(report, snap.values));
  return {
    read: (path) => snap.values.get(path),
    numericCells,
    suspectCells: () => (snap.suspect ? numericCells().filter(([path, value]) => isSuspect(path, value)) : []),
  };
}

function collectValues(node: unknown, prefix: string, snap: Snapshot): void {
  if (!isObject(node)) return;
  const { paths, pathOf } = childPaths.get(prefix, newChildPaths);
  for (const key of Object.keys(node)) {
    const value = node[key];
    const path = paths.get(key, pathOf);
    if (value === null) snap.values.set(path, value);
    else if (typeof value === "number") {
      snap.values.set(path, value);
      if (!snap.suspect && isSuspect(path, value)) snap.suspect = true;
    } else collectValues(value, path, snap);
  }
}

/**
 * The paths below a prefix by key, the same string objects every time: the report's paths
 * are few (template-derived), and a string built once keeps its hash, so the snapshot's map
 * does not hash a fresh copy of each path per call. Bounded for odd models.
 */
const childPaths = boundedMemo<ChildPaths>(500, Infinity);

/** The paths below one prefix, and how one is made. */
interface ChildPaths {
  paths: BoundedMemo<string>;
  pathOf: (key: string) => string;
}

function newChildPaths(prefix: string): ChildPaths {
  return { paths: boundedMemo<string>(200), pathOf: (key) => `${prefix}.${key}` };
}

/** True for a cell `negative` or `non-integer` reports: below zero outside the signed paths, or fractional outside money. */
function isSuspect(path: string, value: number): boolean {
  return (value < 0 && !isSignedPath(path)) || (!Number.isInteger(value) && !isMoneyPath(path));
}

function collectLeaves(node: unknown, prefix: string, out: Map<string, number>): void {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const path = `${prefix}.${key}`;
    if (typeof value === "number") out.set(path, value);
    else collectLeaves(value, path, out);
  }
}

function snapshotNumericCells(report: Report, values: Map<string, number | null>): Array<[string, number]> {
  const template = tableTemplate(report);
  const cells: Array<[string, number]> = [];
  if (template !== null) {
    for (const path of templatePathList(template)) {
      const value = values.get(path);
      if (typeof value === "number") cells.push([path, value]);
    }
  }
  const taken = template === null ? null : templatePathSet(template);
  for (const [path, value] of values) {
    if (value !== null && (taken === null || !taken.has(path))) cells.push([path, value]);
  }
  return cells;
}

const templatePathSet = perTemplate((template) => new Set(templatePathList(template)));

function walkedNumericCells(report: Report): Array<[string, number]> {
  const leaves = new Map<string, number>();
  for (const key of TABLE_KEYS) collectLeaves(report[key], key, leaves);
  const template = tableTemplate(report);
  const ordered: Array<[string, number]> = [];
  if (template !== null) {
    for (const path of templatePathList(template)) {
      const value = leaves.get(path);
      if (value !== undefined) {
        ordered.push([path, value]);
        leaves.delete(path);
      }
    }
  }
  return [...ordered, ...leaves.entries()];
}
