/**
 * `markdown`: markdown tables (`| a | b |` rows, `|---|` delimiter rows), often fragmented
 * by PDF/OCR converters into several small tables with text between them.
 */
import type { Cell } from "../types.js";
import type { LayoutModule, Tokenized } from "./types.js";
import { collectTables, countLines, linesWith, splitCells, splitLines, type Line } from "./lines.js";
import type { ParseContext } from "../text/parse-context.js";

function isMarkdownRow(line: Line): boolean {
  return isMarkdownRowText(line.text.trim());
}

/** {@link isMarkdownRow} on the trimmed text of a line. */
function isMarkdownRowText(t: string): boolean {
  return t.length > 1 && t.startsWith("|") && t.endsWith("|");
}

const DELIMITER = /^\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;

/** Cells of a markdown row: the leading and trailing pipes removed. */
function markdownCells(line: Line): Cell[] | null {
  if (!isMarkdownRow(line)) return null;
  const cells = splitCells(line, "|");
  // "| a | b |" splits into ["", a, b, ""]: drop the empty edges.
  return cells.slice(1, cells.length - 1);
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  const lines = splitLines(text, context);
  const { tables, blocks } = collectTables(lines, "markdown", markdownCells);
  for (const table of tables) table.rows = table.rows.filter((row) => !isDelimiterRow(row));
  return { layout: "markdown", tables: tables.filter((t) => t.rows.length > 0), blocks, diagnostics: [] };
}

function isDelimiterRow(row: Cell[]): boolean {
  return row.length > 0 && row.every((c) => /^:?-{2,}:?$/.test(c.text));
}

function detect(text: string, context?: ParseContext): number {
  // both tests need a pipe
  const lines = linesWith(text, "|", context);
  const hits = countLines(lines, (l) => isMarkdownRowText(l.trimmed));
  // a delimiter row has a run of dashes
  const delimiters = countLines(lines, (l) => l.trimmed.includes("--") && DELIMITER.test(l.trimmed));
  if (delimiters === 0) return Math.min(0.5, hits / 60);
  return Math.min(1, hits / 20);
}

/** The `markdown` layout. */
export const markdown: LayoutModule = { layout: "markdown", detect, tokenize };
