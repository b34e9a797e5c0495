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
