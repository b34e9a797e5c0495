/**
 * The narrative of a PDF as blocks: lines of one paragraph joined (a line that runs
 * to the right margin continues on the next line when that one is not indented), the
 * lines of a title in large type joined, headings on their own.
 */
import { headingOf } from "../template/headings.js";
import type { TextBlock } from "../tokenize/types.js";
import type { PageLine } from "./page-lines.js";

function lineSize(line: PageLine): number {
  let size = 0;
  for (const f of line.fragments) size = Math.max(size, f.size);
  return size;
}

function lineX0(line: PageLine): number {
  return line.fragments[0]?.x0 ?? 0;
}

function lineX1(line: PageLine): number {
  return line.fragments[line.fragments.length - 1]?.x1 ?? 0;
}

/** The size most of the text is set in (by characters). */
function bodySize(lines: readonly PageLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) for (const f of line.fragments) {
    const key = Math.round(f.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + f.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

interface Margins {
  left: number;
  right: number;
}

/** Left and right text margins of each page, from its lines in the body size. */
function pageMargins(lines: readonly PageLine[], body: number): Map<number, Margins> {
  const out = new Map<number, Margins>();
  for (const line of lines) {
    if (Math.abs(lineSize(line) - body) > 0.1 * body) continue;
    const m = out.get(line.page) ?? { left: Infinity, right: -Infinity };
    m.left = Math.min(m.left, lineX0(line));
    m.right = Math.max(m.right, lineX1(line));
    out.set(line.page, m);
  }
  return out;
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.1 * Math.max(a, b);
}

/**
 * Group narrative lines into blocks.
 *
 * @param narrative - the lines outside tables, in document order
 * @param all - every line of the document, in order (to know which lines are adjacent)
 */
export function narrativeBlocks(narrative: readonly PageLine[], all: readonly PageLine[]): TextBlock[] {
  const body = bodySize(narrative);
  const margins = pageMargins(narrative, body);
  const order = new Map(all.map((l, i) => [l, i]));
  const blocks: TextBlock[] = [];
  let prev: PageLine | null = null;
  let seenHeading = false;
  for (const line of narrative) {
    const heading = headingOf(line.text) !== null;
    const joined = prev !== null && !heading && continues(prev, line, body, margins, order, seenHeading);
    const last = blocks[blocks.length - 1];
    if (joined && last) {
      const glue = /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(line.text) ? " " : "";
      last.text += glue + line.text;
      last.end = line.end;
    } else {
      blocks.push({ text: line.text, start: line.start, end: line.end });
    }
    if (heading) seenHeading = true;
    prev = line;
  }
  return blocks;
}

function continues(
  prev: PageLine,
  line: PageLine,
  body: number,
  margins: Map<number, Margins>,
  order: Map<PageLine, number>,
  seenHeading: boolean,
): boolean {
  if ((order.get(line) ?? 0) !== (order.get(prev) ?? 0) + 1) return false;
  const size = lineSize(line);
  if (!sameSize(size, lineSize(prev))) return false;
  if (line.page === prev.page && line.y0 - prev.y1 > 2.5 * size) return false;
  if (line.page !== prev.page && line.page !== prev.page + 1) return false;
  if (!seenHeading && size >= 1.15 * body) return true;
  const m = margins.get(line.page);
  const pm = margins.get(prev.page);
  if (!m || !pm) return false;
  return lineX1(prev) >= pm.right - 2 * size && lineX0(line) <= m.left + 0.5 * size;
}
