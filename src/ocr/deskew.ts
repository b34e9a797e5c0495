/**
 * Straighten a page scanned or photographed slightly askew: the angle at which the
 * rows of ink (lines of text, rulings) are sharpest, and the page turned back by it.
 */
import type { GrayImage } from "./gray-image.js";

/** Ink points of a page, every `step`-th pixel in each direction. */
function inkPoints(image: GrayImage, threshold: number, step: number): Int32Array {
  const points: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) if (image.data[y * image.width + x]! < threshold) points.push(x, y);
  }
  return Int32Array.from(points);
}

/** How sharp the rows of ink are when the page is turned by `angle` (radians): the sum of squared row counts. */
function sharpness(points: Int32Array, angle: number, height: number, bin: number): number {
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const rows = new Float64Array(Math.ceil((height * 2) / bin) + 4);
  const offset = height / 2;
  for (let i = 0; i < points.length; i += 2) {
    const y = points[i]! * sin + points[i + 1]! * cos + offset;
    const r = Math.floor(y / bin);
    if (r >= 0 && r < rows.length) rows[r]!++;
  }
  let sum = 0;
  for (const r of rows) sum += r * r;
  return sum;
}

/**
 * The angle (radians, within ±`maxDegrees`) that turns the page's ink rows level: the
 * page reads straight when turned by minus this angle. 0 for a page without ink.
 */
export function skewAngle(image: GrayImage, threshold: number, maxDegrees = 3): number {
  const step = Math.max(1, Math.round(Math.max(image.width, image.height) / 1200));
  const points = inkPoints(image, threshold, step);
  if (points.length < 200) return 0;
  const rad = Math.PI / 180;
  let best = 0;
  let bestScore = -1;
  const search = (from: number, to: number, by: number) => {
    for (let d = from; d <= to + 1e-9; d += by) {
      const score = sharpness(points, d * rad, image.height, step);
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  };
  search(-maxDegrees, maxDegrees, 0.2);
  const coarse = best;
  search(coarse - 0.2, coarse + 0.2, 0.02);
  return Math.abs(best) < 0.01 ? 0 : best * rad;
}

/** The image turned by `angle` radians about its centre (bilinear; white outside the source). */
export function rotate(image: GrayImage, angle: number): GrayImage {
  if (angle === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix + 1 >= width || iy + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - ix;
      const fy = sy - iy;
      const i = iy * width + ix;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
}
