/**
 * `tab-rows`: one row per line, cells split by tabs, merged cells as empty cells (seeds 002, 003).
 *
 *     规章→0→0→0
 *     →(三) 不予公开→1.属于国家秘密→→0→0→0→0→0→0
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, countLines, linesWith, splitCells, splitLines, type Line, type MarkedLine } from "./lines.js";
import type { ParseContext } from "../text/parse-context.js";

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
function isFullTabRow({ line, trimmed }: MarkedLine): boolean {
  // what isTabRow checks, the tab being known and the line trimmed
  if (trimmed === "" || MARKUP.test(trimmed) || /\/\/|<!--|-->/.test(line.text)) return false;
  return hasTwoCells(line.text);
}

/** True when at least two of the tab-separated pieces of a line are not blank. */
function hasTwoCells(t: string): boolean {
  let cells = 0;
  for (let from = 0; ; ) {
    const tab = t.indexOf("\t", from);
    if (t.slice(from, tab < 0 ? t.length : tab).trim() !== "" && ++cells >= 2) return true;
    if (tab < 0) return false;
    from = tab + 1;
  }
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  const lines = splitLines(text, context);
  const { tables, blocks } = collectTables(lines, "tab-rows", (l) => (isTabRow(l) ? splitCells(l, "\t") : null));
  return { layout: "tab-rows", tables, blocks, diagnostics: [] };
}

function detect(text: string, context?: ParseContext): number {
  // a full tab row has a tab
  const hits = countLines(linesWith(text, "\t", context), isFullTabRow);
  return Math.min(1, hits / 30);
}

/** The `tab-rows` layout. */
export const tabRows: LayoutModule = { layout: "tab-rows", detect, tokenize };
