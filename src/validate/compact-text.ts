/**
 * Narrative text as `narrative-mismatch` reads it: full-width characters folded and
 * whitespace removed, each character mapped back to its offset in the original.
 */
import { halfWidthCode } from "../tables/cell-value.js";

/** A text with its whitespace removed and digits/punctuation folded, mapped back to the original. */
export interface CompactText {
  text: string;
  /** `origin[i]` is the offset in the original text of compact character `i`. */
  origin: Int32Array;
}

/**
 * `toHalfWidth(raw)` without the characters `/\s/` matches, in one pass over the code units
 * (folding keeps every unit at its offset, so offsets into the folded text are offsets into `raw`).
 */
export function compact(raw: string): CompactText {
  const codes = new Uint16Array(raw.length);
  const origin = new Int32Array(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = halfWidthCode(raw.charCodeAt(i));
    if (isWhitespaceCode(c)) continue;
    codes[length] = c;
    origin[length++] = i;
  }
  return { text: stringOf(codes, length), origin: origin.subarray(0, length) };
}

/** True for the UTF-16 code units `/\s/` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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
