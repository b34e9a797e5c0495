/**
 * Table content that a converter left outside its tables: rows written as plain text
 * lines (`行政许可 0`) and numbers floating alone above a table (a multi-line cell the
 * converter could not place: `22` then `（其中修订 16 件）`).
 */
import type { Cell, Layout, Section, Table } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { readCellValue, toHalfWidth } from "../text/cell-value.js";

/** A number found alone in the narrative of a table section. */
export interface FloatingCell {
  cell: Cell;
  /** The section (2, 3 or 4) it floats in. */
  section: number;
}

/** What was recovered from the narrative blocks of the table sections. */
export interface StrayContent {
  tables: Table[];
  floating: FloatingCell[];
}

/** A label of a few words then numbers, nothing else: `行政许可 0`, `规章 22 0 235`. */
const ROW_LINE = /^([^\d\s|，。；：:,;][^|，。；：:,;]{1,40}?)((?:\s+[-+]?\d[\d,]*(?:\.\d+)?){1,15})\s*$/u;
const NUMBER = /[-+]?\d[\d,]*(?:\.\d+)?/g;
const NOTE = /^[(（][^()（）]{1,30}[)）]$/;

function sectionOf(start: number, sections: readonly Section[]): number | null {
  let found: number | null = null;
  for (const s of sections) if (s.start <= start) found = s.number;
  return found;
}

/** Cells of a row line: the label, then each number with its offsets. */
function rowCells(block: TextBlock, label: string, numbers: string): Cell[] {
  const cells: Cell[] = [{ text: label.trim(), rowSpan: 1, colSpan: 1, start: block.start, end: block.start + label.trimEnd().length }];
  const base = block.start + label.length;
  for (const m of numbers.matchAll(NUMBER)) {
    const start = base + m.index;
    cells.push({ text: m[0], rowSpan: 1, colSpan: 1, start, end: start + m[0].length });
  }
  return cells;
}

/**
 * Read rows and floating numbers out of the narrative blocks that stand in sections
 * 二, 三 and 四 (where only tables belong). The blocks' offsets must point into the
 * text as written (the raw block text is compared after width folding only).
 */
export function findStrayContent(blocks: readonly TextBlock[], sections: readonly Section[], layout: Layout): StrayContent {
  const tables: Table[] = [];
  const floating: FloatingCell[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const section = sectionOf(block.start, sections);
    if (section === null || section < 2 || section > 4) continue;
    const text = toHalfWidth(block.text);
    if (text.length !== block.text.length) continue;
    const value = readCellValue(text);
    if (value.kind === "number" && /^\s*[-+]?\d/.test(text)) {
      const next = blocks[i + 1];
      const hasNote = next !== undefined && NOTE.test(toHalfWidth(next.text).trim());
      floating.push({ cell: { text: block.text.trim(), rowSpan: 1, colSpan: 1, start: block.start, end: block.end }, section });
      if (hasNote) i++;
      continue;
    }
    const m = ROW_LINE.exec(text);
    if (!m || !/\p{Script=Han}{2}/u.test(m[1]!)) continue;
    tables.push({ kind: null, layout, rows: [rowCells(block, m[1]!, m[2]!)], start: block.start, end: block.end });
  }
  return { tables, floating };
}
