/**
 * Nested model objects from the flat values read from the tables.
 */
import type { ActiveDisclosure2019, ActiveDisclosure2021, Appeals, Applications, TableKind, TemplateVersion } from "../types.js";
import type { MappedTables } from "./map-tables.js";
import { templatePathList } from "../template/templates.js";
import { boundedMemo } from "../text/bounded-memo.js";

type Tree = { [key: string]: Tree | number | null };

/** Paths split into keys, once per path (the template's paths). */
const splitCache = boundedMemo<string[]>(2_000, Infinity);

function splitPath(path: string): string[] {
  return path.split(".");
}

/** Set `path` (dotted) in a nested object, creating the objects on the way. */
export function setPath(root: Tree, path: string, value: number | null): void {
  setKeys(root, splitCache.get(path, splitPath), value);
}

/** One value path of a template, split once. */
interface PlanStep {
  path: string;
  kind: TableKind;
  keys: readonly string[];
}

/** Each template's plan. */
const plans = boundedMemo<readonly PlanStep[]>(8);

/** The value paths of a template with their table and keys, computed once. */
function planOf(template: TemplateVersion): readonly PlanStep[] {
  return plans.get(template, makePlan);
}

function makePlan(template: string): readonly PlanStep[] {
  return templatePathList(template as TemplateVersion).map((path) => {
    const keys = path.split(".");
    return { path, kind: keys[0] as TableKind, keys };
  });
}

function setKeys(root: Tree, keys: readonly string[], value: number | null): void {
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
  for (const { path, kind, keys } of planOf(template)) {
    if (!mapped.present.has(kind)) continue;
    setKeys(root, keys, mapped.values.get(path) ?? null);
  }
  return {
    activeDisclosure: (root.activeDisclosure ?? null) as unknown as ActiveDisclosure2021 | ActiveDisclosure2019 | null,
    applications: (root.applications ?? null) as unknown as Applications | null,
    appeals: (root.appeals ?? null) as unknown as Appeals | null,
  };
}
