/**
 * The values of a report read once per `validateReport` call, and the readers the
 * rules use: from that snapshot when there is one, else straight from the model.
 */
import { getPath } from "../report/get-path.js";
import { isMoneyPath, isSignedPath, templatePathList } from "../template/templates.js";
import type { Report } from "../types.js";
import { isObject, perTemplate, tableTemplate, type CellReader } from "./rule.js";

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
  /** False when no number of the tables is one `negative` or `non-integer` reports (see {@link isSuspect}). */
  suspect: boolean;
  numeric?: Array<[string, number]>;
}

const TABLE_KEYS = ["activeDisclosure", "applications", "appeals"] as const;

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
  const snap: Snapshot = { report, values: new Map(), suspect: false };
  for (const key of TABLE_KEYS) collectValues(report[key], key, snap);
  current = snap;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

function collectValues(node: unknown, prefix: string, snap: Snapshot): void {
  if (!isObject(node)) return;
  const paths = childPathsOf(prefix);
  for (const key of Object.keys(node)) {
    const value = node[key];
    const path = paths.get(key) ?? newChildPath(paths, prefix, key);
    if (value === null) snap.values.set(path, value);
    else if (typeof value === "number") {
      snap.values.set(path, value);
      if (!snap.suspect && isSuspect(path, value)) snap.suspect = true;
    } else collectValues(value, path, snap);
  }
}

/**
 * The paths below `prefix` by key, the same string objects every time: the report's paths are
 * few, and a string built once keeps its hash, so the snapshot's map does not hash a fresh copy
 * of each path per call.
 */
function childPathsOf(prefix: string): Map<string, string> {
  let paths = childPaths.get(prefix);
  if (paths === undefined) {
    paths = new Map();
    childPaths.set(prefix, paths);
  }
  return paths;
}

function newChildPath(paths: Map<string, string>, prefix: string, key: string): string {
  if (cachedPaths >= MAX_CACHED_PATHS) {
    childPaths.clear();
    cachedPaths = 0;
  }
  const path = `${prefix}.${key}`;
  paths.set(key, path);
  cachedPaths++;
  return path;
}

/** Paths by prefix and key; cleared when odd models have filled it with far more paths than the templates have. */
const childPaths = new Map<string, Map<string, string>>();
const MAX_CACHED_PATHS = 10_000;
let cachedPaths = 0;

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

/**
 * Every number in the report's three tables as `[path, value]`: the template's
 * paths first in table order, then any other number the model holds.
 */
export function numericCells(report: Report): Array<[string, number]> {
  const snap = snapshotOf(report);
  if (snap === null) return walkedNumericCells(report);
  if (snap.numeric === undefined) snap.numeric = snapshotNumericCells(report, snap.values);
  return snap.numeric;
}

/**
 * The cells of {@link numericCells} that `negative` or `non-integer` reports (negative outside
 * the signed paths, fractional outside the money paths), in its order.
 */
export function suspectCells(report: Report): Array<[string, number]> {
  const snap = snapshotOf(report);
  if (snap !== null && !snap.suspect) return [];
  return numericCells(report).filter(([path, value]) => isSuspect(path, value));
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
