/**
 * The parser the worker runs: every file of a batch goes through the library's `parseDocument`
 * (PDF through pdf.js, DOCX through mammoth's browser build, DOC through cfb) and
 * `validateReport`, one result message per file, so the page stays responsive.
 */
import { parseDocument, sniffFormat, validateReport, type DocumentOptions, type Report } from "xxgk-report";
import type { PdfjsModule } from "xxgk-report/pdf";
import type { MammothModule } from "xxgk-report/docx";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as pdfjsWorker from "pdfjs-dist/legacy/build/pdf.worker.mjs";
import mammoth from "mammoth";
import * as cfbModule from "cfb";
import { InlineCMapReaderFactory } from "./cmaps.js";
import type { ParseJob, ParseResult } from "./protocol.js";

// pdf.js runs its document worker in this thread: this is a worker already, and a page
// opened from file:// may not start another one from a URL.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** pdf.js with the Chinese CMaps bundled into the page (no fetch, works offline). */
const pdfjsInline: PdfjsModule = {
  getDocument: (params) =>
    (pdfjs.getDocument as unknown as PdfjsModule["getDocument"])({ ...params, CMapReaderFactory: InlineCMapReaderFactory } as typeof params),
};

type CfbModule = NonNullable<NonNullable<DocumentOptions["doc"]>["cfb"]>;
/** cfb is CommonJS: its functions sit on the default export once bundled. */
const cfb = ((cfbModule as { default?: unknown }).default ?? cfbModule) as CfbModule;

const options: DocumentOptions = {
  pdf: { pdfjs: pdfjsInline },
  docx: { mammoth: mammoth as unknown as MammothModule },
  doc: { cfb },
};

/** Parse one file or text; never rejects (a library error becomes the result's `error`). */
export async function parseJob(job: ParseJob): Promise<ParseResult> {
  const started = performance.now();
  const base = { type: "result" as const, id: job.id, name: job.name };
  try {
    let report: Report;
    let format: ParseResult["format"];
    if (job.text !== undefined) {
      format = "pasted";
      report = await parseDocument(job.text, options);
    } else {
      const bytes = new Uint8Array(job.bytes ?? new ArrayBuffer(0));
      format = sniffFormat(bytes);
      report = await parseDocument(bytes, options);
    }
    const validation = report.template === "unknown" ? null : validateReport(report);
    return { ...base, format, report, validation, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, format: "text", report: null, validation: null, error: message, ms: performance.now() - started };
  }
}
