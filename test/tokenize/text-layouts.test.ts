/**
 * The line-based tokenizers: pipe-rows, pipe-cells, tab-rows, markdown.
 */
import { describe, expect, it } from "vitest";
import { markdown } from "../../src/tokenize/markdown.js";
import { pipeCells } from "../../src/tokenize/pipe-cells.js";
import { pipeRows } from "../../src/tokenize/pipe-rows.js";
import { tabRows } from "../../src/tokenize/tab-rows.js";
import type { Table } from "../../src/types.js";

const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));

describe("pipe-rows", () => {
  const input = "二、主动公开政府信息情况\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 1 | 2 |\n第二十条第(五)项 | |||\n三、收到";
  const out = pipeRows.tokenize(input);

  it("splits rows into cells and keeps the narrative as blocks", () => {
    expect(out.tables).toHaveLength(1);
    expect(texts(out.tables[0]!)).toEqual([
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", ""],
      ["规章", "0", "1", "2", ""],
      ["第二十条第(五)项", "", "", "", ""],
    ]);
    expect(out.blocks.map((b) => b.text)).toEqual(["二、主动公开政府信息情况", "三、收到"]);
  });

  it("gives every cell its offsets", () => {
    const cells = out.tables[0]!.rows.flat().filter((c) => c.text !== "");
    expect(cells).toHaveLength(9);
    for (const c of cells) expect(input.slice(c.start, c.end)).toBe(c.text);
  });

  it("does not take one-cell lines; reads a row opening with an empty cell", () => {
    expect(pipeRows.tokenize("规章 |\n").tables).toEqual([]);
    expect(pipeRows.tokenize(" | 2 | 3 |").tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([["", "2", "3", ""]]);
  });

  it("does not score markdown rows", () => {
    expect(pipeRows.detect(Array.from({ length: 40 }, (_, i) => `| 行${i} | ${i} |`).join("\n"))).toBe(0);
  });
});

describe("pipe-cells", () => {
  const input = "一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n||\n二、上年结转政府信息公开申请数量 |\n1 |\n规章 |\n5 |\n";
  const out = pipeCells.tokenize(input);

  it("rebuilds rows: a pipes-only line ends a row, a label after a value starts one", () => {
    expect(texts(out.tables[0]!)).toEqual([
      ["一、本年新收政府信息公开申请数量", "3", "0", "", ""],
      ["二、上年结转政府信息公开申请数量", "1"],
      ["规章", "5"],
    ]);
    const three = out.tables[0]!.rows[0]![1]!;
    expect(input.slice(three.start, three.end)).toBe("3");
  });
});

describe("tab-rows", () => {
  it("keeps empty cells of merged cells", () => {
    const input = "三、本年度办理结果\t(一) 予以公开\t\t0\t1\n\t(三) 不予公开\t1. 属于国家秘密\t2\n";
    const out = tabRows.tokenize(input);
    expect(texts(out.tables[0]!)).toEqual([
      ["三、本年度办理结果", "(一) 予以公开", "", "0", "1"],
      ["", "(三) 不予公开", "1. 属于国家秘密", "2"],
    ]);
  });

  it("reads CRLF line ends", () => {
    const out = tabRows.tokenize("规章\t0\t0\t0\r\n行政规范性文件\t1\t2\t3\r\n");
    expect(texts(out.tables[0]!)).toEqual([["规章", "0", "0", "0"], ["行政规范性文件", "1", "2", "3"]]);
  });
});

describe("markdown", () => {
  it("drops the delimiter rows and the outer pipes; fragments stay separate tables", () => {
    const input = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 22 |\n## 表二\n| 行政规范性文件 | 34 |\n|:--|--:|\n";
    const out = markdown.tokenize(input);
    expect(out.tables.map(texts)).toEqual([[["信息内容", "本年制发件数"], ["规章", "22"]], [["行政规范性文件", "34"]]]);
    expect(out.blocks.map((b) => b.text)).toEqual(["## 表二"]);
  });
});

describe("detect", () => {
  const pipe = Array.from({ length: 40 }, (_, i) => `行${i} | ${i} | 0 |`).join("\n");
  const tabs = Array.from({ length: 40 }, (_, i) => `行${i}\t${i}\t0`).join("\n");
  const cells = Array.from({ length: 100 }, (_, i) => (i % 5 === 4 ? "||" : `${i} |`)).join("\n");
  const md = `| a | b |\n|---|---|\n${Array.from({ length: 30 }, (_, i) => `| 行${i} | ${i} |`).join("\n")}`;
  it("each layout scores its own text highest", () => {
    const score = (t: string) => [pipeRows.detect(t), pipeCells.detect(t), tabRows.detect(t), markdown.detect(t)];
    expect(score(pipe)).toEqual([1, 0, 0, 0]);
    expect(score(tabs)).toEqual([0, 0, 1, 0]);
    expect(score(cells)[1]).toBe(1);
    expect(score(cells)[0]).toBe(0);
    expect(score(md)[3]).toBe(1);
    expect(score(md)[0]).toBe(0);
  });
});
