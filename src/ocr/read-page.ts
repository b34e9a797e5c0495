/**
 * Read one page image: straighten it, find its rulings and cells, cut the text into
 * line pieces (inside each cell, and outside the tables), and recognise every piece.
 * A piece in a cell right of its row's first cell is a value cell, read as a number or
 * not at all (see `read-value.ts`).
 */
import { rotate, skewAngle } from "./deskew.js";
import { inkMask, inkThreshold, type GrayImage, type PixelBox } from "./gray-image.js";
import { glyphCount } from "./glyph-runs.js";
import { readValue, type ValueContext } from "./read-value.js";
import type { Recognizer } from "./recognizer.js";
import { findGrid } from "./rulings.js";
import { dropSpecks, growToFaintInk, textBoxes, type TextBox } from "./text-lines.js";

/** One piece of text read from a page, in pixels of the straightened page. */
export interface OcrPiece extends PixelBox {
  text: string;
  /** The lowest probability of any of its characters. */
  confidence: number;
  /** The cell it stands in, or `null` outside the tables. */
  cell: PixelBox | null;
  /** True for a piece in a value cell (a cell right of its row's first cell). */
  valueCell: boolean;
  /** For a value cell: other numbers the recogniser offered (a digit's second choice, another view's reading). */
  alternatives?: string[];
  /** For a value cell: what the recogniser read, when it is not sure of a number. */
  uncertain?: { read: string; confidence: number };
}

/** A page read by OCR. */
export interface OcrPageRead {
  width: number;
  height: number;
  /** The angle (degrees) the page was turned by to straighten it. */
  skew: number;
  /** How many cells the rulings enclose. */
  cells: number;
  pieces: OcrPiece[];
}

/** Options of {@link readPage}. */
export interface ReadPageOptions {
  /** Resolution of the image, in pixels per inch (sets the sizes of rulings, specks and lines). */
  dpi: number;
  /** Recognise the text outside the tables too (default true); `false` reads only the cells and the lines just above a table, on a page with a table. */
  narrative?: boolean;
  /** A value cell whose least certain digit is below this probability is read again (default 0.97). */
  minConfidence?: number;
}

function firstInRow(cell: PixelBox, cells: readonly PixelBox[]): boolean {
  const mid = (cell.y0 + cell.y1) / 2;
  return !cells.some((c) => c !== cell && c.x1 <= cell.x0 + 2 && c.y0 < mid && c.y1 > mid);
}

/** True for a line standing at most an inch above a cell (a table's heading or caption). */
function nearTable(box: PixelBox, cells: readonly PixelBox[], dpi: number): boolean {
  return cells.some((c) => box.y1 <= c.y0 + 2 && c.y0 - box.y1 < dpi);
}

/** The page straightened, its grid found and every piece of text recognised. */
export async function readPage(page: GrayImage, recognizer: Recognizer, options: ReadPageOptions): Promise<OcrPageRead> {
  const { dpi } = options;
  const minConfidence = options.minConfidence ?? 0.97;
  const threshold = inkThreshold(page);
  const angle = skewAngle(page, threshold);
  const image = rotate(page, -angle);
  const mask = inkMask(image, threshold);
  const grid = findGrid(mask, image.width, image.height, Math.round(dpi * 0.35));
  for (let i = 0; i < mask.length; i++) if (grid.rulingMask[i]) mask[i] = 0;
  const scale = dpi / 200;
  dropSpecks(mask, image.width, image.height, Math.max(2, Math.round(6 * scale * scale)), Math.max(2, Math.round(6 * scale)));
  // the recogniser reads the text alone: rulings and specks turned to paper
  const clean = new Uint8Array(image.data);
  for (let i = 0; i < clean.length; i++) if (grid.rulingMask[i] || (!mask[i] && clean[i]! < threshold)) clean[i] = 255;
  const text = { width: image.width, height: image.height, data: clean };
  // glyphs are counted with the grey edges of their strokes: a thin stroke stays whole
  const lightInk = Math.round((threshold + 255) / 2);
  // boxes reach over the faint edges of thin strokes, which the ink mask leaves out
  const reach = Math.max(2, Math.round(8 * scale));
  const boxes = textBoxes(mask, image.width, image.height, grid.cells, Math.max(2, Math.round(5 * scale))).map((b) => growToFaintInk(text, lightInk, b, reach));
  const wanted = options.narrative === false && grid.cells.length > 0 ? boxes.filter((b) => b.cell !== null || nearTable(b, grid.cells, dpi)) : boxes;
  const pieces: OcrPiece[] = [];
  for (const box of wanted) {
    const valueCell = box.cell !== null && !firstInRow(box.cell, grid.cells);
    const glyphs = valueCell ? glyphCount(text, lightInk, box) : 0;
    const piece = await readPiece(text, box, valueCell, { recognizer, minConfidence, lightInk, glyphs });
    if (piece) pieces.push(piece);
  }
  return { width: image.width, height: image.height, skew: (angle * 180) / Math.PI, cells: grid.cells.length, pieces };
}

/** A piece read: as it is outside the value cells, as a number (or not at all) in them. */
async function readPiece(image: GrayImage, box: TextBox, valueCell: boolean, context: ValueContext): Promise<OcrPiece | null> {
  const first = await context.recognizer.read(image, box);
  const base = { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, cell: box.cell, valueCell };
  if (!valueCell) return first.text.trim() === "" ? null : { ...base, text: first.text.trim(), confidence: first.confidence };
  const value = await readValue(image, box, first, context);
  return value ? { ...base, ...value } : null;
}
