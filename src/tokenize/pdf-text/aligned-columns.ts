/**
 * Columns of space-aligned text: where a row prints fewer values than its
 * neighbours, the position of each value says which column it is in, and the
 * columns it skips are blank cells.
 */
import type { Fragment } from "../text-line-items.js";

/** Result of placing the value runs of consecutive rows into columns. */
export interface PlacedRuns {
  /** Per input run: the run with zero-width blank fragments (`text: ""`) inserted for skipped columns. */
  runs: Fragment[][];
  /** Indexes of runs that had fewer values than columns and could not be placed. */
  unplaced: number[];
}

function centerOf(f: Fragment): number {
  return f.column + f.text.length / 2;
}

/** The longest run length of at least `min` values that occurs at least twice (0 when none does). */
export function fullLength(runs: readonly Fragment[][], min: number): number {
  const counts = new Map<number, number>();
  for (const r of runs) if (r.length >= min) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const [len, c] of counts) if (c >= 2 && len > best) best = len;
  return best;
}

/** Assign each value to the nearest column centre; null when two values want one column or one is too far off. */
function assign(run: readonly Fragment[], centers: readonly number[], tolerance: number): number[] | null {
  const out: number[] = [];
  let last = -1;
  for (const f of run) {
    const c = centerOf(f);
    let best = -1;
    let bestDist = Infinity;
    centers.forEach((x, j) => {
      const d = Math.abs(x - c);
      if (d < bestDist) {
        bestDist = d;
        best = j;
      }
    });
    if (best <= last || bestDist > tolerance) return null;
    out.push(best);
    last = best;
  }
  return out;
}

/**
 * The run spread over `k` columns: value `v` in column `cols[v]`, a zero-width blank
 * fragment (`text: ""`, at the offset of the next value) in every other column.
 */
function spread(run: readonly Fragment[], cols: readonly number[], k: number, columnOf: (j: number) => number): Fragment[] {
  const placed: Fragment[] = [];
  let v = 0;
  for (let j = 0; j < k; j++) {
    if (cols[v] === j) {
      placed.push(run[v]!);
      v++;
      continue;
    }
    const next = run[v];
    const prev = run[v - 1];
    const offset = next ? next.start : prev ? prev.end : 0;
    placed.push({ text: "", start: offset, end: offset, column: columnOf(j) });
  }
  return placed;
}

/**
 * Place short runs into the columns of the full runs (the longest length of at least
 * `minColumns` values that occurs twice); without full runs the runs are returned as they are.
 */
export function placeValueRuns(runs: readonly Fragment[][], minColumns = 4): PlacedRuns {
  const out = runs.map((r) => [...r]);
  const unplaced: number[] = [];
  const k = fullLength(runs, minColumns);
  if (k === 0) return { runs: out, unplaced };
  const full = runs.flatMap((r, i) => (r.length === k ? [i] : []));
  const centers: number[] = [];
  for (let j = 0; j < k; j++) centers.push(full.reduce((s, i) => s + centerOf(runs[i]![j]!), 0) / full.length);
  let gap = Infinity;
  for (let j = 1; j < k; j++) gap = Math.min(gap, centers[j]! - centers[j - 1]!);
  const tolerance = Math.min(3, gap / 2);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.length === 0 || run.length >= k) continue;
    const cols = assign(run, centers, tolerance);
    if (cols) out[i] = spread(run, cols, k, (j) => Math.round(centers[j]!));
    else unplaced.push(i);
  }
  return { runs: out, unplaced };
}

/**
 * Place a short run under the column headers printed above it (`信息内容 本年制发件数
 * 本年废止件数 现行有效件数`): each value goes to the header whose left edge or centre is
 * nearest to its own. Returns the run with blank fragments for skipped columns, or null
 * when two values want one header or a value is far from every header.
 */
export function placeUnderHeaders(run: readonly Fragment[], headers: readonly Fragment[]): Fragment[] | null {
  if (headers.length < 2 || run.length === 0 || run.length >= headers.length) return null;
  let gap = Infinity;
  for (let j = 1; j < headers.length; j++) gap = Math.min(gap, headers[j]!.column - headers[j - 1]!.column);
  const tolerance = Math.max(2, gap / 2);
  const distance = (v: Fragment, h: Fragment) => Math.min(Math.abs(v.column - h.column), Math.abs(centerOf(v) - centerOf(h)));
  const cols: number[] = [];
  for (const v of run) {
    let best = -1;
    let bestDist = Infinity;
    headers.forEach((h, j) => {
      const d = distance(v, h);
      if (d < bestDist) {
        bestDist = d;
        best = j;
      }
    });
    if (bestDist > tolerance || best <= (cols[cols.length - 1] ?? -1)) return null;
    cols.push(best);
  }
  return spread(run, cols, headers.length, (j) => headers[j]!.column);
}

/** A column header printed above the values, with the line it stands on. */
export interface HeaderPiece {
  fragment: Fragment;
  line: number;
}

interface Span {
  x0: number;
  x1: number;
}

function spanOf(f: Fragment): Span {
  return { x0: f.column, x1: f.column + f.text.length };
}

function overlap(a: Span, b: Span): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/**
 * The columns of a block of value runs by position: the x-ranges of the values, merged
 * where they overlap, plus the x-range of every header piece in the value area (lowest
 * line first) that stands over no column yet, at least ¾ of the narrowest column pitch from
 * every column — a column left blank in every row. The value
 * area starts after `labelsEnd`, the column where the rows' labels end.
 */
export function positionColumns(runs: readonly Fragment[][], headers: readonly HeaderPiece[], labelsEnd: number): Span[] {
  const cols = valueSpans(runs);
  if (cols.length === 0) return cols;
  const area = Math.min(cols[0]!.x0, labelsEnd + 1);
  const centre = (c: Span) => (c.x0 + c.x1) / 2;
  let pitch = Infinity;
  for (let j = 1; j < cols.length; j++) pitch = Math.min(pitch, centre(cols[j]!) - centre(cols[j - 1]!));
  const lowestFirst = [...headers].sort((a, b) => b.line - a.line || a.fragment.column - b.fragment.column);
  for (const { fragment } of lowestFirst) {
    const s = spanOf(fragment);
    if (s.x0 < area || fragment.text.trim() === "") continue;
    // a header stands for a column of its own only a column's pitch away from every column
    if (cols.some((c) => overlap(c, s) > 0 || Math.abs(centre(c) - centre(s)) < 0.75 * pitch)) continue;
    cols.push(s);
    cols.sort((a, b) => a.x0 - b.x0);
  }
  return cols;
}

/** The x-ranges of the values, merged where they overlap, left to right. */
function valueSpans(runs: readonly Fragment[][]): Span[] {
  const spans = runs.flatMap((r) => r.filter((f) => f.text !== "").map(spanOf)).sort((a, b) => a.x0 - b.x0);
  const cols: Span[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 < last.x1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
  }
  return cols;
}

/** The column a value's x-range overlaps most (the nearest centre when it overlaps none). */
function columnOf(f: Fragment, cols: readonly Span[]): number {
  const s = spanOf(f);
  let best = -1;
  let bestOverlap = 0;
  cols.forEach((c, j) => {
    const o = overlap(c, s);
    if (o > bestOverlap) {
      bestOverlap = o;
      best = j;
    }
  });
  if (best >= 0) return best;
  const centre = (s.x0 + s.x1) / 2;
  let bestDist = Infinity;
  cols.forEach((c, j) => {
    const d = Math.abs((c.x0 + c.x1) / 2 - centre);
    if (d < bestDist) {
      bestDist = d;
      best = j;
    }
  });
  return best;
}

/**
 * Place the value runs of a block under its columns by position ({@link positionColumns})
 * (labels ending at column `labelsEnd`) when the headers show more columns than the longest runs fill (a column blank in
 * every row, 总计 included): each value goes to the column its x-range overlaps. Returns
 * null — and {@link placeValueRuns}' reading stands — unless the values' own x-ranges
 * make exactly as many separate columns as the longest runs have values (columns that
 * overlap from row to row, as extractors print them, say nothing sure) and the headers
 * add at least one.
 */
export function placeByPosition(runs: readonly Fragment[][], headers: readonly HeaderPiece[], labelsEnd: number, minColumns = 4): PlacedRuns | null {
  return placeRunsByPosition(runs, fullLength(runs, minColumns), headers, labelsEnd);
}

/**
 * {@link placeByPosition} for a lone run of values (table 四 prints its fifteen cells in
 * one row): its values go under the header columns when the headers show more columns than
 * it has values. Null when they do not.
 */
export function placeRunByPosition(run: readonly Fragment[], headers: readonly HeaderPiece[], labelsEnd: number): Fragment[] | null {
  const placed = placeRunsByPosition([[...run]], run.length, headers, labelsEnd);
  return placed && placed.unplaced.length === 0 ? placed.runs[0]! : null;
}

/** Place runs whose longest have `k` values under the columns of their values and headers. */
function placeRunsByPosition(runs: readonly Fragment[][], k: number, headers: readonly HeaderPiece[], labelsEnd: number): PlacedRuns | null {
  if (k === 0 || headers.length === 0 || valueSpans(runs).length !== k) return null;
  const cols = positionColumns(runs, headers, labelsEnd);
  if (cols.length <= k) return null;
  const out: Fragment[][] = [];
  const unplaced: number[] = [];
  runs.forEach((run, i) => {
    if (run.length === 0) {
      out.push([...run]);
      return;
    }
    const at: number[] = [];
    for (const f of run) {
      const j = columnOf(f, cols);
      if (j <= (at[at.length - 1] ?? -1)) break;
      at.push(j);
    }
    if (at.length < run.length) {
      out.push([...run]);
      unplaced.push(i);
      return;
    }
    out.push(spread(run, at, cols.length, (j) => cols[j]!.x0));
  });
  return { runs: out, unplaced };
}
