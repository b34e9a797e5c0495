/**
 * DOCX in, report out: mammoth turns the Word document into HTML (merged cells kept
 * as colspan/rowspan), and the HTML tokenizer reads it as it reads a web page.
 */
import { missingPeer } from "../file/missing-peer.js";
import { unreadableFile } from "../file/unreadable-file.js";
import { buildReport } from "../report/build-report.js";
import { fileTimestampDate } from "../text/dates.js";
import { html } from "../tokenize/html.js";
import type { Diagnostic, Report, Table } from "../types.js";

/** The part of mammoth this reader uses. */
export interface MammothModule {
  convertToHtml(input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array }, options?: Record<string, unknown>): Promise<{ value: string; messages: unknown[] }>;
}

/** The part of `cfb` that reads the document's properties (`docProps/core.xml`) from the ZIP. */
export interface DocxZipReader {
  parse(data: Uint8Array, options: Record<string, unknown>): unknown;
  find(container: unknown, path: string): { content: Uint8Array | number[] } | null;
}

/** Options of {@link parseDocx}. */
export interface DocxOptions {
  /** The mammoth module to use (default: `import("mammoth")`). */
  mammoth?: MammothModule;
  /**
   * The `cfb` module, to read the document's creation date (default: `import("cfb")` when that
   * optional package is installed; without it the date is not read).
   */
  cfb?: DocxZipReader;
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

async function loadZipReader(given?: DocxZipReader): Promise<DocxZipReader | null> {
  if (given) return given;
  try {
    const m = (await import("cfb")) as unknown as { default?: DocxZipReader } & DocxZipReader;
    return m.default ?? m;
  } catch {
    return null;
  }
}

/**
 * The creation date (`YYYY-MM-DD`) of `dcterms:created` in the document's `docProps/core.xml`,
 * or `null` (no date, no `cfb`, or a file it cannot read).
 */
export async function docxCreationDate(bytes: Uint8Array, options: DocxOptions = {}): Promise<string | null> {
  const zip = await loadZipReader(options.cfb);
  if (zip === null) return null;
  try {
    const entry = zip.find(zip.parse(bytes, {}), "/docProps/core.xml");
    if (!entry) return null;
    const content = entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
    const created = /<dcterms:created\b[^>]*>([^<]+)<\/dcterms:created>/.exec(new TextDecoder().decode(content));
    return created ? fileTimestampDate(created[1]!) : null;
  } catch {
    return null;
  }
}

/**
 * Parse an annual report published as a Word .docx file. Never rejects on a bad file
 * (diagnostics instead). `report.source.text` is the HTML mammoth made of the document;
 * `source.layout` is `"html"`. When the text states no publication date, `meta.published` is the
 * document's creation date (read with the optional `cfb` package, with a `published-from-file`
 * diagnostic).
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
  const created = text === "" ? null : await docxCreationDate(bytes, options);
  const source = { layout: "html" as const, confidence: text === "" ? 0 : 1, encoding: null, encodingReason: null, created };
  return buildReport(text, tokens, source, diagnostics);
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
