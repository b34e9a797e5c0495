/**
 * Offsets to 1-based line and column numbers, for `file:line:column` output.
 */

/** A 1-based position in a text. */
export interface LineColumn {
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** Maps 0-based UTF-16 offsets of one text to lines and columns (`\n`, `\r\n` and `\r` end a line). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The line and column of an offset; offsets outside the text are clamped to it. */
  locate(offset: number): LineColumn {
    const at = Math.max(0, Math.min(Math.trunc(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo]! + 1 };
  }
}
