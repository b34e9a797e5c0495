/**
 * `meta.published` and `meta.organType` as `parseReport` reads them, on corpus reports
 * and on copies given a date field or a signature.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/index.js";
import { buildReport } from "../../src/report/build-report.js";
import { repoRoot } from "../helpers/corpus.js";

const read = (file: string) => readFileSync(join(repoRoot, "corpus", file), "utf8");

/** The text at `locations["meta.published"]`. */
function publishedSpan(text: string): string | undefined {
  const report = parseReport(text);
  const loc = report.locations["meta.published"];
  return loc === undefined ? undefined : text.slice(loc.start, loc.end);
}

describe("meta.published", () => {
  it("reads the 发布时间 field of a saved web page, with its span", () => {
    const text = read("pingtan-2019.txt");
    const report = parseReport(text);
    expect(report.meta.published).toBe("2020-01-20");
    expect(report.locations["meta.published"]).toEqual({ start: text.indexOf("2020-01-20"), end: text.indexOf("2020-01-20") + 10, text: "2020-01-20" });
  });

  it("reads the page's <meta name=\"PubDate\"> of an HTML report, located in the markup", () => {
    const text = read("pingtan-2023.html");
    const report = parseReport(text);
    expect(report.meta.published).toBe("2024-03-08");
    const loc = report.locations["meta.published"]!;
    expect(text.slice(loc.start - 40, loc.end)).toMatch(/name="PubDate" content="2024-03-08$/);
  });

  it("gives the same date for the text and the HTML of one report", () => {
    for (const year of [2023, 2025]) {
      expect(parseReport(read(`pingtan-${year}.txt`)).meta.published).toBe(parseReport(read(`pingtan-${year}.html`)).meta.published);
    }
  });

  it("is null, without a location, when the text has no date", () => {
    const report = parseReport(read("seed-001.txt"));
    expect(report.meta.published).toBeNull();
    expect(report.locations["meta.published"]).toBeUndefined();
  });

  it.each([
    ["\n湛河区交通局\n2023年1月20日\n", "2023-01-20", "2023年1月20日"],
    ["\n湛河区交通局\n二〇二三年一月二十日\n", "2023-01-20", "二〇二三年一月二十日"],
    ["\n湛河区交通局  2023 年 3 月 5 日\n", "2023-03-05", "2023 年 3 月 5 日"],
    ["\n2023/1/9\n", "2023-01-09", "2023/1/9"],
    ["\n于都县自然资源局\n2023年1月9日\n", "2023-01-09", "2023年1月9日"],
  ])("reads the date under the closing signature (%j)", (signature, date, written) => {
    const text = read("seed-003.txt") + signature;
    expect(parseReport(text).meta.published).toBe(date);
    expect(publishedSpan(text)).toBe(written);
  });

  it("prefers a 发布日期 field to 成文日期 and to the signature", () => {
    const body = read("seed-003.txt");
    const fields = "成文日期：2023-01-10\n发布日期：2023-01-12\n";
    expect(parseReport(fields + body + "\n湛河区交通局\n2023年1月9日\n").meta.published).toBe("2023-01-12");
    expect(parseReport("成文日期：2023-01-10\n" + body + "\n湛河区交通局\n2023年1月9日\n").meta.published).toBe("2023-01-10");
  });

  it("does not take a date of the narrative (统计期限) for the publication date", () => {
    const report = parseReport(read("seed-002.txt"));
    expect(report.meta.published).toBeNull();
    for (const ending of ["\n数据统计截至2022年12月31日\n", "\n本报告数据统计至2022年12月31日\n", "\n统计期间为2022年12月31日\n"]) {
      expect(parseReport(read("seed-003.txt") + ending).meta.published, ending).toBeNull();
    }
  });

  it("reads a signature under the last paragraph of an HTML report", () => {
    const html = read("hangzhou-style-2025.html").replace(
      "</div>",
      '<p style="text-align:right">测试市人民政府</p><p style="text-align:right">二〇二六年一月二十日</p></div>',
    );
    const report = parseReport(html);
    expect(report.meta.published).toBe("2026-01-20");
    const loc = report.locations["meta.published"]!;
    expect(html.slice(loc.start, loc.end)).toBe("二〇二六年一月二十日");
  });

  it.each([
    [
      "a gov.cn table of fields",
      "<table><tr><td><b>发文机关：</b></td><td>测试市人民政府</td><td><b>成文日期：</b></td><td>2026年01月20日</td></tr><tr><td><b>发布日期：</b></td><td>2026年01月22日</td></tr></table>",
      "2026-01-22",
      "2026年01月22日",
    ],
    ["a label and a date in spans", '<div class="info"><span>发布日期：</span><span>2026-01-23</span></div>', "2026-01-23", "2026-01-23"],
    ["a label ending its block, the date in the next", '<div class="info"><span>发布时间：</span></div><div>2026/1/24 09:30</div>', "2026-01-24", "2026/1/24"],
  ])("reads the 发布日期 field of a web page: %s", (_what, fields, date, written) => {
    const html = read("hangzhou-style-2025.html").replace("<body>", `<body>${fields}`);
    expect(html).toContain(fields);
    const report = parseReport(html);
    expect(report.template).toBe("2021");
    expect(report.meta.published).toBe(date);
    const loc = report.locations["meta.published"]!;
    expect(html.slice(loc.start, loc.end)).toBe(written);
  });

  it("falls back on the file's creation date only when the text has none, and says so", () => {
    const tokens = { layout: "flat-text" as const, tables: [], blocks: [{ text: "正文", start: 0, end: 2 }], diagnostics: [] };
    const source = { layout: null, confidence: 0, encoding: null, encodingReason: null, created: "2024-02-01" };
    const report = buildReport("正文", tokens, source);
    expect(report.meta.published).toBe("2024-02-01");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "published-from-file", severity: "info", path: "meta.published" }));
    expect(report.locations["meta.published"]).toBeUndefined();
    expect("created" in report.source).toBe(false);
    const dated = buildReport("发布日期：2024-01-05", { ...tokens, blocks: [{ text: "发布日期：2024-01-05", start: 0, end: 16 }] }, source);
    expect(dated.meta.published).toBe("2024-01-05");
    expect(dated.diagnostics.some((d) => d.code === "published-from-file")).toBe(false);
  });
});

describe("meta.organType", () => {
  it.each([
    ["seed-001.txt", "department"],
    ["seed-003.txt", "department"],
    ["seed-004.txt", "township"],
    ["shanghai-gov-2025.md", "government"],
    ["hangzhou-style-2025.html", "government"],
    ["pingtan-2023.txt", null],
  ])("%s → %s", (file, type) => {
    expect(parseReport(read(file)).meta.organType).toBe(type);
  });
});
