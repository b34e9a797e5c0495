/**
 * `aligned-text`: text pulled out of a PDF with its columns kept by runs of spaces
 * (pdfplumber `extract_text(layout=True)`, pdftotext `-layout`):
 *
 *     规章                     1            0          11
 *        （二）部分公开（区分处理的，只计这一情
 *                                  447   7    0    0     0     0    454
 *        形，不计其他情形）
 *     办  （三）不  4.保护第三方合法权益      6    0    0    0     0     0    6
 *
 * Everything flat text has (wrapped labels, interleaved group labels, a vertical
 * `三、本年度办理结果`, page footers inside tables), plus columns: a wrapped label
 * continues in the column it started in, and a row that prints fewer values than
 * its neighbours has them placed by position, the skipped columns read as blank cells.
 */
import { labelKey } from "../template/normalize.js";
import { templateLabels } from "../template/known-labels.js";
import { ownShare, tokenizePdfText, valueLines } from "./pdf-text-tables.js";
import type { ParseContext } from "../text/parse-context.js";
import { valueKind, type Fragment, type LineItem } from "./text-line-items.js";
import type { LayoutModule, Tokenized } from "./types.js";

/** How many aligned table lines make a text surely aligned text. */
const FULL_SCORE_LINES = 10;
/** Distance (in columns) within which two values are in the same column. */
const SAME_COLUMN = 1.5;

function centerOf(f: Fragment): number {
  return f.column + f.text.length / 2;
}

/** Spaces between a line's label and its first value, then between consecutive values. */
function gapsOf(item: LineItem): number[] {
  const gaps: number[] = [];
  const last = item.labels[item.labels.length - 1];
  item.values.forEach((v, i) => {
    const prev = i === 0 ? last : item.values[i - 1];
    gaps.push(prev ? v.start - prev.end : Infinity);
  });
  return gaps;
}

interface Evidence {
  /** 1 for a line of values aligned by runs of spaces, 0.5 for a template label spaced from its one value. */
  weight: number;
  centers: number[];
}

function lineEvidence(item: LineItem): Evidence {
  const values = item.values.filter((v) => valueKind(v.text) === "number");
  const gaps = gapsOf(item);
  if (values.length >= 2) {
    const inner = gaps.slice(1);
    const wide = inner.filter((g) => g >= 2).length;
    return wide * 2 >= inner.length ? { weight: 1, centers: values.map(centerOf) } : { weight: 0, centers: [] };
  }
  const last = item.labels[item.labels.length - 1];
  if (values.length === 1 && last && (gaps[0] ?? 0) >= 2 && templateLabels().isComplete(labelKey(last.text))) {
    return { weight: 0.5, centers: [] };
  }
  return { weight: 0, centers: [] };
}

/** Share of the values of aligned lines that sit in a column another aligned line also uses. */
function columnConsistency(lines: readonly number[][]): number {
  let total = 0;
  let aligned = 0;
  lines.forEach((centers, i) => {
    for (const c of centers) {
      total++;
      if (lines.some((other, j) => j !== i && other.some((o) => Math.abs(o - c) <= SAME_COLUMN))) aligned++;
    }
  });
  return total === 0 ? 0 : aligned / total;
}

function detect(text: string, context?: ParseContext): number {
  const { items, foreign } = valueLines(text, "aligned", context);
  let hits = 0;
  const columns: number[][] = [];
  for (const item of items) {
    const e = lineEvidence(item);
    hits += e.weight;
    if (e.centers.length >= 3) columns.push(e.centers);
  }
  if (hits === 0) return 0;
  const score = Math.min(1, hits / FULL_SCORE_LINES) * (0.5 + 0.5 * columnConsistency(columns));
  return ownShare(score, hits, foreign);
}

function tokenize(text: string, context?: ParseContext): Tokenized {
  return tokenizePdfText(text, "aligned-text", "aligned", context);
}

/** The `aligned-text` layout. */
export const alignedText: LayoutModule = { layout: "aligned-text", detect, tokenize };
