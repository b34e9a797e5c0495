/**
 * Page headers and footers: lines in the top or bottom margin of a page that are a
 * page number (`- 3 -`, `第 3 页`), or short lines (one or two fragments, so not a
 * repeated table header) that repeat at the same place on other pages (a running
 * title, the organ's name), digits aside.
 */
import { isPageFooter } from "../tokenize/page-footer.js";
import type { PageLine } from "./page-lines.js";

/** Share of the page height counted as its top or bottom margin. */
const MARGIN = 0.1;

function inMargin(line: PageLine, pageHeight: number): boolean {
  return line.y1 <= pageHeight * MARGIN || line.y0 >= pageHeight * (1 - MARGIN);
}

/** The text of a line with digits and spaces folded, so `- 3 -` and `- 4 -` look alike. */
function shape(line: PageLine): string {
  return line.text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

/** Where a margin line stands: top or bottom, to the nearest 4 points. */
function place(line: PageLine, pageHeight: number): string {
  return line.y0 < pageHeight / 2 ? `t${Math.round(line.y0 / 4)}` : `b${Math.round((pageHeight - line.y1) / 4)}`;
}

/**
 * Drop page headers and footers from each page's lines.
 *
 * @param pages - the lines of each page, in page order
 * @param heights - each page's height in points
 */
export function dropPageFurniture(pages: readonly PageLine[][], heights: readonly number[]): PageLine[][] {
  const seen = new Map<string, Set<number>>();
  pages.forEach((lines, p) => {
    const h = heights[p] ?? 842;
    for (const line of lines) {
      if (!inMargin(line, h) || line.fragments.length > 2) continue;
      const key = `${place(line, h)}|${shape(line)}`;
      const pagesOf = seen.get(key) ?? new Set<number>();
      pagesOf.add(p);
      seen.set(key, pagesOf);
    }
  });
  const repeated = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, p) => {
    const h = heights[p] ?? 842;
    return lines.filter((line) => {
      if (!inMargin(line, h)) return true;
      if (isPageFooter(line.text)) return false;
      if (line.fragments.length > 2) return true;
      return (seen.get(`${place(line, h)}|${shape(line)}`)?.size ?? 0) < repeated;
    });
  });
}
