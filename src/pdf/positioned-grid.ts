/**
 * Rebuild a table's grid from where its text stands on the page.
 *
 * - Values are the numbers (and blank markers `/`, `—`) that stand last on their
 *   line, right of every label; the leftmost of them marks where the value columns
 *   begin. Text in that area is column headers, and a line holding such text is a
 *   header line. A header line after rows of values starts a new part of the table
 *   (a sub-table of table 二, or the header repeated on the next page).
 * - Columns, per part: the x-ranges of the values, merged where they overlap, plus
 *   the x-range of every header that stands over no value (a column left blank
 *   in every row).
 * - Rows: values whose heights overlap stand in one row. The labels left of the
 *   values are gathered into label cells (lines of one cell follow each other
 *   closely in the same column; a numbering such as `（三）` or `2.` starts a new
 *   cell). A row's own label is the rightmost label cell beside its values; label
 *   cells further left beside it are group labels (`三、本年度办理结果`,
 *   `（三）不予公开`), given once, in their first row.
 * - A label with no values beside it is a group label when labels further right
 *   stand beside it, else a row whose cells are all blank (when it reads like a
 *   row label), else a line of text kept as a row without values.
 */
import { readCellValue } from "../text/cell-value.js";
import { labelKey } from "../template/normalize.js";
import { ACTIVE_ROWS, APPLICATION_ROWS } from "../template/templates.js";
import type { TableKind } from "../types.js";
import type { Fragment, PageLine } from "./page-lines.js";
import { verticalOverlap } from "./page-lines.js";
import { rowsBeside, xOverlap, type Column, type DataRow, type LabelCell, type Placed } from "./grid-parts.js";
import { headerCells, labelCells } from "./label-cells.js";
import type { Box, PdfCell, PdfTable } from "./types.js";

interface GridRow {
  y0: number;
  cells: PdfCell[];
}

/** Where each page starts on the stacked vertical axis. */
export type PageTop = (page: number) => number;

function place(f: Fragment, line: number, top: PageTop): Placed {
  const t = top(f.page);
  return { f, y0: t + f.y0, y1: t + f.y1, line };
}

/** The values of a line: numbers and blank markers after its last text fragment. */
function lineValues(line: PageLine): Set<Fragment> {
  const kinds = line.fragments.map((f) => readCellValue(f.text).kind);
  let lastText = -1;
  kinds.forEach((k, i) => {
    if (k === "text") lastText = i;
  });
  const out = new Set<Fragment>();
  for (let i = lastText + 1; i < line.fragments.length; i++) out.add(line.fragments[i]!);
  return out;
}

function cellOf(parts: readonly Placed[]): PdfCell {
  const sorted = [...parts].sort((a, b) => a.y0 - b.y0 || a.f.x0 - b.f.x0);
  const first = sorted[0]!.f;
  let text = "";
  let start = Infinity;
  let end = -Infinity;
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const { f } of sorted) {
    const glue = text !== "" && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(f.text) ? " " : "";
    text += glue + f.text;
    start = Math.min(start, f.start);
    end = Math.max(end, f.end);
    if (f.page !== first.page) continue;
    box.x0 = Math.min(box.x0, f.x0);
    box.y0 = Math.min(box.y0, f.y0);
    box.x1 = Math.max(box.x1, f.x1);
    box.y1 = Math.max(box.y1, f.y1);
  }
  return { text, rowSpan: 1, colSpan: 1, start, end, page: first.page, box };
}

function blankCell(at: number, page: number, box: Box): PdfCell {
  return { text: "", rowSpan: 1, colSpan: 1, start: at, end: at, page, box };
}

/** Merge overlapping x-ranges into columns, left to right. */
function valueColumns(values: readonly Placed[]): Column[] {
  const sorted = [...values].sort((a, b) => a.f.x0 - b.f.x0);
  const cols: Column[] = [];
  for (const { f } of sorted) {
    const last = cols[cols.length - 1];
    if (last && f.x0 < last.x1 + 0.5) last.x1 = Math.max(last.x1, f.x1);
    else cols.push({ x0: f.x0, x1: f.x1 });
  }
  return cols;
}

/**
 * Add a column for every header cell (lowest first) that stands over no column yet, at
 * least ¾ of the column pitch from each of them: a header spanning several columns
 * (行政诉讼 over ten) may stand in the gap between two of them. The pitch is the narrowest
 * of the value columns' and of the lowest headers level with each other (those with no header
 * below them and over at most one value column: one per column), so a blank column between two value columns (本年增/减 of 行政处罚 and
 * 行政强制, blank in both rows) does not widen it.
 */
function addHeaderColumns(cols: Column[], headers: readonly Placed[]): Column[] {
  const out = [...cols];
  const cells = headerCells(headers);
  const lowest = cells.filter((c) => !cells.some((d) => d !== c && isBelow(d, c)) && cols.filter((col) => xOverlap(col, c) > 0).length <= 1);
  const pitch = Math.min(narrowestPitch(cols), narrowestLinePitch(lowest));
  const least = pitch === Infinity ? 0 : 0.75 * pitch;
  const lowestFirst = cells.sort((a, b) => b.y1 - a.y1);
  for (const cell of lowestFirst) {
    if (out.some((c) => xOverlap(c, cell) > 0 || Math.abs(centre(c) - centre(cell)) < least)) continue;
    out.push({ x0: cell.x0, x1: cell.x1 });
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;

/** The least distance between the centres of two neighbouring ranges (Infinity for fewer than two). */
function narrowestPitch(ranges: readonly { x0: number; x1: number }[]): number {
  const centres = ranges.map(centre).sort((a, b) => a - b);
  let pitch = Infinity;
  for (let j = 1; j < centres.length; j++) if (centres[j]! - centres[j - 1]! > 0.5) pitch = Math.min(pitch, centres[j]! - centres[j - 1]!);
  return pitch;
}

/** The least distance between the centres of two header cells level with each other (Infinity for none). */
function narrowestLinePitch(cells: readonly LabelCell[]): number {
  let pitch = Infinity;
  for (const a of cells) {
    for (const b of cells) {
      const d = centre(b) - centre(a);
      if (d > 0.5 && d < pitch && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0)) pitch = d;
    }
  }
  return pitch;
}

/** True when header cell `d` stands below `c`, under part of it. */
function isBelow(d: LabelCell, c: LabelCell): boolean {
  return d.y0 >= c.y1 - 0.3 * c.parts[0]!.f.size && xOverlap(c, d) > 0;
}

/** Values whose heights overlap form a row. */
function valueRows(values: readonly Placed[], cols: readonly Column[]): DataRow[] {
  const sorted = [...values].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.f.x0 - b.f.x0);
  const rows: DataRow[] = [];
  for (const v of sorted) {
    let row = rows[rows.length - 1];
    if (!row || verticalOverlap(row, v) < 0.4 || row.page !== v.f.page) {
      row = { y0: v.y0, y1: v.y1, page: v.f.page, top: v.f.y0, bottom: v.f.y1, byColumn: cols.map(() => []), own: null, groups: [] };
      rows.push(row);
    }
    row.y0 = Math.min(row.y0, v.y0);
    row.y1 = Math.max(row.y1, v.y1);
    row.top = Math.min(row.top, v.f.y0);
    row.bottom = Math.max(row.bottom, v.f.y1);
    let best = 0;
    let bestOverlap = -Infinity;
    cols.forEach((c, i) => {
      const o = xOverlap(c, v.f);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    row.byColumn[best]!.push(v);
  }
  return rows;
}

let rowLabelKeys: Set<string> | null = null;

/** True when a label with no values beside it is a row label of a template (so the row is all blank). */
function looksLikeRowLabel(text: string): boolean {
  rowLabelKeys ??= new Set([...APPLICATION_ROWS, ...ACTIVE_ROWS].map((r) => labelKey(r.label)));
  return rowLabelKeys.has(labelKey(text));
}

/** One part of a table: header lines, then rows. */
interface Part {
  lines: PageLine[];
  headerLines: Set<PageLine>;
}

function splitParts(lines: readonly PageLine[], values: Set<Fragment>, boundary: number): Part[] {
  const parts: Part[] = [];
  let current: Part | null = null;
  let seenValues = false;
  for (const line of lines) {
    const header = line.fragments.some((f) => !values.has(f) && f.x1 > boundary + 1);
    if (!current || (header && seenValues)) {
      current = { lines: [], headerLines: new Set() };
      parts.push(current);
      seenValues = false;
    }
    current.lines.push(line);
    if (header) current.headerLines.add(line);
    if (line.fragments.some((f) => values.has(f))) seenValues = true;
  }
  return parts;
}

/** Attach the label cells to rows (own label, group labels); return the rest. */
function attachLabels(cells: readonly LabelCell[], rows: readonly DataRow[]): LabelCell[] {
  const besideOf = new Map(cells.map((c) => [c, rowsBeside(c, rows)]));
  for (const row of rows) {
    const here = cells.filter((c) => besideOf.get(c)!.includes(row)).sort((a, b) => a.x0 - b.x0);
    row.own = here[here.length - 1] ?? null;
  }
  const owns = new Set(rows.map((r) => r.own).filter((c): c is LabelCell => c !== null));
  const rest: LabelCell[] = [];
  for (const cell of cells) {
    if (owns.has(cell)) continue;
    const beside = besideOf.get(cell)!;
    const first = beside[0] ?? groupRowOf(cell, rows, owns);
    if (first) first.groups.push(cell);
    else rest.push(cell);
  }
  return rest;
}

/** For a label beside no values: the first row whose own label stands to its right, level with it. */
function groupRowOf(cell: LabelCell, rows: readonly DataRow[], owns: ReadonlySet<LabelCell>): DataRow | null {
  const size = cell.parts[0]!.f.size;
  const band = { y0: cell.y0 - size, y1: cell.y1 + size };
  for (const row of rows) {
    const own = row.own;
    if (!own || !owns.has(own) || own.x0 < cell.x1 - 1) continue;
    if (Math.min(band.y1, own.y1) - Math.max(band.y0, own.y0) > 0) return row;
  }
  return null;
}

function dataRowCells(row: DataRow, cols: readonly Column[]): PdfCell[] {
  const cells: PdfCell[] = [];
  for (const g of [...row.groups].sort((a, b) => a.x0 - b.x0)) cells.push(cellOf(g.parts));
  if (row.own) cells.push(cellOf(row.own.parts));
  let at = cells.length > 0 ? cells[cells.length - 1]!.end : Infinity;
  const firstValue = row.byColumn.flat()[0];
  if (at === Infinity) at = firstValue ? firstValue.f.start : 0;
  row.byColumn.forEach((parts, i) => {
    if (parts.length > 0) {
      const cell = cellOf(parts);
      cells.push(cell);
      at = cell.end;
    } else {
      const col = cols[i]!;
      cells.push(blankCell(at, row.page, { x0: col.x0, y0: row.top, x1: col.x1, y1: row.bottom }));
    }
  });
  return cells;
}

/** A row of blanks for a label that stands alone. */
function blankRow(label: LabelCell, cols: readonly Column[]): GridRow {
  const cell = cellOf(label.parts);
  const cells: PdfCell[] = [cell];
  for (const col of cols) cells.push(blankCell(cell.end, cell.page, { x0: col.x0, y0: cell.box.y0, x1: col.x1, y1: cell.box.y1 }));
  return { y0: label.y0, cells };
}

/** Loose fragments (headers, notes) as rows of text, one row per line. */
function textRows(parts: readonly Placed[]): GridRow[] {
  const byLine = new Map<number, Placed[]>();
  for (const p of parts) {
    const list = byLine.get(p.line) ?? [];
    list.push(p);
    byLine.set(p.line, list);
  }
  return [...byLine.values()].map((list) => {
    const sorted = list.sort((a, b) => a.f.x0 - b.f.x0);
    return { y0: Math.min(...sorted.map((p) => p.y0)), cells: sorted.map((p) => cellOf([p])) };
  });
}

function partRows(part: Part, lineIndex: Map<PageLine, number>, values: Set<Fragment>, boundary: number, top: PageTop): GridRow[] {
  const placedValues: Placed[] = [];
  const headerLine: Placed[] = [];
  const labels: Placed[] = [];
  const loose: Placed[] = [];
  for (const line of part.lines) {
    const index = lineIndex.get(line)!;
    for (const f of line.fragments) {
      const p = place(f, index, top);
      if (values.has(f)) placedValues.push(p);
      else if (part.headerLines.has(line)) {
        loose.push(p);
        headerLine.push(p);
      } else labels.push(p);
    }
  }
  // column headers: header text reaching into the values, or standing right of every row label
  // (自然人 over a first column left blank in every row; in table 四, which has no row labels,
  // 结果维持 over its first column left blank)
  let labelsRight = -Infinity;
  for (const p of labels) labelsRight = Math.max(labelsRight, p.f.x1);
  const headers = headerLine.filter((p) => p.f.x1 > boundary + 1 || p.f.x0 >= labelsRight);
  const cols = addHeaderColumns(valueColumns(placedValues), headers);
  const rows = valueRows(placedValues, cols);
  const cells = labelCells(labels, rows);
  const rest = attachLabels(cells, rows);
  const out: GridRow[] = rows.map((r) => ({ y0: r.y0, cells: dataRowCells(r, cols) }));
  const firstTop = rows[0]?.y0 ?? Infinity;
  for (const cell of rest) {
    const text = cell.parts.map((p) => p.f.text).join("");
    if (cols.length > 0 && cell.y0 >= firstTop - 1 && looksLikeRowLabel(text)) out.push(blankRow(cell, cols));
    else loose.push(...cell.parts);
  }
  out.push(...textRows(loose));
  return out;
}

/**
 * The grid of one table region.
 *
 * @param lines - the region's lines, in document order
 * @param kind - the table's kind when its section says it, else null
 * @param top - where each page starts on the stacked vertical axis
 */
export function positionedGrid(lines: readonly PageLine[], kind: TableKind | null, top: PageTop): PdfTable {
  const values = new Set<Fragment>();
  for (const line of lines) for (const f of lineValues(line)) values.add(f);
  let boundary = Infinity;
  for (const f of values) boundary = Math.min(boundary, f.x0);
  const lineIndex = new Map(lines.map((l, i) => [l, i]));
  const rows: GridRow[] = [];
  for (const part of splitParts(lines, values, boundary)) rows.push(...partRows(part, lineIndex, values, boundary, top));
  rows.sort((a, b) => a.y0 - b.y0);
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    kind,
    layout: "aligned-text",
    rows: rows.map((r) => r.cells).filter((r) => r.length > 0),
    start: first ? first.start : 0,
    end: last ? last.end : 0,
  };
}
