/**
 * The glyphs a piece of a number shows, counted on the image: printed digits stand
 * apart, so each run of ink columns with paper between them is a glyph (or glyphs that
 * touch).
 */
import type { GrayImage, PixelBox } from "./gray-image.js";

/**
 * The runs of ink columns of a box, paper columns between them, that hold at least half
 * the box's height in ink pixels (darker than `threshold`): a stray pixel, or the faint
 * end of a stroke cut off by a pale column, is no glyph; nor is a decimal point.
 */
export function glyphRuns(image: GrayImage, threshold: number, box: PixelBox): PixelBox[] {
  const minInk = Math.max(1, box.y1 - box.y0) / 2;
  const runs: PixelBox[] = [];
  let ink = 0;
  let start = box.x0;
  for (let x = box.x0; x <= box.x1; x++) {
    let column = 0;
    if (x < box.x1) for (let y = box.y0; y < box.y1; y++) if (image.data[y * image.width + x]! < threshold) column++;
    if (column > 0) {
      if (ink === 0) start = x;
      ink += column;
      continue;
    }
    if (ink >= minInk) runs.push({ x0: start, y0: box.y0, x1: x, y1: box.y1 });
    ink = 0;
  }
  return runs;
}

/**
 * How many glyphs a piece shows at least: its glyph runs (see {@link glyphRuns}), and
 * no fewer than its width allows (a digit is at most three quarters as wide as it is high).
 */
export function glyphCount(image: GrayImage, threshold: number, box: PixelBox): number {
  const h = Math.max(1, box.y1 - box.y0);
  return Math.max(glyphRuns(image, threshold, box).length, Math.floor((box.x1 - box.x0) / (0.75 * h)));
}
