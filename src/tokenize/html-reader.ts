/**
 * Reading a parsed HTML page: report tables become grids of cells, the rest of
 * the page's text becomes narrative blocks; page chrome is left out.
 */
import { expandSpans, MAX_COL_SPAN } from "./expand-spans.js";
import { readCellValue } from "../text/cell-value.js";
import type { Cell, Diagnostic, Table } from "../types.js";
import { elementRole, isArticleBody, isChromeElement, isHiddenElement, isNavigationLink } from "./html-element-role.js";
import { HtmlTextBuffer } from "./html-text-buffer.js";
import type { HtmlElement, HtmlNode } from "./html-tree.js";
import type { TextBlock } from "./types.js";

/** What a page holds: its report tables, its narrative, its `<title>`. */
export interface HtmlReading {
  tables: Table[];
  blocks: TextBlock[];
  diagnostics: Diagnostic[];
  title: TextBlock | null;
}

/** Words of the report's tables: a table holding one of them is report content wherever it sits. */
const REPORT_WORDS = [
  "自然人", "行政复议", "行政诉讼", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "政府信息公开申请",
  "申请人", "予以公开", "不予公开", "处理决定", "本年新收", "结果维持", "信息内容",
];

const HEAD_ONLY = new Set(["meta", "link", "style", "script", "base", "noscript", "template", "basefont", "bgsound"]);

/** The largest rowSpan HTML honours. */
const MAX_ROW_SPAN = 65534;

interface Context {
  /** Inside page chrome: text is not narrative. */
  chrome: boolean;
  /** Inside a navigation link. */
  link: boolean;
  /** Inside `<article>` or `<main>`. */
  article: boolean;
}

interface ReadCell {
  cell: Cell;
  /** A `<br>` or a paragraph break separates its text. */
  multiline: boolean;
  /** All its text is in navigation links. */
  linkOnly: boolean;
}

/**
 * Read a parsed page (see `parseHtmlTree`) into tables, narrative blocks and title.
 * Tables come in document order; a table that wraps other tables (a page layout
 * table) is read as narrative around its inner tables. When the report tables sit
 * in a CMS article body (`TRS_Editor`, `article_content`, `#zoom`), the page text
 * after that body (attachment lists, related links, sidebars) is not narrative.
 */
export function readHtmlTree(root: HtmlElement): HtmlReading {
  const reader = new HtmlReader(root);
  reader.readChildren(root, { chrome: false, link: false, article: false });
  return reader.finish();
}

class HtmlReader {
  private readonly tables: Table[] = [];
  private readonly blocks: TextBlock[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private title: TextBlock | null = null;
  private readonly block = new HtmlTextBuffer();
  /** Tables holding report words, and every element around them. */
  private readonly reportElements = new Set<HtmlElement>();
  /** The article body holding every report table, if the page marks one. */
  private readonly articleBody: HtmlElement | null;
  private afterArticle = false;

  constructor(root: HtmlElement) {
    const around = markReportTables(root, [], this.reportElements, null);
    this.articleBody = around ? findLast(around, isArticleBody) : null;
  }

  finish(): HtmlReading {
    this.flush();
    return { tables: this.tables, blocks: this.blocks, diagnostics: this.diagnostics, title: this.title };
  }

  readChildren(el: HtmlElement, ctx: Context): void {
    for (const child of el.children) this.readNode(child, ctx);
  }

  private readNode(node: HtmlNode, ctx: Context): void {
    if (node.kind === "text") {
      if (!ctx.chrome) this.block.add(node.text, node.start, node.end, ctx.link);
      return;
    }
    switch (elementRole(node)) {
      case "skip":
        return;
      case "title":
        this.readTitle(node);
        return;
      case "head":
        this.readHead(node, ctx);
        return;
      case "break":
        this.flush();
        return;
      case "table":
        this.flush();
        this.readTable(node, this.enter(node, ctx));
        this.flush();
        break;
      case "block":
        this.readContainer(node, ctx);
        break;
      case "inline":
        this.readChildren(node, this.enter(node, ctx));
        break;
    }
    if (node === this.articleBody) this.endArticle();
  }

  /** The article body ends: what follows on the page is not narrative. */
  private endArticle(): void {
    this.flush();
    this.afterArticle = true;
  }

  private enter(el: HtmlElement, ctx: Context): Context {
    const chrome = ctx.chrome || (isChromeElement(el, ctx.article) && !this.reportElements.has(el));
    const link = ctx.link || isNavigationLink(el);
    const article = ctx.article || el.name === "article" || el.name === "main";
    if (chrome === ctx.chrome && link === ctx.link && article === ctx.article) return ctx;
    return { chrome, link, article };
  }

  /** End the current narrative block. Blocks made only of navigation links are dropped. */
  private flush(): void {
    const span = this.block.take();
    if (span && !span.linkOnly) this.addBlock({ text: span.text, start: span.start, end: span.end });
  }

  /** Add a narrative block, unless the article body has ended. */
  private addBlock(block: TextBlock): void {
    if (!this.afterArticle) this.blocks.push(block);
  }

  private readHead(head: HtmlElement, ctx: Context): void {
    for (const child of head.children) {
      if (child.kind === "element" && HEAD_ONLY.has(child.name)) continue;
      this.readNode(child, ctx);
    }
  }

  private readTitle(el: HtmlElement): void {
    if (this.title) return;
    const buffer = new HtmlTextBuffer();
    collectCellText(el, buffer);
    const span = buffer.take();
    if (span) this.title = { text: span.text, start: span.start, end: span.end };
  }

  private readTable(table: HtmlElement, ctx: Context): void {
    const rows: HtmlElement[] = [];
    this.collectRows(table, rows, ctx);
    const cellRows = rows.map((tr) => cellElements(tr, (stray) => this.readNode(stray, ctx)));
    const nested = cellRows.some((cells) => cells.some(containsTable));
    const wrapsReport = nested && cellRows.some((cells) => cells.some((cell) => this.reportElements.has(cell)));
    if (wrapsReport || widestRow(cellRows) <= 1) return this.readLayoutTable(cellRows, ctx);
    const read = cellRows.map((cells, r) => (isSpacerRow(rows[r]!, cells) ? null : cells.map(readCell)));
    const hasNumber = read.some((row) => row?.some((c) => readCellValue(c.cell.text).kind === "number"));
    // a table around other tables is page layout, unless it has figures of its own
    if (nested && !hasNumber) return this.readLayoutTable(cellRows, ctx);
    const hasText = read.some((row) => row?.some((c) => c.cell.text !== ""));
    if (!hasText) return;
    if (this.reportElements.has(table) || (hasNumber && !ctx.chrome)) {
      this.addTable(table, read.flatMap((row) => (row ? [row.map((c) => c.cell)] : [])));
    } else if (!ctx.chrome) {
      this.readRowsAsNarrative(read, cellRows, ctx);
    }
  }

  /** A page layout table: each cell's content is narrative (and the tables inside are read as tables). */
  private readLayoutTable(cellRows: HtmlElement[][], ctx: Context): void {
    for (const cells of cellRows) for (const cell of cells) this.readContainer(cell, ctx);
  }

  /** Rows of a table in document order, through its sections; other content is read as narrative. */
  private collectRows(el: HtmlElement, rows: HtmlElement[], ctx: Context): void {
    for (const child of el.children) {
      if (child.kind === "element") {
        if (child.name === "tr") {
          rows.push(child);
          continue;
        }
        if (child.name === "tbody" || child.name === "thead" || child.name === "tfoot") {
          this.collectRows(child, rows, ctx);
          continue;
        }
        if (child.name === "colgroup" || child.name === "col") continue;
        if (child.name === "caption") {
          this.readContainer(child, ctx);
          continue;
        }
      }
      this.readNode(child, ctx);
    }
  }

  /** Read an element's content as its own narrative blocks. */
  private readContainer(el: HtmlElement, ctx: Context): void {
    this.flush();
    this.readChildren(el, this.enter(el, ctx));
    this.flush();
    if (el === this.articleBody) this.endArticle();
  }

  private addTable(table: HtmlElement, rows: Cell[][]): void {
    this.tables.push({ kind: null, layout: "html", rows, start: table.start, end: table.end });
    this.diagnostics.push(...expandSpans(rows).diagnostics);
    if (table.closed === "eof") {
      this.diagnostics.push({
        code: "truncated",
        severity: "warning",
        message: "表格在文档结束前没有闭合，可能不完整 / the table is not closed before the end of the input; it may be incomplete",
        start: table.start,
        end: table.end,
      });
    }
  }

  /** A table that is not report content: one block per row of one-line cells, else one block per cell. */
  private readRowsAsNarrative(read: Array<ReadCell[] | null>, cellRows: HtmlElement[][], ctx: Context): void {
    read.forEach((row, r) => {
      const filled = row ? row.filter((c) => c.cell.text !== "" && !c.linkOnly) : [];
      if (filled.length === 0) return;
      if (filled.every((c) => !c.multiline)) {
        this.flush();
        const first = filled[0]!.cell;
        const last = filled[filled.length - 1]!.cell;
        this.addBlock({ text: filled.map((c) => c.cell.text).join(" "), start: first.start, end: last.end });
        return;
      }
      for (const cell of cellRows[r] ?? []) this.readContainer(cell, ctx);
    });
  }
}

/** The cells of a row; anything else in the row is handed to `stray` (browsers show it before the table). */
function cellElements(tr: HtmlElement, stray: (node: HtmlNode) => void): HtmlElement[] {
  const cells: HtmlElement[] = [];
  for (const child of tr.children) {
    if (child.kind === "element" && (child.name === "td" || child.name === "th")) cells.push(child);
    else stray(child);
  }
  return cells;
}

function widestRow(cellRows: HtmlElement[][]): number {
  let widest = 0;
  for (const cells of cellRows) widest = Math.max(widest, cells.length);
  return widest;
}

function containsTable(el: HtmlElement): boolean {
  for (const child of el.children) {
    if (child.kind !== "element") continue;
    if (child.name === "table" || containsTable(child)) return true;
  }
  return false;
}

/** Word's spacer row: `<tr height=0>` of empty cells. */
function isSpacerRow(tr: HtmlElement, cells: HtmlElement[]): boolean {
  return tr.attrs.height?.trim() === "0" && cells.length > 0 && cells.every((td) => !hasVisibleText(td));
}

function hasVisibleText(el: HtmlElement): boolean {
  const buffer = new HtmlTextBuffer();
  collectCellText(el, buffer);
  return !buffer.empty;
}

function readCell(td: HtmlElement): ReadCell {
  const buffer = new HtmlTextBuffer();
  collectCellText(td, buffer);
  const span = buffer.take();
  const rowSpan = parseSpan(td.attrs.rowspan, MAX_ROW_SPAN);
  const colSpan = parseSpan(td.attrs.colspan, MAX_COL_SPAN);
  if (!span) return { cell: { text: "", rowSpan, colSpan, start: td.start, end: td.end }, multiline: false, linkOnly: false };
  return {
    cell: { text: span.text, rowSpan, colSpan, start: span.start, end: span.end },
    multiline: span.multiline,
    linkOnly: span.linkOnly,
  };
}

/** All text inside an element: inline markup dropped, blocks and `<br>` as line breaks, hidden and non-text content skipped. */
function collectCellText(el: HtmlElement, buffer: HtmlTextBuffer, inLink = false): void {
  for (const child of el.children) {
    if (child.kind === "text") {
      buffer.add(child.text, child.start, child.end, inLink);
      continue;
    }
    const role = elementRole(child);
    if (role === "skip" || role === "title" || role === "head" || isHiddenElement(child)) continue;
    if (role === "break") {
      buffer.lineBreak();
      continue;
    }
    const isBlock = role === "block" || role === "table";
    if (isBlock) buffer.lineBreak();
    collectCellText(child, buffer, inLink || isNavigationLink(child));
    if (isBlock) buffer.lineBreak();
  }
}

/**
 * A rowspan/colspan attribute as HTML reads it: leading digits after optional spaces
 * (`"2"`, `" 3px"` → 3); absent, junk or 0 → 1; capped at `max`.
 */
export function parseSpan(value: string | undefined, max: number): number {
  if (value === undefined) return 1;
  let i = 0;
  while (i < value.length && value.charCodeAt(i) <= 32) i++;
  if (value[i] === "+") i++;
  let n = 0;
  let digits = 0;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = Math.min(n * 10 + (c - 48), max);
    digits++;
  }
  return digits === 0 || n < 1 ? 1 : n;
}

/**
 * Mark tables whose text holds report words, and every element around them.
 * Returns the elements around every such table (outermost first), or `null` when there is none.
 */
function markReportTables(
  el: HtmlElement,
  ancestors: HtmlElement[],
  marked: Set<HtmlElement>,
  common: HtmlElement[] | null,
): HtmlElement[] | null {
  let shared = common;
  for (const child of el.children) {
    if (child.kind !== "element") continue;
    if (child.name === "table" && hasReportWords(child)) {
      marked.add(child);
      for (const a of ancestors) marked.add(a);
      shared = shared === null ? [...ancestors] : commonPrefix(shared, ancestors);
    }
    ancestors.push(child);
    shared = markReportTables(child, ancestors, marked, shared);
    ancestors.pop();
  }
  return shared;
}

function commonPrefix(a: HtmlElement[], b: HtmlElement[]): HtmlElement[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | null {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i]!;
  return null;
}

function hasReportWords(table: HtmlElement): boolean {
  const text = visibleText(table);
  return REPORT_WORDS.some((w) => text.includes(w));
}

/** The element's text without any whitespace (so `自 然 人` matches 自然人). */
function visibleText(el: HtmlElement): string {
  let out = "";
  for (const child of el.children) {
    if (child.kind === "text") out += withoutSpaces(child.text);
    else if (elementRole(child) !== "skip") out += visibleText(child);
  }
  return out;
}

function withoutSpaces(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x3000) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return out + s.slice(from);
}
