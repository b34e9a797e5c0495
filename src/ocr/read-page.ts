/**
 * Read one page image: straighten it, find its rulings and cells, cut the text into
 * line pieces (inside each cell, and outside the tables), and recognise every piece.
 * A piece in a cell right of its row's first cell is a value cell: there the glyphs
 * that look like digits (`o O 〇 D` for 0, `l I | 丨` for 1) are read as digits, and a
 * reading that is unsure, or not a number, is read again from a wider crop; what stays
 * unsure is marked so.
 */
import { rotate, skewAngle } from "./deskew.js";
import { inkMask, inkThreshold, type GrayImage, type PixelBox } from "./gray-image.js";
import type { Recognizer, ReadText } from "./recognizer.js";
import { findGrid } from "./rulings.js";
import { dropSpecks, textBoxes } from "./text-lines.js";

/** One piece of text read from a page, in pixels of the straightened page. */
export interface OcrPiece extends PixelBox {
  text: string;
  /** The lowest probability of any of its characters. */
  confidence: number;
  /** The cell it stands in, or `null` outside the tables. */
  cell: PixelBox | null;
  /** True for a piece in a value cell (a cell right of its row's first cell). */
  valueCell: boolean;
  /** For a value cell: other numbers the recogniser offered (one digit changed to its second choice). */
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

const CONFUSABLE_DIGITS: Record<string, string> = {
  o: "0", O: "0", "〇": "0", "○": "0", D: "0", "Ｏ": "0", "ｏ": "0", "零": "0",
  l: "1", I: "1", "|": "1", "丨": "1", "Ｉ": "1", "ｌ": "1", "｜": "1", i: "1",
};

const NUMBER = /^\d+(\.\d+)?$/;

/** Two readings of a cell (from different crops) that agree on a number settle it when both are at least this sure. */
const AGREE = 0.5;

/** A reading this sure is taken alone when no other reading offers another number at least {@link AGREE} sure. */
const NEARLY_SURE = 0.95;

/**
 * A value cell's reading as a number's text, confusable glyphs read as digits and
 * thousands separators dropped; `null` when it is not a number.
 */
export function numericText(read: string): string | null {
  let text = "";
  for (const c of read.replace(/\s+/g, "")) text += CONFUSABLE_DIGITS[c] ?? (c >= "０" && c <= "９" ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c);
  text = text.replace(/(\d),(?=\d{3}\b)/g, "$1");
  if (/[0-9]/.test(read) || /^[oO〇○DlI|丨ｏＯ]+$/.test(read.trim())) return NUMBER.test(text) ? text : null;
  return null;
}

/** True when the reading is words, not a number: it has a Han character (a header, a note). */
function isText(read: string): boolean {
  return /[\u3400-\u9fff]/.test(read);
}

const BLANK_MARKER = /^[/／—–\-－、\\]+$|^无$/;

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
  const boxes = textBoxes(mask, image.width, image.height, grid.cells, Math.max(2, Math.round(5 * scale)));
  const wanted = options.narrative === false && grid.cells.length > 0 ? boxes.filter((b) => b.cell !== null || nearTable(b, grid.cells, dpi)) : boxes;
  const pieces: OcrPiece[] = [];
  for (const box of wanted) {
    const valueCell = box.cell !== null && !firstInRow(box.cell, grid.cells);
    const glyphs = valueCell ? glyphCount(text, lightInk, box) : 0;
    const piece = await readPiece(text, box, valueCell, glyphs, recognizer, minConfidence);
    if (piece) pieces.push(piece);
  }
  return { width: image.width, height: image.height, skew: (angle * 180) / Math.PI, cells: grid.cells.length, pieces };
}

const darkened = new WeakMap<GrayImage, GrayImage>();

/** The image with its strokes darker and bolder-looking (grey levels squared): another view of thin glyphs. */
function darker(image: GrayImage): GrayImage {
  let out = darkened.get(image);
  if (!out) {
    const data = new Uint8Array(image.data.length);
    for (let i = 0; i < data.length; i++) data[i] = Math.round((image.data[i]! * image.data[i]!) / 255);
    out = { width: image.width, height: image.height, data };
    darkened.set(image, out);
  }
  return out;
}

/**
 * The numbers read when one digit is replaced by the recogniser's second choice for it,
 * when that is a digit too (at least 5 % likely): as many digits, no leading zero.
 */
function alternativesOf(read: ReadText): string[] {
  const out = new Set<string>();
  const own = numericText(read.text);
  if (own === null) return [];
  read.chars.forEach((c, i) => {
    if (!c.alt || c.alt.p < 0.05 || numericText(c.char)?.length !== 1 || !/^\d$/.test(numericText(c.alt.char) ?? "")) return;
    const text = read.chars.map((d, j) => (j === i ? c.alt!.char : d.char)).join("");
    const number = numericText(text);
    if (number !== null && number !== own && number.length === own.length && !/^0\d/.test(number)) out.add(number);
  });
  return [...out];
}

/**
 * A number as a table prints it: a character for every glyph the image shows, and no
 * leading zero (`05` is a `105` or a `15` whose first digit was lost).
 */
function plausible(n: string | null, glyphs: number): n is string {
  return n !== null && n.length >= glyphs && !/^0\d/.test(n);
}

/**
 * How many glyphs a piece shows at least: the runs of ink columns with paper between
 * them (printed digits stand apart; glyphs that touch count as one), and no fewer than
 * its width allows (a digit is at most three quarters as wide as it is high).
 */
export function glyphCount(image: GrayImage, threshold: number, box: PixelBox): number {
  return Math.max(inkRuns(image, threshold, box), Math.floor((box.x1 - box.x0) / (0.75 * Math.max(1, box.y1 - box.y0))));
}

/** The runs of ink columns of a box, paper columns between them. */
function inkRuns(image: GrayImage, threshold: number, box: PixelBox): number {
  let runs = 0;
  let inRun = false;
  for (let x = box.x0; x < box.x1; x++) {
    let ink = false;
    for (let y = box.y0; y < box.y1 && !ink; y++) ink = image.data[y * image.width + x]! < threshold;
    if (ink && !inRun) runs++;
    inRun = ink;
  }
  return runs;
}

async function readPiece(
  image: GrayImage,
  box: PixelBox & { cell: PixelBox | null },
  valueCell: boolean,
  glyphs: number,
  recognizer: Recognizer,
  minConfidence: number,
): Promise<OcrPiece | null> {
  const first = await recognizer.read(image, box);
  const base = { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, cell: box.cell, valueCell };
  if (!valueCell) return first.text.trim() === "" ? null : { ...base, text: first.text.trim(), confidence: first.confidence };
  // words and blank markers stay as they are; anything else in a value cell is read as a number or not at all
  if (numericText(first.text) === null && (isText(first.text) || BLANK_MARKER.test(first.text.trim()))) {
    return first.text.trim() === "" ? null : { ...base, text: first.text.trim(), confidence: first.confidence };
  }
  // a number is sure when the recogniser is, and it has a character for every glyph the image shows
  const sure = (r: ReadText) => {
    const n = numericText(r.text);
    return plausible(n, glyphs) && r.confidence >= minConfidence;
  };
  if (sure(first)) return { ...base, text: numericText(first.text)!, confidence: first.confidence, alternatives: alternativesOf(first) };
  // read again from a wider crop and from a darker view. A number is taken when two readings of the three
  // agree on it and no reading offers another number as surely; else the cell is unsure.
  const h = box.y1 - box.y0;
  const pad = Math.max(1, Math.round(h / 4));
  const readings = [
    first,
    await recognizer.read(image, { x0: box.x0 - pad, y0: box.y0 - pad, x1: box.x1 + pad, y1: box.y1 + pad }),
    await recognizer.read(darker(image), box),
  ];
  const votes = new Map<string, ReadText[]>();
  for (const r of readings) {
    const n = numericText(r.text);
    if (!plausible(n, glyphs) || r.confidence < AGREE) continue;
    votes.set(n, [...(votes.get(n) ?? []), r]);
  }
  const agreed = [...votes].filter(([, rs]) => rs.length >= 2);
  if (agreed.length === 1) {
    const [n, rs] = agreed[0]!;
    const top = rs.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const rival = [...votes].some(([m, others]) => m !== n && others.some((r) => r.confidence >= top.confidence - 0.05));
    if (!rival) return { ...base, text: n, confidence: top.confidence, alternatives: alternativesOf(top) };
  }
  // one reading nearly sure, and no other reading offering another number: taken
  const best = readings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const bestNumber = numericText(best.text);
  if (plausible(bestNumber, glyphs) && best.confidence >= NEARLY_SURE && votes.size === 1 && votes.has(bestNumber!)) {
    return { ...base, text: bestNumber, confidence: best.confidence, alternatives: alternativesOf(best) };
  }
  // stands in the grid as a blank marker, so no reading of it can pass for the cell's value
  return { ...base, text: "/", confidence: best.confidence, uncertain: { read: best.text, confidence: best.confidence } };
}
