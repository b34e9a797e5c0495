/**
 * The `glued-text` layout: page text saved with every table cell run together
 * (`行政规范性文件6233440` is 62 / 33 / 440). Crawlers and "copy text" produce it.
 *
 * Detection reads the text itself: template row labels immediately followed by
 * runs of digits with fewer separators than the row has cells. The tokenizer finds
 * the rows ({@link scanGlued}), cuts each run into cells with the table's arithmetic
 * ({@link segmentGluedTable}) and returns grids whose value cells point at the
 * digits they were cut from. The narrative around the tables is cut into blocks
 * at line breaks and at section headings glued to the text before them.
 */
import type { Cell, Diagnostic, Span, Table, TableKind } from "../types.js";
import type { LayoutModule, TextBlock, Tokenized } from "./types.js";
import { APPEAL_ROWS, type TableTemplate } from "../template/templates.js";
import { parseRun, runCounts } from "./glued/split-digits.js";
import { DEFAULT_STEP_BUDGET, newCounter, type SearchCounter } from "../text/step-budget.js";
import { segmentGluedTable, type SegmentedCell } from "./glued/segment-glued.js";
import { narrativeHints } from "./glued/narrative-hints.js";
import { isWhitespaceCode } from "../text/code-units.js";
import { scanGlued, subtotalInHeader, type FoundTable, type GluedScan } from "./glued/glued-rows.js";
import { contextOf, contextSlot, type ParseContext } from "../text/parse-context.js";

/** Options of {@link tokenizeGlued}. */
export interface GluedOptions {
  /** Most search steps to spend on the report (default {@link DEFAULT_STEP_BUDGET}). */
  budget?: number;
  /** The state of the parse of this text: the glued-row scan its detector made is read, not made again. */
  context?: ParseContext;
}

/** The tokens of a glued report and the search steps spent on them. */
export interface GluedResult {
  tokenized: Tokenized;
  steps: number;
  template: TableTemplate;
}

/** Section headings (一 … 六) as they start a section, possibly glued to the text before. */
const HEADING =
  /[一二三四五六][、.．]\s*(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|因政府信息公开申请|行政复议|政府信息公开工作存在|存在的主要问题|存在问题|主要问题|其他需要报告)/g;

/** Template labels (or their ends) that glued text writes right before a row's digits. */
const HINT_LABELS = [
  "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "申请数量", "予以公开", "情形)", "情形）",
  "国家秘密", "禁止公开", "稳定”", "合法权益", "事务信息", "过程性信息", "执法案卷", "查询事项", "相关政府信息",
  "另行制作", "仍不明确", "投诉类申请", "重复申请", "出版物", "反复申请", "已获取信息", "其他处理", "3.其他", "总计",
  "继续办理", "审结", "采购", "服务事项",
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Cheap first look: a template label with digits right after it, no separator between
 * (`(?:规章|…) ?[-+]?\d`). The engine skips to a digit, looks behind it for a character a
 * label ends with, and only there for the labels themselves.
 */
const GLUED_HINT = new RegExp(
  `\\d(?<=[${[...new Set(HINT_LABELS.map((l) => escapeRegExp(l.at(-1)!)))].join("")}] ?[-+]?\\d)(?<=(?:${HINT_LABELS.map(escapeRegExp).join("|")}) ?[-+]?\\d)`,
);

/**
 * How much of the text's table content is glued: the share of multi-cell rows found
 * whose run has enough digits for its cells but fewer separators than cells (0 when
 * none is glued).
 */
export function detectGlued(text: string, context?: ParseContext): number {
  if (!GLUED_HINT.test(text)) return 0;
  const scan = contextOf(text, context).get(GLUED_SCAN);
  let rows = 0;
  let glued = 0;
  const count = (start: number, end: number, cells: number) => {
    if (cells < 2) return;
    rows++;
    const run = runCounts(text, start, end);
    if (run.chunks >= cells || run.digits < cells) return;
    // numbers apart by runs of spaces are aligned columns with blank cells, not glue
    if (!/\d(?: {2,}|\t)[-+]?\d/.test(text.slice(start, end))) glued++;
  };
  for (const t of scan.tables) for (const r of t.rows) if (r.run) count(r.run.start, r.run.end, r.spec.columns.length);
  if (scan.appeals) count(scan.appeals.run.start, scan.appeals.run.end, 15);
  if (glued === 0) return 0;
  return Math.min(1, (glued / rows + (glued >= 3 ? 0.25 : 0)) * Math.min(1, glued / 3));
}

/**
 * {@link scanGlued} of the parse's text, made once: detection and tokenization of one parse
 * read the same scan. The scan is only read, never changed.
 */
const GLUED_SCAN = contextSlot<GluedScan>("glued scan", (text) => scanGlued(text));

/** Share of the report's step budget each table may spend (table 3 is solved jointly and needs most). */
const BUDGET_SHARE: Record<TableKind, number> = { activeDisclosure: 0.15, applications: 0.7, appeals: 0.15 };

/** Tokenize a glued report and report the search steps spent (for tests and benchmarks). */
export function tokenizeGlued(text: string, options: GluedOptions = {}): GluedResult {
  const scan = contextOf(text, options.context).get(GLUED_SCAN);
  const budget = options.budget ?? DEFAULT_STEP_BUDGET;
  const spans: Span[] = [...scan.tables, ...(scan.appeals ? [scan.appeals] : [])];
  const blocks = narrativeBlocks(text, spans);
  const hints = narrativeHints(blocks.map((b) => b.text).join("\n"), scan.template);
  const tables: Table[] = [];
  const diagnostics: Diagnostic[] = [];
  let steps = 0;
  const run = (kind: TableKind, span: Span, build: (counter: SearchCounter) => Table) => {
    const counter = newCounter(Math.floor(budget * BUDGET_SHARE[kind]), `glued ${kind}`);
    tables.push(build(counter));
    steps += counter.steps;
    if (counter.steps > counter.budget) diagnostics.push(budgetDiagnostic(kind, span, counter.budget));
  };
  for (const found of scan.tables) {
    run(found.kind, found, (c) => gridOf(text, found, scan.template, found.kind === "activeDisclosure" ? hints : undefined, c, diagnostics));
  }
  if (scan.appeals) run("appeals", scan.appeals, (c) => appealsGrid(text, scan, c, diagnostics));
  tables.sort((a, b) => a.start - b.start);
  return { tokenized: { layout: "glued-text", tables, blocks, diagnostics }, steps, template: scan.template };
}

function budgetDiagnostic(kind: TableKind, span: Span, budget: number): Diagnostic {
  return {
    code: "ambiguous-split",
    severity: "warning",
    start: span.start,
    end: span.end,
    message: `拆分粘连数字的搜索超出上限（${budget} 步），未定的单元格留空 / the search for the split of ${kind}'s glued digits hit its budget (${budget} steps); cells it did not settle are blank`,
  };
}

function cell(text: string, span: Span): Cell {
  return { text: text.slice(span.start, span.end), rowSpan: 1, colSpan: 1, start: span.start, end: span.end };
}

function valueCell(c: SegmentedCell): Cell {
  return { text: c.text, rowSpan: 1, colSpan: 1, start: c.start, end: c.end };
}

/**
 * Table 2 or 3 as a grid: header, then [lead?, label, values…] per row (table 2 puts leads on
 * rows of their own). A table 三 whose header shows 小计 is cut into eight cells a row, and its
 * header row holds the 小计 as a cell of its own.
 */
function gridOf(
  text: string,
  found: FoundTable,
  template: TableTemplate,
  hints: Map<string, number[]> | undefined,
  counter: SearchCounter,
  diagnostics: Diagnostic[],
): Table {
  const units = found.rows.map((r) => ({ rows: [r.spec], run: r.run ? parseRun(text, r.run.start, r.run.end) : null, at: r.label.end }));
  const subtotal = found.kind === "applications" ? subtotalInHeader(text, found.header) : null;
  const shape = found.kind === "applications" ? { shape: { template, orgSubtotal: subtotal !== null } } : {};
  const seg = segmentGluedTable({ kind: found.kind, units, ...(hints ? { hints } : {}), ...shape }, counter);
  diagnostics.push(...seg.diagnostics);
  const rows: Cell[][] = [];
  if (found.header) rows.push(subtotal ? headerCells(text, found.header, subtotal) : [cell(text, found.header)]);
  found.rows.forEach((r, k) => {
    const values = seg.cells[k]!.map(valueCell);
    const lead = r.lead ? cell(text, r.lead) : null;
    if (lead && found.kind === "activeDisclosure") rows.push([lead]);
    rows.push([...(lead && found.kind !== "activeDisclosure" ? [lead] : []), cell(text, r.label), ...values]);
  });
  return { kind: found.kind, layout: "glued-text", rows, start: found.start, end: found.end };
}

/** A header as its text before the 小计, the 小计, and its text after. */
function headerCells(text: string, header: Span, subtotal: Span): Cell[] {
  const parts = [
    { start: header.start, end: subtotal.start },
    subtotal,
    { start: subtotal.end, end: header.end },
  ];
  return parts.filter((p) => p.end > p.start).map((p) => cell(text, p));
}

/** Table 4: its header, then one row of fifteen values. */
function appealsGrid(text: string, scan: GluedScan, counter: SearchCounter, diagnostics: Diagnostic[]): Table {
  const found = scan.appeals!;
  const run = parseRun(text, found.run.start, found.run.end);
  const seg = segmentGluedTable({ kind: "appeals", units: [{ rows: APPEAL_ROWS, run, at: found.run.start }] }, counter);
  diagnostics.push(...seg.diagnostics);
  const rows: Cell[][] = [];
  if (found.header) rows.push([cell(text, found.header)]);
  rows.push(seg.cells[0]!.map(valueCell));
  return { kind: "appeals", layout: "glued-text", rows, start: found.start, end: found.end };
}

/** The narrative outside the tables: one block per line, a new block at every section heading. */
export function narrativeBlocks(text: string, tables: readonly Span[]): TextBlock[] {
  const sorted = [...tables].sort((a, b) => a.start - b.start);
  const blocks: TextBlock[] = [];
  let at = 0;
  for (const t of [...sorted, { start: text.length, end: text.length }]) {
    if (t.start > at) gapBlocks(text, at, t.start, blocks);
    at = Math.max(at, t.end);
  }
  return blocks;
}

function gapBlocks(text: string, from: number, to: number, out: TextBlock[]): void {
  const lineBreak = /\r\n|\n|\r/g;
  lineBreak.lastIndex = from;
  let start = from;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m && m.index < to ? m.index : to;
    headingBlocks(text, start, end, out);
    if (!m || m.index >= to) break;
    start = m.index + m[0].length;
  }
}

function headingBlocks(text: string, from: number, to: number, out: TextBlock[]): void {
  const line = text.slice(from, to);
  const cuts = [0];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(line); m; m = HEADING.exec(line)) {
    const before = line[m.index - 1];
    if (m.index > 0 && !(before !== undefined && "一二三四五六七八九十".includes(before))) cuts.push(m.index);
  }
  cuts.push(line.length);
  for (let i = 0; i + 1 < cuts.length; i++) pushTrimmed(text, from + cuts[i]!, from + cuts[i + 1]!, out);
}

function pushTrimmed(text: string, start: number, end: number, out: TextBlock[]): void {
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/** The `glued-text` layout module. */
export const gluedText: LayoutModule = {
  layout: "glued-text",
  detect: detectGlued,
  tokenize: (text: string, context?: ParseContext) => tokenizeGlued(text, context ? { context } : {}).tokenized,
};
