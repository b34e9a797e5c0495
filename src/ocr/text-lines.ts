/**
 * Where the text of a page stands: the ink that is not a ruling, speckles dropped, cut
 * into lines (rows of ink with paper between them) and each line into pieces (ink with
 * a wide gap between them) — inside every cell of a table, and outside the tables.
 */
import type { GrayImage, PixelBox } from "./gray-image.js";

/** A piece of one line of text, and the cell it stands in (`null` outside the tables). */
export interface TextBox extends PixelBox {
  cell: PixelBox | null;
}

/** Drop specks: components of at most `maxArea` ink pixels that do not stand between ink (see {@link betweenInk}). */
export function dropSpecks(mask: Uint8Array, width: number, height: number, maxArea: number, reach: number): void {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  const component: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    component.length = 0;
    stack.push(start);
    seen[start] = 1;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    while (stack.length > 0 && component.length <= maxArea) {
      const i = stack.pop()!;
      component.push(i);
      const x = i % width;
      const y = (i - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (stack.length > 0 || component.length > maxArea) {
      // a large component: leave it (the pixels not yet visited are visited from their own start)
      for (const i of stack) seen[i] = 0;
      stack.length = 0;
      continue;
    }
    if (betweenInk(mask, width, { x0, y0, x1: x1 + 1, y1: y1 + 1 }, reach)) continue;
    for (const i of component) mask[i] = 0;
  }
}

/**
 * True when ink stands both left and right of a speck, within `reach` pixels, at its
 * height or up to three reaches above it: a decimal point, a dot of a character, a
 * comma between words. A speck beside ink on one side only, or on none, is noise.
 */
function betweenInk(mask: Uint8Array, width: number, box: PixelBox, reach: number): boolean {
  const y0 = Math.max(0, box.y0 - 3 * reach);
  const y1 = box.y1;
  const side = (from: number, to: number): boolean => {
    for (let y = y0; y < y1; y++) {
      for (let x = Math.max(0, from); x < Math.min(width, to); x++) if (mask[y * width + x]) return true;
    }
    return false;
  };
  return side(box.x0 - reach, box.x0) && side(box.x1, box.x1 + reach);
}

/** Rows of ink with at least one empty row between them, inside `area`. */
function bands(mask: Uint8Array, width: number, area: PixelBox): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let y = area.y0; y <= area.y1; y++) {
    let ink = false;
    if (y < area.y1) {
      const row = y * width;
      for (let x = area.x0; x < area.x1; x++) {
        if (mask[row + x]) {
          ink = true;
          break;
        }
      }
    }
    if (ink && start < 0) start = y;
    else if (!ink && start >= 0) {
      out.push([start, y]);
      start = -1;
    }
  }
  return out;
}

/** Columns of ink of one band, split where the paper between them is wider than `gap`. */
function pieces(mask: Uint8Array, width: number, area: PixelBox, y0: number, y1: number, gap: number): PixelBox[] {
  const out: PixelBox[] = [];
  let start = -1;
  let last = -1;
  for (let x = area.x0; x <= area.x1; x++) {
    let ink = false;
    if (x < area.x1) {
      for (let y = y0; y < y1; y++) {
        if (mask[y * width + x]) {
          ink = true;
          break;
        }
      }
    }
    if (ink) {
      if (start < 0) start = x;
      last = x;
    } else if (start >= 0 && (x - last > gap || x === area.x1)) {
      out.push({ x0: start, x1: last + 1, y0, y1 });
      start = -1;
    }
  }
  return out.map((b) => tighten(mask, width, b));
}

/** The box shrunk to the ink inside it, vertically. */
function tighten(mask: Uint8Array, width: number, box: PixelBox): PixelBox {
  let y0 = box.y1;
  let y1 = box.y0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (mask[y * width + x]) {
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y + 1);
        break;
      }
    }
  }
  return y1 > y0 ? { ...box, y0, y1 } : box;
}

/**
 * The pieces of text of a page: in every cell, its lines (pieces split at gaps wider
 * than three times the line's height); outside the cells, lines split at gaps wider
 * than twice the line's height. Tiny bands (less than `minHeight`) are noise, and so are
 * pieces outside the cells less than `minHeight` tall.
 */
export function textBoxes(mask: Uint8Array, width: number, height: number, cells: readonly PixelBox[], minHeight: number): TextBox[] {
  const out: TextBox[] = [];
  const rest = mask.slice();
  for (const cell of cells) {
    const inner = { x0: cell.x0 + 2, y0: cell.y0 + 2, x1: cell.x1 - 2, y1: cell.y1 - 2 };
    for (const [y0, y1] of bands(mask, width, inner)) {
      if (y1 - y0 < minHeight) continue;
      for (const p of pieces(mask, width, inner, y0, y1, 3 * (y1 - y0))) out.push({ ...p, cell });
    }
    for (let y = cell.y0; y < cell.y1; y++) rest.fill(0, y * width + cell.x0, y * width + cell.x1);
  }
  const page = { x0: 0, y0: 0, x1: width, y1: height };
  for (const [y0, y1] of bands(rest, width, page)) {
    if (y1 - y0 < minHeight) continue;
    // (a piece shorter than a line's least height is specks that share a band, no text)
    for (const p of pieces(rest, width, page, y0, y1, 2 * (y1 - y0))) if (p.y1 - p.y0 >= minHeight) out.push({ ...p, cell: null });
  }
  return out;
}

/**
 * The box grown over the faint ink at its edges: the light grey strokes a thin or worn
 * print leaves (the diagonal and bar of a `4`, the top of a `6`), lighter than the ink
 * mask's threshold but darker than `faint`. It grows while a column (row) within `gap`
 * pixels of its edge holds faint ink, by at most `reach` pixels a side (a third of that
 * up and down), inside the box's cell.
 */
export function growToFaintInk(image: GrayImage, faint: number, box: TextBox, reach: number, gap = 2): TextBox {
  const { width, data } = image;
  const limit = box.cell ? { x0: box.cell.x0 + 2, y0: box.cell.y0 + 2, x1: box.cell.x1 - 2, y1: box.cell.y1 - 2 } : { x0: 0, y0: 0, x1: width, y1: image.height };
  const grown = { ...box };
  const column = (x: number): boolean => {
    for (let y = grown.y0; y < grown.y1; y++) if (data[y * width + x]! < faint) return true;
    return false;
  };
  const row = (y: number): boolean => {
    for (let x = grown.x0; x < grown.x1; x++) if (data[y * width + x]! < faint) return true;
    return false;
  };
  /** Where the edge at `edge` ends moving by `step` (−1 or +1): not past `bound`, at most `most` pixels. */
  const extent = (edge: number, step: number, bound: number, most: number, holds: (at: number) => boolean): number => {
    let at = edge;
    for (let k = 1; k <= gap + 1 && Math.abs(at + k * step - edge) <= most; k++) {
      const next = at + k * step;
      if (step < 0 ? next < bound : next >= bound) break;
      if (holds(next)) {
        at = next;
        k = 0;
      }
    }
    return at;
  };
  const vertical = Math.max(1, Math.round(reach / 3));
  grown.y0 = extent(grown.y0, -1, limit.y0, vertical, row);
  grown.y1 = extent(grown.y1 - 1, 1, limit.y1, vertical, row) + 1;
  grown.x0 = extent(grown.x0, -1, limit.x0, reach, column);
  grown.x1 = extent(grown.x1 - 1, 1, limit.x1, reach, column) + 1;
  return grown;
}
