/**
 * The format modules, imported on first use only: the core bundle holds none of them,
 * nor the libraries they need.
 */
import type * as PdfModule from "../pdf/index.js";
import type * as DocxModule from "../docx/index.js";
import type * as DocModule from "../doc/index.js";
import type * as OcrModule from "../ocr/index.js";

/** Import `xxgk-report/pdf`. */
export function importPdf(): Promise<typeof PdfModule> {
  return import("../pdf/index.js");
}

/** Import `xxgk-report/docx`. */
export function importDocx(): Promise<typeof DocxModule> {
  return import("../docx/index.js");
}

/** Import `xxgk-report/doc`. */
export function importDoc(): Promise<typeof DocModule> {
  return import("../doc/index.js");
}

/** Import `xxgk-report/ocr`. */
export function importOcr(): Promise<typeof OcrModule> {
  return import("../ocr/index.js");
}
