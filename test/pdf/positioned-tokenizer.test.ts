/**
 * The positioned tokenizer on pages built by hand: blank cells, wrapped labels, the
 * vertical group label, a table continued on the next page, page furniture.
 */
import { describe, expect, it } from "vitest";
import { tokenizePositioned } from "../../src/pdf/positioned-tokenizer.js";
import type { PdfCell, PositionedPage, PositionedText } from "../../src/pdf/types.js";

/** A piece of text with its baseline at `y` (from the top); CJK one em wide per character, digits half. */
function piece(page: number, x: number, y: number, text: string, size = 9): PositionedText {
  let width = 0;
  for (const ch of text) width += /[\x20-\x7e]/.test(ch) ? size / 2 : size;
  return { text, page, size, x0: x, x1: x + width, y0: y - 0.88 * size, y1: y + 0.12 * size };
}

function pageOf(page: number, items: PositionedText[]): PositionedPage {
  return { page, width: 595, height: 842, items };
}

const texts = (row: readonly PdfCell[]) => row.map((c) => c.text);

describe("tokenizePositioned", () => {
  it("keeps a blank cell as an empty cell in its column", () => {
    const { tokenized } = tokenizePositioned([
      pageOf(1, [
        piece(1, 72, 100, "二、主动公开政府信息情况", 12),
        piece(1, 80, 130, "信息内容"),
        piece(1, 250, 130, "本年制发件数"),
        piece(1, 340, 130, "本年废止件数"),
        piece(1, 430, 130, "现行有效件数"),
        piece(1, 80, 150, "规章"),
        piece(1, 270, 150, "1"),
        piece(1, 450, 150, "3"),
        piece(1, 80, 170, "行政规范性文件"),
        piece(1, 268, 170, "12"),
        piece(1, 360, 170, "0"),
        piece(1, 448, 170, "40"),
      ]),
    ]);
    const table = tokenized.tables[0]!;
    expect(table.kind).toBe("activeDisclosure");
    expect(table.rows.map(texts)).toEqual([
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "1", "", "3"],
      ["行政规范性文件", "12", "0", "40"],
    ]);
    const blank = table.rows[1]![2]!;
    expect(blank.start).toBe(blank.end);
    expect(blank.box.x0).toBeGreaterThanOrEqual(340);
    expect(blank.box.x1).toBeLessThan(430);
  });

  it("joins a label wrapped over lines and gives a vertical group label once, in its first row", () => {
    const rows: PositionedText[] = [piece(1, 72, 100, "三、收到和处理政府信息公开申请情况", 12)];
    // the vertical label: one character per line, beside four rows
    ["三、", "本", "年", "度", "办", "理", "结", "果"].forEach((ch, i) => rows.push(piece(1, 60, 150 + i * 11, ch)));
    rows.push(piece(1, 90, 150, "（一）予以公开"), ...[300, 340].map((x) => piece(1, x, 150, "5")));
    rows.push(piece(1, 90, 170, "（二）部分公开（区分处理"), piece(1, 90, 181, "的，只计这一情形）"), ...[300, 340].map((x) => piece(1, x, 176, "2")));
    rows.push(piece(1, 90, 200, "（三）不予公开"), piece(1, 170, 200, "1.属于国家秘密"), ...[300, 340].map((x) => piece(1, x, 200, "0")));
    rows.push(piece(1, 170, 220, "2.其他法律行政法规禁止公开"), ...[300, 340].map((x) => piece(1, x, 220, "1")));
    const { tokenized, text } = tokenizePositioned([pageOf(1, rows)]);
    const grid = tokenized.tables[0]!.rows.map(texts);
    expect(grid).toEqual([
      ["三、本年度办理结果", "（一）予以公开", "5", "5"],
      ["（二）部分公开（区分处理的，只计这一情形）", "2", "2"],
      ["（三）不予公开", "1.属于国家秘密", "0", "0"],
      ["2.其他法律行政法规禁止公开", "1", "1"],
    ]);
    for (const row of tokenized.tables[0]!.rows) {
      for (const cell of row) if (cell.text !== "") expect(text.slice(cell.start, cell.end)).toContain(cell.text.slice(0, 2));
    }
  });

  it("reads a table continued on the next page, without the page footers", () => {
    const page1 = [
      piece(1, 72, 100, "四、政府信息公开行政复议、行政诉讼情况", 12),
      piece(1, 80, 130, "行政复议"),
      piece(1, 300, 130, "行政诉讼"),
      piece(1, 80, 150, "一、本年新收政府信息公开申请数量"),
      piece(1, 300, 150, "7"),
      piece(1, 350, 150, "8"),
      piece(1, 280, 800, "- 1 -", 10),
    ];
    const page2 = [
      piece(2, 80, 80, "二、上年结转政府信息公开申请数量"),
      piece(2, 300, 80, "1"),
      piece(2, 350, 80, "2"),
      piece(2, 72, 120, "五、存在的主要问题及改进情况", 12),
      piece(2, 280, 800, "- 2 -", 10),
    ];
    const { tokenized, text } = tokenizePositioned([pageOf(1, page1), pageOf(2, page2)]);
    expect(text).not.toContain("- 1 -");
    expect(text).not.toContain("- 2 -");
    const table = tokenized.tables[0]!;
    expect(table.rows.map(texts).slice(1)).toEqual([
      ["一、本年新收政府信息公开申请数量", "7", "8"],
      ["二、上年结转政府信息公开申请数量", "1", "2"],
    ]);
    expect(table.rows[2]!.map((c) => c.page)).toEqual([2, 2, 2]);
    expect(tokenized.blocks.map((b) => b.text)).toEqual(["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]);
  });

  it("drops a running header repeated at the top of every page", () => {
    const header = (p: number) => piece(p, 200, 40, "某某市人民政府办公室", 10);
    const { text } = tokenizePositioned([
      pageOf(1, [header(1), piece(1, 72, 100, "一、总体情况", 12)]),
      pageOf(2, [header(2), piece(2, 72, 100, "正文第二页。", 12)]),
    ]);
    expect(text).toBe("一、总体情况\n正文第二页。");
  });

  it("makes one block of a paragraph's lines and of a title's lines", () => {
    const { tokenized } = tokenizePositioned([
      pageOf(1, [
        piece(1, 200, 60, "某某市人民政府", 20),
        piece(1, 120, 90, "2024年政府信息公开工作年度报告", 20),
        piece(1, 100, 130, "一、总体情况", 12),
        piece(1, 100, 150, "本年度全市共收到政府信息公开申请总数为", 12),
        piece(1, 72, 166, "218件。", 12),
        piece(1, 72, 182, "这一行的前面是段落的末尾所以另起一段的文字内容", 12),
      ]),
    ]);
    expect(tokenized.blocks.map((b) => b.text)).toEqual([
      "某某市人民政府2024年政府信息公开工作年度报告",
      "一、总体情况",
      "本年度全市共收到政府信息公开申请总数为218件。",
      "这一行的前面是段落的末尾所以另起一段的文字内容",
    ]);
  });

  it("gives nothing for pages without text (a scan)", () => {
    const tokens = tokenizePositioned([pageOf(1, []), pageOf(2, [])]);
    expect(tokens.pieces).toBe(0);
    expect(tokens.text).toBe("");
    expect(tokens.tokenized.tables).toEqual([]);
  });
});
