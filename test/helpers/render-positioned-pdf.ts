/**
 * Render a report as the positioned pages pdf.js reads from a PDF: the pieces of text
 * of {@link renderAlignedText}'s lines, each at the place its characters take on a page
 * (every character one cell of {@link CELL} points: a CJK character fills it, a digit or
 * Latin letter half of it), one page per page footer, the footer in the bottom margin.
 * Pure: the same values and options give the same pages.
 *
 * The pages go through `tokenizePositioned` (src/pdf/) as a PDF's would, without pdf.js:
 * columns, blank cells and a 小计 column are read from the pieces' x-ranges.
 */
import type { TableTemplate } from "../../src/template/templates.js";
import type { PositionedPage, PositionedText } from "../../src/pdf/types.js";
import { renderAlignedText, type AlignedTextOptions } from "./render-aligned-text.js";
import type { Values } from "./render-pdf-model.js";

/** Width in points of one character cell of the aligned text. */
export const CELL = 9;
/** Font size of every piece. */
const SIZE = 9;
/** Distance between two lines. */
const LEADING = 14;
const PAGE_WIDTH = 1200;
const FOOTER = /^- \d+ -$/;

function isWide(ch: string): boolean {
  return ch.charCodeAt(0) >= 0x2e80;
}

function piece(page: number, column: number, baseline: number, text: string): PositionedText {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? SIZE : SIZE / 2;
  const x0 = column * CELL;
  return { text, page, size: SIZE, x0, x1: x0 + width, y0: baseline - 0.88 * SIZE, y1: baseline + 0.12 * SIZE };
}

/** The pieces of one aligned line: runs of non-space characters at their columns. */
function linePieces(line: string, page: number, baseline: number): PositionedText[] {
  const out: PositionedText[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push(piece(page, m.index, baseline, m[0]));
  return out;
}

/** True for a line of numbers (and blank markers) alone. */
function valuesOnly(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length > 0 && words[0] !== "" && words.every((w) => /^(?:-?[\d.,]+|\/|—)$/.test(w));
}

/** Render a report's values as positioned pages (see the module comment). */
export function renderPositionedPages(values: Values, template: TableTemplate, options: AlignedTextOptions = {}): PositionedPage[] {
  const lines = renderAlignedText(values, template, { ...options, blankLines: 0 }).split("\n");
  const pages: string[][] = [[]];
  for (const line of lines) {
    if (FOOTER.test(line.trim())) {
      pages[pages.length - 1]!.push(line);
      pages.push([]);
    } else if (line.trim() !== "") pages[pages.length - 1]!.push(line);
  }
  if (pages[pages.length - 1]!.length === 0) pages.pop();
  return pages.map((pageLines, i) => {
    const page = i + 1;
    const body = pageLines.filter((l) => !FOOTER.test(l.trim()));
    // the body between the top and bottom margins (10% of the page each), the footer in the bottom one
    const height = Math.max(842, (body.length * LEADING + 6 * LEADING) / 0.8);
    const top = height * 0.1 + 2 * LEADING;
    const items: PositionedText[] = [];
    // a line of values alone between two lines of labels is printed half a line below the first:
    // the values of a row stand level with the middle of its wrapped label
    let y = top - LEADING;
    body.forEach((line, j) => {
      const between = valuesOnly(line) && j > 0 && j + 1 < body.length && !valuesOnly(body[j - 1]!) && !valuesOnly(body[j + 1]!);
      const follows = j > 0 && valuesOnly(body[j - 1]!) && j > 1 && !valuesOnly(body[j - 2]!) && !valuesOnly(line);
      y += between || follows ? LEADING / 2 : LEADING;
      items.push(...linePieces(line, page, y));
    });
    const footer = pageLines.find((l) => FOOTER.test(l.trim()));
    if (footer) items.push(piece(page, footer.search(/\S/), height - 2 * LEADING, footer.trim()));
    return { page, width: PAGE_WIDTH, height, items };
  });
}
