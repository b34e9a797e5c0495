/**
 * From a raw grid row to a logical row: the label cells, then the value cells.
 */
import type { Cell, Table } from "../types.js";
import { readCellValue } from "../text/cell-value.js";

/** A row as the mapper reads it. */
export interface LogicalRow {
  /** Non-empty text cells before the values (group labels first, the row's own label last). */
  labels: Cell[];
  /** Value cells after the label, blanks included; a blank spanning k columns counts k times. */
  values: Cell[];
  /** How many value cells hold a number. */
  numbers: number;
  start: number;
  end: number;
  /**
   * True in layouts that write no blank cell at the end of a row (pipe-rows, pipe-cells): the
   * empty cells after its last number may only pad it to the table's width.
   */
  padded: boolean;
}

/**
 * Split a grid row into labels and values. The values are the cells after the
 * last text cell that is followed by a number (so a note after the numbers does
 * not hide them); a row without numbers keeps its trailing blanks as values.
 */
export function toLogicalRow(cells: readonly Cell[], padded = false): LogicalRow {
  const kinds = cells.map((c) => readCellValue(c.text).kind);
  let lastNumber = -1;
  for (let i = kinds.length - 1; i >= 0; i--) if (kinds[i] === "number") { lastNumber = i; break; }
  let lastLabel = -1;
  const searchFrom = lastNumber >= 0 ? lastNumber : kinds.length - 1;
  for (let i = searchFrom; i >= 0; i--) if (kinds[i] === "text") { lastLabel = i; break; }
  const labels = cells.slice(0, lastLabel + 1).filter((c, i) => kinds[i] === "text");
  const values: Cell[] = [];
  let numbers = 0;
  for (let i = lastLabel + 1; i < cells.length; i++) {
    const cell = cells[i]!;
    const kind = kinds[i];
    if (kind === "number") numbers++;
    const repeat = kind === "blank" ? Math.max(1, Math.min(cell.colSpan, 64)) : 1;
    for (let k = 0; k < repeat; k++) values.push(cell);
  }
  const first = cells[0];
  const last = cells[cells.length - 1];
  return { labels, values, numbers, start: first ? first.start : 0, end: last ? last.end : 0, padded };
}

/** Layouts whose rows end in a run of empty cells up to the table's width (`规章 | 2 | 15 | ||`, a `|||` line). */
const PADDED_LAYOUTS: ReadonlySet<Table["layout"]> = new Set(["pipe-rows", "pipe-cells"]);

/** A row's value cells without the blank cells after its last number (the same array when there are none). */
export function withoutTrailingBlanks(values: readonly Cell[]): readonly Cell[] {
  let end = values.length;
  while (end > 0 && readCellValue(values[end - 1]!.text).kind === "blank") end--;
  return end === values.length ? values : values.slice(0, end);
}

/**
 * The logical rows of a table. A row of labels without values followed by a row of
 * values without labels (a label orphaned from its numbers) is read as one row.
 */
export function logicalRows(table: Table): LogicalRow[] {
  const padded = PADDED_LAYOUTS.has(table.layout);
  // every row made with the same fields, in the same order: the mapper's hot loops read rows of one shape
  const rows = table.rows.filter((r) => r.length > 0).map((cells) => toLogicalRow(cells, padded));
  const out: LogicalRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const next = rows[i + 1];
    if (row.labels.length > 0 && row.numbers === 0 && next && next.labels.length === 0 && next.numbers > 0) {
      out.push({ labels: row.labels, values: next.values, numbers: next.numbers, start: row.start, end: next.end, padded });
      i++;
      continue;
    }
    out.push(row);
  }
  return out;
}

/** The result of fitting a row's value cells to the template's column count. */
export interface FittedValues {
  /** One entry per column: the cell read, or null when the row has no cell for it. */
  cells: Array<Cell | null>;
  /** Cells beyond the column count, dropped. */
  extra: Cell[];
  /** True when blank cells had to be dropped at the edges to fit. */
  trimmed: boolean;
}

/**
 * Fit value cells to `n` columns: drop blank cells at the end, then at the start, while
 * there are more cells than columns (merged cells of text layouts leave such blanks);
 * a row still too long keeps its first `n` cells; a short row leaves the last columns empty.
 */
export function fitValues(values: readonly Cell[], n: number): FittedValues {
  let from = 0;
  let to = values.length;
  const blank = (c: Cell | undefined) => c !== undefined && readCellValue(c.text).kind === "blank";
  let trimmed = false;
  while (to - from > n && blank(values[to - 1])) { to--; trimmed = true; }
  while (to - from > n && blank(values[from])) { from++; trimmed = true; }
  const kept = values.slice(from, to);
  const cells: Array<Cell | null> = [];
  for (let i = 0; i < n; i++) cells.push(kept[i] ?? null);
  return { cells, extra: kept.slice(n), trimmed };
}

/**
 * Where the values start in rows of a given length, learnt from the complete rows of a
 * table: in text layouts merged cells leave empty cells at fixed places, so a row with a
 * blank cell of its own is read like the complete rows of the same length.
 * Returns, per row length, the most common offset of the first value.
 */
export function learnValueOffsets(rows: readonly LogicalRow[], n: number): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (const row of rows) {
    if (row.numbers !== n) continue;
    const first = row.values.findIndex((c) => readCellValue(c.text).kind === "number");
    const byOffset = votes.get(row.values.length) ?? new Map<number, number>();
    byOffset.set(first, (byOffset.get(first) ?? 0) + 1);
    votes.set(row.values.length, byOffset);
  }
  const offsets = new Map<number, number>();
  for (const [length, byOffset] of votes) {
    let best = -1;
    let bestVotes = 0;
    for (const [offset, count] of byOffset) if (count > bestVotes) { best = offset; bestVotes = count; }
    offsets.set(length, best);
  }
  return offsets;
}

/**
 * Fit value cells to `n` columns, at `offset` when the table's complete rows of the same
 * length put their values there and the cells outside are blank; else as {@link fitValues}.
 */
export function fitValuesAt(values: readonly Cell[], n: number, offset: number | undefined): FittedValues {
  if (offset === undefined || offset < 0 || offset + n > values.length) return fitValues(values, n);
  const outside = [...values.slice(0, offset), ...values.slice(offset + n)];
  if (outside.some((c) => readCellValue(c.text).kind !== "blank" || c.text.trim() !== "")) return fitValues(values, n);
  return { cells: values.slice(offset, offset + n), extra: [], trimmed: offset > 0 || offset + n < values.length };
}
