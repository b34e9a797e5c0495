/**
 * PDF in, report out: pdf.js reads the text pieces with their positions, the
 * positioned tokenizer rebuilds the tables' grids, and the core maps them onto the
 * model.
 */
import { unreadableFile } from "../file/unreadable-file.js";
import { buildReport } from "../report/build-report.js";
import type { Diagnostic, Report } from "../types.js";
import { loadPdfjs, type PdfjsAssets, type PdfjsModule } from "./load-pdfjs.js";
import { tokenizePositioned, type PositionedTokens } from "./positioned-tokenizer.js";
import { readPdfDocument } from "./read-pdf-pages.js";
import type { PdfTable } from "./types.js";

/** Options of {@link parsePdf}. */
export interface PdfOptions extends PdfjsAssets {
  /**
   * The pdf.js module to use (e.g. `await import("pdfjs-dist")` in a browser, with
   * `cMapUrl` and `standardFontDataUrl`). Default: `pdfjs-dist`'s legacy build, with the
   * CMaps and fonts from the installed package.
   */
  pdfjs?: PdfjsModule;
}

const EMPTY: PositionedTokens = {
  text: "",
  tokenized: { layout: "aligned-text", tables: [], blocks: [], diagnostics: [] },
  pieces: 0,
};

/**
 * Tokenize a PDF: its text (lines in reading order) and the tables rebuilt from the
 * positions of the text, cells with page and box, and the creation date of the document's
 * information dictionary (`created`, `YYYY-MM-DD`, or `null`). A file pdf.js cannot open gives no
 * tokens and a diagnostic.
 *
 * @throws Error naming `pdfjs-dist` when that optional package is not installed.
 */
export async function tokenizePdf(
  bytes: Uint8Array,
  options: PdfOptions = {},
): Promise<PositionedTokens & { diagnostics: Diagnostic[]; created: string | null }> {
  const loaded = await loadPdfjs(options.pdfjs, assetsOf(options));
  let pages;
  let created: string | null;
  try {
    ({ pages, created } = await readPdfDocument(bytes, loaded));
  } catch (error) {
    return { ...EMPTY, diagnostics: [unreadableFile("PDF", "the PDF", error)], created: null };
  }
  const tokens = tokenizePositioned(pages);
  const diagnostics: Diagnostic[] = [];
  if (tokens.pieces === 0) {
    diagnostics.push({
      code: "not-a-report",
      severity: "error",
      message: `PDF 没有文字层（扫描件？共 ${pages.length} 页），需先做文字识别 / the PDF has no text layer (a scan? ${pages.length} page(s)): run OCR on it first`,
    });
  }
  return { ...tokens, diagnostics, created };
}

function assetsOf(options: PdfOptions): PdfjsAssets | undefined {
  const assets: PdfjsAssets = {};
  if (options.cMapUrl) assets.cMapUrl = options.cMapUrl;
  if (options.standardFontDataUrl) assets.standardFontDataUrl = options.standardFontDataUrl;
  return Object.keys(assets).length > 0 ? assets : undefined;
}

/**
 * Parse an annual report published as a PDF (with a text layer). Never rejects on a
 * bad file: what could not be read is said in `report.diagnostics` (a scan without a
 * text layer gives template `"unknown"` and a diagnostic that says so).
 *
 * `report.source.text` is the PDF's text, lines in reading order; `source.layout` is
 * `"aligned-text"`. When the text states no publication date, `meta.published` is the PDF's
 * creation date (with a `published-from-file` diagnostic). The cells of {@link extractPdfTables} also carry their page and box.
 *
 * @example
 * ```ts
 * import { parsePdf } from "xxgk-report/pdf";
 * const report = await parsePdf(await readFile("report.pdf"));
 * report.applications?.newReceived.total;
 * ```
 * @throws Error naming `pdfjs-dist` when that optional package is not installed.
 */
export async function parsePdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Report> {
  const tokens = await tokenizePdf(bytes, options);
  const source = {
    layout: "aligned-text" as const,
    confidence: tokens.pieces > 0 ? 1 : 0,
    encoding: null,
    encodingReason: null,
    created: tokens.created,
  };
  return buildReport(tokens.text, tokens.tokenized, source, tokens.diagnostics);
}

/**
 * The table grids of a PDF, before they are mapped onto the model: cells with their
 * text, offsets into the PDF's text, page and box.
 *
 * @throws Error naming `pdfjs-dist` when that optional package is not installed.
 */
export async function extractPdfTables(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfTable[]> {
  return (await tokenizePdf(bytes, options)).tokenized.tables;
}
