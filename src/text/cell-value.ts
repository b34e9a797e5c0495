/**
 * Reading one cell's text as a value: a number, a blank (`null`), or text.
 */
import { boundedMemo } from "./bounded-memo.js";

/** What a cell holds. */
export type CellValue =
  | { kind: "number"; value: number; unit?: string; note?: string }
  | { kind: "blank"; marker: string }
  | { kind: "text" };

const BLANK_MARKERS = new Set(["", "/", "／", "—", "——", "-", "--", "－", "–", "无", "不适用", "\\", "、"]);

const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u200b\u2212]/;

/** Full-width digits, signs and separators to ASCII; NBSP and ideographic spaces to plain spaces. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const half = halfWidthCode(c);
    out += half === c ? text[i] : String.fromCharCode(half);
  }
  return out;
}

/** {@link toHalfWidth} of one UTF-16 code unit (it maps each unit to one unit). */
export function halfWidthCode(c: number): number {
  if (c >= 0xff01) return c <= 0xff5e ? c - 0xfee0 : c;
  if (c < 0xa0 || c > 0x3000) return c;
  if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b) return 0x20;
  return c === 0x2212 ? 0x2d : c;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const UNIT = /^(万元|元|件|条|个|项|次|起|人次|户|份)$/;

/** Read a cell's text. Never throws. The result is shared between calls: do not mutate it. */
export function readCellValue(raw: string): CellValue {
  const plain = plainInteger(raw);
  if (plain !== null) return plain;
  return valueMemo.get(raw, readValue);
}

// cell texts repeat (labels, blanks, small numbers); long text does not
const valueMemo = boundedMemo<CellValue>(4_000);

/** A cell that is nothing but 1–15 ASCII digits (most value cells), read without regexes. */
function plainInteger(raw: string): CellValue | null {
  const n = raw.length;
  if (n === 0 || n > 15) return null;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return { kind: "number", value: Number(raw) };
}

function readValue(raw: string): CellValue {
  const text = toHalfWidth(raw).trim();
  if (BLANK_MARKERS.has(text)) return { kind: "blank", marker: text };
  const compact = text.replace(/\s+/g, "");
  const direct = parseNumber(compact);
  if (direct !== null) return { kind: "number", value: direct };
  // a number followed by a unit: "251000元", "18651.06万元"
  const withUnit = /^([+-]?[\d,]+(?:\.\d+)?)([^\d,.].*)$/.exec(compact);
  if (withUnit) {
    const value = parseNumber(withUnit[1]!);
    const rest = withUnit[2]!;
    if (value !== null && UNIT.test(rest)) return { kind: "number", value, unit: rest };
    // a number followed by a note in brackets: "22(其中修订16件)"
    if (value !== null && /^[(\[【]/.test(rest)) return { kind: "number", value, note: rest };
  }
  return { kind: "text" };
}

/** Parse a plain number (`1,234`, `+8`, `-3`, `0.0000`); `null` if it is not one. */
export function parseNumber(text: string): number | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const value = Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ?? ""}`);
  return Number.isFinite(value) ? value : null;
}

/** True when a cell's text reads as a number or a blank (a value cell, not a label). */
export function isValueText(raw: string): boolean {
  return readCellValue(raw).kind !== "text";
}

/** The number a cell holds, or null for a blank, a text or no cell at all. */
export function cellNumber(cell: { text: string } | null | undefined): number | null {
  if (!cell) return null;
  const v = readCellValue(cell.text);
  return v.kind === "number" ? v.value : null;
}
