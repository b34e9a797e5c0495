/**
 * DOC in, report out: the OLE container of a Word 97–2003 file is opened with `cfb`,
 * its text and table structure are read from the Word streams (word-binary.ts), each
 * table row becomes one line with tab-separated cells, and the `tab-rows` tokenizer
 * reads it.
 */
import { missingPeer } from "../file/missing-peer.js";
import { unreadableFile } from "../file/unreadable-file.js";
import { buildReport } from "../report/build-report.js";
import { tabRows } from "../tokenize/tab-rows.js";
import type { Diagnostic, Report, Table } from "../types.js";
import { paragraphsToTabRows, readWordParagraphs } from "./word-binary.js";

/** The part of `cfb` this reader uses. */
export interface CfbModule {
  parse(data: Uint8Array, options?: Record<string, unknown>): unknown;
  find(container: unknown, path: string): { content: Uint8Array | number[] } | null;
}

/** Options of {@link parseDoc}. */
export interface DocOptions {
  /** The `cfb` module to use (default: `import("cfb")`). */
  cfb?: CfbModule;
}

let cached: Promise<CfbModule> | null = null;

async function loadCfb(given?: CfbModule): Promise<CfbModule> {
  if (given) return given;
  cached ??= import("cfb")
    .then((m) => ((m as { default?: CfbModule }).default ?? m) as unknown as CfbModule)
    .catch((error: unknown) => {
      cached = null;
      throw missingPeer("cfb", "DOC", error);
    });
  return cached;
}

function stream(cfb: CfbModule, container: unknown, name: string): Uint8Array | undefined {
  const entry = cfb.find(container, name);
  if (!entry) return undefined;
  return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
}

/**
 * The text of a .doc file, each table row one line with its cells split by tabs. A file
 * that cannot be read gives `""` and a diagnostic.
 *
 * @throws Error naming `cfb` when that optional package is not installed.
 */
export async function docToText(bytes: Uint8Array, options: DocOptions = {}): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const cfb = await loadCfb(options.cfb);
  try {
    const container = cfb.parse(bytes);
    const doc = stream(cfb, container, "WordDocument");
    if (!doc) throw new Error("no WordDocument stream");
    const streams = { "0Table": stream(cfb, container, "0Table"), "1Table": stream(cfb, container, "1Table"), Data: stream(cfb, container, "Data") };
    return { text: paragraphsToTabRows(readWordParagraphs(doc, streams)), diagnostics: [] };
  } catch (error) {
    return { text: "", diagnostics: [unreadableFile("DOC", "the DOC file", error)] };
  }
}

/**
 * Parse an annual report published as a Word 97–2003 .doc file. Never rejects on a bad
 * file (diagnostics instead). `report.source.text` is the document's text with one table
 * row per line, cells split by tabs; `source.layout` is `"tab-rows"`.
 *
 * @example
 * ```ts
 * import { parseDoc } from "xxgk-report/doc";
 * const report = await parseDoc(await readFile("report.doc"));
 * ```
 * @throws Error naming `cfb` when that optional package is not installed.
 */
export async function parseDoc(bytes: Uint8Array, options: DocOptions = {}): Promise<Report> {
  const { text, diagnostics } = await docToText(bytes, options);
  const tokens = tabRows.tokenize(text);
  return buildReport(text, tokens, { layout: "tab-rows", confidence: text === "" ? 0 : 1, encoding: null, encodingReason: null }, diagnostics);
}

/**
 * The table grids of a .doc file, offsets into its tab-rows text.
 *
 * @throws Error naming `cfb` when that optional package is not installed.
 */
export async function extractDocTables(bytes: Uint8Array, options: DocOptions = {}): Promise<Table[]> {
  return tabRows.tokenize((await docToText(bytes, options)).text).tables;
}
