/**
 * From the text pieces of a page to its visual lines: pieces whose heights overlap
 * stand on one line; neighbouring pieces with (almost) no gap between them are one
 * fragment (`1` `1` → `11`, `三` `、` → `三、`).
 */
import type { PositionedPage, PositionedText } from "./types.js";

/** A fragment of a line, with its offsets in the document text once they are assigned. */
export interface Fragment extends PositionedText {
  start: number;
  end: number;
}

/** A visual line of a page: fragments left to right. */
export interface PageLine {
  page: number;
  /** Top and bottom of the line on its page (points from the top). */
  y0: number;
  y1: number;
  fragments: Fragment[];
  /** The fragments' texts joined by single spaces. */
  text: string;
  /** Offsets of the line in the document text. */
  start: number;
  end: number;
}

/** A gap narrower than this share of the font size joins two pieces into one fragment. */
const JOIN_GAP = 0.3;
/** A gap wider than this share of the font size is kept as a space inside a fragment. */
const SPACE_GAP = 0.15;

function height(t: PositionedText): number {
  return Math.max(0.1, t.y1 - t.y0);
}

/** Share of the smaller height that two vertical intervals have in common. */
export function verticalOverlap(a: { y0: number; y1: number }, b: { y0: number; y1: number }): number {
  const common = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const smaller = Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return smaller <= 0 ? 0 : common / smaller;
}

/** Group pieces into lines by vertical overlap (at least half of the smaller height). */
function groupLines(items: readonly PositionedText[]): PositionedText[][] {
  const sorted = [...items].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  const lines: Array<{ y0: number; y1: number; items: PositionedText[] }> = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && verticalOverlap(last, item) >= 0.5) {
      last.items.push(item);
      last.y0 = Math.min(last.y0, item.y0);
      last.y1 = Math.max(last.y1, item.y1);
    } else {
      lines.push({ y0: item.y0, y1: item.y1, items: [item] });
    }
  }
  return lines.map((l) => l.items.sort((a, b) => a.x0 - b.x0));
}

/** Join neighbouring pieces of one line whose gap is small and whose baselines agree. */
function joinPieces(items: readonly PositionedText[]): PositionedText[] {
  const out: PositionedText[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const size = last ? Math.max(last.size, item.size) : item.size;
    const gap = last ? item.x0 - last.x1 : Infinity;
    const sameBaseline = last !== undefined && Math.abs(last.y1 - item.y1) < 0.3 * size;
    const similarSize = last !== undefined && Math.max(last.size, item.size) <= 1.35 * Math.min(last.size, item.size);
    if (last && sameBaseline && similarSize && gap < JOIN_GAP * size && gap > -0.5 * size) {
      last.text += (gap > SPACE_GAP * size ? " " : "") + item.text;
      last.x1 = Math.max(last.x1, item.x1);
      last.y0 = Math.min(last.y0, item.y0);
      last.y1 = Math.max(last.y1, item.y1);
    } else {
      out.push({ ...item });
    }
  }
  return out;
}

/**
 * The visual lines of one page, top to bottom, with fragments left to right.
 * Whitespace-only pieces are left out (their widths are unreliable in many PDFs).
 */
export function pageLines(page: PositionedPage): PageLine[] {
  const items = page.items.filter((t) => t.text.trim() !== "" && height(t) > 0);
  return groupLines(items).map((pieces) => {
    const fragments = joinPieces(pieces).map((p) => ({ ...p, text: p.text.trim(), start: 0, end: 0 }));
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const f of fragments) {
      y0 = Math.min(y0, f.y0);
      y1 = Math.max(y1, f.y1);
    }
    return { page: page.page, y0, y1, fragments, text: fragments.map((f) => f.text).join(" "), start: 0, end: 0 };
  });
}

/**
 * Lay the lines out as one text (fragments separated by a space, lines by a newline)
 * and give every line and fragment its offsets in it.
 */
export function assignOffsets(lines: readonly PageLine[]): string {
  const parts: string[] = [];
  let offset = 0;
  for (const line of lines) {
    line.start = offset;
    line.fragments.forEach((f, i) => {
      if (i > 0) offset += 1;
      f.start = offset;
      offset += f.text.length;
      f.end = offset;
    });
    line.end = offset;
    parts.push(line.text);
    offset += 1;
  }
  return parts.join("\n");
}
