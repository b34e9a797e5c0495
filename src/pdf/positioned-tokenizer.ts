/**
 * The positioned tokenizer: from the text pieces of a PDF's pages (with their
 * coordinates) to a text and its tokens. The text is the pages' lines in reading
 * order (fragments of a line separated by a space, lines by a newline, page headers
 * and footers left out); every table cell and narrative block points into it, and
 * every cell also carries its page and box.
 */
import type { Tokenized } from "../tokenize/types.js";
import { dropPageFurniture } from "./page-furniture.js";
import { assignOffsets, pageLines, type PageLine } from "./page-lines.js";
import { narrativeBlocks } from "./narrative-blocks.js";
import { positionedGrid } from "./positioned-grid.js";
import { findTableRegions } from "./table-regions.js";
import type { PdfTable, PositionedPage } from "./types.js";

/** What the positioned tokenizer returns. */
export interface PositionedTokens {
  /** The document text every offset points into. */
  text: string;
  tokenized: Omit<Tokenized, "tables"> & { tables: PdfTable[] };
  /** How many text pieces the pages hold (0 for a scan without a text layer). */
  pieces: number;
}

/** Where each page starts when the pages are stacked top to bottom. */
function stackPages(pages: readonly PositionedPage[]): (page: number) => number {
  const tops = new Map<number, number>();
  let y = 0;
  for (const p of pages) {
    tops.set(p.page, y);
    y += p.height + 100;
  }
  return (page) => tops.get(page) ?? 0;
}

/**
 * Tokenize positioned pages. Pure: pdf.js is not needed here (its text items are
 * turned into {@link PositionedPage}s by `readPdfPages`). Never throws.
 */
export function tokenizePositioned(pages: readonly PositionedPage[]): PositionedTokens {
  const perPage = pages.map(pageLines);
  const kept = dropPageFurniture(
    perPage,
    pages.map((p) => p.height),
  );
  const lines: PageLine[] = kept.flat();
  const text = assignOffsets(lines);
  const { regions, narrative } = findTableRegions(lines);
  const top = stackPages(pages);
  const tables = regions.map((r) => positionedGrid(r.lines, r.kind, top)).filter((t) => t.rows.length > 0);
  const blocks = narrativeBlocks(narrative, lines);
  let pieces = 0;
  for (const p of pages) pieces += p.items.filter((i) => i.text.trim() !== "").length;
  return { text, tokenized: { layout: "aligned-text", tables, blocks, diagnostics: [] }, pieces };
}
