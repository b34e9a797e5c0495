/**
 * `pipe-rows`: one table row per line, cells split by `|` (seeds 001, 004).
 *
 *     规章 | 0 | 0 | 0 |
 *     第二十条第(一)项 | |||
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, shareOfLines, splitCells, splitLines, type Line } from "./lines.js";

/** A pipe row: at least two cells, not a markdown row (those start with `|`). */
function isPipeRow(line: Line): boolean {
  const t = line.text.trim();
  if (t.startsWith("|") || /<\/?[A-Za-z][^>]*>/.test(t)) return false;
  const first = t.indexOf("|");
  return first > 0 && first < t.length - 1;
}

function tokenize(text: string): Tokenized {
  const lines = splitLines(text);
  const { tables, blocks } = collectTables(lines, "pipe-rows", (l) => (isPipeRow(l) ? splitCells(l, "|") : null));
  return { layout: "pipe-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string): number {
  const { hits } = shareOfLines(splitLines(text), isPipeRow);
  return Math.min(1, hits / 30);
}

/** The `pipe-rows` layout. */
export const pipeRows: LayoutModule = { layout: "pipe-rows", detect, tokenize };
