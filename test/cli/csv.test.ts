import { describe, expect, it } from "vitest";
import {
  chineseColumnLabel,
  csvEscape,
  csvLine,
  REPORT_FIXED_COLUMNS,
  reportCsvColumns,
  reportCsvHeader,
  reportCsvRow,
  shortenLabel,
  type ReportCsvFixedValues,
} from "../../src/cli/csv.js";
import { allTemplatePaths, APPLICATION_ROWS } from "../../src/template/templates.js";

describe("csvEscape", () => {
  it("quotes commas, quotes, line breaks and edge spaces, and writes blanks for null", () => {
    expect(csvEscape("平潭,综合")).toBe('"平潭,综合"');
    expect(csvEscape('说"明')).toBe('"说""明"');
    expect(csvEscape("a\nb")).toBe('"a\nb"');
    expect(csvEscape(" a")).toBe('" a"');
    expect(csvEscape("plain")).toBe("plain");
    expect(csvEscape(null)).toBe("");
    expect(csvEscape(undefined)).toBe("");
    expect(csvEscape(-8)).toBe("-8");
    expect(csvEscape(18651.06)).toBe("18651.06");
    expect(csvEscape(-0)).toBe("0");
    expect(csvEscape(Number.NaN)).toBe("");
    expect(csvLine(["a", 1, null])).toBe("a,1,\n");
  });
});

describe("report columns", () => {
  it("are the fixed columns then every model path of both templates", () => {
    const columns = reportCsvColumns();
    expect(columns.slice(0, REPORT_FIXED_COLUMNS.length)).toEqual([...REPORT_FIXED_COLUMNS]);
    expect(columns.slice(REPORT_FIXED_COLUMNS.length)).toEqual(allTemplatePaths());
    expect(columns).toContain("activeDisclosure.rules.issued");
    expect(columns).toContain("activeDisclosure.rules.made");
    expect(columns).toContain("applications.otherHandling.all.total");
  });

  it("put each value under its column and leave the rest empty", () => {
    const row = reportCsvRow({ file: "a.txt", template: "2021" }, { "applications.total.total": 7 });
    const cells = row.trimEnd().split(",");
    const columns = reportCsvColumns();
    expect(cells).toHaveLength(columns.length);
    expect(cells[columns.indexOf("file")]).toBe("a.txt");
    expect(cells[columns.indexOf("applications.total.total")]).toBe("7");
    expect(cells.filter((c) => c !== "")).toEqual(["a.txt", "2021", "7"]);
  });
});

describe("Chinese labels", () => {
  it("are derived from the template labels, unique, one per column", () => {
    const labels = reportCsvColumns().map(chineseColumnLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(reportCsvHeader("zh").trimEnd().split(",")).toEqual(labels);
    expect(chineseColumnLabel("file")).toBe("文件");
    expect(chineseColumnLabel("applications.newReceived.naturalPerson")).toBe("三、依申请公开/一、本年新收申请数量/自然人");
    expect(chineseColumnLabel("applications.denied.stateSecret.total")).toBe("三、依申请公开/(三)不予公开 1.属于国家秘密/总计");
    expect(chineseColumnLabel("applications.partiallyGranted.commercial")).toBe("三、依申请公开/(二)部分公开/商业企业");
    expect(chineseColumnLabel("appeals.litigationDirect.upheld")).toBe("四、复议诉讼/行政诉讼 未经复议直接起诉/结果维持");
    expect(chineseColumnLabel("activeDisclosure.fees.amount")).toBe("二、主动公开/行政事业性收费/本年收费金额(单位:万元)");
    for (const row of APPLICATION_ROWS) {
      expect(chineseColumnLabel(`applications.${row.path}.total`)).toContain(shortenLabel(row.label));
    }
  });

  it("shorten long labels at their first clause and drop notes in brackets", () => {
    expect(shortenLabel("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")).toBe("1.申请人无正当理由逾期不补正");
    expect(shortenLabel("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")).toBe("(二)部分公开");
    expect(shortenLabel("一、本年新收政府信息公开申请数量")).toBe("一、本年新收申请数量");
    expect(shortenLabel("规章")).toBe("规章");
  });
});

describe("typed fixed columns (checked by npm run typecheck)", () => {
  it("a parsed report's row must give every fixed column but unreadable, and no other", () => {
    const row: ReportCsvFixedValues = {
      file: "a.html",
      template: "2021",
      "source.layout": "html",
      "source.encoding": "utf-8",
      "meta.year": 2024,
      "meta.organization": null,
      "meta.title": null,
      "meta.published": null,
      "meta.organType": null,
      "findings.error": 0,
      "findings.warning": 0,
      "findings.info": 0,
    };
    // @ts-expect-error a missing column does not compile
    const missing: ReportCsvFixedValues = { file: "a.html" };
    // @ts-expect-error a misspelt column does not compile
    const misspelt: ReportCsvFixedValues = { ...row, "meta.organisation": null };
    expect(Object.keys(row).sort()).toEqual(REPORT_FIXED_COLUMNS.filter((c) => c !== "unreadable").sort());
    expect([missing.file, misspelt.file]).toEqual(["a.html", "a.html"]);
  });
});
