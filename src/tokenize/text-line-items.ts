/**
 * One line of PDF-extracted text read as table material: the label fragments
 * it holds (with their column in the line) and the run of values that ends it.
 */
import type { Span } from "../types.js";
import { readCellValue, toHalfWidth } from "../text/cell-value.js";
import type { Line } from "./lines.js";

/** A piece of label text on one line, with offsets into the input and its column in the line. */
export interface Fragment extends Span {
  text: string;
  /** Offset of the fragment from the start of its line, in UTF-16 code units. */
  column: number;
}

/** A line split into label fragments and the values that end it. */
export interface LineItem {
  /** Position of the line among the table's lines (blank lines and page footers not counted). */
  index: number;
  line: Line;
  labels: Fragment[];
  /** The numbers (and blank markers such as `/` or `—`) at the end of the line, one per cell. */
  values: Fragment[];
}

/**
 * How words make fragments: `flat` text separates cells by single spaces (every word is a
 * fragment); `aligned` text separates columns by runs of two or more spaces (words one space
 * apart stay together).
 */
export type FragmentMode = "flat" | "aligned";

/** A word of a line. */
export interface Word extends Fragment {
  /** Spaces between this word and the previous one (Infinity for the first word). */
  gap: number;
}

const BLANK_WORDS = new Set(["/", "／", "—", "——", "-", "－", "–", "\\"]);
const NUMBERING_START = /^\s*(?:[(][一二三四五六七八九十]{1,3}[)]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.](?!\d)|[(]\d{1,2}[)])/;

/** A bracketed numeral cut by a line break: `（四` (its `）` is on the next line). */
const NUMBERING_CUT = /^\s*[(][一二三四五六七八九十]{1,3}\s*$/;

/** True when a label starts with a numbering marker: `一、`, `（三）`, `1.`, `2、`, `(4)`, or is a cut `（四`. */
export function startsWithNumbering(text: string): boolean {
  const t = toHalfWidth(text);
  return NUMBERING_START.test(t) || NUMBERING_CUT.test(t);
}

/** What a word is as a cell value: a number, a blank marker, or neither. */
export function valueKind(text: string): "number" | "blank" | null {
  if (BLANK_WORDS.has(text)) return "blank";
  // a number has a digit (ASCII or full-width) and does not start with a Han character;
  // most words of a line are text
  if (!hasDigit(text) || isHanCode(text.charCodeAt(0))) return null;
  return readCellValue(text).kind === "number" ? "number" : null;
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/** What separates words: space, tab, ideographic space, no-break space. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

function wordsOf(line: Line): Word[] {
  const words: Word[] = [];
  const t = line.text;
  let i = 0;
  let lastEnd = -1;
  while (i < t.length) {
    while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
    if (i >= t.length) break;
    const from = i;
    while (i < t.length && !isSpaceCode(t.charCodeAt(i))) i++;
    words.push({
      text: t.slice(from, i),
      start: line.start + from,
      end: line.start + i,
      column: from,
      gap: lastEnd < 0 ? Infinity : from - lastEnd,
    });
    lastEnd = i;
  }
  return words;
}

function joinWords(line: Line, words: readonly Word[]): Fragment {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return {
    text: line.text.slice(first.start - line.start, last.end - line.start),
    start: first.start,
    end: last.end,
    column: first.column,
  };
}

/** Group the label words of a line into fragments: every word in flat text, words less than two spaces apart in aligned text. */
function fragmentsOf(line: Line, words: readonly Word[], mode: FragmentMode): Fragment[] {
  const groups: Word[][] = [];
  for (const w of words) {
    const current = groups[groups.length - 1];
    if (current && mode === "aligned" && w.gap < 2) current.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => joinWords(line, g));
}

/**
 * Split one line into label fragments and its trailing values.
 * A run made only of blank markers counts as values when it is the whole line, when it has
 * two or more markers, or when `acceptBlankRun` says the label before it is a table label
 * (otherwise a `-` or `/` after some text stays text).
 */
export function lineItem(
  line: Line,
  index: number,
  mode: FragmentMode,
  acceptBlankRun: (label: string) => boolean = () => false,
): LineItem {
  return itemOfWords(lineWords(line, acceptBlankRun), index, mode);
}

/** The part of {@link lineItem} that is the same in every mode: the line's words and where its values start. */
export interface LineWords {
  line: Line;
  words: readonly Word[];
  /** Index of the first value word (`words.length` when the line ends in no value). */
  cut: number;
  /** How many of the values are numbers (the others are blank markers). */
  numbers: number;
}

/**
 * False when {@link lineWords} surely finds no number in the line: its last word is neither a
 * number nor a blank marker (values are read from the end). Reads only the last word.
 */
export function mayEndInNumbers(line: Line): boolean {
  const t = line.text;
  let end = t.length;
  while (end > 0 && isSpaceCode(t.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpaceCode(t.charCodeAt(start - 1))) start--;
  return start < end && valueKind(t.slice(start, end)) !== null;
}

/** Read a line's words and its trailing values, as {@link lineItem} does. */
export function lineWords(line: Line, acceptBlankRun: (label: string) => boolean = () => false): LineWords {
  const words = wordsOf(line);
  let cut = words.length;
  let numbers = 0;
  while (cut > 0) {
    const kind = valueKind(words[cut - 1]!.text);
    if (kind === null) break;
    if (kind === "number") numbers++;
    cut--;
  }
  if (numbers === 0 && cut < words.length) {
    // markers alone on a line, or two or more ("— — — —"), are blank cells; one marker after a label only after a table label
    const label = words.slice(0, cut).map((w) => w.text).join("");
    const accepted = cut === 0 || words.length - cut >= 2 || acceptBlankRun(label);
    if (!accepted) cut = words.length;
  }
  return { line, words, cut, numbers };
}

/**
 * The text of a line's one label when the line is that label alone, as the {@link LineItem}
 * of `mode` has it (one fragment, no values); null otherwise. Builds no item.
 */
export function soleLabel({ line, words, cut }: LineWords, mode: FragmentMode): string | null {
  if (cut === 0 || cut < words.length) return null;
  // flat text makes every word a fragment; aligned text joins words less than two spaces apart
  for (let i = 1; i < words.length; i++) if (mode === "flat" || words[i]!.gap >= 2) return null;
  return joinWords(line, words).text;
}

/** The {@link LineItem} of a line read by {@link lineWords}, its labels grouped by `mode`. */
export function itemOfWords({ line, words, cut }: LineWords, index: number, mode: FragmentMode): LineItem {
  const values: Fragment[] = words.slice(cut).map(({ gap: _gap, ...f }) => f);
  const labels = cut > 0 ? fragmentsOf(line, words.slice(0, cut), mode) : [];
  return { index, line, labels, values };
}
