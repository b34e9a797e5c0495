/**
 * The pixel work of the OCR reader, on images drawn here: threshold, straightening,
 * rulings and cells, specks, lines of text; and the reading of value cells.
 */
import { describe, expect, it } from "vitest";
import { rotate, skewAngle } from "../../src/ocr/deskew.js";
import { cropScaled, grayFromRgba, inkMask, inkThreshold, type GrayImage } from "../../src/ocr/gray-image.js";
import { numericText } from "../../src/ocr/read-value.js";
import { decode } from "../../src/ocr/recognizer.js";
import { findGrid } from "../../src/ocr/rulings.js";
import { dropSpecks, textBoxes } from "../../src/ocr/text-lines.js";

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data[y * image.width + x] = value;
}

/** A ruled table: `cols` + 1 vertical and `rows` + 1 horizontal rulings, 2 px thick. */
function table(image: GrayImage, left: number, top: number, colWidth: number, rowHeight: number, cols: number, rows: number): void {
  const right = left + cols * colWidth;
  const bottom = top + rows * rowHeight;
  for (let r = 0; r <= rows; r++) fill(image, left, top + r * rowHeight, right + 2, top + r * rowHeight + 2);
  for (let c = 0; c <= cols; c++) fill(image, left + c * colWidth, top, left + c * colWidth + 2, bottom + 2);
}

describe("grey images", () => {
  it("turns RGBA into grey, transparent as paper", () => {
    const g = grayFromRgba(new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]), 3, 1);
    expect([...g.data]).toEqual([0, 255, 255]);
  });

  it("finds the threshold between ink and paper, and the ink", () => {
    const image = blank(20, 20);
    fill(image, 5, 5, 10, 10, 30);
    const t = inkThreshold(image);
    expect(t).toBeGreaterThan(30);
    expect(t).toBeLessThan(255);
    expect(inkMask(image, t).reduce((a, b) => a + b, 0)).toBe(25);
  });

  it("scales a crop to a height, keeping its aspect", () => {
    const image = blank(100, 40);
    fill(image, 10, 10, 50, 30);
    const crop = cropScaled(image, { x0: 10, y0: 10, x1: 50, y1: 30 }, 10);
    expect(crop.height).toBe(10);
    expect(crop.width).toBe(20);
    expect(crop.data[5 * 20 + 10]).toBe(0);
  });
});

describe("straightening", () => {
  it("finds the angle of a page turned by 1.5 degrees and turns it back", () => {
    const page = blank(600, 400);
    for (let y = 40; y < 380; y += 24) fill(page, 60, y, 540, y + 6);
    const turned = rotate(page, (1.5 * Math.PI) / 180);
    const angle = skewAngle(turned, 128);
    expect((angle * 180) / Math.PI).toBeCloseTo(1.5, 1);
    const back = rotate(turned, -angle);
    // the lines are level again: a row in the middle of a line is ink from end to end
    const row = 40 + 24 * 7 + 3;
    let ink = 0;
    for (let x = 100; x < 500; x++) if (back.data[row * 600 + x]! < 128) ink++;
    expect(ink).toBeGreaterThan(390);
  });

  it("leaves a page without ink as it is", () => {
    expect(skewAngle(blank(100, 100), 128)).toBe(0);
  });
});

describe("rulings and cells", () => {
  it("finds every cell of a ruled table, and none outside it", () => {
    const image = blank(500, 300);
    table(image, 50, 40, 100, 50, 4, 3);
    fill(image, 60, 250, 200, 262); // a line of text under the table is no ruling (too thick)
    const grid = findGrid(inkMask(image), 500, 300, 70);
    expect(grid.cells).toHaveLength(12);
    expect(grid.cells.every((c) => c.x1 - c.x0 > 90 && c.y1 - c.y0 > 40)).toBe(true);
    expect(grid.rulings.filter((r) => r.horizontal)).toHaveLength(4);
    expect(grid.rulings.filter((r) => !r.horizontal)).toHaveLength(5);
  });

  it("a merged cell is one cell", () => {
    const image = blank(500, 300);
    table(image, 50, 40, 100, 50, 4, 3);
    fill(image, 150, 42, 152, 90, 255); // remove the ruling between the first two cells of the first row
    const grid = findGrid(inkMask(image), 500, 300, 70);
    expect(grid.cells).toHaveLength(11);
    expect(grid.cells.some((c) => c.x1 - c.x0 > 190)).toBe(true);
  });
});

describe("text lines", () => {
  it("drops specks but keeps a dot between digits", () => {
    const mask = new Uint8Array(100 * 40);
    const set = (x: number, y: number) => (mask[y * 100 + x] = 1);
    for (let y = 10; y < 20; y++) for (let x = 10; x < 16; x++) set(x, y); // a digit
    for (let y = 10; y < 20; y++) for (let x = 22; x < 28; x++) set(x, y); // a digit
    set(18, 18); // decimal point between them
    set(19, 18);
    set(70, 30); // a speck alone
    dropSpecks(mask, 100, 40, 6, 6);
    expect(mask[18 * 100 + 18]).toBe(1);
    expect(mask[30 * 100 + 70]).toBe(0);
    expect(mask[15 * 100 + 12]).toBe(1);
  });

  it("cuts a cell into its lines, and text outside the cells into pieces", () => {
    const width = 400;
    const mask = new Uint8Array(width * 200);
    const box = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + x1);
    };
    box(20, 20, 80, 30); // two lines in the cell (10..190 × 10..100)
    box(20, 40, 60, 50);
    box(20, 150, 60, 160); // outside: two pieces far apart on one line
    box(200, 150, 260, 160);
    const boxes = textBoxes(mask, width, 200, [{ x0: 10, y0: 10, x1: 190, y1: 100 }], 3);
    expect(boxes.filter((b) => b.cell !== null)).toHaveLength(2);
    expect(boxes.filter((b) => b.cell === null).map((b) => [b.x0, b.x1])).toEqual([
      [20, 60],
      [200, 260],
    ]);
  });
});

describe("value cells", () => {
  it("reads look-alike glyphs as digits, and words as no number", () => {
    expect(numericText("3O1")).toBe("301");
    expect(numericText("o")).toBe("0");
    expect(numericText("l2")).toBe("12");
    expect(numericText("3,119")).toBe("3119");
    expect(numericText("96171.6")).toBe("96171.6");
    expect(numericText("0:")).toBeNull();
    expect(numericText("1.属于国家秘密")).toBeNull();
    expect(numericText("其他")).toBeNull();
    expect(numericText("")).toBeNull();
  });

  it("decodes the recogniser's output greedily, with each character's probability and second choice", () => {
    const dictionary = ["0", "1", "o", "a"];
    // classes: 0 blank, 1 "0", 2 "1", 3 "o", 4 "a"; steps: "1", "1", blank, "0"/"o", "a"
    const steps = [
      [0.05, 0, 0.9, 0, 0.05],
      [0.1, 0, 0.8, 0, 0.1],
      [0.9, 0, 0.05, 0, 0.05],
      [0, 0.5, 0, 0.45, 0.05],
      [0.1, 0, 0, 0.2, 0.7],
    ];
    const probs = Float32Array.from(steps.flat());
    const plain = decode(probs, 5, 5, dictionary);
    expect(plain.text).toBe("10a");
    expect(plain.chars[0]!.p).toBeCloseTo(0.9);
    expect(plain.chars[1]!.p).toBeCloseTo(0.5);
    expect(plain.chars[1]!.alt).toEqual({ char: "o", p: expect.closeTo(0.45) });
    expect(plain.confidence).toBeCloseTo(0.5);
    // with 0 and o one digit, the 0 is read with both probabilities
    const groups: Int32Array[] = [];
    groups[1] = groups[3] = Int32Array.from([1, 3]);
    const grouped = decode(probs, 5, 5, dictionary, groups);
    expect(grouped.chars[1]!.p).toBeCloseTo(0.95);
    expect(grouped.chars[1]!.alt).toBeUndefined();
    expect(decode(new Float32Array(5).fill(0).map((_, i) => (i === 0 ? 1 : 0)), 1, 5, dictionary).confidence).toBe(0);
  });
});
