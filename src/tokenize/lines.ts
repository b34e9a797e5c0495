/**
 * Line and cell splitting shared by the text layouts, keeping offsets.
 */
import type { Cell, Layout, Table } from "../types.js";
import type { TextBlock } from "./types.js";
import { contextOf, contextSlot, type ParseContext } from "../text/parse-context.js";

/** One line of the input: its text without the line break, and where it starts. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** The lines of the parse's text, split once: every layout's detector and the chosen tokenizer read them. */
const LINES = contextSlot<readonly Line[]>("lines", (text) => computeLines(text));

/**
 * Split text into lines (LF, CRLF or CR), keeping offsets. Within one parse (`context`
 * of this text) the lines are split once.
 */
export function splitLines(text: string, context?: ParseContext): readonly Line[] {
  return context === undefined ? computeLines(text) : contextOf(text, context).get(LINES);
}

function computeLines(text: string): Line[] {
  if (!text.includes("\r")) return lfLines(text);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ text: text.slice(start, i), start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start <= text.length) lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

/** {@link computeLines} for text without CR: the native search finds the breaks. */
function lfLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
    lines.push({ text: text.slice(start, i), start, end: i });
    start = i + 1;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

/** A line that holds a given mark, its place among the text's lines, and its trimmed text. */
export interface MarkedLine {
  line: Line;
  index: number;
  trimmed: string;
}

/** The lines with each mark asked for in this parse, by mark. */
const MARKED = contextSlot("marked lines", () => new Map<string, readonly MarkedLine[]>());

/**
 * The lines of a text that hold `mark` (one character, not a line break), in order, with
 * their trimmed text. Detectors whose test fails on every line without the mark count
 * their hits here: the native search skips the other lines, and the pipe layouts share
 * the lines with `|`. Within one parse (`context` of this text) each mark is searched once.
 */
export function linesWith(text: string, mark: string, context?: ParseContext): readonly MarkedLine[] {
  const ctx = contextOf(text, context);
  const marked = ctx.get(MARKED);
  let found = marked.get(mark);
  if (!found) {
    found = findMarked(text, mark, ctx);
    marked.set(mark, found);
  }
  return found;
}

function findMarked(text: string, mark: string, context: ParseContext): MarkedLine[] {
  const out: MarkedLine[] = [];
  const lines = splitLines(text, context);
  let k = 0;
  for (let p = text.indexOf(mark); p >= 0; p = text.indexOf(mark, lines[k]!.end)) {
    while (lines[k]!.end < p) k++;
    const line = lines[k]!;
    out.push({ line, index: k, trimmed: line.text.trim() });
  }
  return out;
}

/** How many of the lines pass a test. */
export function countLines<T>(lines: readonly T[], test: (l: T) => boolean): number {
  let hits = 0;
  for (const l of lines) if (test(l)) hits++;
  return hits;
}

/** A cell from a slice of a line: trimmed, with the offsets of the trimmed text (or of the slice when blank). */
export function cellFrom(line: string, lineStart: number, from: number, to: number): Cell {
  let a = from;
  let b = to;
  while (a < b && isSpace(line.charCodeAt(a))) a++;
  while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
  if (a === b) return { text: "", rowSpan: 1, colSpan: 1, start: lineStart + from, end: lineStart + to };
  return { text: line.slice(a, b), rowSpan: 1, colSpan: 1, start: lineStart + a, end: lineStart + b };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** Split a line on a one-character separator into cells with offsets. */
export function splitCells(line: Line, separator: string): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const t = line.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === separator) {
      cells.push(cellFrom(t, line.start, from, i));
      from = i + 1;
    }
  }
  return cells;
}

/**
 * Group consecutive table lines into tables and the other non-empty lines into blocks.
 * `rowOf` returns the cells of a table line, or null for a narrative line.
 * Blank lines neither end a table nor make a block.
 */
export function collectTables(
  lines: readonly Line[],
  layout: Layout,
  rowOf: (line: Line) => Cell[] | null,
): { tables: Table[]; blocks: TextBlock[] } {
  const tables: Table[] = [];
  const blocks: TextBlock[] = [];
  let current: Table | null = null;
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const row = rowOf(line);
    if (row) {
      if (!current) {
        current = { kind: null, layout, rows: [], start: line.start, end: line.end };
        tables.push(current);
      }
      current.rows.push(row);
      current.end = line.end;
    } else {
      current = null;
      blocks.push(blockOf(line));
    }
  }
  return { tables, blocks };
}

/** A narrative block from a line, trimmed. */
export function blockOf(line: Line): TextBlock {
  const c = cellFrom(line.text, line.start, 0, line.text.length);
  return { text: c.text, start: c.start, end: c.end };
}
