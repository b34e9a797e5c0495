/**
 * The pieces the grid builder works with: fragments placed on the stacked pages,
 * columns, label cells and rows of values.
 */
import type { Fragment } from "./page-lines.js";

/** A fragment placed on the whole document's vertical axis (pages stacked). */
export interface Placed {
  f: Fragment;
  /** Top and bottom on the stacked pages. */
  y0: number;
  y1: number;
  line: number;
}

/** A column of values: its x-range. */
export interface Column {
  x0: number;
  x1: number;
}

/** A label (or header) cell: its fragments and the box around them on the stacked pages. */
export interface LabelCell {
  parts: Placed[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A row of values, with the label cells given to it. */
export interface DataRow {
  y0: number;
  y1: number;
  page: number;
  /** Page-local top and bottom. */
  top: number;
  bottom: number;
  /** The values in each column (empty for a blank cell). */
  byColumn: Placed[][];
  /** The row's own label. */
  own: LabelCell | null;
  /** Group labels given to this row (the first row they stand beside). */
  groups: LabelCell[];
}

/** How much two x-ranges overlap (negative: the gap between them). */
export function xOverlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** The data row(s) a placed fragment stands beside. */
export function rowsBeside(box: { y0: number; y1: number }, rows: readonly DataRow[]): DataRow[] {
  return rows.filter((r) => {
    const common = Math.min(r.y1, box.y1) - Math.max(r.y0, box.y0);
    return common > 0.3 * Math.min(r.y1 - r.y0, box.y1 - box.y0);
  });
}
