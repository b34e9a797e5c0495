import { describe, expect, it } from "vitest";
import { cellLabel, displayWidth, renderTable } from "../../src/cli/grid-text.js";
import { LineIndex } from "../../src/cli/line-index.js";
import type { Cell, Table } from "../../src/types.js";

function cell(text: string, start: number, rowSpan = 1, colSpan = 1): Cell {
  return { text, start, end: start + text.length, rowSpan, colSpan };
}

describe("grid text", () => {
  it("counts CJK and full-width characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("自然人")).toBe(6);
    expect(displayWidth("（一）1")).toBe(7);
  });

  it("shows empty cells, merged cells and cuts long cells", () => {
    expect(cellLabel("  ", 1, 1, 24)).toBe("·");
    expect(cellLabel("法人或其他组织", 1, 5, 24)).toBe("法人或其他组织⟨c5⟩");
    expect(cellLabel("一、本年新收政府信息公开申请数量", 2, 1, 10)).toBe("一、本年…⟨r2⟩");
    expect(cellLabel("a\n b", 1, 1, Infinity)).toBe("a b");
  });

  it("aligns columns by display width and states kind, layout, rows and lines", () => {
    const text = "x\n规章 | 0\n行政许可 | 14\n";
    const table: Table = {
      kind: "activeDisclosure",
      layout: "pipe-rows",
      start: 2,
      end: text.length - 1,
      rows: [
        [cell("规章", 2), cell("0", 7)],
        [cell("行政许可", 9), cell("14", 16)],
      ],
    };
    expect(renderTable(table, 0, 2, new LineIndex(text), { maxCellWidth: 24 })).toBe(
      "table 1 of 2 · activeDisclosure · pipe-rows · 2 rows · lines 2–3 (offsets 2–18)\n" +
        "1 │ 规章     │ 0\n" +
        "2 │ 行政许可 │ 14\n",
    );
  });
});
