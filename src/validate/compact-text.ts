/**
 * Narrative text as `narrative-mismatch` reads it: full-width characters folded and
 * whitespace removed, each character mapped back to its offset in the original.
 */
import { halfWidthCode } from "../tables/cell-value.js";

/** A text with its whitespace removed and digits/punctuation folded, mapped back to the original. */
export interface CompactText {
  text: string;
  /**
   * Where the offset into the original changes: from compact character `runStarts[k]` on,
   * the original offset is the compact one plus `runShifts[k]` (see {@link originOf}).
   */
  runStarts: number[];
  runShifts: number[];
}

/**
 * `toHalfWidth(raw)` without the characters `/\s/` matches, in one pass over the code units
 * (folding keeps every unit at its offset, so offsets into the folded text are offsets into `raw`).
 */
export function compact(raw: string): CompactText {
  const codes = scratchCodes(raw.length);
  const runStarts = [0];
  const runShifts = [0];
  let length = 0;
  let skipped = false;
  for (let i = 0; i < raw.length; i++) {
    const c = halfWidthCode(raw.charCodeAt(i));
    if (isWhitespaceCode(c)) {
      skipped = true;
      continue;
    }
    if (skipped) {
      runStarts.push(length);
      runShifts.push(i - length);
      skipped = false;
    }
    codes[length++] = c;
  }
  return { text: stringOf(codes, length), runStarts, runShifts };
}

/** The offset in the original text of compact character `index`. */
export function originOf(compacted: CompactText, index: number): number {
  const { runStarts, runShifts } = compacted;
  let lo = 0;
  let hi = runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return index + runShifts[lo]!;
}

/** True for the UTF-16 code units `/\s/` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The code units of the text being compacted; never escapes `compact` (its string is a copy). */
let codeBuffer = new Uint16Array(4096);

function scratchCodes(length: number): Uint16Array {
  if (codeBuffer.length < length) codeBuffer = new Uint16Array(Math.max(length, codeBuffer.length * 2));
  return codeBuffer;
}

/** Code units per `String.fromCharCode` call (well below any engine's argument limit). */
const CHUNK = 4096;

function stringOf(codes: Uint16Array, length: number): string {
  let text = "";
  for (let i = 0; i < length; i += CHUNK) {
    const chunk = codes.subarray(i, Math.min(length, i + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}
