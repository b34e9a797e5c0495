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
import type { Cell, Section, Span, Table } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { readCellValue } from "../text/cell-value.js";
import { labelKey } from "../template/normalize.js";
import { APPLICATION_ROWS } from "../template/templates.js";
import { isPageFooter } from "../tokenize/page-footer.js";
import { newCounter, spent, type SearchCounter } from "../text/step-budget.js";
import { buildLabelIndex, similarities, type LabelIndex } from "./match-label.js";

/** A run of more lines is not split (nothing real has them; the search stays small). */
const MAX_LINES = 30;
/** A split piece must read this much like a template row to be its label. */
const MIN_SCORE = 0.6;
/** Another row must read this much less like a piece than the row chosen for it. */
const MARGIN = 0.08;
/** A label is written on at most this many lines. */
const MAX_PIECE = 6;
/** Per line taken into a label rather than left between labels: prefer whole labels. */
const LINE_BONUS = 1e-3;
/**
 * Steps the split searches of one report may take together (a step: one piece scored, one
 * piece tried for a row, one near-best split followed); a report of real fragments takes a
 * few thousand. Fragments met after the budget is spent keep their bare rows.
 */
export const FRAGMENT_BUDGET = 20_000;

let index: LabelIndex | null = null;

/** Every row label of table 三 in both templates, in table order (a 2019 table has no 2021-only rows, so order holds in either). */
function labelIndex(): LabelIndex {
  return (index ??= buildLabelIndex(APPLICATION_ROWS.map((r) => r.label)));
}

/** Lines a converter writes between fragments that are no label: page numbers, markdown headings (`## 表三：…`). */
function isFurniture(line: TextBlock): boolean {
  return isPageFooter(line.text) || /^#/.test(line.text.trim());
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

/** Lines joined into one label cell. */
function cellOf(lines: readonly TextBlock[]): Cell {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return { text: lines.map((b) => b.text).join(""), rowSpan: 1, colSpan: 1, start: first.start, end: last.end };
}

/** The labels found for the leading bare rows of one fragment: per row, its label cells (group label first). */
export type Split = Cell[][];

/** More readings of one fragment than this: its rows are left without labels. */
const MAX_READINGS = 4;

const NEG = -1e9;

/** A template row a piece of lines reads as, with the similarity. */
interface Candidate {
  spec: number;
  score: number;
}

/** The tables of one split search: the lines, the rows, the pieces' candidates and the best totals. */
interface SplitTables {
  lines: readonly TextBlock[];
  /** Lines. */
  k: number;
  /** Rows. */
  m: number;
  /** `cands[a * MAX_PIECE + b - a - 1]`: the template rows lines a..b-1 read as (score ≥ MIN_SCORE). */
  cands: Candidate[][];
  /** `F[at(t, i, j)]`: best total for rows t.. from line i, rows after template row j (NEG: none). */
  F: Float64Array;
}

/** The candidates of the piece of lines a..b-1. */
function piecesAt(s: SplitTables, a: number, b: number): Candidate[] {
  return s.cands[a * MAX_PIECE + b - a - 1]!;
}

/** The index in `F` of rows t.. from line i after template row j (j = -1: before any). */
function at(s: SplitTables, t: number, i: number, j: number): number {
  return (t * (s.k + 1) + i) * (APPLICATION_ROWS.length + 1) + j + 1;
}

/** Score every piece of at most MAX_PIECE consecutive lines against the template rows. */
function pieceCandidates(lines: readonly TextBlock[]): Candidate[][] {
  const k = lines.length;
  const S = APPLICATION_ROWS.length;
  const P = MAX_PIECE;
  const keys = lines.map((l) => labelKey(l.text));
  const cands: Candidate[][] = new Array(k * P);
  for (let a = 0; a < k; a++) {
    let key = "";
    for (let b = a + 1; b <= Math.min(k, a + P); b++) {
      key += keys[b - 1]!;
      const list: Candidate[] = [];
      if (key.length >= 2) {
        const scores = similarities(key, labelIndex());
        for (let s = 0; s < S; s++) if (scores[s]! >= MIN_SCORE) list.push({ spec: s, score: scores[s]! });
      }
      cands[a * P + b - a - 1] = list;
    }
  }
  return cands;
}

/** Fill `F` from the last row and line back: the best total of each state. */
function fillBestTotals(s: SplitTables): void {
  const { k, m, F } = s;
  const S = APPLICATION_ROWS.length;
  const W = S + 1;
  for (let j = -1; j < S; j++) F[at(s, m, k, j)] = 0;
  for (let t = m - 1; t >= 0; t--) {
    for (let i = k - 1; i >= 0; i--) {
      const here = at(s, t, i, -1);
      F.copyWithin(here, at(s, t, i + 1, -1), at(s, t, i + 1, -1) + W);
      for (let b = i + 1; b <= Math.min(k, i + MAX_PIECE); b++) {
        for (const { spec, score } of piecesAt(s, i, b)) {
          const rest = F[at(s, t + 1, b, spec)]!;
          if (rest <= NEG) continue;
          const total = score + LINE_BONUS * (b - i) + rest;
          // a piece read as row `spec` follows any row before it
          for (let j = 0; j <= spec; j++) if (total > F[here + j]!) F[here + j] = total;
        }
      }
    }
  }
}

/** The walk over the splits within MARGIN of the best total `top`. */
interface NearBest {
  top: number;
  counter: SearchCounter;
  /** The splits found, by distinct sequence of template rows. */
  found: Map<string, { split: Split; score: number }>;
  /** The pieces of the split being walked. */
  pieces: Array<{ from: number; a: number; b: number; spec: number }>;
  /** True once the budget is spent or too many readings are found. */
  overflow: boolean;
}

/** Follow every split within MARGIN of the best from row t at line i after template row j (one step per call). */
function visit(s: SplitTables, v: NearBest, t: number, i: number, j: number, from: number, acc: number): void {
  if (v.overflow || ++v.counter.steps > v.counter.budget) {
    v.overflow = true;
    return;
  }
  if (t === s.m) {
    recordSplit(s, v, i, acc);
    return;
  }
  if (i >= s.k) return;
  for (let b = i + 1; b <= Math.min(s.k, i + MAX_PIECE); b++) {
    for (const { spec, score } of piecesAt(s, i, b)) {
      if (spec <= j) continue;
      const gain = score + LINE_BONUS * (b - i);
      const rest = s.F[at(s, t + 1, b, spec)]!;
      if (rest <= NEG || acc + gain + rest < v.top - MARGIN) continue;
      v.pieces.push({ from, a: i, b, spec });
      visit(s, v, t + 1, b, spec, b, acc + gain);
      v.pieces.pop();
    }
  }
  const skip = s.F[at(s, t, i + 1, j)]!;
  if (skip > NEG && acc + skip >= v.top - MARGIN) visit(s, v, t, i + 1, j, from, acc);
}

/** Every row placed: keep the split when it ends with the last line (the better score per sequence of rows). */
function recordSplit(s: SplitTables, v: NearBest, i: number, acc: number): void {
  if (i !== s.k) return;
  const key = v.pieces.map((p) => p.spec).join(",");
  const seen = v.found.get(key);
  if (!seen || seen.score < acc) v.found.set(key, { split: v.pieces.map((p) => labelCells(s.lines, p)), score: acc });
  if (v.found.size > MAX_READINGS) v.overflow = true;
}

/**
 * Split `lines` among `m` rows, in order: each row takes a run of consecutive lines as its
 * label, the runs read as rows of table 三 in the template's order, and the last run ends
 * with the last line (the label written just before its numbers). Lines between runs
 * (group labels, header text) go with the next row as a group label. A split scores the
 * summed label similarities; the best split is returned first, then every split that
 * scores almost as well and reads the rows as other template rows (the labels do not
 * decide between them: the sums will). `null` when no split reads as rows in order, or
 * when too many do.
 */
export function splitLabelLines(lines: readonly TextBlock[], m: number, counter: SearchCounter = newCounter(FRAGMENT_BUDGET, "fragments")): Split[] | null {
  const k = lines.length;
  if (m === 0 || k < m || k > MAX_LINES) return null;
  // the pieces scored and the rows' tries, counted before they are made
  counter.steps += k * MAX_PIECE * (m + 1);
  if (spent(counter)) return null;
  const s: SplitTables = { lines, k, m, cands: pieceCandidates(lines), F: new Float64Array((m + 1) * (k + 1) * (APPLICATION_ROWS.length + 1)).fill(NEG) };
  fillBestTotals(s);
  const top = s.F[at(s, 0, 0, -1)]!;
  if (top <= NEG) return null;
  // every split within MARGIN of the best, by distinct sequence of template rows (a few at most)
  const v: NearBest = { top, counter, found: new Map(), pieces: [], overflow: false };
  visit(s, v, 0, 0, -1, 0, 0);
  if (v.overflow || v.found.size === 0) return null;
  return [...v.found.values()].sort((x, y) => y.score - x.score).map((f) => f.split);
}

/** The label cells of one piece: the lines before it (a group label), then its own lines. */
function labelCells(lines: readonly TextBlock[], p: { from: number; a: number; b: number }): Cell[] {
  const labels: Cell[] = [];
  if (p.a > p.from) labels.push(cellOf(lines.slice(p.from, p.a)));
  labels.push(cellOf(lines.slice(p.a, p.b)));
  return labels;
}

/** One way to read the fragments: the tables with the labels joined, and the spans of the rows that got one. */
export interface FragmentReading {
  tables: Table[];
  joined: Span[];
}

/**
 * Give the leading bare rows of each table 三 fragment the labels written on the text lines
 * before it (in section 三, after the previous table). Returns the readings, the best first:
 * one unless the labels of some fragment fit several template rows equally well (then one
 * reading per way, up to {@link MAX_READINGS}; beyond that the fragment keeps its bare rows).
 */
export function joinFragmentLabels(tables: readonly Table[], blocks: readonly TextBlock[], sections: readonly Section[]): FragmentReading[] {
  const section = sections.find((s) => s.number === 3);
  if (!section) return [{ tables: [...tables], joined: [] }];
  const next = sections.find((s) => s.number > 3);
  const end = next ? next.start : Infinity;
  let readings: FragmentReading[] = [{ tables: [], joined: [] }];
  const counter = newCounter(FRAGMENT_BUDGET, "fragments");
  let previousEnd = section.start;
  for (const table of tables) {
    const from = previousEnd;
    previousEnd = Math.max(previousEnd, table.end);
    const splits = table.kind === "applications" && table.start > section.start && table.start < end ? fragmentSplits(table, blocks, from, section.start, counter) : null;
    if (splits && splits.length === 1) for (const r of readings) join(r, table, splits[0]!);
    else if (splits && readings.length * splits.length <= MAX_READINGS) {
      readings = readings.flatMap((r) => splits.map((split) => join({ tables: [...r.tables], joined: [...r.joined] }, table, split)));
    } else for (const r of readings) r.tables.push(table);
  }
  const header = subtotalHeader(tables, blocks, section.start, end);
  if (header) {
    for (const r of readings) {
      const at = r.tables.findIndex((t) => t.start >= header.start);
      r.tables.splice(at < 0 ? r.tables.length : at, 0, header);
    }
  }
  return readings;
}

/**
 * A 小计 column named on the header lines written before table 三's first fragment
 * (`商业企科研机社会公法律服其他小计`): a header table holding that word, so the mapper reads
 * the rows with the 小计 column as it does when the header is a table row.
 */
function subtotalHeader(tables: readonly Table[], blocks: readonly TextBlock[], start: number, end: number): Table | null {
  const first = tables.find((t) => t.kind === "applications" && t.start > start && t.start < end);
  if (!first) return null;
  for (const line of blocks) {
    if (line.start <= start) continue;
    if (line.end > first.start) break;
    const at = line.text.indexOf("小计");
    if (at < 0 || line.text.length > 40) continue;
    const cell: Cell = { text: "小计", rowSpan: 1, colSpan: 1, start: line.start + at, end: line.start + at + 2 };
    return { kind: "applications", layout: first.layout, rows: [[cell]], start: line.start, end: line.end };
  }
  return null;
}

/** The splits of the text lines before a fragment among its leading bare rows, or null. */
function fragmentSplits(table: Table, blocks: readonly TextBlock[], from: number, sectionStart: number, counter: SearchCounter): Split[] | null {
  let m = 0;
  while (m < table.rows.length && isBareRow(table.rows[m]!)) m++;
  if (m === 0) return null;
  const run: TextBlock[] = [];
  const low = Math.max(from, sectionStart + 1);
  // blocks are in document order: the first at or after `low`, by bisection
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < low) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < blocks.length && blocks[j]!.end <= table.start; j++) {
    if (run.length > MAX_LINES) return null;
    if (!isFurniture(blocks[j]!)) run.push(blocks[j]!);
  }
  return splitLabelLines(run, m, counter);
}

/** Extend a reading by one fragment read with a split (the reading is changed and returned). */
function join(reading: FragmentReading, table: Table, split: Split): FragmentReading {
  const rows = table.rows.map((row, r) => (r < split.length ? [...split[r]!, ...row] : row));
  reading.tables.push({ ...table, rows });
  for (const row of table.rows.slice(0, split.length)) reading.joined.push({ start: row[0]!.start, end: row[row.length - 1]!.end });
  return reading;
}
