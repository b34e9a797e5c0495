/**
 * Table 三 cut into fragments by a PDF→markdown converter: the numbers of a row stand in a
 * small markdown table (`| 2 | 0 | 0 | … |`) and its label on text lines before it, wrapped
 * (`（二）部分公开（区分处理的，只计这一情` / `形，不计其他情形）`), often the labels of
 * several rows in a run, group labels (`（三）不予公开`, the vertical `三、本年度办理结果`)
 * among them. The text lines before a fragment are split among the fragment's leading rows
 * without a label, in order: each row gets the run of lines that reads most like one row of
 * the template. The rows then go to the row matcher like any labelled row, where the row
 * order of the template settles the rest and the table's sums check the result.
 */
import type { Cell, Section, Table } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { readCellValue } from "../text/cell-value.js";
import { labelKey } from "../template/normalize.js";
import { APPLICATION_ROWS } from "../template/templates.js";
import { buildLabelIndex, similarities, type LabelIndex } from "./match-label.js";

/** A run of lines this long or longer is not split (nothing real is; the split search stays small). */
const MAX_LINES = 40;
/** A split piece must read this much like a template row to be its label. */
const MIN_SCORE = 0.6;

let index: LabelIndex | null = null;

/** Every row label of table 三 in both templates (the weights of rare characters shared). */
function labelIndex(): LabelIndex {
  return (index ??= buildLabelIndex(APPLICATION_ROWS.map((r) => r.label)));
}

/** How much a piece of text reads like some row label of table 三 (0..1). */
function rowScore(text: string): number {
  const key = labelKey(text);
  if (key.length < 2) return 0;
  let best = 0;
  for (const s of similarities(key, labelIndex())) if (s > best) best = s;
  return best;
}

/** True for a row with numbers and no text cell: the numbers of a row whose label went elsewhere. */
function isBareRow(row: readonly Cell[]): boolean {
  let numbers = 0;
  for (const cell of row) {
    const kind = readCellValue(cell.text).kind;
    if (kind === "text") return false;
    if (kind === "number") numbers++;
  }
  return numbers > 0;
}

/** One line's text as a label cell. */
function cellOf(blocks: readonly TextBlock[]): Cell {
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  return { text: blocks.map((b) => b.text).join(""), rowSpan: 1, colSpan: 1, start: first.start, end: last.end };
}

/** The labels found for the leading bare rows of one fragment: per row, its label cells (group first). */
type Split = Cell[][];

/**
 * Split `lines` among `m` rows, in order: each row takes a run of consecutive lines (its
 * label); lines between runs are group labels or header text, kept with the next row as a
 * group label. The split maximises the summed label scores; `null` when some row gets no
 * run that reads like a row label, or when two splits score the same with different pieces.
 */
export function splitLabelLines(lines: readonly TextBlock[], m: number): Split | null {
  const k = lines.length;
  if (m === 0 || k < m || k > MAX_LINES) return null;
  const score = (a: number, b: number) => rowScore(lines.slice(a, b).map((l) => l.text).join(""));
  const seg: number[][] = [];
  for (let a = 0; a < k; a++) {
    seg.push([]);
    for (let b = a + 1; b <= k; b++) seg[a]![b] = score(a, b);
  }
  // best[t][i]: best total for rows t.. using lines i..; NEG: impossible
  const NEG = -1e9;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(k + 1).fill(NEG));
  const ties: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(k + 1).fill(false));
  for (let i = 0; i <= k; i++) best[m]![i] = 0;
  for (let t = m - 1; t >= 0; t--) {
    for (let i = k - 1; i >= 0; i--) {
      let b0 = best[t]![i + 1]!;
      let tie = ties[t]![i + 1]!;
      for (let b = i + 1; b <= k; b++) {
        const s = seg[i]![b]!;
        const rest = best[t + 1]![b]!;
        if (s < MIN_SCORE || rest <= NEG) continue;
        const total = s + rest;
        if (total > b0 + 1e-9) {
          b0 = total;
          tie = ties[t + 1]![b]!;
        } else if (Math.abs(total - b0) <= 1e-9) tie = true;
      }
      best[t]![i] = b0;
      ties[t]![i] = tie;
    }
  }
  if (best[0]![0]! <= NEG || ties[0]![0]) return null;
  const out: Split = [];
  let i = 0;
  let skippedFrom = 0;
  for (let t = 0; t < m; t++) {
    for (;;) {
      const target = best[t]![i]!;
      let taken = -1;
      for (let b = i + 1; b <= k; b++) {
        const s = seg[i]![b]!;
        const rest = best[t + 1]![b]!;
        if (s >= MIN_SCORE && rest > NEG && Math.abs(s + rest - target) <= 1e-9) {
          taken = b;
          break;
        }
      }
      if (taken < 0) {
        i++;
        continue;
      }
      const labels: Cell[] = [];
      if (i > skippedFrom) labels.push(cellOf(lines.slice(skippedFrom, i)));
      labels.push(cellOf(lines.slice(i, taken)));
      out.push(labels);
      i = taken;
      skippedFrom = i;
      break;
    }
  }
  return out;
}

/**
 * Give the leading bare rows of each table 三 fragment the labels written on the text lines
 * before it (in section 三, after the previous table). Returns the tables with those rows
 * labelled, the other tables as they were.
 */
export function joinFragmentLabels(
  tables: readonly Table[],
  blocks: readonly TextBlock[],
  sections: readonly Section[],
): Table[] {
  const section = sections.find((s) => s.number === 3);
  if (!section) return [...tables];
  const next = sections.find((s) => s.number > 3);
  const end = next ? next.start : Infinity;
  let previousEnd = section.start;
  let b = 0;
  const out = tables.map((table) => {
    const from = previousEnd;
    previousEnd = Math.max(previousEnd, table.end);
    if (table.kind !== "applications" || table.start < section.start || table.start >= end) return table;
    let m = 0;
    while (m < table.rows.length && isBareRow(table.rows[m]!)) m++;
    if (m === 0) return table;
    while (b < blocks.length && blocks[b]!.start < from) b++;
    const run: TextBlock[] = [];
    for (let j = b; j < blocks.length && blocks[j]!.end <= table.start; j++) if (blocks[j]!.start > section.start) run.push(blocks[j]!);
    const split = splitLabelLines(run, m);
    if (!split) return table;
    const rows = table.rows.map((row, r) => (r < m ? [...split[r]!, ...row] : row));
    return { ...table, rows };
  });
  return out;
}
