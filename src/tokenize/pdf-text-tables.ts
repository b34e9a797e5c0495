/**
 * Tables and narrative of text pulled out of a PDF (the `aligned-text` and
 * `flat-text` layouts): which lines are table material, and their rows.
 *
 * A table starts after the heading of section 二, 三 or 四, or at a line that
 * is plainly a table line (a template label followed by values, a run of values,
 * a header such as 信息内容 or 第二十条); it ends at the next section heading or at
 * a line of prose (a sentence mark 。；！？). Page footers are dropped everywhere.
 */
import type { Diagnostic, Layout, Table, TableKind } from "../types.js";
import { foldLabel, labelKey } from "../template/normalize.js";
import { headingOf } from "../template/headings.js";
import { assembleRows } from "./pdf-text/label-assembler.js";
import { templateLabels } from "../template/known-labels.js";
import { blockOf, linesWith, splitLines, type Line } from "./lines.js";
import { contextOf, contextSlot, type ParseContext } from "../text/parse-context.js";
import { isPageFooter } from "./page-footer.js";
import { itemOfWords, lineItem, lineWords, mayEndInNumbers, soleLabel, type FragmentMode, type LineItem, type LineWords } from "./text-line-items.js";
import type { TextBlock, Tokenized } from "./types.js";

const SECTION_TABLE: Partial<Record<number, TableKind>> = { 2: "activeDisclosure", 3: "applications", 4: "appeals" };
const PROSE = /[。；！？]/;
const HEADER_START = /^(信息内容|第二十条|申请人情况|\(?本列数据)/;

interface Region {
  kind: TableKind | null;
  lines: Line[];
}

function acceptBlankRun(label: string): boolean {
  return templateLabels().isComplete(labelKey(label));
}

/** True when a line plainly belongs to a table even without a section heading before it. */
function startsTable(item: LineItem): boolean {
  const known = templateLabels();
  if (item.values.length >= 3 && item.labels.length === 0) return true;
  const last = item.labels[item.labels.length - 1];
  if (item.values.length > 0 && last) return known.isComplete(labelKey(last.text));
  const first = item.labels[0];
  return first !== undefined && HEADER_START.test(foldLabel(first.text));
}

/** Read the lines of one table region: its table (if any line held values) and the lines that are narrative after all. */
function readRegion(region: Region, layout: Layout, mode: FragmentMode): { table: Table | null; blocks: TextBlock[]; diagnostics: Diagnostic[] } {
  const items = region.lines.map((line, i) => lineItem(line, i, mode, acceptBlankRun));
  const assembled = assembleRows(items, mode);
  const blocks = region.lines.slice(assembled.lastLine + 1).map(blockOf);
  const rows = assembled.rows.filter((r) => r.length > 0);
  if (assembled.lastLine < 0 || rows.length === 0) return { table: null, blocks, diagnostics: [] };
  let start = Infinity;
  let end = -Infinity;
  for (const row of rows) for (const c of row) {
    start = Math.min(start, c.start);
    end = Math.max(end, c.end);
  }
  const diagnostics: Diagnostic[] = assembled.unplacedRows.map((i) => {
    const row = assembled.rows[i]!;
    return {
      code: "ambiguous-cell",
      severity: "warning",
      start: row[0]!.start,
      end: row[row.length - 1]!.end,
      message:
        mode === "aligned"
          ? "该行数值少于相邻行，且无法按列位置对齐 / this row has fewer values than its neighbours and their positions do not say which columns they are in"
          : "该行数值少于相邻行，无法判断哪些列为空 / this row has fewer values than its neighbours; the text does not say which of its columns are blank",
    };
  });
  return { table: { kind: region.kind, layout, rows, start, end }, blocks, diagnostics };
}

/**
 * Tokenize PDF text: tables (rows of [group labels…][row label][values…], wrapped labels
 * joined, page footers and vertical group labels dropped) and narrative blocks, one per line.
 */
export function tokenizePdfText(text: string, layout: Layout, mode: FragmentMode, context?: ParseContext): Tokenized {
  const tables: Table[] = [];
  const blocks: TextBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let region: Region | null = null;
  let expecting: TableKind | null = null;
  const close = () => {
    if (!region) return;
    const read = readRegion(region, layout, mode);
    if (read.table) tables.push(read.table);
    blocks.push(...read.blocks);
    diagnostics.push(...read.diagnostics);
    region = null;
  };
  for (const line of splitLines(text, context)) {
    const t = line.text.trim();
    if (t === "" || isPageFooter(t)) continue;
    const item = lineItem(line, 0, mode, acceptBlankRun);
    const heading = item.values.length === 0 ? headingOf(t) : null;
    if (heading) {
      close();
      blocks.push(blockOf(line));
      expecting = SECTION_TABLE[heading.number] ?? null;
      continue;
    }
    if (PROSE.test(t)) {
      close();
      blocks.push(blockOf(line));
      continue;
    }
    if (!region && (expecting !== null || startsTable(item))) {
      region = { kind: expecting, lines: [] };
      expecting = null;
    }
    if (region) (region as Region).lines.push(line);
    else blocks.push(blockOf(line));
  }
  close();
  blocks.sort((a, b) => a.start - b.start);
  return { layout, tables, blocks, diagnostics };
}

/** Marks of another layout's table lines. */
const OTHER_LAYOUT_MARKS = ["|", "\t", "<", ">"];

/** The lines a PDF-text detector looks at. */
export interface ValueLines {
  /** Non-empty lines that are not prose, carry no mark of another layout and end in at least one number. */
  items: LineItem[];
  /**
   * Lines with a digit and a mark of another layout (`|`, tab, `<`…`>`): table lines of another
   * layout. Not counted (0) when there are no items and no `labelThenValues`: the detectors score 0
   * then, whatever the count.
   */
  foreign: number;
  /** Lines of numbers alone right after a line that is only a template row label (one cell per line, as pdf.js gives). */
  labelThenValues: number;
}

/** Collect the lines a PDF-text detector scores. */
export function valueLines(text: string, mode: FragmentMode, context?: ParseContext): ValueLines {
  const scan = contextOf(text, context).get(LINE_SCAN);
  const items: LineItem[] = [];
  let labelThenValues = 0;
  // the scored line before, when it is one without values (it may be a row label alone)
  let before: ScannedLine | null = null;
  for (const scanned of scan.lines) {
    if (!scanned) {
      before = null;
      continue;
    }
    const words = scanned.mayHaveNumbers ? wordsOf(scanned) : null;
    if (!words || words.numbers === 0) {
      // a line without numbers counts only as the line before a line of values (a row label
      // alone); whether it is a footer is read then
      before = scanned;
      continue;
    }
    const item = itemOfWords(words, items.length, mode);
    items.push(item);
    if (before && item.labels.length === 0 && !isFooter(before) && isSoleRowLabel(before, mode)) labelThenValues++;
    before = null;
  }
  const foreign = items.length > 0 || labelThenValues > 0 ? foreignLines(scan) : 0;
  return { items, foreign, labelThenValues };
}

/** How many of the lines with marks of another layout hold a digit (counted once per text). */
function foreignLines(scan: LineScan): number {
  if (scan.foreign === null) {
    let n = 0;
    for (const line of scan.marked) if (/\d/.test(line.text)) n++;
    scan.foreign = n;
  }
  return scan.foreign;
}

/** A line {@link valueLines} scores: its words and whether its text is a template row label, each read once when first needed. */
interface ScannedLine {
  line: Line;
  /** False when the line surely ends in no number: it has no value to score. */
  mayHaveNumbers: boolean;
  /** Whether the line is a page footer (not scored); read at once for lines that may have numbers. */
  footer?: boolean;
  words?: LineWords;
  rowLabel?: boolean;
}

/** True when a line is a page footer (a page number needs a digit). */
function isFooter(scanned: ScannedLine): boolean {
  const t = scanned.line.text;
  scanned.footer ??= /[0-9０-９]/.test(t) && isPageFooter(t);
  return scanned.footer;
}

function wordsOf(scanned: ScannedLine): LineWords {
  scanned.words ??= lineWords(scanned.line);
  return scanned.words;
}

/** True when the line is one template row label alone, as `mode` reads it (the label's text is the same in both modes). */
function isSoleRowLabel(scanned: ScannedLine, mode: FragmentMode): boolean {
  const label = soleLabel(wordsOf(scanned), mode);
  if (label === null) return false;
  scanned.rowLabel ??= templateLabels().isRow(labelKey(label));
  return scanned.rowLabel;
}

/**
 * The non-empty lines of a text, as {@link valueLines} reads them in every mode: `null` for a
 * line of another layout, for prose, and for a footer that may end in numbers.
 */
interface LineScan {
  lines: Array<ScannedLine | null>;
  /** The lines with a mark of another layout. */
  marked: Line[];
  /** How many of them hold a digit, once counted. */
  foreign: number | null;
}

/** The lines read once per parse for both PDF-text detectors. */
const LINE_SCAN = contextSlot<LineScan>("pdf-text line scan", scanLines);

function scanLines(text: string, context: ParseContext): LineScan {
  const all = splitLines(text, context);
  // the lines with marks, by native search (the pipe and tab detectors have found most already)
  const isMarked = new Uint8Array(all.length);
  for (const mark of OTHER_LAYOUT_MARKS) for (const m of linesWith(text, mark, context)) isMarked[m.index] = 1;
  const lines: Array<ScannedLine | null> = [];
  const marked: Line[] = [];
  all.forEach((line, i) => {
    if (isMarked[i]) {
      marked.push(line);
      lines.push(null);
      return;
    }
    const t = line.text;
    if (t.trim() === "") return;
    if (PROSE.test(t)) {
      lines.push(null);
      return;
    }
    // a number needs a digit; footers are told apart only where it matters
    const scanned: ScannedLine = { line, mayHaveNumbers: /[0-9０-９]/.test(t) && mayEndInNumbers(line) };
    lines.push(scanned.mayHaveNumbers && isFooter(scanned) ? null : scanned);
  });
  return { lines, marked, foreign: null };
}

/** Discount a detector's score by the share of table lines that belong to another layout. */
export function ownShare(score: number, own: number, foreign: number): number {
  return own + foreign === 0 ? 0 : score * (own / (own + foreign));
}
