/**
 * A model of the report's tables as a PDF prints them, for the text renderers
 * (render-flat-text.ts, render-aligned-text.ts): each piece of text (a line of a
 * wrapped label, a group label, a character of the vertical group label, a row's
 * values) with the height it is printed at. Extractors that read by height
 * (pdfplumber) interleave pieces of neighbouring cells; extractors that read cell by
 * cell (pdfium, pdf.js) print each cell's lines together.
 */
import { APPLICANT_COLUMNS_WITH_SUBTOTAL, rowsOf, type ColumnSpec, type RowSpec, type TableTemplate } from "../../src/template/templates.js";

/** Values by model path (`applications.granted.total`); `null` is a blank cell. */
export type Values = Record<string, number | null>;

/** Which column of a table a piece is printed in (its order within a line). */
export type PieceColumn = "vertical" | "group" | "label" | "value";

/** A piece of text at a height (`y`, in lines from the top of its table). */
export interface Piece {
  y: number;
  column: PieceColumn;
  /** For values: the index of the value in its row. */
  index: number;
  text: string;
  /** For labels and values: the index of their row. */
  row?: number;
}

/** One row of table 3 as printed. */
export interface PrintedRow {
  spec: RowSpec;
  /** The label's lines. */
  lines: string[];
  values: string[];
  /** The label starts in the vertical column (一、二、四、 rows), the group column, or the label column. */
  startsIn: "vertical" | "group" | "label";
  group: string | null;
  inBlock: boolean;
}

/** Widths (in characters) at which labels wrap. */
export interface WrapWidths {
  /** Row labels inside a group (1.属于国家秘密 …). */
  labelWidth: number;
  /** Group labels ((三)不予公开 …). */
  groupWidth: number;
}

const OUTER_GROUP = "三、本年度办理结果";

/** The label as the PDFs print it: full-width brackets and commas, arabic numbering with `numbering`. */
export function printedLabel(label: string, numbering: "." | "、" = "."): string {
  return label
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/,/g, "，")
    .replace(/:/g, "：")
    .replace(/^(\d+)\./, `$1${numbering}`);
}

/** Cut a text into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += Math.max(1, width)) lines.push(chars.slice(i, i + Math.max(1, width)).join(""));
  return lines.length > 0 ? lines : [""];
}

/** How a value prints: the number as written, or `blank` for null. */
export function formatValue(value: number | null | undefined, blank: string): string {
  return value === null || value === undefined ? blank : String(value);
}

/** True when table 3 prints a 法人或其他组织「小计」column: some `applications.*.orgSubtotal` is a number. */
export function printsSubtotal(values: Values): boolean {
  return Object.entries(values).some(([p, v]) => p.startsWith("applications.") && p.endsWith(".orgSubtotal") && typeof v === "number");
}

/** The value columns table 3 prints: with 小计 before 总计 when {@link printsSubtotal}. */
export function applicationColumnsOf(values: Values, spec: RowSpec): readonly ColumnSpec[] {
  return printsSubtotal(values) ? APPLICANT_COLUMNS_WITH_SUBTOTAL : spec.columns;
}

/** The rows of table 3 of a template, wrapped (eight values a row with a 小计 column). */
export function printedApplicationRows(
  values: Values,
  template: TableTemplate,
  widths: WrapWidths,
  blank: string,
  numbering: "." | "、" = ".",
): PrintedRow[] {
  return rowsOf("applications", template).map((spec) => {
    const inBlock = spec.group !== undefined;
    const group = spec.group !== undefined && spec.group !== OUTER_GROUP ? spec.group : null;
    const startsIn = !inBlock ? "vertical" : group === null ? "group" : "label";
    const width =
      startsIn === "label" ? widths.labelWidth : startsIn === "group" ? widths.labelWidth + widths.groupWidth + 1 : widths.labelWidth + widths.groupWidth + 3;
    const lines = wrap(printedLabel(spec.label, numbering), width);
    const vals = applicationColumnsOf(values, spec).map((c) => formatValue(values[`applications.${spec.path}.${c.key}`], blank));
    return { spec, lines, values: vals, startsIn, group, inBlock };
  });
}

/** The vertical group label, one piece per printed line. */
export const VERTICAL_PIECES: readonly string[] = ["三、", "本", "年", "度", "办", "理", "结", "果"];

/**
 * Pieces of table 3 by height: each row as tall as its label, its values at the middle
 * of the label (between two lines when the label has an even number of lines), group
 * labels and the vertical label centred on the rows they span, snapped to a row line.
 */
export function piecesByHeight(rows: readonly PrintedRow[], widths: WrapWidths, vertical: boolean): Piece[] {
  const pieces: Piece[] = [];
  const tops: number[] = [];
  let y = 0;
  rows.forEach((row, r) => {
    tops.push(y);
    row.lines.forEach((text, j) => pieces.push({ y: y + j, column: "label", index: 0, text, row: r }));
    const mid = y + (row.lines.length - 1) / 2;
    row.values.forEach((text, i) => {
      if (text !== "") pieces.push({ y: mid, column: "value", index: i, text, row: r });
    });
    y += row.lines.length;
  });
  const centre = (first: number, last: number, texts: readonly string[], column: PieceColumn) => {
    const top = tops[first]!;
    const height = tops[last]! + rows[last]!.lines.length - top;
    const offset = Math.max(0, Math.floor((height - texts.length) / 2));
    texts.forEach((text, j) => pieces.push({ y: top + offset + j, column, index: 0, text }));
  };
  for (const [first, last, group] of groupSpans(rows)) centre(first, last, wrap(group, widths.groupWidth), "group");
  const block = rows.flatMap((r, i) => (r.inBlock ? [i] : []));
  if (vertical && block.length > 0) centre(block[0]!, block[block.length - 1]!, VERTICAL_PIECES, "vertical");
  return pieces;
}

/** Runs of consecutive rows with the same inner group label: [first, last, group]. */
export function groupSpans(rows: readonly PrintedRow[]): Array<[number, number, string]> {
  const spans: Array<[number, number, string]> = [];
  rows.forEach((row, i) => {
    if (row.group === null) return;
    const last = spans[spans.length - 1];
    if (last && last[2] === printedLabel(row.group) && last[1] === i - 1) last[1] = i;
    else spans.push([i, i, printedLabel(row.group)]);
  });
  return spans;
}

const ORDER: Record<PieceColumn, number> = { vertical: 0, group: 1, label: 2, value: 3 };

/** Pieces grouped into lines by height, each line's pieces left to right. */
export function linesByHeight(pieces: readonly Piece[]): Piece[][] {
  const byY = new Map<number, Piece[]>();
  for (const p of pieces) {
    const list = byY.get(p.y) ?? [];
    list.push(p);
    byY.set(p.y, list);
  }
  return [...byY.keys()]
    .sort((a, b) => a - b)
    .map((y) => byY.get(y)!.sort((a, b) => ORDER[a.column] - ORDER[b.column] || a.index - b.index));
}

/** The rows of table 2 of a template: group header, column headers, label and values. */
export interface PrintedActiveRow {
  group: string;
  columns: string[];
  label: string;
  values: string[];
}

/** Table 2 rows with their printed values. */
export function printedActiveRows(values: Values, template: TableTemplate, blank: string): PrintedActiveRow[] {
  return rowsOf("activeDisclosure", template).map((spec) => ({
    group: printedLabel(spec.group ?? ""),
    columns: spec.columns.map((c) => printedLabel(c.label)),
    label: spec.label,
    values: spec.columns.map((c) => formatValue(values[`activeDisclosure.${spec.path}.${c.key}`], blank)),
  }));
}

/** The fifteen values of table 4 in table order. */
export function appealValues(values: Values, blank: string): string[] {
  const out: string[] = [];
  for (const spec of rowsOf("appeals", "2021")) for (const c of spec.columns) out.push(formatValue(values[`appeals.${spec.path}.${c.key}`], blank));
  return out;
}

/** Narrative paragraphs of a report, wrapped like a PDF page (some lines end in a number). */
export function narrative(values: Values): Record<"intro" | "one" | "five" | "six", string> {
  const n = (p: string) => formatValue(values[p], "0");
  return {
    intro: "本报告根据《中华人民共和国政府信息公开条例》规定编制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。",
    one: `本年度，全市共受理政府信息公开申请 ${n("applications.newReceived.total")} 件，政府信息公开行政复议 ${n("appeals.review.total")} 件，均在法定期限内予以答复。`,
    five: "政策解读质量仍需提升，个别单位政策解读内容简单、形式单一。下一步将加强培训。",
    six: "本年度未收取信息处理费。",
  };
}

/** Split a paragraph into page lines of `width` characters, keeping numbers whole. */
export function pageLines(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const token of paragraph.match(/\d+(?:\.\d+)?|[^\d]/g) ?? []) {
    if (current.length + token.length > width && current !== "") {
      lines.push(current);
      current = "";
    }
    current += token;
  }
  if (current !== "") lines.push(current);
  return lines;
}
