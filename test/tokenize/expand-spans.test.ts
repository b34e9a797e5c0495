import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { expandSpans, normalizeSpan, type SpanCell } from "../../src/tokenize/expand-spans.js";

interface Named extends SpanCell {
  name: string;
}

function c(name: string, rowSpan = 1, colSpan = 1, start?: number, end?: number): Named {
  const cell: Named = { name, rowSpan, colSpan };
  if (start !== undefined) cell.start = start;
  if (end !== undefined) cell.end = end;
  return cell;
}

/** The grid as names ("." for an uncovered slot). */
function names(rows: Named[][]): string[][] {
  return expandSpans(rows).slots.map((line) => line.map((slot) => (slot ? slot.cell.name : ".")));
}

describe("expandSpans", () => {
  it("places cells without spans as they are", () => {
    expect(names([[c("a"), c("b")], [c("c"), c("d")]])).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("expands rowspan and colspan (table 3's header)", () => {
    const rows = [
      [c("corner", 3, 3), c("申请人情况", 1, 7)],
      [c("自然人", 2), c("法人", 1, 5), c("总计", 2)],
      [c("商业"), c("科研"), c("公益"), c("法律"), c("其他")],
      [c("一", 1, 3), c("1"), c("2"), c("3"), c("4"), c("5"), c("6"), c("7")],
    ];
    const grid = expandSpans(rows);
    expect(grid.width).toBe(10);
    expect(grid.height).toBe(4);
    expect(grid.diagnostics).toEqual([]);
    expect(names(rows)).toEqual([
      ["corner", "corner", "corner", "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况"],
      ["corner", "corner", "corner", "自然人", "法人", "法人", "法人", "法人", "法人", "总计"],
      ["corner", "corner", "corner", "自然人", "商业", "科研", "公益", "法律", "其他", "总计"],
      ["一", "一", "一", "1", "2", "3", "4", "5", "6", "7"],
    ]);
    const slot = grid.slots[2]![3]!;
    expect(slot).toMatchObject({ row: 1, index: 0, origin: false });
    expect(grid.slots[1]![3]).toMatchObject({ row: 1, index: 0, origin: true });
  });

  it("reports an overlapping span and keeps the earlier cell's slot", () => {
    const rows = [
      [c("a"), c("b"), c("tall", 2, 1, 10, 14)],
      [c("wide", 1, 3, 20, 24), c("x")],
    ];
    const grid = expandSpans(rows);
    expect(names(rows)).toEqual([
      ["a", "b", "tall", "."],
      ["wide", "wide", "tall", "x"],
    ]);
    expect(grid.diagnostics).toHaveLength(1);
    expect(grid.diagnostics[0]).toMatchObject({ code: "overlapping-span", severity: "warning", start: 20, end: 24 });
    expect(grid.diagnostics[0]!.message).toContain("row 2, column 3");
  });

  it("clips row spans past the last row and reads junk spans as 1", () => {
    const rows = [
      [c("a", 5), c("b", Number.NaN, 0)],
      [c("c", -2, 2.7)],
    ];
    const grid = expandSpans(rows);
    expect(grid.height).toBe(2);
    expect(names(rows)).toEqual([
      ["a", "b", "."],
      ["a", "c", "c"],
    ]);
    expect(grid.diagnostics).toEqual([]);
  });

  it("pads short rows with null and handles empty input", () => {
    expect(names([[c("a"), c("b"), c("c")], [c("d")], []])).toEqual([
      ["a", "b", "c"],
      ["d", ".", "."],
      [".", ".", "."],
    ]);
    expect(expandSpans([])).toEqual({ height: 0, width: 0, slots: [], diagnostics: [] });
  });

  it("normalizes span values", () => {
    expect([normalizeSpan(3, 10), normalizeSpan(0, 10), normalizeSpan(-1, 10), normalizeSpan(2.9, 10), normalizeSpan(50, 10)]).toEqual([
      3, 1, 1, 2, 10,
    ]);
  });

  const cellArb = fc.record({ rowSpan: fc.integer({ min: -1, max: 4 }), colSpan: fc.integer({ min: -1, max: 4 }) });
  test.prop([fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 })])(
    "covers each slot at most once, each cell from its origin, and reports every shortfall",
    (rows) => {
      const named = rows.map((row, r) => row.map((cell, i) => ({ ...cell, name: `${r}:${i}` })));
      const grid = expandSpans(named);
      const covered = new Map<string, number>();
      for (const line of grid.slots) {
        expect(line).toHaveLength(grid.width);
        for (const slot of line) if (slot) covered.set(slot.cell.name, (covered.get(slot.cell.name) ?? 0) + 1);
      }
      let short = 0;
      named.forEach((row, r) =>
        row.forEach((cell) => {
          const rs = Math.min(Math.max(1, cell.rowSpan), rows.length - r);
          const cs = Math.max(1, cell.colSpan);
          const got = covered.get(cell.name) ?? 0;
          expect(got).toBeGreaterThanOrEqual(1);
          expect(got).toBeLessThanOrEqual(rs * cs);
          if (got < rs * cs) short++;
        }),
      );
      expect(grid.diagnostics.filter((d) => d.code === "overlapping-span")).toHaveLength(short);
    },
  );
});
