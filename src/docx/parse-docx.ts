/**
 * DOCX in, report out: mammoth turns the Word document into HTML (merged cells kept
 * as colspan/rowspan), and the HTML tokenizer reads it as it reads a web page.
 */
import { missingPeer } from "../document/missing-peer.js";
import { unreadableFile } from "../document/unreadable-file.js";
import { buildReport } from "../report/build-report.js";
import { html } from "../tokenize/html.js";
import type { Diagnostic, Report, Table } from "../types.js";

/** The part of mammoth this reader uses. */
export interface MammothModule {
  convertToHtml(input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array }, options?: Record<string, unknown>): Promise<{ value: string; messages: unknown[] }>;
}

/** Options of {@link parseDocx}. */
export interface DocxOptions {
  /** The mammoth module to use (default: `import("mammoth")`). */
  mammoth?: MammothModule;
}

let cached: Promise<MammothModule> | null = null;

async function loadMammoth(given?: MammothModule): Promise<MammothModule> {
  if (given) return given;
  cached ??= import("mammoth")
    .then((m) => ((m as { default?: MammothModule }).default ?? m) as MammothModule)
    .catch((error: unknown) => {
      cached = null;
      throw missingPeer("mammoth", "DOCX", error);
    });
  return cached;
}

/** mammoth's Node build reads `buffer`, its browser build `arrayBuffer`. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The HTML of a Word document, as mammoth writes it. A file mammoth cannot open gives
 * `""` and a diagnostic.
 *
 * @throws Error naming `mammoth` when that optional package is not installed.
 */
export async function docxToHtml(bytes: Uint8Array, options: DocxOptions = {}): Promise<{ html: string; diagnostics: Diagnostic[] }> {
  const mammoth = await loadMammoth(options.mammoth);
  try {
    const result = await mammoth.convertToHtml({ arrayBuffer: arrayBufferOf(bytes), buffer: bytes });
    return { html: result.value, diagnostics: [] };
  } catch (error) {
    return { html: "", diagnostics: [unreadableFile("DOCX", "the DOCX file", error)] };
  }
}

/**
 * Parse an annual report published as a Word .docx file. Never rejects on a bad file
 * (diagnostics instead). `report.source.text` is the HTML mammoth made of the document;
 * `source.layout` is `"html"`.
 *
 * @example
 * ```ts
 * import { parseDocx } from "xxgk-report/docx";
 * const report = await parseDocx(await readFile("report.docx"));
 * ```
 * @throws Error naming `mammoth` when that optional package is not installed.
 */
export async function parseDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<Report> {
  const { html: text, diagnostics } = await docxToHtml(bytes, options);
  const tokens = html.tokenize(text);
  return buildReport(text, tokens, { layout: "html", confidence: text === "" ? 0 : 1, encoding: null, encodingReason: null }, diagnostics);
}

/**
 * The table grids of a .docx file (merged cells once, with their spans), offsets into
 * the HTML mammoth made of it.
 *
 * @throws Error naming `mammoth` when that optional package is not installed.
 */
export async function extractDocxTables(bytes: Uint8Array, options: DocxOptions = {}): Promise<Table[]> {
  const { html: text } = await docxToHtml(bytes, options);
  return html.tokenize(text).tables;
}
