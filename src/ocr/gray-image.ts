/**
 * Grey page images: one byte per pixel (0 black … 255 white), row by row, and the
 * pixel operations the page reader needs (crop, scale, threshold).
 */

/** A grey image: `data[y * width + x]` is the pixel at (x, y), 0 black … 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An axis-aligned rectangle of pixels: `x0 ≤ x < x1`, `y0 ≤ y < y1`. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Grey from RGBA pixels (as a canvas gives them), by luma; transparent pixels count as white. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** The grey level that separates ink from paper (Otsu's method), kept between 96 and 208. */
export function inkThreshold(image: GrayImage): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < image.data.length; i++) histogram[image.data[i]!]!++;
  const total = image.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v]!;
  let below = 0;
  let sumBelow = 0;
  let best = 160;
  let bestVariance = -1;
  for (let v = 0; v < 256; v++) {
    below += histogram[v]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += v * histogram[v]!;
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = v;
    }
  }
  return Math.min(208, Math.max(96, best));
}

/** Ink mask: 1 where a pixel is darker than the threshold. */
export function inkMask(image: GrayImage, threshold = inkThreshold(image)): Uint8Array {
  const mask = new Uint8Array(image.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = image.data[i]! < threshold ? 1 : 0;
  return mask;
}

/**
 * A part of an image scaled to `height` rows (bilinear), with a white margin of `pad`
 * pixels of the source around it; the width keeps the aspect ratio.
 */
export function cropScaled(image: GrayImage, box: PixelBox, height: number, pad = 0): GrayImage {
  const x0 = box.x0 - pad;
  const y0 = box.y0 - pad;
  const w = Math.max(1, box.x1 - box.x0 + 2 * pad);
  const h = Math.max(1, box.y1 - box.y0 + 2 * pad);
  const scale = height / h;
  const width = Math.max(1, Math.round(w * scale));
  const data = new Uint8Array(width * height);
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= image.width || y >= image.height || x < box.x0 - pad || y < box.y0 - pad ? 255 : image.data[y * image.width + x]!;
  for (let y = 0; y < height; y++) {
    const sy = y0 + (y + 0.5) / scale - 0.5;
    const iy = Math.floor(sy);
    const fy = sy - iy;
    for (let x = 0; x < width; x++) {
      const sx = x0 + (x + 0.5) / scale - 0.5;
      const ix = Math.floor(sx);
      const fx = sx - ix;
      const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
      const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
      data[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data };
}
