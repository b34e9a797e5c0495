import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { html } from "../../src/tokenize/html.js";
import { expandSpans } from "../../src/tokenize/expand-spans.js";
import { readCellValue } from "../../src/text/cell-value.js";
import { templatePaths } from "../../src/template/templates.js";
import { printedPaths } from "../helpers/make-report.js";
import type { Cell, Table } from "../../src/types.js";
import { flattenReport, parseReport } from "../../src/index.js";
import { corpusDir } from "../helpers/corpus.js";
import { renderHtml } from "../helpers/render-html.js";

/** A table as rows of `text{rN}{cN}` strings. */
function shape(table: Table | undefined): string[][] {
  if (!table) return [];
  return table.rows.map((row) =>
    row.map((c) => `${c.text}${c.rowSpan > 1 ? `{r${c.rowSpan}}` : ""}${c.colSpan > 1 ? `{c${c.colSpan}}` : ""}`),
  );
}

function grids(source: string): string[][][] {
  return html.tokenize(source).tables.map(shape);
}

function blockTexts(source: string): string[] {
  return html.tokenize(source).blocks.map((b) => b.text);
}

/** The value cells of a row: those after its last text cell. */
function rowValues(row: readonly Cell[]): Array<number | null> {
  let last = -1;
  row.forEach((c, i) => {
    if (readCellValue(c.text).kind === "text") last = i;
  });
  return row.slice(last + 1).map((c) => {
    const v = readCellValue(c.text);
    return v.kind === "number" ? v.value : null;
  });
}

describe("html tokenizer: cells", () => {
  it("reads rowspan and colspan from attributes", () => {
    const src =
      "<table><tr><td rowspan=2 colspan='2'>规章</td><td>1</td></tr><tr><td>2</td></tr>" +
      '<tr><td colspan="3">3</td></tr></table>';
    expect(grids(src)).toEqual([[["规章{r2}{c2}", "1"], ["2"], ["3{c3}"]]]);
  });

  it("reads junk spans as 1 and leading digits as HTML does", () => {
    const src =
      '<table><tr><td rowspan="abc">1</td><td colspan="3px">2</td><td rowspan="0">3</td>' +
      '<td colspan="-2">4</td><td rowspan=" 2">5</td><td colspan="">6</td></tr><tr><td>7</td></tr></table>';
    const table = html.tokenize(src).tables[0]!;
    expect(table.rows[0]!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ["1", 1, 1],
      ["2", 1, 3],
      ["3", 1, 1],
      ["4", 1, 1],
      ["5", 2, 1],
      ["6", 1, 1],
    ]);
  });

  it("drops nested inline tags, Word's <o:p>, and decodes entities", () => {
    const src =
      "<table><tr><td><p><span><font face=宋体><strong>行政<b>许可</b></strong></font></span><o:p></o:p></p></td>" +
      "<td><span>&nbsp;12&nbsp;</span></td><td>&nbsp;</td><td><o:p>&nbsp;</o:p></td><td>3.危及&ldquo;三安全一稳定&rdquo;</td>" +
      "<td>A&amp;B &lt;x&gt;</td></tr></table>";
    expect(grids(src)).toEqual([[["行政许可", "12", "", "", "3.危及“三安全一稳定”", "A&B <x>"]]]);
  });

  it("joins <br> and paragraph breaks between CJK characters, spaces elsewhere", () => {
    const src =
      "<table><tr><td>结果<br>维持</td><td>结果<br/>\n纠正</td><td><p>商业</p>\n<p>企业</p></td>" +
      "<td>Total<br>count</td><td>（二）部分公开<br>（区分处理的）</td></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr></table>";
    expect(grids(src)[0]![0]).toEqual(["结果维持", "结果纠正", "商业企业", "Total count", "（二）部分公开（区分处理的）"]);
  });

  it("reads a number split across spans as one number", () => {
    const src = "<table><tr><td>年份</td><td><span>20</span><span>23</span></td><td><b>1</b>,<i>234</i></td><td>5&#8203;6</td></tr></table>";
    const row = html.tokenize(src).tables[0]!.rows[0]!;
    expect(row.map((c) => c.text)).toEqual(["年份", "2023", "1,234", "56"]);
    expect(rowValues(row)).toEqual([2023, 1234, 56]);
  });

  it("collapses whitespace and trims", () => {
    const src = "<table><tr><td>\n   自然人 \t </td><td>\u3000商业 企业</td><td>法人或\n  其他组织</td></tr></table>";
    expect(grids(src)[0]![0]).toEqual(["自然人", "商业 企业", "法人或其他组织"]);
  });

  it("gives each cell the offsets of its text, or of the <td> when empty", () => {
    const src = "<table><tr><td> <p>规章</p> </td><td><span>7</span><span>7</span></td><td>&nbsp;</td><td>&amp;x</td></tr></table>";
    const [a, b, c, d] = html.tokenize(src).tables[0]!.rows[0]!;
    expect(src.slice(a!.start, a!.end)).toBe("规章");
    expect(src.slice(b!.start, b!.end)).toBe("7</span><span>7");
    expect(src.slice(c!.start, c!.end)).toBe("<td>&nbsp;</td>");
    expect(src.slice(d!.start, d!.end)).toBe("&amp;x");
  });

  it("skips hidden content in cells", () => {
    const src = "<table><tr><td>规章<span style='mso-hide:all'>隐藏</span></td><td><span style=\"display: none\">9</span>1</td></tr></table>";
    expect(grids(src)).toEqual([[["规章", "1"]]]);
  });
});

describe("html tokenizer: table structure", () => {
  it("reports overlapping spans", () => {
    const src =
      "<table><tr><td>规章</td><td>1</td><td rowspan=2>2</td></tr><tr><td colspan=3>行政许可</td><td>4</td></tr></table>";
    const out = html.tokenize(src);
    expect(shape(out.tables[0])).toEqual([
      ["规章", "1", "2{r2}"],
      ["行政许可{c3}", "4"],
    ]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["overlapping-span"]);
    expect(src.slice(out.diagnostics[0]!.start, out.diagnostics[0]!.end)).toBe("行政许可");
  });

  it("closes cells and rows whose end tags are missing", () => {
    expect(grids("<table><tr><td>规章<td>1<tr><td>行政许可<td>2</table>")).toEqual([
      [
        ["规章", "1"],
        ["行政许可", "2"],
      ],
    ]);
  });

  it("gives cells written without a row an implied row", () => {
    expect(grids("<table><tbody><td>规章</td><td>3</td></tbody></table>")).toEqual([[["规章", "3"]]]);
  });

  it("ignores stray end tags inside a cell, as browsers do", () => {
    const src =
      "<div><span><table><tr><td><p>规章</span></div></p></td><td>1</font></td></tr>" +
      "<tr><td>行政许可</td><td>2</td></tr></table></span></div><p>后记</p>";
    expect(grids(src)).toEqual([
      [
        ["规章", "1"],
        ["行政许可", "2"],
      ],
    ]);
    expect(blockTexts(src)).toEqual(["后记"]);
  });

  it("reads through a layout table: each inner table is its own table, the rest is narrative", () => {
    const src =
      "<table width=100%><tr><td class=left><a href='/'>首页</a></td><td>" +
      "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr></table>" +
      "<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td>行政复议</td><td>2</td></tr></table>" +
      "结尾</td></tr></table>";
    const out = html.tokenize(src);
    expect(out.tables.map(shape)).toEqual([[["规章", "1"]], [["行政复议", "2"]]]);
    expect(out.blocks.map((b) => b.text)).toEqual(["二、主动公开政府信息情况", "四、政府信息公开行政复议、行政诉讼情况", "结尾"]);
  });

  it("keeps a report table whose cell holds a small table of its own", () => {
    const src =
      "<table><tr><td>规章</td><td><table><tr><td>法人</td><td>组织</td></tr></table></td></tr>" +
      "<tr><td>行政许可</td><td>5</td></tr></table>";
    expect(grids(src)).toEqual([
      [
        ["规章", "法人组织"],
        ["行政许可", "5"],
      ],
    ]);
  });

  it("reads a two-column layout table around a non-report table as narrative", () => {
    const src =
      "<table><tr><td><a href='/'>栏目</a></td><td><table><tr><td>索引号</td><td>FJ-2024</td></tr></table>" +
      "<p>正文第一段</p></td></tr></table>";
    const out = html.tokenize(src);
    expect(out.tables).toEqual([]);
    expect(out.blocks.map((b) => b.text)).toEqual(["索引号 FJ-2024", "正文第一段"]);
  });

  it("reads a one-column table as narrative", () => {
    expect(grids("<table><tr><td><p>一、总体情况</p></td></tr><tr><td>本年度…</td></tr></table>")).toEqual([]);
    expect(blockTexts("<table><tr><td><p>一、总体情况</p></td></tr><tr><td>本年度…</td></tr></table>")).toEqual([
      "一、总体情况",
      "本年度…",
    ]);
  });

  it("reads a table without numbers or report words as narrative rows", () => {
    const src =
      "<table><tr><td>索引号</td><td>FJ001-2024-0001</td><td>发布机构</td><td>某某县人民政府办公室</td></tr>" +
      "<tr><td><a href='/a'>上一篇</a></td><td><a href='/b'>下一篇</a></td></tr></table>";
    const out = html.tokenize(src);
    expect(out.tables).toEqual([]);
    expect(out.blocks).toEqual([
      { text: "索引号 FJ001-2024-0001 发布机构 某某县人民政府办公室", start: src.indexOf("索引号"), end: src.indexOf("</td></tr>") },
    ]);
  });

  it("drops Word's spacer row and keeps empty rows inside rowspans", () => {
    const src =
      "<table><tr><td rowspan=2>规章</td><td>1</td></tr><tr></tr>" +
      "<![if !supportMisalignedColumns]><tr height=0><td width=40></td><td width=60></td></tr><![endif]></table>";
    expect(grids(src)).toEqual([[["规章{r2}", "1"], []]]);
  });

  it("keeps what a truncated page has and says it is truncated", () => {
    const out = html.tokenize("<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>自然人</td><td>12</td><td>3");
    expect(shape(out.tables[0])).toEqual([["自然人", "12", "3"]]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["truncated"]);
  });

  it("keeps a report table inside page chrome, and drops chrome tables without report content", () => {
    const src =
      "<div class='nav'><table><tr><td>1</td><td>2</td><td>3</td></tr></table><p>导航</p></div>" +
      "<div class='footer'><table><tr><td>行政复议</td><td>5</td></tr></table></div>";
    const out = html.tokenize(src);
    expect(out.tables.map(shape)).toEqual([[["行政复议", "5"]]]);
    expect(out.blocks).toEqual([]);
  });

  it("does not take a wrapper holding the report tables for chrome", () => {
    const src =
      "<body class='has-navbar'><div class='main-nav-wrapper'><p>一、总体情况</p>" +
      "<table><tr><td>规章</td><td>1</td></tr></table></div><div class='nav'><p>导航</p></div></body>";
    const out = html.tokenize(src);
    expect(out.blocks.map((b) => b.text)).toEqual(["一、总体情况"]);
    expect(out.tables).toHaveLength(1);
  });
});

describe("html tokenizer: narrative and page", () => {
  it("makes one block per paragraph, heading, list item, div text and <br> line", () => {
    const src =
      "<h1>标题</h1><div>开头<p>段落一</p>中间<br>下一行<ul><li>甲</li><li>乙</li></ul></div><p>a<br/>b</p>";
    expect(blockTexts(src)).toEqual(["标题", "开头", "段落一", "中间", "下一行", "甲", "乙", "a", "b"]);
  });

  it("trims &nbsp; around headings and locates the block's text", () => {
    const src = '<p style="text-indent: 2em;"><strong>&nbsp;一、总体情况</strong>&nbsp;</p>';
    const [block] = html.tokenize(src).blocks;
    expect(block!.text).toBe("一、总体情况");
    expect(src.slice(block!.start, block!.end)).toBe("一、总体情况");
  });

  it("joins a source line wrapped inside Chinese text, but not separate elements", () => {
    const src = "<p>本年新收政府信息公开\r\n申请81件</p><div><span>来源：某某县</span>\n\n<span>时间：2024-03-08</span></div>";
    expect(blockTexts(src)).toEqual(["本年新收政府信息公开申请81件", "来源：某某县 时间：2024-03-08"]);
  });

  it("reads a whole page: title from <head>, no scripts, styles or chrome", () => {
    const src =
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>某县2023年度报告&nbsp;_年报</title>" +
      "<style>p{color:red}</style><script>var x='<table><tr><td>1</td></tr></table>';</script></head><body>" +
      "<nav>导航</nav><header>网站头部</header><div class='breadcrumb'>当前位置：<a href='/'>首页</a></div>" +
      "<div id=topMenu>菜单</div><ul class=list><li><a href='/a'>链接一</a></li></ul>" +
      "<article><header><h1>某县2023年度报告</h1></header><p>一、总体情况</p><noscript>请启用脚本</noscript></article>" +
      "<footer>版权</footer><div class='foot_box'>主办单位</div></body></html>";
    const out = html.tokenize(src);
    expect(out.documentTitle).toEqual({ text: "某县2023年度报告 _年报", start: src.indexOf("某县"), end: src.indexOf("</title>") });
    expect(out.blocks.map((b) => b.text)).toEqual(["某县2023年度报告", "一、总体情况"]);
    expect(out.tables).toEqual([]);
  });

  it("ends the narrative with the CMS article body that holds the report tables", () => {
    const src =
      "<div class='article_title'>某县报告</div><div class='TRS_Editor'><p>六、其他需要报告的事项</p>" +
      "<table><tr><td>规章</td><td>1</td></tr></table><p>无。</p></div>" +
      "<div class='fj'><p>附件下载</p></div><p>扫一扫在手机上查看当前页面</p>";
    expect(blockTexts(src)).toEqual(["某县报告", "六、其他需要报告的事项", "无。"]);
    const unmarked = src.replace("TRS_Editor", "box");
    expect(blockTexts(unmarked)).toEqual(["某县报告", "六、其他需要报告的事项", "无。", "附件下载", "扫一扫在手机上查看当前页面"]);
  });

  it("reads a fragment without <html>", () => {
    const src = "二、主动公开政府信息情况<table><tr><td>规章</td><td>0</td><td>1</td><td>2</td></tr></table>说明";
    const out = html.tokenize(src);
    expect(out.blocks.map((b) => b.text)).toEqual(["二、主动公开政府信息情况", "说明"]);
    expect(shape(out.tables[0])).toEqual([["规章", "0", "1", "2"]]);
    expect(out.documentTitle).toBeUndefined();
  });

  it("reads Word's web page export", () => {
    const src = [
      "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta name=Generator content='Microsoft Word 15'>",
      "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->",
      "<style><!-- p.MsoNormal {mso-style-parent:''; margin:0cm;} --></style></head>",
      "<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>",
      "<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体;mso-ascii-font-family:\"Times New Roman\"'>",
      "四、政府信息公开行政复议、行政诉讼情况<span lang=EN-US><o:p></o:p></span></span></b></p>",
      "<p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>",
      "<span>列表项</span></p>",
      "<table class=MsoNormalTable border=1 cellspacing=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>",
      " <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>",
      "  <td width=91 colspan=5 style='width:68.25pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span",
      "  style='font-family:宋体'>行政复议<span lang=EN-US><o:p></o:p></span></span></p></td>",
      "  <td width=91 colspan=10 valign=top style='width:68.25pt'><p class=MsoNormal align=center><span style='font-family:宋体'>行政<span",
      "  class=GramE>诉讼</span><o:p></o:p></span></p></td>",
      " </tr>",
      " <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>",
      "  <td><p class=MsoNormal align=center><span lang=EN-US>2<o:p></o:p></span></p></td>",
      "  <td><p class=MsoNormal align=center><span lang=EN-US style='mso-spacerun:yes'>&nbsp;</span><span lang=EN-US>1</span><span",
      "  lang=EN-US>0<o:p></o:p></span></p></td>",
      "  <td><p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>",
      " </tr>",
      "</table></div></body></html>",
    ].join("\r\n");
    const out = html.tokenize(src);
    expect(out.tables.map(shape)).toEqual([[["行政复议{c5}", "行政诉讼{c10}"], ["2", "10", ""]]]);
    expect(out.blocks.map((b) => b.text)).toEqual(["四、政府信息公开行政复议、行政诉讼情况", "1. 列表项"]);
  });

  it("drops blocks made only of navigation links, keeps in-page anchors", () => {
    const src = "<p><a href='/'>首页</a> <a href='/x'>政务公开</a></p><p><a name='s1'>一、总体情况</a></p><p><a href='#s2'>五、存在的主要问题</a></p>";
    expect(blockTexts(src)).toEqual(["一、总体情况", "五、存在的主要问题"]);
  });

  test.prop([fc.string({ maxLength: 300 })])("never throws, and offsets stay inside the input", (s) => {
    const out = html.tokenize(s);
    for (const t of out.tables) {
      for (const row of t.rows) {
        for (const c of row) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(s.length);
          expect(c.start).toBeLessThanOrEqual(c.end);
        }
      }
    }
    for (const b of out.blocks) expect(b.start < b.end && b.end <= s.length).toBe(true);
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  const piece = fc.constantFrom(
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<td rowspan=2>", "<th colspan=x>", "<p>", "</p>", "<div>",
    "</div>", "<span>", "</span>", "<br>", "&nbsp;", "&amp", "规章", "12", " ", "\n", "<!--", "-->", "<script>", "</script>",
    "<", ">", "<a href=/>", "</a>", "<title>", "<head>", "<body>", "</body>", "<svg>", "<o:p>",
  );
  test.prop([fc.array(piece, { maxLength: 60 })], { numRuns: 500 })("never throws on broken tag soup", (pieces) => {
    const s = pieces.join("");
    const out = html.tokenize(s);
    expect(out.layout).toBe("html");
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const t of out.tables) {
      expect(t.rows.flat().every((c) => c.start >= 0 && c.end <= s.length && c.rowSpan >= 1 && c.colSpan >= 1)).toBe(true);
    }
  });

  it("survives deep nesting", () => {
    const src = "<div>".repeat(5000) + "<table><tr><td>规章</td><td>1</td></tr></table>" + "</div>".repeat(5000);
    expect(() => html.tokenize(src)).not.toThrow();
  });
});

describe("html detect", () => {
  it("scores pages with tables high and text with a stray '<' at zero", () => {
    const page = readFileSync(join(corpusDir, "pingtan-2023.html"), "utf8");
    expect(html.detect(page)).toBeGreaterThan(0.9);
    expect(html.detect("<table><tr><td>规章</td><td>1</td></tr></table>")).toBeGreaterThan(0.7);
    expect(html.detect("如果 a < b 且 c<d，则…\n规章 | 0 | 0 | 0 |")).toBe(0);
    expect(html.detect("纯文本，没有标签。")).toBe(0);
    expect(html.detect("| 规章<br>文件 | 0 |\n|---|---|")).toBeLessThan(0.3);
    expect(html.detect("<thead>")).toBe(0);
  });
});

const CORPUS = ["hangzhou-style-2025", "pingtan-2023", "pingtan-2025"] as const;

function load(id: string): { source: string; values: Record<string, number | null> } {
  const source = readFileSync(join(corpusDir, `${id}.html`), "utf8");
  const expected = JSON.parse(readFileSync(join(corpusDir, `${id}.expected.json`), "utf8")) as {
    values: Record<string, number | null>;
  };
  return { source, values: expected.values };
}

describe.each(CORPUS)("html corpus page %s", (id) => {
  const { source, values } = load(id);
  const out = html.tokenize(source);

  it("has the three report tables and no diagnostics", () => {
    expect(out.tables).toHaveLength(3);
    expect(out.tables.every((t) => t.layout === "html" && t.kind === null)).toBe(true);
    expect(out.diagnostics).toEqual([]);
  });

  it("reads table 3's row 一、本年新收 and table 4's 15 numbers", () => {
    const applications = out.tables[1]!;
    const row = applications.rows.find((r) => r.some((c) => c.text.startsWith("一、本年新收")));
    const keys = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg", "total"];
    expect(rowValues(row!)).toEqual(keys.map((k) => values[`applications.newReceived.${k}`]));
    const appeals = out.tables[2]!;
    const last = appeals.rows[appeals.rows.length - 1]!;
    const appealPaths = templatePaths("2021").filter((p) => p.startsWith("appeals."));
    expect(appealPaths).toHaveLength(15);
    expect(rowValues(last)).toEqual(appealPaths.map((p) => values[p]));
  });

  it("expands every table to a full rectangle", () => {
    expect(out.tables).toHaveLength(3);
    for (const table of out.tables) {
      const grid = expandSpans(table.rows);
      expect(grid.diagnostics).toEqual([]);
      expect(grid.slots.every((line) => line.every((slot) => slot !== null))).toBe(true);
    }
  });

  it("locates every cell and block in the source", () => {
    const cells = out.tables.flatMap((t) => t.rows.flat());
    expect(cells.length).toBeGreaterThan(0);
    expect(out.blocks.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const slice = source.slice(cell.start, cell.end);
      if (cell.text === "") expect(slice.startsWith("<td")).toBe(true);
      else {
        expect(slice.startsWith(cell.text[0]!)).toBe(true);
        expect(slice.endsWith(cell.text[cell.text.length - 1]!)).toBe(true);
        if (!slice.includes("<") && !slice.includes("&")) expect(slice.replace(/\s+/g, "")).toBe(cell.text.replace(/\s+/g, ""));
      }
    }
    for (const block of out.blocks) {
      const slice = source.slice(block.start, block.end);
      expect(slice.startsWith(block.text[0]!)).toBe(true);
      expect(slice.endsWith(block.text[block.text.length - 1]!)).toBe(true);
    }
  });

  it("has the section headings as blocks, trimmed", () => {
    const texts = out.blocks.map((b) => b.text);
    expect(texts).toContain("一、总体情况");
    for (const heading of ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"]) {
      expect(texts).toContain(heading);
    }
    expect(out.documentTitle?.text).toMatch(/^(平潭综合实验区|测试市)20\d\d年/);
  });
});

describe("html tokenizer on rendered reports", () => {
  const valueArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 99_999 }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) },
  );
  const templateArb = fc.constantFrom("2021" as const, "2019" as const);
  const input = templateArb.chain((template) =>
    fc.record({
      template: fc.constant(template),
      values: fc.tuple(...printedPaths(template).map(() => valueArb)),
      seed: fc.integer(),
    }),
  );

  test.prop([input], { numRuns: 150 })("gives back every value in table order, on a full rectangle", ({ template, values, seed }) => {
    const paths = printedPaths(template);
    const record: Record<string, number | null> = {};
    paths.forEach((p, i) => (record[p] = values[i]!));
    const source = renderHtml(record, template, { seed });
    const out = html.tokenize(source);
    expect(out.tables).toHaveLength(3);
    expect(out.diagnostics).toEqual([]);
    const read = out.tables.flatMap((t) => t.rows.flatMap((row) => rowValues(row)));
    expect(read).toEqual(paths.map((p) => record[p]));
    for (const table of out.tables) {
      const grid = expandSpans(table.rows);
      expect(grid.slots.every((line) => line.every((slot) => slot !== null))).toBe(true);
    }
    const texts = out.blocks.map((b) => b.text);
    expect(texts).toContain("二、主动公开政府信息情况");
    expect(texts).toContain("六、其他需要报告的事项");
  });

  test.prop([input], { numRuns: 60 })("parseReport reads every value back from the rendered page", ({ template, values, seed }) => {
    const paths = printedPaths(template);
    const record: Record<string, number | null> = {};
    paths.forEach((p, i) => (record[p] = values[i]!));
    const report = parseReport(renderHtml(record, template, { seed }));
    expect(report.source.layout).toBe("html");
    expect(report.template).toBe(template);
    const flat = flattenReport(report);
    expect(paths.filter((p) => flat[p] !== record[p]).map((p) => `${p}: ${flat[p]} ≠ ${record[p]}`)).toEqual([]);
    const subtotals = templatePaths(template).filter((p) => p.endsWith(".orgSubtotal"));
    expect(subtotals.length).toBeGreaterThan(0);
    expect(subtotals.filter((p) => flat[p] !== null)).toEqual([]);
  });

  it("renders the same HTML for the same seed", () => {
    const values = { "appeals.review.total": 3 };
    expect(renderHtml(values, "2021", { seed: 7 })).toBe(renderHtml(values, "2021", { seed: 7 }));
    expect(renderHtml(values, "2021", { seed: 7 })).not.toBe(renderHtml(values, "2021", { seed: 8 }));
  });
});
