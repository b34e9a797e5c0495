/**
 * The corpus of real reports with their expected values.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusDir = join(repoRoot, "corpus");
export const extraDir = resolve(repoRoot, "../shared/corpus-extra");
export const hasExtra = existsSync(extraDir);

export interface ExpectedFinding {
  rule: string;
  severity?: string;
  paths: string[];
  expected?: number;
  actual?: number;
}

export interface Expected {
  id: string;
  files: Array<{ file: string; layout: string }>;
  template: string;
  meta: { year: number | null; organization: string | null; title: string | null };
  values: Record<string, number | null>;
  findings: ExpectedFinding[];
  accept?: Record<string, Array<number | null>>;
  alternatives?: Record<string, Array<string | number | null>>;
  ambiguities?: string[];
}

/** Every expected file of a folder (none when the folder is absent). */
export function loadExpected(dir = corpusDir): Expected[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Expected);
}

/** True when `actual` is the expected value or one of its accepted readings. */
export function acceptable(expected: Expected, path: string, actual: unknown): boolean {
  const want = expected.values[path];
  if (actual === want) return true;
  const accept = expected.accept?.[path] ?? expected.alternatives?.[path];
  return accept !== undefined && accept.some((a) => a === actual);
}

/** The normalized forms of a meta value that count as equal (spaces are not significant in titles). */
export function sameMeta(expected: Expected, key: "title" | "organization", actual: string | null): boolean {
  const norm = (s: string | null | undefined) => (s == null ? s : s.replace(/\s+/g, ""));
  const options = [expected.meta[key], ...((expected.alternatives?.[`meta.${key}`] as Array<string | null>) ?? [])];
  return options.some((o) => norm(o) === norm(actual));
}
