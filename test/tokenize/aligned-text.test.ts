/**
 * `aligned-text`: text pulled out of PDFs with columns kept by runs of spaces.
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
import { placeLine, renderAlignedText } from "../helpers/render-aligned-text.js";
import { renderFlatText } from "../helpers/render-flat-text.js";

const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));
const valueRows = (t: Table) => t.rows.filter((r) => splitRow(r).values.length > 0).map((r) => r.map((c) => c.text));

/** A line with each text at its column. */
const at = (...pieces: Array<[number, string]>) => placeLine(pieces.map(([column, text]) => ({ column, text, gap: 1 })));
/** Table 3 values at their columns; null leaves the column empty. */
const COLUMNS = [36, 42, 47, 52, 58, 64, 68];
const v = (...values: Array<string | null>) => values.flatMap((x, i): Array<[number, string]> => (x === null ? [] : [[COLUMNS[i]!, x]]));

const ALIGNED = [
  at([15, "二、主动公开政府信息情况"]),
  at([11, "第二十条  第（一）项"]),
  at([11, "信息内容"], [34, "本年制发件数"], [47, "本年废止件数"], [58, "现行有效件数"]),
  at([11, "规章"], [34, "2"], [58, "9"]),
  at([11, "行政规范性文件"], [34, "4"], [47, "1"], [58, "30"]),
  "",
  at([15, "三、收到和处理政府信息公开申请情况"]),
  at([35, "自然人"], [68, "总计"]),
  at([11, "一、本年新收政府信息公开申请数量"], [36, "3001"], [41, "53"], ...v(null, null, "0", "0", "61", "4", "3119")),
  at([11, "二、上年结转政府信息公开申请数量"], ...v("34", "0", null, "0", "0", "0", "34")),
  "",
  at([14, "（二）部分公开（区分处理的，只计这一情"]),
  at(...v("447", "7", "0", "0", "0", "0", "454")),
  at([14, "形，不计其他情形）"]),
  at([20, "1.属于国家秘密"], ...v("2", "0", "0", "0", "0", "0", "2")),
  at([11, "三、"]),
  at([11, "本"], [20, "2.其他法律行政法规禁止公开"], ...v("30", "1", "0", "0", null, "0", "31")),
  at([11, "年"]),
  at([11, "办"], [14, "（三）不"], [20, "4.保护第三方合法权益"], ...v("6", "0", "0", "0", "0", "0", "6")),
  at([11, "理"]),
  at([14, "予公开"]),
  at([11, "结"]),
  at([14, "（四）无"], [20, "1.本机关不掌握相关政府信息"], ...v("746", "12", "0", "0", "10", "1", "769")),
  "",
  at([69, "- 4 -"]),
  "",
  at([14, "法提供"], [20, "2.没有现成信息需要另行制作"], ...v("11", null, null, null, null, null, "11")),
  at([15, "四、政府信息公开行政复议、行政诉讼情况"]),
  at([10, "结果"], [14, "结果"], [18, "其他结"], [24, "尚未"]),
  at(...["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"].map((x, i): [number, string] => [10 + 4 * i, x])),
  at([15, "五、存在的主要问题及改进情况"]),
  at([10, "下一步将加强培训。"]),
].join("\n");

describe("aligned-text: rows of space-aligned text", () => {
  const out = alignedText.tokenize(ALIGNED);
  const [active, applications, appeals] = out.tables;

  it("finds one table per section, with the kind its heading names", () => {
    expect(out.layout).toBe("aligned-text");
    expect(out.tables.map((t) => t.kind)).toEqual(["activeDisclosure", "applications", "appeals"]);
  });

  it("places a short table 2 row under its column headers, the skipped column blank", () => {
    expect(texts(active!)).toEqual([
      ["第二十条第（一）项"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "2", "", "9"],
      ["行政规范性文件", "4", "1", "30"],
    ]);
  });

  it("joins wrapped labels by column, places short rows in the columns of full rows, drops the vertical label and the footer", () => {
    expect(valueRows(applications!)).toEqual([
      ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"],
      ["二、上年结转政府信息公开申请数量", "34", "0", "", "0", "0", "0", "34"],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"],
      ["1.属于国家秘密", "2", "0", "0", "0", "0", "0", "2"],
      ["2.其他法律行政法规禁止公开", "30", "1", "0", "0", "", "0", "31"],
      ["（三）不予公开", "4.保护第三方合法权益", "6", "0", "0", "0", "0", "0", "6"],
      ["（四）无法提供", "1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"],
      ["2.没有现成信息需要另行制作", "11", "", "", "", "", "", "11"],
    ]);
    const all = texts(applications!).flat();
    for (const ch of ["三、", "本", "年", "办", "理", "结", "- 4 -"]) expect(all).not.toContain(ch);
    expect(out.diagnostics).toEqual([]);
  });

  it("gives value cells their offsets and blank cells an empty span", () => {
    expect(offsetProblems(ALIGNED, out.tables)).toEqual([]);
    const row = applications!.rows.find((r) => r[0]!.text.startsWith("二、"))!;
    expect(row[3]).toMatchObject({ text: "" });
    expect(row[3]!.start).toBe(row[3]!.end);
    expect(row[3]!.start).toBeGreaterThan(row[2]!.end);
    expect(row[3]!.start).toBeLessThanOrEqual(row[4]!.start);
    const label = applications!.rows.find((r) => r[0]!.text.startsWith("（二）"))![0]!;
    expect(label.start).toBe(ALIGNED.indexOf("（二）"));
    expect(label.end).toBe(ALIGNED.indexOf("形，不计其他情形）") + "形，不计其他情形）".length);
  });

  it("reads table 4 as one row of fifteen cells", () => {
    const rows = appeals!.rows.map(splitRow).filter((r) => r.values.length > 0);
    expect(rows.map((r) => r.values.map((c) => c.text))).toEqual([
      ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"],
    ]);
  });

  it("keeps headings and prose as trimmed blocks, and no page footer", () => {
    expect(out.blocks.map((b) => b.text)).toEqual([
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "下一步将加强培训。",
    ]);
    for (const b of out.blocks) expect(ALIGNED.slice(b.start, b.end)).toBe(b.text);
  });

  it("says which short rows it could not place", () => {
    const text = [
      at([15, "三、收到和处理政府信息公开申请情况"]),
      at([11, "一、本年新收政府信息公开申请数量"], ...v("1", "0", "0", "0", "0", "0", "1")),
      at([11, "二、上年结转政府信息公开申请数量"], ...v("2", "0", "0", "0", "0", "0", "2")),
      at([11, "（一）予以公开"], [39, "5"], [50, "6"]),
    ].join("\n");
    const tokenized = alignedText.tokenize(text);
    expect(valueRows(tokenized.tables[0]!)[2]).toEqual(["（一）予以公开", "5", "6"]);
    expect(tokenized.diagnostics.map((d) => d.code)).toEqual(["ambiguous-cell"]);
    expect(text.slice(tokenized.diagnostics[0]!.start, tokenized.diagnostics[0]!.end)).toMatch(/^（一）予以公开.*6$/);
  });
});

describe("aligned-text: rendered reports", () => {
  for (const template of ["2021", "2019"] as const) {
    it(`${template} template: every template row with its values`, () => {
      const values = sampleValues(template);
      const text = renderAlignedText(values, template, { footers: [{ table: "applications", afterLine: 18 }] });
      const out = alignedText.tokenize(text);
      const read = readTemplateRows(out.tables, template);
      for (const path of printedPaths(template)) expect(read[path], path).toBe(values[path]);
      expect(offsetProblems(text, out.tables)).toEqual([]);
    });
  }

  test.prop([reportArb, layoutArb, fc.integer({ min: 0, max: 2 })], { numRuns: 60 })(
    "any values (blank cells left empty), wrap widths and footers: the rows give back the values",
    ({ template, values }, layout, blankLines) => {
      const text = renderAlignedText(values, template, { ...layout, blankLines });
      const out = alignedText.tokenize(text);
      const read = readTemplateRows(out.tables, template);
      for (const path of printedPaths(template)) expect(read[path] ?? null, path).toBe(values[path]);
      expect(offsetProblems(text, out.tables)).toEqual([]);
      expect(out.diagnostics).toEqual([]);
      const report = parseReport(text, { layout: "aligned-text" });
      const flat = flattenReport(report);
      expect(report.template).toBe(template);
      for (const path of templatePaths(template)) expect(flat[path], `parseReport: ${path}`).toBe(values[path]);
    },
  );
});

describe("aligned-text: detect", () => {
  it("scores aligned renderings high and flat renderings near 0", () => {
    const values = sampleValues("2021");
    const text = renderAlignedText(values, "2021");
    expect(alignedText.detect(text)).toBeGreaterThan(0.9);
    expect(flatText.detect(text)).toBeLessThan(0.05);
    expect(alignedText.detect(renderFlatText(values, "2021"))).toBeLessThan(0.05);
    expect(alignedText.detect(ALIGNED)).toBeGreaterThan(alignedText.detect(ALIGNED.replace(/ {2,}/g, " ")));
  });

  it("scores the other layouts of the corpus near 0 and below their own layout", () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { file, layout, text } of files) {
      const score = alignedText.detect(text);
      expect(score, file).toBeLessThan(0.05);
      const own = layoutModule(layout as Layout);
      if (own && own.layout !== "aligned-text") expect(score, `${file} vs ${layout}`).toBeLessThan(own.detect(text));
    }
  });

  it("never throws and stays in 0..1", () => {
    expect.assertions(21);
    for (const t of ["", "   ", "- 4 -", "1    2    3", "规章     1     0", "\t\t", "\u0000"]) {
      const s = alignedText.detect(t);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(() => alignedText.tokenize(t)).not.toThrow();
    }
  });
});

if (!hasExtra) console.info(`aligned-text: ${extraDir} not found; the huaian extraction tests are skipped`);

describe.skipIf(!hasExtra)("aligned-text: huaian-2024.layout.txt (corpus-extra)", () => {
  const file = "huaian-2024.layout.txt";
  const read = () => readFileSync(join(extraDir, file), "utf8");
  const expected = () => loadExpected(extraDir).find((e) => e.files.some((f) => f.file === file))!;

  it("is detected as aligned text", () => {
    const text = read();
    expect(alignedText.detect(text)).toBeGreaterThan(0.9);
    expect(flatText.detect(text)).toBeLessThan(0.05);
  });

  it("every expected value read from the rows; no vertical label, no footer, table 4 one row of 15", () => {
    const text = read();
    const out = alignedText.tokenize(text);
    const got = readTemplateRows(out.tables, "2021");
    const wrong = Object.entries(expected().values).filter(([p, v]) => got[p] !== v).map(([p, v]) => `${p}: got ${got[p]}, want ${v}`);
    expect(wrong).toEqual([]);
    expect(offsetProblems(text, out.tables)).toEqual([]);
    const cells = out.tables.flatMap((t) => t.rows.flat().map((c) => c.text));
    for (const ch of ["本", "年", "度", "办", "理", "结", "果"]) expect(cells).not.toContain(ch);
    expect(cells.some((t) => /-\s*\d+\s*-/.test(t))).toBe(false);
    const applications = out.tables.find((t) => t.kind === "applications")!;
    const rows = applications.rows.map(splitRow).filter((r) => r.values.length > 0);
    expect(rows).toHaveLength(25);
    expect(rows[3]!.labels.map((c) => c.text)).toEqual(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]);
    const appeals = out.tables.find((t) => t.kind === "appeals")!;
    expect(appeals.rows.map(splitRow).filter((r) => r.values.length > 0).map((r) => r.values.length)).toEqual([15]);
    expect(out.diagnostics).toEqual([]);
  });

  it("parseReport gives every expected value", () => {
    const report = parseReport(read());
    expect(report.source.layout).toBe("aligned-text");
    expect(report.template).toBe("2021");
    const flat = flattenReport(report);
    const wrong = Object.entries(expected().values).filter(([p, v]) => flat[p] !== v).map(([p, v]) => `${p}: got ${flat[p]}, want ${v}`);
    expect(wrong).toEqual([]);
  });
});
