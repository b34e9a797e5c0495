/**
 * Read page images into positioned text: every page (in parallel, as many at once as
 * asked), every piece of text placed on its page in points, as the text layer of a PDF
 * would place it, with what the recogniser made of it.
 */
import type { PositionedText } from "../pdf/types.js";
import type { GrayImage } from "./gray-image.js";
import type { Recognizer } from "./recognizer.js";
import { readPage, type OcrPageRead, type OcrPiece } from "./read-page.js";

/** How far OCR has come: pages read so far, of how many. */
export interface OcrProgress {
  /** The page just read (1-based page number of the document). */
  page: number;
  /** Pages read so far. */
  done: number;
  /** Pages to read. */
  pages: number;
}

/** A page to read: its number, its image (or a way to draw it), and its resolution. */
export interface PageSource {
  page: number;
  dpi: number;
  image: () => Promise<GrayImage>;
}

/** A page read: its pieces placed in points, and the page as read. */
export interface PlacedPage {
  page: number;
  dpi: number;
  read: OcrPageRead;
  items: Array<PositionedText & { piece: OcrPiece }>;
}

/** Options of {@link readPages}. */
export interface ReadPagesOptions {
  concurrency: number;
  narrative: boolean;
  minConfidence?: number;
  onProgress?: (progress: OcrProgress) => void;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** A piece in points (72 per inch), as pdf.js places text: `size` is the piece's height. */
function place(piece: OcrPiece, page: number, dpi: number): PositionedText & { piece: OcrPiece } {
  const k = 72 / dpi;
  // a number stands for its whole cell: the columns of values are the table's ruled columns
  const wide = piece.valueCell && piece.cell !== null && NUMBER.test(piece.text);
  // (a margin of 0.4 of the text's height each side: neighbouring cells never join into one piece)
  const margin = 0.4 * (piece.y1 - piece.y0);
  const x0 = (wide ? Math.min(piece.x0, piece.cell!.x0 + margin) : piece.x0) * k;
  const x1 = (wide ? Math.max(piece.x1, piece.cell!.x1 - margin) : piece.x1) * k;
  const y0 = piece.y0 * k;
  const y1 = piece.y1 * k;
  return { text: piece.text, page, size: Math.max(0.5, y1 - y0), x0, x1, y0, y1, piece };
}

/** Read the pages, up to `concurrency` at once; the result is in the order of `sources`. */
export async function readPages(sources: readonly PageSource[], recognizer: Recognizer, options: ReadPagesOptions): Promise<PlacedPage[]> {
  const out: PlacedPage[] = new Array(sources.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index]!;
      const image = await source.image();
      const pageOptions = { dpi: source.dpi, narrative: options.narrative, ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}) };
      const read = await readPage(image, recognizer, pageOptions);
      out[index] = { page: source.page, dpi: source.dpi, read, items: read.pieces.map((p) => place(p, source.page, source.dpi)) };
      done++;
      options.onProgress?.({ page: source.page, done, pages: sources.length });
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, sources.length)) }, worker);
  await Promise.all(workers);
  return out;
}
