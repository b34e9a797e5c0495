/**
 * `tab-rows`: one row per line, cells split by tabs, merged cells as empty cells (seeds 002, 003).
 *
 *     规章→0→0→0
 *     →(三) 不予公开→1.属于国家秘密→→0→0→0→0→0→0
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, shareOfLines, splitCells, splitLines, type Line } from "./lines.js";

function isTabRow(line: Line): boolean {
  return line.text.includes("\t");
}

function tokenize(text: string): Tokenized {
  const lines = splitLines(text);
  const { tables, blocks } = collectTables(lines, "tab-rows", (l) => (isTabRow(l) ? splitCells(l, "\t") : null));
  return { layout: "tab-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string): number {
  const { hits } = shareOfLines(splitLines(text), isTabRow);
  return Math.min(1, hits / 30);
}

/** The `tab-rows` layout. */
export const tabRows: LayoutModule = { layout: "tab-rows", detect, tokenize };
