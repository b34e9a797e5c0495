/**
 * `tab-rows`: one row per line, cells split by tabs, merged cells as empty cells (seeds 002, 003).
 *
 *     规章→0→0→0
 *     →(三) 不予公开→1.属于国家秘密→→0→0→0→0→0→0
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, countLines, linesWith, splitCells, splitLines, type Line } from "./lines.js";

/** Markup or script lines of a saved page (they are indented with tabs too). */
const MARKUP = /<\/?[A-Za-z][^>]*>|[;{}]\s*$/;

/** A line with a tab between two pieces of text; markup indented with tabs is not a row. */
function isTabRow(line: Line): boolean {
  const t = line.text;
  if (!t.includes("\t")) return false;
  const trimmed = t.trim();
  if (trimmed === "" || MARKUP.test(trimmed)) return false;
  return true;
}

/** For detection: a row with at least two non-empty cells, not a comment of a page's script. */
function isFullTabRow(line: Line): boolean {
  if (!isTabRow(line) || /\/\/|<!--|-->/.test(line.text)) return false;
  let cells = 0;
  for (const part of line.text.split("\t")) if (part.trim() !== "") cells++;
  return cells >= 2;
}

function tokenize(text: string): Tokenized {
  const lines = splitLines(text);
  const { tables, blocks } = collectTables(lines, "tab-rows", (l) => (isTabRow(l) ? splitCells(l, "\t") : null));
  return { layout: "tab-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string): number {
  // a full tab row has a tab
  const hits = countLines(linesWith(text, "\t"), (l) => isFullTabRow(l.line));
  return Math.min(1, hits / 30);
}

/** The `tab-rows` layout. */
export const tabRows: LayoutModule = { layout: "tab-rows", detect, tokenize };
