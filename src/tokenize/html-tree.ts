/**
 * A light HTML tree with source offsets, built from htmlparser2's tokenizer.
 *
 * htmlparser2 reads the tokens (tags, attributes, text, entities, comments,
 * raw-text elements); this module nests them. The nesting follows the browser's
 * rules where they matter for report pages: an end tag never closes a table or a
 * cell it is not inside of (a stray `</div>` or `</span>` in a cell is ignored, as
 * browsers do), `<td>`/`<tr>` close the open cell or row of their own table,
 * a cell without a row gets an implied row, block tags close an open `<p>`, and
 * content that cannot be in `<head>` ends it.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from "htmlparser2";

/** An element: lower-case name, the attributes the readers use, children, offsets. */
export interface HtmlElement {
  kind: "element";
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  /** Offset of the `<` of the start tag (of the token that implied the element, for implied ones). */
  start: number;
  /** Offset after the end tag, or where the element was implicitly closed. */
  end: number;
  /** How the element ended: its own end tag (or a void/self-closed tag), implied by another tag, or the end of the input. */
  closed: "tag" | "implied" | "eof";
}

/** A run of text. `text` is decoded; when it came from an entity, `end - start` differs from its length. */
export interface HtmlText {
  kind: "text";
  text: string;
  start: number;
  end: number;
}

/** A node of the tree. */
export type HtmlNode = HtmlElement | HtmlText;

/** Attributes kept on elements (the others are dropped while parsing). */
const KEPT_ATTRIBUTES = ["class", "id", "role", "rowspan", "colspan", "href", "style", "height", "hidden"] as const;

/**
 * The kept attribute named by `source[start, end)` (ASCII case-insensitively), or `null`:
 * compared in place, as pages carry thousands of attributes and few are kept.
 */
function keptAttributeName(source: string, start: number, end: number): string | null {
  const length = end - start;
  for (const name of KEPT_ATTRIBUTES) {
    if (name.length !== length) continue;
    let i = 0;
    while (i < length && (source.charCodeAt(start + i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === length) return name;
  }
  return null;
}

const VOID_ELEMENTS = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input",
  "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

const HEAD_CONTENT = new Set(["title", "meta", "link", "style", "script", "base", "noscript", "template", "basefont", "bgsound"]);

const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "form", "header", "hgroup", "main", "menu", "nav", "ol", "p", "section",
  "summary", "ul", "pre", "listing", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "xmp",
]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Elements of a table's structure. */
const TABLE_PARTS = new Set(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"]);
const TABLE_SECTIONS = new Set(["tbody", "thead", "tfoot"]);

/** An end tag of a table part looks no further than its own table. */
const TABLE_SCOPE = new Set(["table", "html", "template"]);
/** Any other end tag looks no further than the cell or table it is in. */
const DEFAULT_SCOPE = new Set(["td", "th", "table", "caption", "html", "template", "applet", "marquee", "object"]);
const BUTTON_SCOPE = new Set([...DEFAULT_SCOPE, "button"]);
const LIST_SCOPE = new Set([...DEFAULT_SCOPE, "ul", "ol"]);

/** Nesting deeper than this is flattened (guards the recursive readers). */
export const MAX_TREE_DEPTH = 400;

/**
 * Parse HTML into a tree rooted at a `#root` element spanning the whole input.
 * Never throws on any string.
 *
 * @example
 * ```ts
 * const root = parseHtmlTree("<table><tr><td>1</td></tr></table>");
 * root.children[0].name // "table"
 * ```
 */
export function parseHtmlTree(source: string): HtmlElement {
  const builder = new TreeBuilder(source);
  const tokenizer = new Tokenizer({ decodeEntities: true }, builder);
  tokenizer.write(source);
  tokenizer.end();
  return builder.root;
}

function element(name: string, start: number, end: number): HtmlElement {
  return { kind: "element", name, attrs: {}, children: [], start, end, closed: "eof" };
}

/** Receives htmlparser2's tokens and nests them. */
class TreeBuilder implements TokenizerCallbacks {
  readonly root: HtmlElement;
  private readonly stack: HtmlElement[];
  private pending: HtmlElement | null = null;
  private attrName = "";
  private attrValue = "";
  /** Where the last token ended: an entity's text starts here. */
  private lastEnd = 0;
  private foreignDepth = 0;

  constructor(private readonly source: string) {
    this.root = element("#root", 0, source.length);
    this.stack = [this.root];
  }

  private get current(): HtmlElement {
    return this.stack[this.stack.length - 1]!;
  }

  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }

  onopentagname(start: number, endIndex: number): void {
    const lt = this.source.lastIndexOf("<", start);
    this.pending = element(this.source.slice(start, endIndex).toLowerCase(), lt < 0 ? start : lt, endIndex);
    this.lastEnd = endIndex;
  }

  onattribname(start: number, endIndex: number): void {
    const name = keptAttributeName(this.source, start, endIndex);
    const el = this.pending;
    // only the first of the kept attributes is read; the values of the others are skipped
    this.attrName = el && name !== null && !(name in el.attrs) ? name : "";
    this.attrValue = "";
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attrName !== "") this.attrValue += this.source.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    if (this.attrName !== "") this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(_quote: QuoteType, endIndex: number): void {
    const el = this.pending;
    if (el && this.attrName !== "") el.attrs[this.attrName] = this.attrValue;
    this.attrName = "";
    this.attrValue = "";
    this.lastEnd = endIndex;
  }

  onopentagend(endIndex: number): void {
    this.lastEnd = endIndex + 1;
    this.openPending(endIndex + 1, false);
  }

  onselfclosingtag(endIndex: number): void {
    this.lastEnd = endIndex + 1;
    this.openPending(endIndex + 1, this.foreignDepth > 0);
  }

  onclosetag(start: number, endIndex: number): void {
    const gt = this.source.indexOf(">", endIndex);
    const tagEnd = gt < 0 ? this.source.length : gt + 1;
    const lt = this.source.lastIndexOf("<", start);
    const tagStart = lt < 0 ? start : lt;
    this.lastEnd = tagEnd;
    this.endTag(this.source.slice(start, endIndex).toLowerCase(), tagStart, tagEnd);
  }

  ontext(start: number, endIndex: number): void {
    this.lastEnd = endIndex;
    this.addText(this.source.slice(start, endIndex), start, endIndex);
  }

  ontextentity(codepoint: number, endIndex: number): void {
    const start = this.lastEnd;
    this.lastEnd = endIndex;
    this.addText(String.fromCodePoint(codepoint), start, endIndex);
  }

  oncomment(_start: number, endIndex: number): void {
    this.lastEnd = endIndex + 1;
  }

  oncdata(_start: number, endIndex: number): void {
    this.lastEnd = endIndex + 1;
  }

  ondeclaration(_start: number, endIndex: number): void {
    this.lastEnd = endIndex + 1;
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.lastEnd = endIndex + 1;
  }

  onend(): void {
    this.pending = null;
    this.popTo(1, this.source.length, "eof");
  }

  private addText(text: string, start: number, end: number): void {
    if (this.current.name === "head" && hasVisibleChar(text)) this.popTo(this.stack.length - 1, start, "implied");
    const children = this.current.children;
    const last = children[children.length - 1];
    const raw = text.length === end - start;
    if (raw && last && last.kind === "text" && last.end === start && last.text.length === last.end - last.start) {
      last.text += text;
      last.end = end;
      return;
    }
    children.push({ kind: "text", text, start, end });
  }

  private openPending(tagEnd: number, selfClosed: boolean): void {
    const el = this.pending;
    this.pending = null;
    if (!el) return;
    el.end = tagEnd;
    if (!this.prepareFor(el)) return;
    if (this.stack.length >= MAX_TREE_DEPTH) return;
    this.current.children.push(el);
    if (VOID_ELEMENTS.has(el.name) || selfClosed) {
      el.closed = "tag";
      return;
    }
    this.stack.push(el);
    if (el.name === "svg" || el.name === "math") this.foreignDepth++;
  }

  /** Close what a start tag implies closed; false when the tag is ignored (as browsers do). */
  private prepareFor(el: HtmlElement): boolean {
    const name = el.name;
    const at = el.start;
    if (this.current.name === "head" && !HEAD_CONTENT.has(name)) this.popTo(this.stack.length - 1, at, "implied");
    if (name === "html" || name === "head" || name === "body") return !this.isOpen(name);
    if (name === "td" || name === "th") return this.prepareCell(at);
    if (name === "tr") return this.prepareTablePart(at, ["td", "th", "caption", "colgroup", "tr"]);
    if (TABLE_SECTIONS.has(name) || name === "caption" || name === "colgroup") {
      return this.prepareTablePart(at, ["td", "th", "caption", "colgroup", "tr", "tbody", "thead", "tfoot"]);
    }
    if (name === "table") this.closeTableInTableBody(at);
    if (CLOSES_P.has(name)) this.closeOpen("p", BUTTON_SCOPE, at);
    if (HEADINGS.has(name) && HEADINGS.has(this.current.name)) this.popTo(this.stack.length - 1, at, "implied");
    if (name === "li") this.closeOpen("li", LIST_SCOPE, at);
    if (name === "dd" || name === "dt") {
      this.closeOpen("dd", DEFAULT_SCOPE, at);
      this.closeOpen("dt", DEFAULT_SCOPE, at);
    }
    if (name === "a") this.closeOpen("a", DEFAULT_SCOPE, at);
    return true;
  }

  /** A cell closes the open cell of its table; a cell directly in a table or section gets an implied row. */
  private prepareCell(at: number): boolean {
    for (;;) {
      const i = this.tableContext();
      if (i < 0) return false;
      const ctx = this.stack[i]!.name;
      if (ctx === "td" || ctx === "th" || ctx === "caption" || ctx === "colgroup") {
        this.popTo(i, at, "implied");
        continue;
      }
      this.popTo(i + 1, at, "implied");
      if (ctx === "tr") return true;
      const row = element("tr", at, at);
      this.current.children.push(row);
      this.stack.push(row);
      return true;
    }
  }

  /** A row, section or caption closes the open parts of its table listed in `closes`. */
  private prepareTablePart(at: number, closes: readonly string[]): boolean {
    for (;;) {
      const i = this.tableContext();
      if (i < 0) return false;
      if (closes.includes(this.stack[i]!.name)) {
        this.popTo(i, at, "implied");
        continue;
      }
      this.popTo(i + 1, at, "implied");
      return true;
    }
  }

  /** A `<table>` written directly in a table's structure (not in a cell) closes that table. */
  private closeTableInTableBody(at: number): void {
    const i = this.tableContext();
    if (i < 0) return;
    const ctx = this.stack[i]!.name;
    if (ctx === "td" || ctx === "th" || ctx === "caption") return;
    for (let j = i; j >= 1; j--) {
      if (this.stack[j]!.name === "table") {
        this.popTo(j, at, "implied");
        return;
      }
    }
  }

  private endTag(name: string, tagStart: number, tagEnd: number): void {
    if (name === "br") {
      const br = element("br", tagStart, tagEnd);
      br.closed = "tag";
      this.current.children.push(br);
      return;
    }
    if (name === "html" || name === "body") return;
    const i = this.findOpen(name, TABLE_PARTS.has(name) ? TABLE_SCOPE : DEFAULT_SCOPE);
    if (i < 0) {
      if (name === "p") {
        const p = element("p", tagStart, tagEnd);
        p.closed = "tag";
        this.current.children.push(p);
      }
      return;
    }
    this.popTo(i + 1, tagStart, "implied");
    this.popTo(i, tagEnd, "tag");
  }

  /** Index of the nearest open element named `name`, not looking past an element of `scope`. */
  private findOpen(name: string, scope: ReadonlySet<string>): number {
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (n === name) return i;
      if (scope.has(n)) return -1;
    }
    return -1;
  }

  private isOpen(name: string): boolean {
    for (let i = this.stack.length - 1; i >= 1; i--) if (this.stack[i]!.name === name) return true;
    return false;
  }

  private closeOpen(name: string, scope: ReadonlySet<string>, at: number): void {
    const i = this.findOpen(name, scope);
    if (i >= 1) this.popTo(i, at, "implied");
  }

  /** Index of the nearest open table part (-1 outside tables). */
  private tableContext(): number {
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (TABLE_PARTS.has(n)) return i;
      if (n === "html" || n === "template") return -1;
    }
    return -1;
  }

  /** Close elements until the stack has `depth` entries; each closed element ends at `at`. */
  private popTo(depth: number, at: number, how: HtmlElement["closed"]): void {
    while (this.stack.length > Math.max(depth, 1)) {
      const el = this.stack.pop()!;
      el.end = Math.max(at, el.start);
      el.closed = how;
      if (el.name === "svg" || el.name === "math") this.foreignDepth--;
    }
  }
}

function hasVisibleChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return true;
  }
  return false;
}
