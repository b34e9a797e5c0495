/**
 * Label normalisation: what is left of a label once width, spacing,
 * punctuation and numbering no longer matter.
 */
import { toHalfWidth } from "../text/cell-value.js";
import { boundedMemo } from "../text/bounded-memo.js";

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|[(（]?\d+[)）]|\d+[、.．])/;

/** Width-folded, without whitespace; brackets and quotes unified. */
export function foldLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[“”"‘’']/g, "\"")
    .replace(/[〔［]/g, "[")
    .replace(/[〕］]/g, "]");
}

/** The meaning-bearing characters of a label: folded, numbering and punctuation removed. */
export function labelKey(text: string): string {
  return keyMemo.get(text, computeLabelKey);
}

// labels repeat across rows, templates and reports; long narrative text does not
const keyMemo = boundedMemo<string>(4_000);

function computeLabelKey(text: string): string {
  let s = foldLabel(text);
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, "");
}
