/**
 * Nested model objects from the flat values read from the tables.
 */
import type { ActiveDisclosure2019, ActiveDisclosure2021, Appeals, Applications, TemplateVersion } from "../types.js";
import type { MappedTables } from "./map-tables.js";
import { templatePaths } from "./templates.js";

type Tree = { [key: string]: Tree | number | null };

const splitCache = new Map<string, string[]>();

/** Set `path` (dotted) in a nested object, creating the objects on the way. */
export function setPath(root: Tree, path: string, value: number | null): void {
  let keys = splitCache.get(path);
  if (!keys) {
    keys = path.split(".");
    splitCache.set(path, keys);
  }
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    let next = node[k];
    if (typeof next !== "object" || next === null) {
      next = {};
      node[k] = next;
    }
    node = next;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The three tables of the model; a table that was not found is `null`. */
export function buildModel(
  template: TemplateVersion,
  mapped: MappedTables,
): {
  activeDisclosure: ActiveDisclosure2021 | ActiveDisclosure2019 | null;
  applications: Applications | null;
  appeals: Appeals | null;
} {
  const root: Tree = {};
  for (const path of templatePaths(template)) {
    const kind = path.slice(0, path.indexOf("."));
    if (!mapped.present.has(kind as never)) continue;
    setPath(root, path, mapped.values.get(path) ?? null);
  }
  return {
    activeDisclosure: (root.activeDisclosure ?? null) as unknown as ActiveDisclosure2021 | ActiveDisclosure2019 | null,
    applications: (root.applications ?? null) as unknown as Applications | null,
    appeals: (root.appeals ?? null) as unknown as Appeals | null,
  };
}
