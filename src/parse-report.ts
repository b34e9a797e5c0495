/**
 * The entry points: input (string or bytes) → text → layout → tokens → report.
 */
import type { Diagnostic, Layout, ParseOptions, Report, Table } from "./types.js";
import { decodeBytes } from "./decode/decode-bytes.js";
import { detectLayoutIn } from "./layout/detect-layout.js";
import { layoutModule } from "./tokenize/index.js";
import type { Tokenized } from "./tokenize/types.js";
import { blockOf, splitLines } from "./tokenize/lines.js";
import { buildReport, type BuildSource } from "./report/build-report.js";
import { classifyTable } from "./report/classify-table.js";
import { ParseContext } from "./text/parse-context.js";

interface Prepared {
  text: string;
  source: BuildSource;
  diagnostics: Diagnostic[];
}

function prepare(input: string | Uint8Array, options: ParseOptions | undefined, fn: string): Prepared {
  if (typeof input !== "string" && !isBytes(input)) {
    throw new TypeError(`${fn}(input): input must be a string or a Uint8Array`);
  }
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(`${fn}(input, options): options must be an object`);
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding: string | null = null;
  let encodingReason: BuildSource["encodingReason"] = null;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeBytes(input, options?.encoding);
    text = decoded.text;
    encoding = decoded.encoding;
    encodingReason = decoded.reason;
    diagnostics.push(...decoded.diagnostics);
  }
  return { text, source: { layout: null, confidence: 0, encoding, encodingReason }, diagnostics };
}

/** A Uint8Array, also one from another realm (an iframe, a vm context). */
function isBytes(input: unknown): input is Uint8Array {
  return input instanceof Uint8Array || Object.prototype.toString.call(input) === "[object Uint8Array]";
}

/** Share of characters that are control characters or U+FFFD: a sign of binary input. */
function junkShare(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) junk++;
  }
  return junk / n;
}

function plainLines(text: string): Tokenized {
  return { layout: "flat-text", tables: [], blocks: splitLines(text).filter((l) => l.text.trim() !== "").map(blockOf), diagnostics: [] };
}

/** Layouts to try, best first: the forced one, or every layout that scored. */
function candidates(context: ParseContext, options: ParseOptions | undefined): { order: Layout[]; confidence: number } {
  if (options?.layout) return { order: [options.layout], confidence: 1 };
  const detection = detectLayoutIn(context);
  const order = (Object.keys(detection.scores) as Layout[])
    .filter((l) => detection.scores[l] > 0.02 && layoutModule(l))
    .sort((a, b) => detection.scores[b] - detection.scores[a]);
  return { order, confidence: detection.confidence };
}

function tokenizeAs(layout: Layout, context: ParseContext): Tokenized | null {
  const module = layoutModule(layout);
  return module ? module.tokenize(context.text, context) : null;
}

/**
 * Parse an annual report. Accepts the text, or the bytes of a file (decoded by BOM,
 * `<meta charset>`, strict UTF-8, then GB18030). Never throws on bad input: what could
 * not be read is said in `report.diagnostics`, and `template` is `"unknown"` when the
 * input is not a report.
 *
 * @example
 * ```ts
 * import { parseReport } from "xxgk-report";
 * const report = parseReport(text);
 * report.template;                              // "2021"
 * report.applications?.newReceived.total;       // 218
 * report.locations["applications.newReceived.total"]; // { start, end, text: "218" }
 * ```
 * @throws TypeError when `input` is neither a string nor a Uint8Array.
 */
export function parseReport(input: string | Uint8Array, options?: ParseOptions): Report {
  const prepared = prepare(input, options, "parseReport");
  try {
    return parsePrepared(prepared, options);
  } catch (error) {
    const diagnostics: Diagnostic[] = [
      ...prepared.diagnostics,
      {
        code: "internal-error",
        severity: "error",
        message: `解析器内部错误 / internal parser error: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
    return buildReport(prepared.text, plainLines(prepared.text), prepared.source, diagnostics);
  }
}

function parsePrepared(prepared: Prepared, options: ParseOptions | undefined): Report {
  const { text, diagnostics } = prepared;
  if (text.trim() === "") {
    diagnostics.push({ code: "empty-input", severity: "error", message: "输入为空 / the input is empty" });
    return buildReport(text, plainLines(text), prepared.source, diagnostics);
  }
  if (junkShare(text) > 0.1) {
    diagnostics.push({ code: "binary-input", severity: "error", message: "输入像是二进制数据，不是文本 / the input looks like binary data, not text" });
    return buildReport(text, plainLines(text), prepared.source, diagnostics);
  }
  // the state of this parse: made here, passed down, dropped when the call returns
  const context = new ParseContext(text);
  const { order, confidence } = candidates(context, options);
  let first: Report | null = null;
  for (const layout of order) {
    const tokens = tokenizeAs(layout, context);
    if (!tokens) continue;
    const source = { ...prepared.source, layout, confidence };
    const report = buildReport(text, tokens, source, [...diagnostics]);
    if (report.template === "2021" || report.template === "2019") return report;
    first ??= report;
  }
  return first ?? buildReport(text, plainLines(text), prepared.source, diagnostics);
}

/**
 * The raw grids of a report, before they are mapped onto the model: each table with
 * its kind (when recognised), its layout, and cells with offsets into the text.
 * Never throws on bad input: a text without tables gives `[]`. (A failure inside a
 * tokenizer also gives `[]`; `parseReport` on the same input reports it as an
 * `internal-error` diagnostic.)
 *
 * @example
 * ```ts
 * const [table] = extractTables("规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 5 |");
 * table.rows[1][1].text; // "1"
 * ```
 */
export function extractTables(input: string | Uint8Array, options?: ParseOptions): Table[] {
  const prepared = prepare(input, options, "extractTables");
  try {
    const context = new ParseContext(prepared.text);
    const { order } = candidates(context, options);
    const layout = order[0];
    const tokens = layout ? tokenizeAs(layout, context) : null;
    if (!tokens) return [];
    for (const t of tokens.tables) t.kind ??= classifyTable(t);
    return tokens.tables;
  } catch {
    return [];
  }
}
