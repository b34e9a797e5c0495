/**
 * PNG files decoded here, in JavaScript (Node's zlib inflates), into grey images: every
 * chunk's length and CRC checked, the header first and the end last, every colour type
 * and bit depth of the format, interlaced or not. A damaged file is an error, never a
 * crash (native image decoders can take the process down on a truncated PNG).
 */
import type { GrayImage } from "./gray-image.js";
import { concatBytes } from "./concat-bytes.js";
import type { NodeParts } from "./load-ocr.js";

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The largest image decoded, in pixels. */
const MAX_PIXELS = 100_000_000;

interface Header {
  width: number;
  height: number;
  depth: number;
  color: number;
  interlace: number;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undo the row filters of one pass; returns the offset after it. */
function unfilter(data: Uint8Array, at: number, rowBytes: number, rows: number, bpp: number, out: Uint8Array): number {
  const prev = new Uint8Array(rowBytes);
  for (let y = 0; y < rows; y++) {
    const filter = data[at++]!;
    const row = out.subarray(y * rowBytes, (y + 1) * rowBytes);
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[at + x]!;
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v: number;
      if (filter === 0) v = raw;
      else if (filter === 1) v = raw + a;
      else if (filter === 2) v = raw + b;
      else if (filter === 3) v = raw + ((a + b) >> 1);
      else if (filter === 4) v = raw + paeth(a, b, c);
      else throw new Error("PNG: unknown row filter");
      row[x] = v & 0xff;
    }
    prev.set(row);
    at += rowBytes;
  }
  return at;
}

/** Sample `i` of a row of `depth`-bit samples, scaled to 0..255. */
function sample(row: Uint8Array, i: number, depth: number): number {
  if (depth === 8) return row[i]!;
  if (depth === 16) return row[2 * i]!;
  const perByte = 8 / depth;
  const byte = row[Math.floor(i / perByte)]!;
  const shift = 8 - depth * ((i % perByte) + 1);
  const v = (byte >> shift) & ((1 << depth) - 1);
  return Math.round((v * 255) / ((1 << depth) - 1));
}

function rawSample(row: Uint8Array, i: number, depth: number): number {
  if (depth >= 8) return depth === 8 ? row[i]! : row[2 * i]!;
  const perByte = 8 / depth;
  return (row[Math.floor(i / perByte)]! >> (8 - depth * ((i % perByte) + 1))) & ((1 << depth) - 1);
}

/** What the chunks of a PNG file hold: its header, palette (and its alpha) and image data. */
interface Chunks {
  header: Header;
  palette: Uint8Array | null;
  paletteAlpha: Uint8Array | null;
  data: Uint8Array[];
}

/** The header chunk's fields, checked. */
function readHeader(body: Uint8Array): Header {
  if (body.length !== 13) throw new Error("PNG: malformed header");
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const header = { width: view.getUint32(0), height: view.getUint32(4), depth: body[8]!, color: body[9]!, interlace: body[12]! };
  if (header.width === 0 || header.height === 0 || header.width * header.height > MAX_PIXELS) throw new Error(`PNG: image size ${header.width}×${header.height} not supported`);
  if (!DEPTHS[header.color]?.includes(header.depth) || header.interlace > 1) throw new Error("PNG: malformed header");
  return header;
}

/** Walk the chunks: each one's length and CRC checked, the header first, up to the end chunk. */
function readChunks(bytes: Uint8Array, crc32: NodeParts["crc32"]): Chunks {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Omit<Chunks, "header"> & { header: Header | null } = { header: null, palette: null, paletteAlpha: null, data: [] };
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) throw new Error("PNG: a chunk runs past the end of the file");
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0 !== view.getUint32(at + 8 + length)) throw new Error(`PNG: the ${type} chunk is damaged`);
    if (out.header === null && type !== "IHDR") throw new Error("PNG: the file does not start with its header");
    if (type === "IHDR") out.header = readHeader(body);
    else if (type === "PLTE") out.palette = body;
    else if (type === "tRNS") out.paletteAlpha = body;
    else if (type === "IDAT") out.data.push(body);
    else if (type === "IEND") return ended(out.header, out);
    at += 12 + length;
  }
  throw new Error("PNG: the file is truncated");
}

/** The chunks read up to the end chunk, checked for what an image needs. */
function ended(header: Header | null, chunks: Omit<Chunks, "header">): Chunks {
  if (!header) throw new Error("PNG: the file does not start with its header");
  if (header.color === 3 && !chunks.palette) throw new Error("PNG: a palette image without its palette");
  return { ...chunks, header };
}

/** The grey level of pixel `x` of a row (alpha over white). */
function greyAt(row: Uint8Array, x: number, chunks: Chunks, channels: number): number {
  const { depth, color } = chunks.header;
  let grey: number;
  let alpha = 255;
  if (color === 3) {
    const index = rawSample(row, x, depth);
    const p = 3 * index;
    const { palette, paletteAlpha } = chunks;
    grey = palette && p + 2 < palette.length ? 0.299 * palette[p]! + 0.587 * palette[p + 1]! + 0.114 * palette[p + 2]! : 255;
    if (paletteAlpha && index < paletteAlpha.length) alpha = paletteAlpha[index]!;
  } else if (color === 0 || color === 4) {
    grey = sample(row, x * channels, depth);
    if (color === 4) alpha = sample(row, x * channels + 1, depth);
  } else {
    const r = sample(row, x * channels, depth);
    const g = sample(row, x * channels + 1, depth);
    const b = sample(row, x * channels + 2, depth);
    grey = 0.299 * r + 0.587 * g + 0.114 * b;
    if (color === 6) alpha = sample(row, x * channels + 3, depth);
  }
  return Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
}

/** The pixels of every pass (one, or Adam7's seven) unfiltered and turned grey into `out`. */
function decodePasses(data: Uint8Array, chunks: Chunks, out: Uint8Array): void {
  const { width, height, depth, color, interlace } = chunks.header;
  const channels = CHANNELS[color]!;
  const bitsPerPixel = depth * channels;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const passes = interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8);
    if (offset + h * (rowBytes + 1) > data.length) throw new Error("PNG: the image data is truncated");
    const rows = new Uint8Array(rowBytes * h);
    offset = unfilter(data, offset, rowBytes, h, bpp, rows);
    for (let y = 0; y < h; y++) {
      const row = rows.subarray(y * rowBytes, (y + 1) * rowBytes);
      for (let x = 0; x < w; x++) out[(y0 + y * dy) * width + x0 + x * dx] = greyAt(row, x, chunks, channels);
    }
  }
}

/** Decode a PNG file into a grey image (alpha over white). Throws an Error saying what is wrong with a damaged file. */
export function decodePng(bytes: Uint8Array, zlib: Pick<NodeParts, "crc32" | "inflateSync">): GrayImage {
  const chunks = readChunks(bytes, zlib.crc32);
  let data: Uint8Array;
  try {
    data = zlib.inflateSync(concatBytes(chunks.data));
  } catch {
    throw new Error("PNG: the image data is damaged");
  }
  const { width, height } = chunks.header;
  const out = new Uint8Array(width * height);
  decodePasses(data, chunks, out);
  return { width, height, data: out };
}
