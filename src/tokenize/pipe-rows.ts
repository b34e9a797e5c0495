/**
 * `pipe-rows`: one table row per line, cells split by `|` (seeds 001, 004).
 *
 *     规章 | 0 | 0 | 0 |
 *     第二十条第(一)项 | |||
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, shareOfLines, splitCells, splitLines, type Line } from "./lines.js";

/** A pipe row: a `|` between two cells (a row may start with an empty cell: ` | 2 | 3 |`). */
function isPipeRow(line: Line): boolean {
  const t = line.text.trim();
  if (/<\/?[A-Za-z][^>]*>/.test(t)) return false;
  const inner = t.startsWith("|") ? t.slice(1) : t;
  const first = inner.indexOf("|");
  return first > 0 && first < inner.length - 1;
}

/** For detection: pipe rows that do not open with a pipe, which markdown rows do. */
function isPlainPipeRow(line: Line): boolean {
  return !line.text.trimStart().startsWith("|") && isPipeRow(line);
}

function tokenize(text: string): Tokenized {
  const lines = splitLines(text);
  const { tables, blocks } = collectTables(lines, "pipe-rows", (l) => (isPipeRow(l) ? splitCells(l, "|") : null));
  return { layout: "pipe-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string): number {
  const { hits } = shareOfLines(splitLines(text), isPlainPipeRow);
  return Math.min(1, hits / 30);
}

/** The `pipe-rows` layout. */
export const pipeRows: LayoutModule = { layout: "pipe-rows", detect, tokenize };
