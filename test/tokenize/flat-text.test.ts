/**
 * `flat-text`: text pulled out of PDFs with cells separated by single spaces or line breaks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { flattenReport, parseReport } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import { alignedText } from "../../src/tokenize/aligned-text.js";
import { flatText } from "../../src/tokenize/flat-text.js";
import { layoutModule } from "../../src/tokenize/index.js";
import type { Layout, Table } from "../../src/types.js";
import { extraDir, hasExtra, loadExpected } from "../helpers/corpus.js";
import { printedPaths, sampleValues } from "../helpers/make-report.js";
import { corpusFiles, layoutArb, offsetProblems, reportArb } from "../helpers/pdf-text-fixtures.js";
import { readTemplateRows, splitRow } from "../helpers/read-template-rows.js";
import { renderAlignedText } from "../helpers/render-aligned-text.js";
import { renderFlatText } from "../helpers/render-flat-text.js";

const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));
const valueRows = (t: Table) => t.rows.filter((r) => splitRow(r).values.length > 0).map((r) => r.map((c) => c.text));

// pdfplumber order: values between or beside the label lines, the vertical group label
// interleaved, a page footer inside the table, table 4 as one line
const PLUMBER = [
  "二、主动公开政府信息情况",
  "第二十条 第（一）项",
  "信息内容 本年制发件数 本年废止件数 现行有效件数",
  "规章 2 0 9",
  "行政规范性文件 4 1 30",
  "三、收到和处理政府信息公开申请情况",
  "申请人情况",
  "自然人 总计",
  "一、本年新收政府信息公开申请数量 12 3 0 0 1 0 16",
  "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
  "（一）予以公开 5 1 0 0 0 0 6",
  "（二）部分公开（区分处理的，只计这一情",
  "2 0 0 0 0 0 2",
  "形，不计其他情形）",
  "1.属于国家秘密 0 0 0 0 0 0 0",
  "三、",
  "本 2.其他法律行政法规禁止公开 7 0 0 0 0 0 7",
  "年",
  "度",
  "办 （三）不 4.保护第三方合法权益 1 0 0 0 0 0 1",
  "理",
  "予公开",
  "结",
  "果",
  "（四）无 1.本机关不掌握相关政府信息 3 1 0 0 1 0 5",
  "- 4 -",
  "法提供 2.没有现成信息需要另行制作 1 0 0 0 0 0 1",
  "5.要求行政机关确认或重新出",
  "6 0 0 0 0 0 6",
  "具已获取信息",
  "四、政府信息公开行政复议、行政诉讼情况",
  "行政复议 行政诉讼",
  "结果 结果 其他结 尚未",
  "维持 纠正 果 审结",
  "1 0 2 0 3 0 0 0 0 0 4 0 0 1 5",
  "五、存在的主要问题及改进情况",
  "下一步将加强培训，",
  "提升工作人员能力。",
].join("\n");

// pdfium / pdf.js order: cell by cell, the values of a wrapped row after its label lines
const PDFIUM = [
  "三、收到和处理政府信息公开申请情况",
  "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
  "三、",
  "本",
  "年",
  "度",
  "办",
  "理",
  "结",
  "果",
  "（一）予以公开 5 1 0 0 0 0 6",
  "（二）部分公开（区分处理的，只计这一情",
  "形，不计其他情形）",
  "2 0 0 0 0 0 2",
  "（六）其",
  "他处理",
  "1、申请人无正当理由逾期不补",
  "正、行政机关不再处理其政府信",
  "息公开申请",
  "67 3 0 0 1 0 71",
  "3、其他 108 2 0 0 0 0 110",
  "五、存在的主要问题及改进情况",
].join("\n");

describe("flat-text: rows of pdfplumber-ordered text", () => {
  const out = flatText.tokenize(PLUMBER);
  const [active, applications, appeals] = out.tables;

  it("finds one table per section, with the kind its heading names", () => {
    expect(out.tables.map((t) => t.kind)).toEqual(["activeDisclosure", "applications", "appeals"]);
    expect(out.layout).toBe("flat-text");
  });

  it("reads table 2 as header rows and rows of label + values", () => {
    expect(texts(active!)).toEqual([
      ["第二十条第（一）项"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "2", "0", "9"],
      ["行政规范性文件", "4", "1", "30"],
    ]);
  });

  it("joins wrapped labels, hangs group labels before row labels, drops the vertical label and the footer", () => {
    expect(valueRows(applications!)).toEqual([
      ["一、本年新收政府信息公开申请数量", "12", "3", "0", "0", "1", "0", "16"],
      ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
      ["（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "0", "0", "0", "0", "0", "2"],
      ["1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"],
      ["2.其他法律行政法规禁止公开", "7", "0", "0", "0", "0", "0", "7"],
      ["（三）不予公开", "4.保护第三方合法权益", "1", "0", "0", "0", "0", "0", "1"],
      ["（四）无法提供", "1.本机关不掌握相关政府信息", "3", "1", "0", "0", "1", "0", "5"],
      ["2.没有现成信息需要另行制作", "1", "0", "0", "0", "0", "0", "1"],
      ["5.要求行政机关确认或重新出具已获取信息", "6", "0", "0", "0", "0", "0", "6"],
    ]);
    const all = texts(applications!).flat();
    for (const ch of ["三、", "本", "年", "度", "办", "理", "结", "果", "- 4 -"]) expect(all).not.toContain(ch);
    expect(all.some((t) => t.includes("本年度办理结果"))).toBe(false);
  });

  it("gives joined labels the span from their first line to their last", () => {
    const row = applications!.rows.find((r) => r[0]!.text.startsWith("（二）"))!;
    expect(row[0]!.start).toBe(PLUMBER.indexOf("（二）部分公开"));
    expect(row[0]!.end).toBe(PLUMBER.indexOf("形，不计其他情形）") + "形，不计其他情形）".length);
    const group = applications!.rows.find((r) => r[0]!.text === "（四）无法提供")![0]!;
    expect(PLUMBER.slice(group.start, group.start + 4)).toBe("（四）无");
    expect(PLUMBER.slice(group.end - 3, group.end)).toBe("法提供");
  });

  it("gives every value cell the offsets of its number", () => {
    expect(offsetProblems(PLUMBER, out.tables)).toEqual([]);
    const cell = applications!.rows.find((r) => r[0]!.text.startsWith("一、"))![7]!;
    expect(PLUMBER.slice(cell.start, cell.end)).toBe("16");
  });

  it("reads table 4 as one row of fifteen cells after its headers", () => {
    const rows = appeals!.rows.map(splitRow);
    expect(rows.filter((r) => r.values.length > 0).map((r) => r.values.map((c) => c.text))).toEqual([
      ["1", "0", "2", "0", "3", "0", "0", "0", "0", "0", "4", "0", "0", "1", "5"],
    ]);
    expect(appeals!.rows[appeals!.rows.length - 1]).toHaveLength(15);
  });

  it("keeps headings and prose as blocks, one per line, and no page footer", () => {
    expect(out.blocks.map((b) => b.text)).toEqual([
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "下一步将加强培训，",
      "提升工作人员能力。",
    ]);
    for (const b of out.blocks) expect(PLUMBER.slice(b.start, b.end)).toBe(b.text);
  });
});

describe("flat-text: rows of pdfium-ordered text", () => {
  const out = flatText.tokenize(PDFIUM);

  it("hangs values printed after a wrapped label on that label, and group labels on the next row", () => {
    expect(out.tables).toHaveLength(1);
    expect(valueRows(out.tables[0]!)).toEqual([
      ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
      ["（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "0", "0", "0", "0", "0", "2"],
      ["（六）其他处理", "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "67", "3", "0", "0", "1", "0", "71"],
      ["3、其他", "108", "2", "0", "0", "0", "0", "110"],
    ]);
    expect(offsetProblems(PDFIUM, out.tables)).toEqual([]);
  });
});

describe("flat-text: rows with fewer values than columns", () => {
  it("keeps the values it has and says the row is ambiguous", () => {
    const text = [
      "三、收到和处理政府信息公开申请情况",
      "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
      "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2",
      "（一）予以公开 5 5",
    ].join("\n");
    const out = flatText.tokenize(text);
    expect(valueRows(out.tables[0]!)[2]).toEqual(["（一）予以公开", "5", "5"]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code: "ambiguous-cell", severity: "warning" });
    expect(text.slice(out.diagnostics[0]!.start, out.diagnostics[0]!.end)).toBe("（一）予以公开 5 5");
  });
});

describe("flat-text: rendered reports", () => {
  for (const template of ["2021", "2019"] as const) {
    for (const style of ["plumber", "pdfium", "pdfjs"] as const) {
      it(`${template} template, ${style} order: every template row with its values`, () => {
        const values = sampleValues(template);
        const text = renderFlatText(values, template, {
          style,
          footers: [
            { table: "applications", afterLine: 18 },
            { table: "activeDisclosure", afterLine: 4 },
          ],
        });
        const out = flatText.tokenize(text);
        const read = readTemplateRows(out.tables, template);
        for (const path of printedPaths(template)) expect(read[path], path).toBe(values[path]);
        expect(offsetProblems(text, out.tables)).toEqual([]);
      });
    }
  }

  test.prop([reportArb, fc.constantFrom<"plumber" | "pdfium" | "pdfjs">("plumber", "pdfium", "pdfjs"), layoutArb], { numRuns: 60 })(
    "any values, wrap widths and footers: the rows give back the values",
    ({ template, nulls, values }, style, layout) => {
    const text = renderFlatText(values, template, { ...layout, style, blank: nulls ? "—" : "" });
    const out = flatText.tokenize(text);
    const read = readTemplateRows(out.tables, template);
    for (const path of printedPaths(template)) expect(read[path], path).toBe(values[path]);
    expect(offsetProblems(text, out.tables)).toEqual([]);
    expect(out.diagnostics).toEqual([]);
    const report = parseReport(text, { layout: "flat-text" });
    const flat = flattenReport(report);
    expect(report.template).toBe(template);
    for (const path of templatePaths(template)) expect(flat[path], `parseReport: ${path}`).toBe(values[path]);
  });
});

describe("flat-text: detect", () => {
  it("scores flat renderings high and aligned renderings near 0", () => {
    const values = sampleValues("2021");
    for (const style of ["plumber", "pdfium", "pdfjs"] as const) {
      const text = renderFlatText(values, "2021", { style });
      expect(flatText.detect(text)).toBeGreaterThan(0.9);
      expect(alignedText.detect(text)).toBeLessThan(0.05);
    }
    expect(flatText.detect(renderAlignedText(values, "2021"))).toBeLessThan(0.05);
  });

  it("scores the other layouts of the corpus near 0 and below their own layout", () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { file, layout, text } of files) {
      const score = flatText.detect(text);
      expect(score, file).toBeLessThan(0.05);
      const own = layoutModule(layout as Layout);
      if (own && own.layout !== "flat-text") expect(score, `${file} vs ${layout}`).toBeLessThan(own.detect(text));
    }
  });

  it("never throws and stays in 0..1", () => {
    expect.assertions(21);
    for (const t of ["", "\n\n", "- 4 -", "1 2 3", "规章 1 0 0", "|||", "\u0000\u0001"]) {
      const s = flatText.detect(t);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(() => flatText.tokenize(t)).not.toThrow();
    }
  });
});

const extraFiles = ["huaian-2024.plumber.txt", "huaian-2024.pdfium.txt", "huaian-2024-section3-fragment.txt"];
if (!hasExtra) console.info(`flat-text: ${extraDir} not found; the huaian extraction tests are skipped`);

describe.skipIf(!hasExtra)("flat-text: huaian-2024 extractions (corpus-extra)", () => {
  const expectedOf = (file: string) => {
    const all = hasExtra ? loadExpected(extraDir) : [];
    return all.find((e) => e.files.some((f) => f.file === file))!;
  };
  const read = (file: string) => readFileSync(join(extraDir, file), "utf8");

  for (const file of extraFiles) {
    it(`${file}: detected as flat text`, () => {
      const text = read(file);
      expect(flatText.detect(text)).toBeGreaterThan(0.9);
      expect(alignedText.detect(text)).toBeLessThan(0.05);
    });

    it(`${file}: every expected value read from the rows`, () => {
      const expected = expectedOf(file);
      const text = read(file);
      const out = flatText.tokenize(text);
      const got = readTemplateRows(out.tables, "2021");
      const wrong = Object.entries(expected.values).filter(([p, v]) => got[p] !== v).map(([p, v]) => `${p}: got ${got[p]}, want ${v}`);
      expect(wrong).toEqual([]);
      expect(offsetProblems(text, out.tables)).toEqual([]);
      const cells = out.tables.flatMap((t) => t.rows.flat().map((c) => c.text));
      for (const ch of ["本", "年", "度", "办", "理", "结", "果"]) expect(cells).not.toContain(ch);
      expect(cells.some((t) => /-\s*\d+\s*-/.test(t))).toBe(false);
    });

    it(`${file}: parseReport gives every expected value`, () => {
      const expected = expectedOf(file);
      const report = parseReport(read(file));
      expect(report.source.layout).toBe("flat-text");
      expect(report.template).toBe(expected.template);
      const flat = flattenReport(report);
      const wrong = Object.entries(expected.values).filter(([p, v]) => flat[p] !== v).map(([p, v]) => `${p}: got ${flat[p]}, want ${v}`);
      expect(wrong).toEqual([]);
    });
  }

  it("huaian-2024.plumber.txt: table 3 has its 25 rows, the (二) label whole, table 4 one row of 15", () => {
    const out = flatText.tokenize(read("huaian-2024.plumber.txt"));
    const applications = out.tables.find((t) => t.kind === "applications")!;
    const rows = applications.rows.map(splitRow).filter((r) => r.values.length > 0);
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.values.length === 7)).toBe(true);
    expect(rows[3]!.labels.map((c) => c.text)).toEqual(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]);
    expect(rows.find((r) => r.labels.some((c) => c.text === "（六）其他处理"))!.labels.at(-1)!.text).toBe(
      "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    );
    const appeals = out.tables.find((t) => t.kind === "appeals")!;
    expect(appeals.rows.map(splitRow).filter((r) => r.values.length > 0).map((r) => r.values.length)).toEqual([15]);
  });
});
