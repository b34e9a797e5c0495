/**
 * `flat-text`: text pulled out of a PDF with cells separated by single spaces or
 * line breaks (pdfplumber `extract_text()`, pdfium, pdf.js):
 *
 *     （二）部分公开（区分处理的，只计这一情
 *     447 7 0 0 0 0 454
 *     形，不计其他情形）
 *     1.属于国家秘密 2 0 0 0 0 0 2
 *     三、
 *     本 2.其他法律行政法规禁止公开 30 1 0 0 0 0 31
 *
 * Some extractors (pdf.js) put every cell on a line of its own. Labels wrap over lines
 * with their values between or after them, group labels are
 * interleaved with row labels, `三、本年度办理结果` stands one character per line, page
 * footers (`- 4 -`) fall inside tables, and table 4 is one line of fifteen numbers.
 */
import { labelKey } from "../template/normalize.js";
import { templateLabels } from "../template/known-labels.js";
import { ownShare, tokenizePdfText, valueLines } from "./pdf-text-tables.js";
import type { ParseContext } from "../text/parse-context.js";
import { valueKind, type LineItem } from "./text-line-items.js";
import type { LayoutModule, Tokenized } from "./types.js";

/** How many table lines make a text surely flat text. */
const FULL_SCORE_LINES = 12;

/** True when the words of a line are one space apart (no column alignment). */
function singleSpaced(item: LineItem): boolean {
  return !/\S[ \u3000\u00a0]{2,}\S/.test(item.line.text.trim());
}

/** How much a line looks like a flat table row: a template label then values, or a run of values alone. */
function rowEvidence(item: LineItem): number {
  if (!singleSpaced(item)) return 0;
  const numbers = item.values.filter((v) => valueKind(v.text) === "number").length;
  const last = item.labels[item.labels.length - 1];
  if (!last) return numbers >= 3 ? 1 : 0;
  const known = templateLabels();
  const key = labelKey(last.text);
  if (known.isComplete(key)) return 1;
  return numbers >= 3 ? 0.5 : 0;
}

function detect(text: string, context?: ParseContext): number {
  const { items, foreign, labelThenValues } = valueLines(text, "flat", context);
  let hits = labelThenValues;
  for (const item of items) hits += rowEvidence(item);
  return ownShare(Math.min(1, hits / FULL_SCORE_LINES), hits, foreign);
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  return tokenizePdfText(text, "flat-text", "flat", context);
}

/** The `flat-text` layout. */
export const flatText: LayoutModule = { layout: "flat-text", detect, tokenize };
