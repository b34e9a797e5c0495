/**
 * The labels a report table prints (row labels, group labels, column headers of
 * both templates) as label keys, for putting wrapped label fragments back together:
 * two fragments belong to one label when their keys join into the start of a known label.
 */
import { labelKey } from "./normalize.js";
import { ACTIVE_ROWS, APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, type RowSpec } from "./templates.js";

/** Header words of the tables that are not row or column labels of the templates. */
const HEADER_WORDS: readonly string[] = [
  "信息内容",
  "申请人情况",
  "法人或其他组织",
  "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
  "行政复议",
  "行政诉讼",
  "总计",
];

/** Known label keys, with every prefix of each indexed. */
export interface KnownLabels {
  /** True when `key` is exactly a known label key. */
  isComplete(key: string): boolean;
  /** True when `key` is a non-empty start (or the whole) of a known label key. */
  isPrefix(key: string): boolean;
  /** True when `key` is exactly the label key of a table row (not a group label or a header). */
  isRow(key: string): boolean;
}

function labelsOf(rows: readonly RowSpec[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    out.push(row.label);
    if (row.group) out.push(row.group);
    for (const col of row.columns) out.push(col.label);
  }
  return out;
}

/** Build the index over a list of labels and the subset that are row labels (keys are computed with `labelKey`). */
export function buildKnownLabels(labels: readonly string[], rowLabels: readonly string[] = []): KnownLabels {
  const rows = new Set(rowLabels.map(labelKey));
  const complete = new Set<string>();
  const prefixes = new Set<string>();
  for (const label of labels) {
    const key = labelKey(label);
    if (key === "") continue;
    complete.add(key);
    for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
  }
  return {
    isComplete: (key) => complete.has(key),
    isPrefix: (key) => key !== "" && prefixes.has(key),
    isRow: (key) => rows.has(key),
  };
}

let cached: KnownLabels | null = null;

/** The labels of both templates' three tables and their header words. */
export function templateLabels(): KnownLabels {
  cached ??= buildKnownLabels(
    [
      ...labelsOf(ACTIVE_ROWS),
      ...labelsOf(APPLICATION_ROWS),
      ...labelsOf(APPEAL_ROWS),
      ...APPLICANT_COLUMNS.map((c) => c.label),
      ...APPEAL_COLUMNS.map((c) => c.label),
      ...HEADER_WORDS,
    ],
    [...ACTIVE_ROWS, ...APPLICATION_ROWS, ...APPEAL_ROWS].map((r) => r.label),
  );
  return cached;
}
