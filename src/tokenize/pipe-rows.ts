/**
 * `pipe-rows`: one table row per line, cells split by `|` (seeds 001, 004).
 *
 *     规章 | 0 | 0 | 0 |
 *     第二十条第(一)项 | |||
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, countLines, linesWith, splitCells, splitLines, type Line, type MarkedLine } from "./lines.js";
import type { ParseContext } from "../text/parse-context.js";

/** A pipe row: a `|` between two cells (a row may start with an empty cell: ` | 2 | 3 |`). */
function isPipeRow(line: Line): boolean {
  return isPipeRowText(line.text.trim());
}

/** {@link isPipeRow} on the trimmed text of a line. */
function isPipeRowText(t: string): boolean {
  if (t.includes("<") && /<\/?[A-Za-z][^>]*>/.test(t)) return false;
  const inner = t.startsWith("|") ? t.slice(1) : t;
  const first = inner.indexOf("|");
  return first > 0 && first < inner.length - 1;
}

/** For detection: pipe rows that do not open with a pipe, which markdown rows do. */
function isPlainPipeRow({ trimmed }: MarkedLine): boolean {
  return !trimmed.startsWith("|") && isPipeRowText(trimmed);
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  const lines = splitLines(text, context);
  const { tables, blocks } = collectTables(lines, "pipe-rows", (l) => (isPipeRow(l) ? splitCells(l, "|") : null));
  return { layout: "pipe-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string, context?: ParseContext): number {
  const hits = countLines(linesWith(text, "|", context), isPlainPipeRow);
  return Math.min(1, hits / 30);
}

/** The `pipe-rows` layout. */
export const pipeRows: LayoutModule = { layout: "pipe-rows", detect, tokenize };
