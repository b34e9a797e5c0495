/**
 * The ruling lines of a page's tables and the cells they enclose. A ruling is a run of
 * ink much longer than any stroke of a character (gaps of a pixel or two bridged, as a
 * scan leaves them); a cell is a rectangle of paper that rulings close on every side.
 */
import type { PixelBox } from "./gray-image.js";

/** A ruling line: its box (a horizontal ruling is wide and thin, a vertical one tall and thin). */
export interface Ruling extends PixelBox {
  horizontal: boolean;
}

/** The rulings and cells of a page. */
export interface PageGrid {
  rulings: Ruling[];
  /** 1 where a pixel belongs to a ruling (widened by a pixel). */
  rulingMask: Uint8Array;
  cells: PixelBox[];
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink along one direction at least `minLength` long, gaps up to `gap` bridged. */
function runs(mask: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number, gap: number): Segment[] {
  const out: Segment[] = [];
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  for (let a = 0; a < lines; a++) {
    let start = -1;
    let last = -1;
    for (let b = 0; b <= length; b++) {
      const ink = b < length && mask[horizontal ? a * width + b : b * width + a] === 1;
      if (ink) {
        if (start < 0) start = b;
        last = b;
      } else if (start >= 0 && b - last > gap) {
        if (last - start + 1 >= minLength) out.push({ at: a, from: start, to: last + 1 });
        start = -1;
      }
    }
  }
  return out;
}

/** Merge runs on neighbouring lines that overlap into rulings. */
function mergeRuns(segments: readonly Segment[], horizontal: boolean): Ruling[] {
  const open: Array<{ at0: number; at1: number; from: number; to: number }> = [];
  const done: Array<{ at0: number; at1: number; from: number; to: number }> = [];
  for (const s of segments) {
    let hit = null;
    for (const o of open) {
      if (o.at1 >= s.at - 1 && s.from < o.to && s.to > o.from) {
        hit = o;
        break;
      }
    }
    if (hit) {
      hit.at1 = s.at;
      hit.from = Math.min(hit.from, s.from);
      hit.to = Math.max(hit.to, s.to);
    } else open.push({ at0: s.at, at1: s.at, from: s.from, to: s.to });
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.at1 < s.at - 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done.map((r) =>
    horizontal
      ? { horizontal, x0: r.from, x1: r.to, y0: r.at0, y1: r.at1 + 1 }
      : { horizontal, x0: r.at0, x1: r.at1 + 1, y0: r.from, y1: r.to },
  );
}

/**
 * Find the rulings and cells of a page from its ink mask.
 *
 * @param minLength - the shortest run of ink that is a ruling (pixels)
 */
export function findGrid(mask: Uint8Array, width: number, height: number, minLength: number): PageGrid {
  const thick = Math.max(3, Math.round(minLength / 8));
  const rulings = [
    ...mergeRuns(runs(mask, width, height, true, minLength, 2), true),
    ...mergeRuns(runs(mask, width, height, false, minLength, 2), false),
  ].filter((r) => (r.horizontal ? r.y1 - r.y0 : r.x1 - r.x0) <= thick);
  const rulingMask = new Uint8Array(width * height);
  // a ruling's mask reaches past its ends (to close the corners) and past its sides (the
  // grey edge a scan or a turn leaves along it): no sliver of it is left to pass for text
  const reach = 3;
  const side = Math.max(2, Math.round(minLength / 25));
  for (const r of rulings) {
    const x0 = Math.max(0, r.x0 - (r.horizontal ? reach : side));
    const x1 = Math.min(width, r.x1 + (r.horizontal ? reach : side));
    const y0 = Math.max(0, r.y0 - (r.horizontal ? side : reach));
    const y1 = Math.min(height, r.y1 + (r.horizontal ? side : reach));
    for (let y = y0; y < y1; y++) rulingMask.fill(1, y * width + x0, y * width + x1);
  }
  return { rulings, rulingMask, cells: enclosedCells(rulingMask, width, height, minLength / 4) };
}

/** The rectangles of paper the rulings enclose: regions that touch no edge of the page and fill their box. */
function enclosedCells(rulingMask: Uint8Array, width: number, height: number, minSide: number): PixelBox[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const cells: PixelBox[] = [];
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || rulingMask[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let count = 0;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    while (top > 0) {
      const i = stack[--top]!;
      count++;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && !seen[i - 1] && !rulingMask[i - 1]) (seen[i - 1] = 1), (stack[top++] = i - 1);
      if (x + 1 < width && !seen[i + 1] && !rulingMask[i + 1]) (seen[i + 1] = 1), (stack[top++] = i + 1);
      if (y > 0 && !seen[i - width] && !rulingMask[i - width]) (seen[i - width] = 1), (stack[top++] = i - width);
      if (y + 1 < height && !seen[i + width] && !rulingMask[i + width]) (seen[i + width] = 1), (stack[top++] = i + width);
    }
    const touchesEdge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (touchesEdge || w < minSide || h < minSide) continue;
    if (count < 0.85 * w * h) continue;
    cells.push({ x0, y0, x1: x1 + 1, y1: y1 + 1 });
  }
  return cells;
}
