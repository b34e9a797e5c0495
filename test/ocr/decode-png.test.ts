/**
 * PNG files decoded in JavaScript: every colour type and row filter, and damaged
 * files refused with an error (never a crash).
 */
import * as zlib from "node:zlib";
import { crc32, deflateSync } from "node:zlib";
import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { decodePng as decodeWith } from "../../src/ocr/decode-png.js";
import { crc32 as ownCrc32 } from "../../src/ocr/load-ocr.js";

const decodePng = (bytes: Uint8Array) => decodeWith(bytes, { crc32: zlib.crc32, inflateSync: zlib.inflateSync });
import { jpegInfo } from "../../src/ocr/jpeg-info.js";

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG of filtered rows as given (each row: its filter byte, then its bytes). */
function png(width: number, height: number, depth: number, color: number, rows: number[][], extra: Buffer[] = []): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = color;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      ...extra,
      chunk("IDAT", deflateSync(Buffer.from(rows.flat()))),
      chunk("IEND", new Uint8Array(0)),
    ]),
  );
}

describe("decodePng", () => {
  it("reads grey, 1-bit, palette and RGBA images with every row filter", () => {
    expect([...decodePng(png(3, 1, 8, 0, [[0, 0, 128, 255]])).data]).toEqual([0, 128, 255]);
    // 1 bit: 0b10100000 → white, black, white
    expect([...decodePng(png(3, 1, 1, 0, [[0, 0b10100000]])).data]).toEqual([255, 0, 255]);
    const palette = chunk("PLTE", Uint8Array.from([0, 0, 0, 255, 255, 255]));
    expect([...decodePng(png(2, 1, 8, 3, [[0, 1, 0]], [palette])).data]).toEqual([255, 0]);
    // RGBA: transparent black over white is white; opaque grey stays
    expect([...decodePng(png(2, 1, 8, 6, [[0, 0, 0, 0, 0, 100, 100, 100, 255]])).data]).toEqual([255, 100]);
    // filters: Sub (each byte adds the one before), Up, Average, Paeth over a second row
    const sub = decodePng(png(3, 2, 8, 0, [[1, 10, 10, 10], [2, 5, 5, 5]]));
    expect([...sub.data]).toEqual([10, 20, 30, 15, 25, 35]);
    const average = decodePng(png(2, 2, 8, 0, [[0, 100, 50], [3, 0, 0]]));
    expect([...average.data]).toEqual([100, 50, 50, 50]);
    const paeth = decodePng(png(2, 2, 8, 0, [[0, 100, 50], [4, 0, 0]]));
    expect([...paeth.data]).toEqual([100, 50, 100, 50]);
  });

  it("reads what a canvas writes", () => {
    const canvas = createCanvas(40, 30);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, 40, 30);
    context.fillStyle = "#000000";
    context.fillRect(10, 10, 5, 5);
    const image = decodePng(new Uint8Array(canvas.toBuffer("image/png")));
    expect(image.width).toBe(40);
    expect(image.data[12 * 40 + 12]).toBe(0);
    expect(image.data[2 * 40 + 2]).toBe(255);
  });

  it("refuses a truncated or damaged file with an error", () => {
    const good = png(3, 1, 8, 0, [[0, 0, 128, 255]]);
    expect(() => decodePng(good.subarray(0, good.length - 12))).toThrow(/truncated/);
    const damaged = good.slice();
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => decodePng(damaged)).toThrow(/damaged/);
    expect(() => decodePng(png(3, 2, 8, 0, [[0, 0, 128, 255]]))).toThrow(/truncated/);
    expect(() => decodePng(png(1, 1, 8, 0, [[9, 0]]))).toThrow(/filter/);
    // random damage: an error or an image, never anything else
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let n = 0; n < 200; n++) {
      const bytes = good.slice();
      bytes[8 + (next() % (bytes.length - 8))] = next() & 0xff;
      try {
        decodePng(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
      }
    }
  });
});

describe("crc32", () => {
  it("matches zlib's", () => {
    const data = new TextEncoder().encode("IHDR and some bytes");
    expect(ownCrc32(data)).toBe(crc32(data) >>> 0);
  });
});

describe("jpegInfo", () => {
  it("reads the size and components of a JPEG file, null for broken markers", () => {
    const canvas = createCanvas(64, 48);
    const jpeg = new Uint8Array(canvas.toBuffer("image/jpeg"));
    expect(jpegInfo(jpeg)).toEqual({ width: 64, height: 48, components: 3 });
    expect(jpegInfo(jpeg.subarray(0, 10))).toBeNull();
    expect(jpegInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]))).toBeNull();
  });
});
