/**
 * `xxgk-report/pdf`: annual reports published as PDF files. Needs the optional peer
 * dependency `pdfjs-dist`.
 *
 * @packageDocumentation
 */
export { parsePdf, tokenizePdf, extractPdfTables, type PdfOptions } from "./parse-pdf.js";
export { tokenizePositioned, type PositionedTokens } from "./positioned-tokenizer.js";
export type { Box, PdfCell, PdfTable, PositionedPage, PositionedText } from "./types.js";
export type { PdfjsModule, PdfjsAssets } from "./load-pdfjs.js";
