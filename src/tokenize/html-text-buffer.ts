/**
 * Collecting the text of a cell, a paragraph or a title from HTML text nodes:
 * decoded text with whitespace collapsed, and the source offsets of its first
 * and last visible character.
 */

/** Text read from HTML, with the offsets of its visible characters in the source. */
export interface HtmlTextSpan {
  text: string;
  start: number;
  end: number;
  /** True when every visible character came from inside a link (`<a href>`). */
  linkOnly: boolean;
  /** True when a line break (`<br>`, a paragraph inside a cell) separated visible text. */
  multiline: boolean;
}

const VISIBLE = 0;
const SPACE = 1;
const BREAK = 2;
const INVISIBLE = 3;

/** How a UTF-16 code unit behaves in collapsed text. */
function charClass(c: number): number {
  if (c > 0x20 && c < 0x7f) return VISIBLE;
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return BREAK;
  if (c <= 0x20 || c === 0x7f || c === 0xa0 || c === 0x1680 || c === 0x3000 || c === 0x202f || c === 0x205f) return SPACE;
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) return INVISIBLE;
  return VISIBLE;
}

/** Characters between which a line break disappears: CJK ideographs, kana, full-width forms and CJK punctuation. */
function isCjkLike(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0xd7ff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2010 && c <= 0x2027)
  );
}

/**
 * Collapse the whitespace of text read from HTML: runs of spaces become one
 * space; a run holding a line break between two CJK characters disappears
 * (so `结果<br>维持` reads 结果维持, and a source line wrapped inside a
 * Chinese sentence joins up, as CSS drops segment breaks between East Asian
 * characters); zero-width characters vanish; the ends are trimmed.
 */
export function collapseHtmlWhitespace(raw: string): string {
  let out = "";
  let i = 0;
  const n = raw.length;
  while (i < n && charClass(raw.charCodeAt(i)) !== VISIBLE) i++;
  let runStart = i;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (charClass(c) === VISIBLE) {
      i++;
      continue;
    }
    out += raw.slice(runStart, i);
    let j = i;
    let space = false;
    let lineBreak = false;
    for (; j < n; j++) {
      const k = charClass(raw.charCodeAt(j));
      if (k === VISIBLE) break;
      if (k === SPACE) space = true;
      else if (k === BREAK) lineBreak = true;
    }
    if (j < n && (space || lineBreak)) {
      const joinCjk = lineBreak && isCjkLike(raw.charCodeAt(i - 1)) && isCjkLike(raw.charCodeAt(j));
      if (!joinCjk) out += " ";
    }
    i = j;
    runStart = j;
  }
  return out + raw.slice(runStart, i);
}

function hasBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (charClass(text.charCodeAt(i)) === BREAK) return true;
  return false;
}

/**
 * Accumulates text nodes and line breaks; `take()` returns the collapsed text and resets.
 * A text node that is only whitespace (the indentation between tags) counts as a
 * plain space, so separate elements never join; line breaks inside a text node,
 * and `lineBreak()`, join between CJK characters.
 */
export class HtmlTextBuffer {
  private raw = "";
  private first = -1;
  private last = -1;
  private plain = false;
  private visibleSinceBreak = false;
  private pendingBreak = false;
  private multiline = false;

  /** Add a text node's text; `start`/`end` locate it in the source (an entity's text is shorter than its source). */
  add(text: string, start: number, end: number, inLink: boolean): void {
    const verbatim = text.length === end - start;
    let a = -1;
    let b = -1;
    for (let i = 0; i < text.length; i++) {
      if (charClass(text.charCodeAt(i)) === VISIBLE) {
        if (a < 0) a = i;
        b = i;
      }
    }
    if (a < 0) {
      // whitespace between elements renders as one space, whatever line breaks it holds
      this.raw += hasBreak(text) ? " " : text;
      return;
    }
    this.raw += text;
    if (this.pendingBreak && this.visibleSinceBreak) this.multiline = true;
    this.pendingBreak = false;
    this.visibleSinceBreak = true;
    if (this.first < 0) this.first = verbatim ? start + a : start;
    this.last = verbatim ? start + b + 1 : end;
    if (!inLink) this.plain = true;
  }

  /** A line break inside the text (`<br>`, or a paragraph boundary inside a cell). */
  lineBreak(): void {
    this.raw += "\n";
    if (this.visibleSinceBreak) this.pendingBreak = true;
  }

  /** True when no visible character was added since the last `take()`. */
  get empty(): boolean {
    return this.first < 0;
  }

  /** The collapsed text and its offsets, or `null` when there is no visible text; resets the buffer. */
  take(): HtmlTextSpan | null {
    const span: HtmlTextSpan | null =
      this.first < 0
        ? null
        : {
            text: collapseHtmlWhitespace(this.raw),
            start: this.first,
            end: this.last,
            linkOnly: !this.plain,
            multiline: this.multiline,
          };
    this.raw = "";
    this.first = -1;
    this.last = -1;
    this.plain = false;
    this.visibleSinceBreak = false;
    this.pendingBreak = false;
    this.multiline = false;
    return span;
  }
}
