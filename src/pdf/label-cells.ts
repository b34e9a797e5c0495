/**
 * Label cells: the label fragments left of a table's values (and its header fragments)
 * gathered into cells. The wrapped lines of one cell follow each other closely in the
 * same column; a numbering such as `（三）` or `2.` starts a new cell, a line that starts
 * a template label after a cell that is already one (`行政处罚` / `行政强制`) starts a new
 * cell, and the own labels of two different rows are never one cell.
 */
import { labelKey } from "../template/normalize.js";
import { templateLabels } from "../template/known-labels.js";
import { rowsBeside, xOverlap, type DataRow, type LabelCell, type Placed } from "./grid-parts.js";

/** A numbering that starts a label: `一、`, `（三）`, `2.`. */
export const NUMBERING = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、])/;

/** Header fragments gathered into header cells (the lines of a wrapped header together). */
export function headerCells(headers: readonly Placed[]): LabelCell[] {
  const sorted = [...headers].sort((a, b) => a.y0 - b.y0 || a.f.x0 - b.f.x0);
  const cells: LabelCell[] = [];
  for (const p of sorted) {
    const target = cells.find((c) => {
      const gap = p.y0 - c.y1;
      return gap >= -0.3 * p.f.size && gap <= 1.3 * p.f.size && xOverlap(c, p.f) > 0;
    });
    if (target) extend(target, p);
    else cells.push({ parts: [p], x0: p.f.x0, x1: p.f.x1, y0: p.y0, y1: p.y1 });
  }
  return cells;
}

/** Add a fragment to a cell and grow its box. */
export function extend(cell: LabelCell, p: Placed): void {
  cell.parts.push(p);
  cell.x0 = Math.min(cell.x0, p.f.x0);
  cell.x1 = Math.max(cell.x1, p.f.x1);
  cell.y1 = Math.max(cell.y1, p.y1);
}

/** The text of a cell's parts, joined. */
function cellText(cell: LabelCell): string {
  let text = "";
  for (const p of cell.parts) text += p.f.text;
  return text;
}

/**
 * True when a line cannot continue a cell: the cell is a whole template label, the cell
 * joined with the line starts no template label, and the line starts one itself.
 */
function startsAnotherLabel(cell: LabelCell, p: Placed): boolean {
  const known = templateLabels();
  const own = labelKey(cellText(cell));
  if (!known.isComplete(own)) return false;
  const line = labelKey(p.f.text);
  return line !== "" && known.isPrefix(line) && !known.isPrefix(own + line);
}

/** For each row, the rightmost label fragment beside it: the start of the row's own label. */
function ownFragments(labels: readonly Placed[], rows: readonly DataRow[]): Map<Placed, DataRow> {
  const out = new Map<Placed, DataRow>();
  for (const row of rows) {
    let best: Placed | null = null;
    for (const p of labels) {
      if (!rowsBeside(p, [row]).length) continue;
      if (!best || p.f.x0 > best.f.x0) best = p;
    }
    if (best) out.set(best, row);
  }
  return out;
}

/**
 * Gather label fragments into label cells: the wrapped lines of one cell follow each
 * other closely in the same column. A numbering starts a new cell, and the own labels
 * of two different rows are never one cell.
 */
export function labelCells(labels: readonly Placed[], rows: readonly DataRow[]): LabelCell[] {
  const sorted = [...labels].sort((a, b) => a.y0 - b.y0 || a.f.x0 - b.f.x0);
  const owner = ownFragments(labels, rows);
  const cells: LabelCell[] = [];
  const rowOf = new Map<LabelCell, DataRow>();
  for (const p of sorted) {
    const mine = owner.get(p);
    let target: LabelCell | null = null;
    if (!NUMBERING.test(p.f.text)) {
      let bestGap = Infinity;
      for (const c of cells) {
        const last = c.parts[c.parts.length - 1]!;
        const gap = p.y0 - last.y1;
        if (gap < -0.3 * p.f.size || gap > 1.3 * p.f.size || xOverlap(c, p.f) <= 0) continue;
        const theirs = rowOf.get(c);
        if (mine && theirs && mine !== theirs) continue;
        if (startsAnotherLabel(c, p)) continue;
        if (gap < bestGap) {
          bestGap = gap;
          target = c;
        }
      }
    }
    if (target) {
      extend(target, p);
      if (mine) rowOf.set(target, mine);
    } else {
      const cell: LabelCell = { parts: [p], x0: p.f.x0, x1: p.f.x1, y0: p.y0, y1: p.y1 };
      cells.push(cell);
      if (mine) rowOf.set(cell, mine);
    }
  }
  return cells;
}
