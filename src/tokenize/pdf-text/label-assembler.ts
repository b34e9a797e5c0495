/**
 * The label-row re-assembler for text pulled out of PDFs: it puts wrapped labels
 * back together and hangs each run of values on its label.
 *
 * In such text a cell's lines are interleaved with its neighbours' lines:
 *
 *     （二）部分公开（区分处理的，只计这一情      ← label, line 1
 *     447 7 0 0 0 0 454                            ← its values (centred between the label's lines)
 *     形，不计其他情形）                            ← label, line 2
 *     办 （三）不 4.保护第三方合法权益 6 0 0 0 0 0 6 ← vertical group label, group label, row label, values
 *     理
 *     予公开                                        ← group label, line 2
 *
 * Each label fragment either starts a label (it starts with a numbering marker, or no open
 * label can take it) or continues one: the open label whose text joined with the fragment
 * is the start of a known template label, or (space-aligned text) the label in the same
 * column, or (last resort) the label that is visibly unfinished. A run of values is the
 * row of the label on its line, or of the latest label waiting for values. Group labels
 * become cells before the row label; a group label printed one character per line is dropped.
 */
import type { Cell } from "../../types.js";
import { foldLabel, labelKey } from "../../template/normalize.js";
import { startsWithNumbering, type Fragment, type FragmentMode, type LineItem } from "../text-line-items.js";
import { fullLength, placeByPosition, placeRunByPosition, placeUnderHeaders, placeValueRuns, type HeaderPiece } from "./aligned-columns.js";
import { templateLabels, type KnownLabels } from "../../template/known-labels.js";

/** How far (in lines) a label stays open for continuation fragments. */
const WINDOW = 4;
/** Rows of at least this many values make the columns of aligned text. */
const MIN_ALIGNED_COLUMNS = 4;
/** A run of at least this many values is a row of its own (table 4: fifteen numbers after the headers). */
const LABELLESS_RUN = 10;

/** A label waiting for values, the label of a row, or a group or header label (which may still grow). */
type Role = "pending" | "row" | "group";

interface LabelBuild {
  id: number;
  parts: Fragment[];
  /** The line of each part. */
  partLines: number[];
  firstLine: number;
  lastLine: number;
  column: number;
  numbered: boolean;
  role: Role;
  /** For a row label: its values were on a line of their own. */
  valuesAlone: boolean;
  /** For a row label: the line of its values. */
  valuesLine: number;
}

interface RowBuild {
  kind: "row";
  groups: LabelBuild[];
  label: LabelBuild | null;
  values: Fragment[];
  /** The (last) line of the row's values. */
  line: number;
}

interface HeaderBuild {
  kind: "header";
  labels: LabelBuild[];
}

/** The assembled rows of one table. */
export interface AssembledRows {
  rows: Cell[][];
  /**
   * Index of the last line that belongs to the table (labels of value rows included); -1 when
   * no line held values. Later lines only held labels that never got values: not table rows.
   */
  lastLine: number;
  /**
   * Indexes (into `rows`) of rows with fewer values than the full rows around them whose
   * columns could not be told (always so in flat text; in aligned text when positions do not say).
   */
  unplacedRows: number[];
}

function fragmentKey(text: string): string {
  return foldLabel(text).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, "");
}

function textOf(label: LabelBuild): string {
  return label.parts.map((p) => p.text).join("");
}

function keyOf(label: LabelBuild): string {
  return labelKey(textOf(label));
}

/** A group label printed one character per line (三、本年度办理结果), or a stray single character. */
function isVerticalResidue(label: LabelBuild): boolean {
  const lines = new Set(label.partLines).size;
  if (lines >= 3 && label.parts.every((p) => p.text.trim().length <= 2)) return true;
  return fragmentKey(textOf(label)).length <= 1;
}

function cellOf(label: LabelBuild): Cell {
  const first = label.parts[0]!;
  const last = label.parts[label.parts.length - 1]!;
  return { text: textOf(label), rowSpan: 1, colSpan: 1, start: first.start, end: last.end };
}

function valueCell(f: Fragment): Cell {
  return { text: f.text, rowSpan: 1, colSpan: 1, start: f.start, end: f.end };
}

class Assembler {
  private labels: LabelBuild[] = [];
  private pending: LabelBuild[] = [];
  readonly out: Array<RowBuild | HeaderBuild> = [];
  private nextId = 0;

  constructor(
    private readonly mode: FragmentMode,
    private readonly known: KnownLabels,
  ) {}

  /** Read one line. */
  add(item: LineItem): void {
    // labels out of reach stay in their rows but are no longer candidates
    this.labels = this.labels.filter((l) => l.lastLine >= item.index - WINDOW);
    let touched: LabelBuild | null = null;
    for (let i = 0; i < item.labels.length; i++) {
      const f = item.labels[i]!;
      const target = this.target(f, item, item.labels[i + 1]);
      if (target) {
        target.parts.push(f);
        target.partLines.push(item.index);
        target.lastLine = item.index;
        if (target.role === "pending") touched = target;
      } else {
        touched = this.open(f, item.index);
      }
    }
    if (item.values.length === 0) return;
    const row = this.continuesValues(item) ? this.lastRow() : undefined;
    if (row) {
      row.values.push(...item.values);
      row.line = item.index;
    } else this.emitRow(item, touched);
  }

  private lastRow(): RowBuild | undefined {
    const last = this.out[this.out.length - 1];
    return last?.kind === "row" ? last : undefined;
  }

  /**
   * Flat text that puts every cell on a line of its own (pdf.js): a line of values right
   * after the values of a row, with no label between, carries on that row.
   */
  private continuesValues(item: LineItem): boolean {
    const row = this.lastRow();
    return this.mode === "flat" && item.labels.length === 0 && this.pending.length === 0 && row !== undefined && row.line === item.index - 1;
  }

  /** The labels still waiting for values at the end of the table. */
  finish(): LabelBuild[] {
    const left = this.pending;
    this.pending = [];
    return left;
  }

  private open(f: Fragment, line: number): LabelBuild {
    const label: LabelBuild = {
      id: this.nextId++,
      parts: [f],
      partLines: [line],
      firstLine: line,
      lastLine: line,
      column: f.column,
      numbered: startsWithNumbering(f.text),
      role: "pending",
      valuesAlone: false,
      valuesLine: -1,
    };
    this.labels.push(label);
    this.pending.push(label);
    return label;
  }

  /** Open labels a fragment of this line may continue, latest first. */
  private candidates(item: LineItem): LabelBuild[] {
    const onValueLine = item.values.length > 0;
    return this.labels
      .filter((l) => l.lastLine >= item.index - WINDOW && !(onValueLine && l.role === "row"))
      .sort((a, b) => b.lastLine - a.lastLine || b.id - a.id);
  }

  /**
   * The label a fragment continues, or null when it starts a label. When several labels
   * could take it, the one that leaves a label for the next fragment of the line wins
   * (`理 理其政府信息公开申请`: the first 理 ends the group label 其他处理, the second
   * continues the row label).
   */
  private target(f: Fragment, item: LineItem, next?: Fragment): LabelBuild | null {
    if (startsWithNumbering(f.text)) return null;
    const candidates = this.candidates(item);
    if (candidates.length === 0) return null;
    const fkey = fragmentKey(f.text);
    const sameColumn = (l: LabelBuild) => this.mode === "aligned" && Math.abs(l.column - f.column) <= 1;
    if (fkey === "") return candidates.find((l) => l.role !== "group") ?? null;
    const continues = (l: LabelBuild, text: string, extra?: { label: LabelBuild; text: string }) =>
      this.known.isPrefix(labelKey(textOf(l) + (extra?.label === l ? extra.text : "") + text));
    let byDictionary = candidates.filter((l) => continues(l, f.text));
    if (byDictionary.length > 1 && next && !startsWithNumbering(next.text)) {
      const leaving = byDictionary.filter((c) => candidates.some((l) => continues(l, next.text, { label: c, text: f.text })));
      if (leaving.length > 0) byDictionary = leaving;
    }
    if (byDictionary.length > 0) {
      // the same column first, then the longest known label start (a bare `（四）` + `信息` reads
      // as 信息内容 too, but 本机关不掌握相关政府 + 信息 says more), then the latest label
      const weight = (l: LabelBuild) => (sameColumn(l) ? 1000 : 0) + labelKey(textOf(l) + f.text).length;
      return byDictionary.reduce((best, l) => (weight(l) > weight(best) ? l : best));
    }
    if (fkey.length >= 2 && this.known.isPrefix(fkey)) return null;
    if (this.mode === "aligned") {
      return candidates.find((l) => sameColumn(l) && !this.known.isComplete(keyOf(l))) ?? null;
    }
    return this.unfinished(candidates, item);
  }

  /** Flat text without a dictionary match: a numbered label still waiting for its values, or a row label cut by its values. */
  private unfinished(candidates: readonly LabelBuild[], item: LineItem): LabelBuild | null {
    if (item.values.length > 0) return null;
    const recent = (l: LabelBuild) => l.lastLine >= item.index - 2 && !this.known.isComplete(keyOf(l));
    const waiting = candidates.find((l) => l.role === "pending" && l.numbered && recent(l));
    if (waiting) return waiting;
    if (this.pending.length > 0) return null;
    const row = candidates.find((l) => l.role === "row");
    if (row && recent(row) && (row.valuesAlone || row.firstLine < row.valuesLine)) return row;
    return null;
  }

  private emitRow(item: LineItem, touched: LabelBuild | null): void {
    const labelless = item.values.length >= LABELLESS_RUN;
    const label = labelless ? null : (touched ?? this.pending[this.pending.length - 1] ?? null);
    const others = this.pending.filter((l) => l !== label);
    const groups = labelless ? [] : others.filter((l) => l.numbered && l.firstLine <= item.index);
    const headers = others.filter((l) => !groups.includes(l));
    this.flushHeaders(headers);
    for (const g of groups) g.role = "group";
    if (label) {
      label.role = "row";
      label.valuesAlone = item.labels.length === 0;
      label.valuesLine = item.index;
    }
    this.out.push({ kind: "row", groups, label, values: [...item.values], line: item.index });
    this.pending = [];
  }

  private flushHeaders(headers: readonly LabelBuild[]): void {
    const byLine = new Map<number, LabelBuild[]>();
    for (const h of headers) {
      const list = byLine.get(h.firstLine) ?? [];
      list.push(h);
      byLine.set(h.firstLine, list);
      // a header label may still take the rest of a wrapped header, as a group label does
      h.role = "group";
    }
    for (const line of [...byLine.keys()].sort((a, b) => a - b)) this.out.push({ kind: "header", labels: byLine.get(line)! });
  }
}

function lastLineOf(build: RowBuild): number {
  let last = build.line;
  for (const l of [...build.groups, ...(build.label ? [build.label] : [])]) last = Math.max(last, l.lastLine);
  return last;
}

/** Where the values of aligned rows go: per index of the builds, the placed values; and the rows that could not be placed. */
interface Placement {
  placed: Map<number, Fragment[]>;
  failed: Set<number>;
}

/**
 * The table's block of value rows: from the first row after the header rows above the first
 * full row (a row with the most values that at least two rows have, at least four) to the
 * last row before a header row that follows the last full row. `k` is the full length
 * (0 when there is no block).
 */
function valueBlock(builds: ReadonlyArray<RowBuild | HeaderBuild>): { k: number; block: number[] } {
  const k = fullLength(builds.flatMap((b) => (b.kind === "row" ? [b.values] : [])), MIN_ALIGNED_COLUMNS);
  if (k === 0) return { k, block: [] };
  const full = builds.flatMap((b, i) => (b.kind === "row" && b.values.length === k ? [i] : []));
  // a header made only of dropped pieces (a vertical label) does not end the block
  const open = (b: RowBuild | HeaderBuild) => b.kind === "row" || b.labels.every(isVerticalResidue);
  let from = full[0]!;
  while (from > 0 && open(builds[from - 1]!)) from--;
  let to = full[full.length - 1]!;
  while (to + 1 < builds.length && open(builds[to + 1]!)) to++;
  const block: number[] = [];
  for (let i = from; i <= to; i++) if (builds[i]!.kind === "row") block.push(i);
  return { k, block };
}

/** The pieces of the header rows just above the block's first row (back to the row of values before them). */
function headersBefore(builds: ReadonlyArray<RowBuild | HeaderBuild>, first: number): HeaderPiece[] {
  const out: HeaderPiece[] = [];
  for (let j = first - 1; j >= 0; j--) {
    const b = builds[j]!;
    if (b.kind === "row") {
      if (b.values.length > 0) break;
      continue;
    }
    for (const l of b.labels) {
      if (isVerticalResidue(l)) continue;
      l.parts.forEach((fragment, p) => out.push({ fragment, line: l.partLines[p] ?? l.firstLine }));
    }
  }
  return out;
}

/** The column where the rows' labels (group labels included) end. */
function labelsEnd(rows: readonly RowBuild[]): number {
  let end = 0;
  for (const r of rows) {
    for (const l of r.label ? [...r.groups, r.label] : r.groups) for (const p of l.parts) end = Math.max(end, p.column + p.text.length);
  }
  return end;
}

/**
 * Aligned text: place the values of the block by position — under the header columns when
 * they show a column no row fills (a blank 总计 column), else the short rows into the
 * columns of the full rows.
 */
function placeBlock(builds: ReadonlyArray<RowBuild | HeaderBuild>): Placement {
  const placed = new Map<number, Fragment[]>();
  const failed = new Set<number>();
  const { block } = valueBlock(builds);
  const rows = block.map((i) => builds[i] as RowBuild);
  const runs = rows.map((r) => r.values);
  const result =
    (block.length > 0 ? placeByPosition(runs, headersBefore(builds, block[0]!), labelsEnd(rows), MIN_ALIGNED_COLUMNS) : null) ??
    placeValueRuns(runs, MIN_ALIGNED_COLUMNS);
  block.forEach((i, j) => {
    if (result.unplaced.includes(j)) failed.add(i);
    else placed.set(i, result.runs[j]!);
  });
  return { placed, failed };
}

/**
 * Flat text: the block's rows that print fewer values than its full rows. Their blank cells
 * left no trace, so which columns their values are in cannot be told from the text.
 */
function shortRows(builds: ReadonlyArray<RowBuild | HeaderBuild>): Placement {
  const { k, block } = valueBlock(builds);
  const failed = new Set(block.filter((i) => {
    const n = (builds[i] as RowBuild).values.length;
    return n > 0 && n < k;
  }));
  return { placed: new Map(), failed };
}

/** The column headers of the header row just above a row: its cells after the first (信息内容). */
function headersAbove(builds: ReadonlyArray<RowBuild | HeaderBuild>, i: number): Fragment[] {
  for (let j = i - 1; j >= 0; j--) {
    const b = builds[j]!;
    if (b.kind === "row") continue;
    const labels = b.labels.filter((l) => !isVerticalResidue(l));
    // a row label whose cells are all blank (`行政许可`) is no header: look further up
    if (labels.length < 3) continue;
    return labels.slice(1).map((l) => l.parts[0]!);
  }
  return [];
}

/** Values placed by the block of full rows, then rows outside it by the headers above them. */
function placeAligned(builds: ReadonlyArray<RowBuild | HeaderBuild>): Placement {
  const { placed, failed } = placeBlock(builds);
  builds.forEach((b, i) => {
    if (b.kind !== "row" || placed.has(i) || failed.has(i)) return;
    // a lone row of many values right under headers of several lines (table 四): placed under all of them
    const lone = b.values.length >= MIN_ALIGNED_COLUMNS ? placeRunByPosition(b.values, headersBefore(builds, i), labelsEnd([b])) : null;
    if (lone) {
      placed.set(i, lone);
      return;
    }
    const headers = headersAbove(builds, i);
    if (headers.length < 2 || b.values.length === 0 || b.values.length >= headers.length) return;
    const run = placeUnderHeaders(b.values, headers);
    if (run) placed.set(i, run);
    else failed.add(i);
  });
  return { placed, failed };
}

/**
 * Assemble the rows of one table from its lines (blank lines and page footers removed).
 * `aligned` mode also places the values of short rows into the columns of their neighbours.
 */
export function assembleRows(items: readonly LineItem[], mode: FragmentMode, known: KnownLabels = templateLabels()): AssembledRows {
  const asm = new Assembler(mode, known);
  for (const item of items) asm.add(item);
  const leftover = asm.finish();
  const builds = asm.out;
  const rowBuilds = builds.filter((b): b is RowBuild => b.kind === "row");
  let lastLine = -1;
  for (const r of rowBuilds) lastLine = Math.max(lastLine, lastLineOf(r));
  const inside = leftover.filter((l) => l.firstLine <= lastLine);
  if (inside.length > 0) builds.push({ kind: "header", labels: inside });

  const placement = mode === "aligned" ? placeAligned(builds) : shortRows(builds);
  const rows: Cell[][] = [];
  const unplacedRows: number[] = [];
  builds.forEach((b, i) => {
    if (b.kind === "header") {
      const cells = b.labels.filter((l) => !isVerticalResidue(l)).map(cellOf);
      if (cells.length > 0) rows.push(cells);
      return;
    }
    const values = placement.placed.get(i) ?? b.values;
    if (placement.failed.has(i)) unplacedRows.push(rows.length);
    const cells = b.groups.filter((g) => !isVerticalResidue(g)).map(cellOf);
    if (b.label) cells.push(cellOf(b.label));
    cells.push(...values.map(valueCell));
    rows.push(cells);
  });
  return { rows, lastLine, unplacedRows };
}
