/**
 * `pipe-cells`: one cell per line, each ending in ` |`; lines of pipes alone (`|||`) stand for
 * empty cells at the end of a row (seed 000). Row breaks are not written: a row ends at a
 * pipes-only line, or where a label follows a value.
 *
 *     一、本年新收政府信息公开申请数量 |
 *     0 |
 *     …
 *     ||
 */
import type { Cell } from "../types.js";
import { isValueText } from "../text/cell-value.js";
import type { LayoutModule, TextBlock, Tokenized } from "./types.js";
import { blockOf, cellFrom, countLines, linesWith, splitLines, type Line, type MarkedLine } from "./lines.js";
import type { ParseContext } from "../text/parse-context.js";
import type { Table } from "../types.js";

const PIPES_ONLY = /^\s*\|+\s*$/;

/** A cell line: some text, then ` |` at the end, and no other pipe. */
function isCellLine(line: Line): boolean {
  const t = line.text.trimEnd();
  return t.endsWith("|") && t.indexOf("|") === t.length - 1 && t.trim().length > 1;
}

function isTableLine(line: Line): boolean {
  return isCellLine(line) || PIPES_ONLY.test(line.text);
}

/** {@link isTableLine} on the trimmed text of a line (`\s` and trim agree on whitespace). */
function isTableText({ trimmed: t }: MarkedLine): boolean {
  const cell = t.endsWith("|") && t.indexOf("|") === t.length - 1 && t.length > 1;
  return cell || /^\|+$/.test(t);
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  const tables: Table[] = [];
  const blocks: TextBlock[] = [];
  let table: Table | null = null;
  let row: Cell[] = [];
  let rowHasValue = false;
  const endRow = () => {
    if (table && row.length > 0) table.rows.push(row);
    row = [];
    rowHasValue = false;
  };
  for (const line of splitLines(text, context)) {
    if (line.text.trim() === "") continue;
    if (!isTableLine(line)) {
      endRow();
      table = null;
      blocks.push(blockOf(line));
      continue;
    }
    if (!table) {
      table = { kind: null, layout: "pipe-cells", rows: [], start: line.start, end: line.end };
      tables.push(table);
    }
    table.end = line.end;
    if (PIPES_ONLY.test(line.text)) {
      // each pipe closes one empty cell; the line ends the row
      const count = (line.text.match(/\|/g) ?? []).length;
      for (let i = 0; i < count; i++) row.push({ text: "", rowSpan: 1, colSpan: 1, start: line.start, end: line.end });
      endRow();
      continue;
    }
    const cell = cellFrom(line.text, line.start, 0, line.text.lastIndexOf("|"));
    const value = isValueText(cell.text);
    if (!value && rowHasValue) endRow();
    row.push(cell);
    if (value) rowHasValue = true;
  }
  endRow();
  return { layout: "pipe-cells", tables, blocks, diagnostics: [] };
}

function detect(text: string, context?: ParseContext): number {
  const hits = countLines(linesWith(text, "|", context), isTableText);
  return Math.min(1, hits / 80);
}

/** The `pipe-cells` layout. */
export const pipeCells: LayoutModule = { layout: "pipe-cells", detect, tokenize };
