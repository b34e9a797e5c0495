/**
 * One entry for files: a report as a user downloaded it — PDF, DOCX, DOC, HTML or
 * text — sniffed from its bytes and read by the matching reader.
 */
import { parseReport } from "../parse-report.js";
import { buildReport } from "../report/build-report.js";
import type { ParseOptions, Report } from "../types.js";
import type { PdfOptions } from "../pdf/parse-pdf.js";
import type { DocxOptions } from "../docx/parse-docx.js";
import type { DocOptions } from "../doc/parse-doc.js";
import { importDoc, importDocx, importPdf } from "./format-modules.js";
import { sniffFormat } from "./sniff-format.js";

/** Options of {@link parseDocument}: those of `parseReport` for text, and per format. */
export interface DocumentOptions extends ParseOptions {
  pdf?: PdfOptions;
  docx?: DocxOptions;
  doc?: DocOptions;
}

function unsupported(kind: "zip" | "ole"): Report {
  const what = kind === "zip" ? "ZIP 文件但不是 Word 文档 / a ZIP file that is not a Word document (.docx)" : "OLE 文件但不是 Word 文档 / an OLE file that is not a Word document (.doc)";
  return buildReport(
    "",
    { layout: "flat-text", tables: [], blocks: [], diagnostics: [] },
    { layout: null, confidence: 0, encoding: null, encodingReason: null },
    [{ code: "binary-input", severity: "error", message: `不支持的文件格式：${what}` }],
  );
}

/**
 * Parse a report file of any supported format, told apart by its bytes (`%PDF-`, a ZIP
 * with `word/document.xml`, the OLE header of .doc), never by its name. PDF, DOCX and DOC
 * need their optional libraries (`pdfjs-dist`, `mammoth`, `cfb`), imported on
 * first use; text and HTML go to `parseReport`. Never rejects on a bad file.
 *
 * @example
 * ```ts
 * import { parseDocument } from "xxgk-report";
 * const report = await parseDocument(await readFile("2024年报.pdf"));
 * report.template; // "2021"
 * ```
 * @throws Error (code `ERR_XXGK_MISSING_PEER`) naming the package to install when a format's library is missing.
 */
export async function parseDocument(input: Uint8Array | string, options: DocumentOptions = {}): Promise<Report> {
  if (typeof input === "string") return parseReport(input, options);
  const format = sniffFormat(input);
  switch (format) {
    case "pdf":
      return (await importPdf()).parsePdf(input, options.pdf);
    case "docx":
      return (await importDocx()).parseDocx(input, options.docx);
    case "doc":
      return (await importDoc()).parseDoc(input, options.doc);
    case "zip":
    case "ole":
      return unsupported(format);
    default:
      return parseReport(input, options);
  }
}
