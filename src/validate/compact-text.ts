/**
 * Narrative text as `narrative-mismatch` reads it: full-width characters folded and
 * whitespace removed, each character mapped back to its offset in the original.
 */
import { halfWidthCode } from "../text/cell-value.js";
import { isWhitespaceCode, stringOfUnits } from "../text/code-units.js";

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
  return { text: stringOfUnits(codes.subarray(0, length)), runStarts, runShifts };
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


/** The code units of the text being compacted; never escapes `compact` (its string is a copy). */
let codeBuffer = new Uint16Array(4096);

function scratchCodes(length: number): Uint16Array {
  if (codeBuffer.length < length) codeBuffer = new Uint16Array(Math.max(length, codeBuffer.length * 2));
  return codeBuffer;
}
