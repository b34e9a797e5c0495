/**
 * Expanding a grid of merged cells (rowSpan/colSpan) into a rectangular grid of
 * slots, following the placement rules of HTML tables: each row fills its
 * columns left to right, skipping slots already taken by a cell from a row
 * above; a cell covers `rowSpan × colSpan` slots from where it is placed.
 */
import type { Diagnostic } from "../types.js";

/** What {@link expandSpans} needs of a cell; offsets, when present, locate diagnostics. */
export interface SpanCell {
  rowSpan: number;
  colSpan: number;
  start?: number;
  end?: number;
}

/** One slot of an expanded grid: the cell covering it and where that cell sits in the input rows. */
export interface GridSlot<C> {
  cell: C;
  /** Index of the cell's row in the input. */
  row: number;
  /** Index of the cell within its input row. */
  index: number;
  /** True for the top-left slot of the cell. */
  origin: boolean;
}

/** A rectangular grid: `slots[r][c]`, `null` where no cell reaches (a short row). */
export interface ExpandedGrid<C> {
  /** Number of rows (the input's row count). */
  height: number;
  /** Number of columns (the widest row, spans included). */
  width: number;
  slots: Array<Array<GridSlot<C> | null>>;
  /** `overlapping-span` for cells whose span runs into a slot another cell already covers; `truncated` for absurd widths. */
  diagnostics: Diagnostic[];
}

/** The widest colSpan HTML honours. */
export const MAX_COL_SPAN = 1000;
/** Columns beyond this are not expanded (a guard against absurd spans). */
export const MAX_GRID_WIDTH = 2000;

/** A span value as a count of at least 1: junk, fractions and values below 1 read as 1. */
export function normalizeSpan(value: number, max: number): number {
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.floor(value), max);
}

/**
 * Expand rows of merged cells into a rectangular slot grid in which every slot is
 * covered by at most one cell (exactly one where the rows are complete).
 *
 * Row spans reaching past the last row are clipped to the grid. When a cell's span
 * runs into a slot that an earlier cell already covers (a row span from above), the
 * earlier cell keeps the slot, the later one covers only its free slots, and an
 * `overlapping-span` diagnostic names the later cell. Never throws.
 *
 * @example
 * ```ts
 * const g = expandSpans([[{ rowSpan: 2, colSpan: 1 }, { rowSpan: 1, colSpan: 1 }], [{ rowSpan: 1, colSpan: 1 }]]);
 * g.width // 2; g.slots[1][0].row === 0 (covered from above), g.slots[1][1].row === 1
 * ```
 */
export function expandSpans<C extends SpanCell>(rows: readonly (readonly C[])[]): ExpandedGrid<C> {
  const height = rows.length;
  const slots: Array<Array<GridSlot<C> | null>> = [];
  for (let r = 0; r < height; r++) slots.push([]);
  const diagnostics: Diagnostic[] = [];
  let width = 0;
  let truncated = false;
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    let x = 0;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      const line = slots[r]!;
      while (line[x]) x++;
      if (x >= MAX_GRID_WIDTH) {
        truncated = true;
        break;
      }
      const colSpan = normalizeSpan(cell.colSpan, MAX_COL_SPAN);
      const rowSpan = Math.min(normalizeSpan(cell.rowSpan, height), height - r);
      if (x + colSpan > MAX_GRID_WIDTH) truncated = true;
      const placed = place(slots, cell, r, i, x, Math.min(colSpan, MAX_GRID_WIDTH - x), rowSpan);
      if (placed.overlaps > 0) diagnostics.push(overlapDiagnostic(cell, r, x, placed.firstOverlap));
      width = Math.max(width, Math.min(x + colSpan, MAX_GRID_WIDTH));
      x += colSpan;
      if (x >= MAX_GRID_WIDTH) break;
    }
  }
  for (const line of slots) {
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = null;
    line.length = width;
  }
  if (truncated) diagnostics.push(truncatedDiagnostic());
  return { height, width, slots, diagnostics };
}

interface Placement {
  overlaps: number;
  firstOverlap: { row: number; column: number } | null;
}

/** Claim the free slots of a cell's rectangle; count the ones another cell holds. */
function place<C>(
  slots: Array<Array<GridSlot<C> | null>>,
  cell: C,
  row: number,
  index: number,
  x: number,
  colSpan: number,
  rowSpan: number,
): Placement {
  let overlaps = 0;
  let firstOverlap: Placement["firstOverlap"] = null;
  for (let dr = 0; dr < rowSpan; dr++) {
    const line = slots[row + dr]!;
    for (let dc = 0; dc < colSpan; dc++) {
      const c = x + dc;
      if (line[c]) {
        overlaps++;
        firstOverlap ??= { row: row + dr, column: c };
        continue;
      }
      line[c] = { cell, row, index, origin: dr === 0 && dc === 0 };
    }
  }
  return { overlaps, firstOverlap };
}

function overlapDiagnostic(
  cell: SpanCell,
  row: number,
  column: number,
  at: { row: number; column: number } | null,
): Diagnostic {
  const where = at ? `${at.row + 1}行${at.column + 1}列` : "";
  const whereEn = at ? ` at row ${at.row + 1}, column ${at.column + 1}` : "";
  const d: Diagnostic = {
    code: "overlapping-span",
    severity: "warning",
    message:
      `第${row + 1}行第${column + 1}列的合并单元格与上方的合并单元格重叠（${where}） / ` +
      `the merged cell at row ${row + 1}, column ${column + 1} overlaps a cell spanning from above${whereEn}`,
  };
  if (typeof cell.start === "number" && typeof cell.end === "number") {
    d.start = cell.start;
    d.end = cell.end;
  }
  return d;
}

function truncatedDiagnostic(): Diagnostic {
  return {
    code: "truncated",
    severity: "warning",
    message: `表格超过${MAX_GRID_WIDTH}列，多余的列已忽略 / the table is wider than ${MAX_GRID_WIDTH} columns; the rest was ignored`,
  };
}
