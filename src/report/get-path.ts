/**
 * Reading one value of the report model by its dotted path (MODEL.md section 3).
 */
import { boundedMemo } from "../text/bounded-memo.js";


/** Paths split into keys: the model's paths are few and repeat on every report. */
const keyCache = boundedMemo<string[]>(2_000, Infinity);

function splitPath(path: string): string[] {
  return path.split(".");
}

/**
 * The value at `report.<path>`, following nested objects.
 *
 * Returns the number stored there, `null` when the cell is blank, and
 * `undefined` when the path does not exist (a missing table or row) or does not
 * lead to a number. Never throws.
 *
 * @example getPath(report, "applications.total.naturalPerson") // 12
 */
export function getPath(report: unknown, path: string): number | null | undefined {
  let node: unknown = report;
  const keys = keyCache.get(path, splitPath);
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === null) return null;
  return typeof node === "number" ? node : undefined;
}
