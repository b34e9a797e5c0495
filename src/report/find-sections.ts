/**
 * The six sections of the template, found by their headings at the start of a block.
 * `四、结转下年度继续办理` is a row of table 3, not section 4: a heading must
 * carry its section's words.
 */
import type { Section } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { headingOf, type SectionNumber } from "../template/headings.js";

/** A heading found in a block. */
export interface HeadingHit {
  number: SectionNumber;
  block: number;
  /** Offset of the heading in the input. */
  start: number;
  heading: string;
}

/** All heading hits in document order. */
export function findHeadings(blocks: readonly TextBlock[]): HeadingHit[] {
  const hits: HeadingHit[] = [];
  blocks.forEach((b, i) => {
    const h = headingOf(b.text);
    if (h) hits.push({ ...h, block: i, start: b.start });
  });
  return hits;
}

/**
 * The report's sections from its headings: the first run of headings in increasing
 * order. A heading 一 that comes again after later sections starts a second copy of
 * the report, returned as `copyStart`.
 */
export function buildSections(
  blocks: readonly TextBlock[],
  inputLength: number,
): { sections: Section[]; copyStart: number | null } {
  const hits = findHeadings(blocks);
  const chosen: HeadingHit[] = [];
  let copyStart: number | null = null;
  for (const h of hits) {
    const last = chosen[chosen.length - 1];
    if (last && h.number === 1 && last.number >= 2) {
      copyStart = h.start;
      break;
    }
    if (!last || h.number > last.number) chosen.push(h);
  }
  const limit = copyStart ?? inputLength;
  const sections: Section[] = chosen.map((h, k) => {
    const next = chosen[k + 1];
    const endBlock = next ? next.block : blocks.length;
    const parts: string[] = [];
    const own = blocks[h.block]!;
    const headingRest = stripHeading(own.text, h.heading);
    if (headingRest) parts.push(headingRest);
    let end = own.end;
    for (let b = h.block + 1; b < endBlock; b++) {
      const block = blocks[b]!;
      if (block.start >= limit) break;
      parts.push(block.text);
      end = Math.max(end, block.end);
    }
    return { number: h.number, heading: h.heading, text: parts.join("\n"), start: h.start, end };
  });
  return { sections, copyStart };
}

/** The part of a heading block after the heading itself (glued text runs on). */
function stripHeading(text: string, heading: string): string {
  const t = text.trim();
  if (t.length <= heading.length) return "";
  return t.startsWith(heading) ? t.slice(heading.length).trim() : "";
}
