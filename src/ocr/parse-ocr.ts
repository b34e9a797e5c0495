/**
 * Scanned reports in, report out: PDF pages without a text layer, and PNG or JPEG
 * files, read by OCR into positioned text; the positioned tokenizer rebuilds the tables
 * as it does for PDFs with a text layer, and the core maps them onto the model. Then
 * every value read carries its page and box, and a value the recogniser was not sure
 * of, or that the table's sums contradict, is checked (see `check-values.ts`).
 */
import { isMissingPeer } from "../file/missing-peer.js";
import { unreadableFile } from "../file/unreadable-file.js";
import { loadPdfjs } from "../pdf/load-pdfjs.js";
import type { PdfOptions } from "../pdf/parse-pdf.js";
import { tokenizePositioned, type PositionedTokens } from "../pdf/positioned-tokenizer.js";
import { placeItem } from "../pdf/read-pdf-pages.js";
import type { PdfTable, PositionedPage, PositionedText } from "../pdf/types.js";
import { buildReport } from "../report/build-report.js";
import type { Diagnostic, Report } from "../types.js";
import { checkValues, type PieceAt } from "./check-values.js";
import { loadOcr, type LoadedOcr } from "./load-ocr.js";
import { readPages, type OcrProgress, type PageSource, type PlacedPage } from "./ocr-pages.js";
import type { GrayImage } from "./gray-image.js";
import { decodeImage, jpegAsPdf, openPdf, renderPdfPage } from "./page-images.js";
import { Recognizer } from "./recognizer.js";
import { sniffImage } from "./sniff-image.js";

/** Options of {@link parseOcr}. */
export interface OcrOptions extends PdfOptions {
  /**
   * PDF: the resolution pages without text are drawn at, in pixels per inch (default 200).
   * PNG/JPEG: the image's resolution (default: its width taken as an A4 page's, 8.27 in).
   */
  dpi?: number;
  /** Pages read at once (default: the machine's cores). */
  concurrency?: number;
  /**
   * Recognise the text outside the tables (title, narrative sections) too: default `true`.
   * `false` reads only the tables' cells, the text of pages without a table and the
   * lines just before a table (about twice as fast on a report of mostly prose).
   */
  narrative?: boolean;
  /** A value whose least certain digit is below this probability is read again (default 0.97). */
  minConfidence?: number;
  /** Told after every page read. */
  onProgress?: (progress: OcrProgress) => void;
}

/** What {@link tokenizeOcr} returns: the positioned tokens, and how the pages were read. */
export interface OcrTokens extends PositionedTokens {
  diagnostics: Diagnostic[];
  /** The pages read by OCR (1-based numbers); empty when every page has a text layer. */
  ocrPages: number[];
  /** For a PNG/JPEG file, its pixels per point (boxes are given in pixels); 1 for a PDF (boxes in points). */
  unit: number;
  /** Every piece read by OCR, by where it stands (see `check-values.ts`). */
  ocrPieces: PieceAt[];
}

const EMPTY: PositionedTokens = { text: "", tokenized: { layout: "aligned-text", tables: [], blocks: [], diagnostics: [] }, pieces: 0 };

const recognizers = new WeakMap<LoadedOcr, Promise<Recognizer>>();

async function recognizerOf(loaded: LoadedOcr, threads: number): Promise<Recognizer> {
  let made = recognizers.get(loaded);
  if (!made) {
    made = (async () => {
      const session = await loaded.ort.InferenceSession.create(loaded.models.recognitionPath, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      });
      const dictionary = [...(await loaded.node.readFile(loaded.models.dictionaryPath, "utf8")).split("\n"), " "];
      return new Recognizer(loaded, session, dictionary);
    })();
    recognizers.set(loaded, made);
    made.catch(() => recognizers.delete(loaded));
  }
  return made;
}

function defaultConcurrency(loaded: LoadedOcr): number {
  try {
    return Math.max(1, loaded.node.availableParallelism());
  } catch {
    return 1;
  }
}

/** The OCR'd pages as positioned pages; the rest of `pages` as they are. */
function mergePages(pages: PositionedPage[], placed: readonly PlacedPage[]): { pages: PositionedPage[]; pieces: PieceAt[] } {
  const pieces: PieceAt[] = [];
  const byPage = new Map(placed.map((p) => [p.page, p]));
  const out = pages.map((page) => {
    const read = byPage.get(page.page);
    if (!read) return page;
    const items: PositionedText[] = [];
    for (const { piece, ...item } of read.items) {
      items.push(item);
      pieces.push({ page: page.page, x0: item.x0, y0: item.y0, x1: item.x1, y1: item.y1, piece });
    }
    return { ...page, items };
  });
  return { pages: out, pieces };
}

function pieceCount(page: PositionedPage): number {
  return page.items.filter((i) => i.text.trim() !== "").length;
}

async function tokenizeOcrPdf(bytes: Uint8Array, options: OcrOptions, loaded: LoadedOcr): Promise<OcrTokens> {
  const pdfjs = await loadPdfjs(options.pdfjs, options.cMapUrl || options.standardFontDataUrl ? { ...(options.cMapUrl ? { cMapUrl: options.cMapUrl } : {}), ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}) } : undefined);
  let doc;
  try {
    doc = await openPdf(bytes, pdfjs);
  } catch (error) {
    return { ...EMPTY, diagnostics: [unreadableFile("PDF", "the PDF", error)], ocrPages: [], unit: 1, ocrPieces: [] };
  }
  try {
    const pages: PositionedPage[] = [];
    const sources: PageSource[] = [];
    const dpi = options.dpi ?? 200;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const items: PositionedText[] = [];
      for (const item of (await page.getTextContent()).items) {
        const placed = placeItem(item, viewport.transform, n);
        if (placed) items.push(placed);
      }
      const positioned = { page: n, width: viewport.width, height: viewport.height, items };
      pages.push(positioned);
      if (pieceCount(positioned) === 0) sources.push({ page: n, dpi, image: () => renderPdfPage(page, dpi, loaded.canvas) });
    }
    const concurrency = options.concurrency ?? defaultConcurrency(loaded);
    const recognizer = await recognizerOf(loaded, 1);
    const placed = await readPages(sources, recognizer, { concurrency, narrative: options.narrative !== false, ...progressOf(options) });
    const merged = mergePages(pages, placed);
    const tokens = tokenizePositioned(merged.pages);
    return { ...tokens, diagnostics: [], ocrPages: sources.map((s) => s.page), unit: 1, ocrPieces: merged.pieces };
  } finally {
    await doc.destroy();
  }
}

function progressOf(options: OcrOptions): { minConfidence?: number; onProgress?: (p: OcrProgress) => void } {
  return {
    ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** A JPEG file drawn by pdf.js, pixel for pixel. */
async function drawJpeg(bytes: Uint8Array, options: OcrOptions, loaded: LoadedOcr): Promise<GrayImage> {
  const wrapped = jpegAsPdf(bytes);
  if (!wrapped) throw new Error("JPEG: the markers of the file do not hold together");
  const doc = await openPdf(wrapped.pdf, await loadPdfjs(options.pdfjs));
  try {
    return await renderPdfPage(await doc.getPage(1), 72, loaded.canvas);
  } finally {
    await doc.destroy();
  }
}

async function tokenizeOcrImage(bytes: Uint8Array, kind: "png" | "jpeg", options: OcrOptions, loaded: LoadedOcr): Promise<OcrTokens> {
  let image: GrayImage;
  try {
    image = kind === "png" ? decodeImage(bytes, loaded.node) : await drawJpeg(bytes, options, loaded);
  } catch (error) {
    if (isMissingPeer(error)) throw error;
    return { ...EMPTY, diagnostics: [unreadableFile("图片", "the image", error)], ocrPages: [], unit: 1, ocrPieces: [] };
  }
  const dpi = options.dpi ?? Math.min(600, Math.max(100, image.width / 8.27));
  const recognizer = await recognizerOf(loaded, 1);
  const placed = await readPages([{ page: 1, dpi, image: async () => image }], recognizer, { concurrency: 1, narrative: options.narrative !== false, ...progressOf(options) });
  const k = 72 / dpi;
  const page: PositionedPage = { page: 1, width: image.width * k, height: image.height * k, items: [] };
  const merged = mergePages([page], placed);
  return { ...tokenizePositioned(merged.pages), diagnostics: [], ocrPages: [1], unit: dpi / 72, ocrPieces: merged.pieces };
}

/**
 * Tokenize a scanned report: a PDF (its pages without a text layer read by OCR, the
 * others as they are) or a PNG or JPEG page. Cells carry their page and box (points
 * for a PDF, as `xxgk-report/pdf` gives them; the straightened page's points for an image).
 *
 * @throws Error (code `ERR_XXGK_MISSING_PEER`) naming the packages to install when an OCR peer is missing.
 */
export async function tokenizeOcr(bytes: Uint8Array, options: OcrOptions = {}): Promise<OcrTokens> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("tokenizeOcr: expected a Uint8Array");
  const loaded = await loadOcr();
  const kind = sniffImage(bytes);
  if (kind === "pdf") return tokenizeOcrPdf(bytes, options, loaded);
  if (kind === "png" || kind === "jpeg") return tokenizeOcrImage(bytes, kind, options, loaded);
  return {
    ...EMPTY,
    diagnostics: [{ code: "binary-input", severity: "error", message: "不是 PDF、PNG 或 JPEG 文件 / not a PDF, PNG or JPEG file" }],
    ocrPages: [],
    unit: 1,
    ocrPieces: [],
  };
}

/**
 * Parse a scanned annual report — an image-only PDF (图片版), a PDF with some pages
 * scanned, or a PNG or JPEG page — by offline OCR (PaddleOCR's PP-OCRv4 models run by
 * onnxruntime-node). Never rejects on a bad file.
 *
 * `source.layout` is `"ocr"` when a page was read by OCR. Every value carries its page
 * and box in `locations[path]` (`page`, `box`). A value the recogniser was unsure of,
 * and could not settle by reading it again or by the table's sums choosing between the
 * readings it offered, is `null` with a diagnostic `ocr-uncertain` giving the text read
 * and its confidence: a number is never guessed.
 *
 * @example
 * ```ts
 * import { parseOcr } from "xxgk-report/ocr";
 * const report = await parseOcr(await readFile("scan.pdf"), { onProgress: (p) => console.log(p.done, "/", p.pages) });
 * report.applications?.newReceived.total;
 * ```
 * @throws Error (code `ERR_XXGK_MISSING_PEER`) naming the packages to install when an OCR peer (or, for a PDF, `pdfjs-dist`) is missing.
 */
export async function parseOcr(bytes: Uint8Array, options: OcrOptions = {}): Promise<Report> {
  const tokens = await tokenizeOcr(bytes, options);
  const layout = tokens.ocrPages.length > 0 ? ("ocr" as const) : ("aligned-text" as const);
  const source = { layout, confidence: tokens.ocrPieces.length > 0 || tokens.text !== "" ? 1 : 0, encoding: null, encodingReason: null };
  const diagnostics = [...tokens.diagnostics];
  if (tokens.text === "" && diagnostics.length === 0) {
    diagnostics.push({ code: "not-a-report", severity: "error", message: "图片中没有识别出文字 / no text was found on the page images" });
  }
  const report = buildReport(tokens.text, tokens.tokenized, source, diagnostics);
  checkValues(report, tokens.tokenized.tables, tokens.ocrPieces, tokens.unit);
  return report;
}

/**
 * The table grids of a scanned report, before they are mapped onto the model: cells
 * with their text, page and box.
 *
 * @throws Error (code `ERR_XXGK_MISSING_PEER`) naming the packages to install when an OCR peer is missing.
 */
export async function extractOcrTables(bytes: Uint8Array, options: OcrOptions = {}): Promise<PdfTable[]> {
  return (await tokenizeOcr(bytes, options)).tokenized.tables;
}
