/**
 * Types of the PDF reader: text pieces with their position on the page, and the
 * cells of the grids rebuilt from them.
 */
import type { Cell, Table } from "../types.js";

/**
 * A rectangle on a page, in PDF points with the origin at the page's top-left corner
 * (`y` grows downwards, as on screen): `x0 < x1`, `y0` is the top, `y1` the bottom.
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One piece of text as the PDF places it: a text item of pdf.js, or several joined. */
export interface PositionedText extends Box {
  text: string;
  /** 1-based page number. */
  page: number;
  /** Font size in points (the height of the text). */
  size: number;
}

/** One page of text pieces. */
export interface PositionedPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PositionedText[];
}

/** A table cell read from a PDF: a {@link Cell} with the page and the box it was printed in. */
export interface PdfCell extends Cell {
  /** 1-based page number. */
  page: number;
  /** Where the cell's text stands; for a blank cell, the empty space of its column in its row. */
  box: Box;
}

/** A table grid read from a PDF: its cells carry their page and box. */
export interface PdfTable extends Table {
  rows: PdfCell[][];
}
