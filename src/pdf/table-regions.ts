/**
 * Which lines of a PDF are table material: the lines after the heading of section
 * 二, 三 or 四 (prose before the table skipped) up to the next section heading or the
 * next line of prose. A table
 * continued on the next page stays one region (page headers and footers are gone
 * by then).
 */
import type { TableKind } from "../types.js";
import { headingOf } from "../template/headings.js";
import { readCellValue } from "../text/cell-value.js";
import type { PageLine } from "./page-lines.js";

const SECTION_TABLE: Partial<Record<number, TableKind>> = { 2: "activeDisclosure", 3: "applications", 4: "appeals" };

/** A run of table lines, with the kind its section heading gives it. */
export interface TableRegion {
  kind: TableKind | null;
  lines: PageLine[];
}

/** The lines split into table regions and narrative lines, both in document order. */
export interface RegionSplit {
  regions: TableRegion[];
  narrative: PageLine[];
}

/** Left and right edge of the text on each page. */
function textEdges(lines: readonly PageLine[]): Map<number, { x0: number; x1: number }> {
  const edges = new Map<number, { x0: number; x1: number }>();
  for (const line of lines) {
    const e = edges.get(line.page) ?? { x0: Infinity, x1: -Infinity };
    e.x0 = Math.min(e.x0, line.fragments[0]?.x0 ?? Infinity);
    e.x1 = Math.max(e.x1, line.fragments[line.fragments.length - 1]?.x1 ?? -Infinity);
    edges.set(line.page, e);
  }
  return edges;
}

/**
 * A line of prose: text of some length with no number standing alone, that ends a
 * sentence (。；！？) or is one piece of text over most of the width of the page's text.
 */
export function isProseLine(line: PageLine, textWidth = Infinity): boolean {
  const compact = line.text.replace(/\s+/g, "");
  if (compact.length < 16) return false;
  if (!line.fragments.every((f) => readCellValue(f.text).kind === "text")) return false;
  if (/[。；！？]/.test(compact)) return true;
  const only = line.fragments.length === 1 ? line.fragments[0] : undefined;
  return only !== undefined && only.x1 - only.x0 >= 0.8 * textWidth;
}

/** Split the document's lines into table regions and narrative. */
export function findTableRegions(lines: readonly PageLine[]): RegionSplit {
  const regions: TableRegion[] = [];
  const narrative: PageLine[] = [];
  let open: TableRegion | null = null;
  const close = () => {
    if (open && open.lines.length > 0) regions.push(open);
    open = null;
  };
  const edges = textEdges(lines);
  for (const line of lines) {
    const heading = headingOf(line.text);
    if (heading) {
      close();
      narrative.push(line);
      const kind = SECTION_TABLE[heading.number];
      if (kind) open = { kind, lines: [] };
      continue;
    }
    const region = open as TableRegion | null;
    if (region === null) {
      narrative.push(line);
      continue;
    }
    const edge = edges.get(line.page);
    const prose = isProseLine(line, edge ? edge.x1 - edge.x0 : Infinity);
    if (!prose) region.lines.push(line);
    else if (region.lines.length === 0) narrative.push(line);
    else {
      close();
      narrative.push(line);
    }
  }
  close();
  return { regions, narrative };
}
