/**
 * A failing sum whose cells the parser questioned is an uncertain warning, never an
 * error against the organ; a null cell says whether the report left it blank.
 */
import { describe, expect, it } from "vitest";
import { parseReport, validateReport } from "../../src/index.js";
import type { Diagnostic } from "../../src/types.js";
import { makeReport } from "../helpers/make-report.js";

const extraCell: Diagnostic = {
  code: "extra-cell",
  severity: "warning",
  path: "applications.granted",
  message: "row applications.granted has 1 more cell than columns; ignored",
};

describe("uncertain findings", () => {
  it("an error on cells with no questioned reading stays an error against the report", () => {
    const report = makeReport({ "applications.granted.total": 999 });
    const errors = validateReport(report).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.rule).sort()).toEqual(["outcome-total", "row-total"]);
    expect(errors.every((f) => f.status === undefined)).toBe(true);
  });

  it("the same error on a row the parser read with an extra cell is an uncertain warning naming the diagnostic", () => {
    const report = makeReport({ "applications.granted.total": 999 });
    report.diagnostics.push(extraCell);
    const validation = validateReport(report);
    expect(validation.valid).toBe(true);
    const uncertain = validation.findings.filter((f) => f.status === "uncertain");
    expect(uncertain.map((f) => f.rule).sort()).toEqual(["outcome-total", "row-total"]);
    for (const f of uncertain) {
      expect(f.severity).toBe("warning");
      expect(f.causes).toEqual([{ code: "extra-cell", path: "applications.granted" }]);
      expect(f.message).toMatch(/^读取存疑（extra-cell）/);
      expect(f.message).toMatch(/uncertain \(read with extra-cell\)/);
    }
  });

  it("a diagnostic span holding the cell questions it too (a glued run, a PDF row)", () => {
    const report = makeReport({ "appeals.review.total": 7 });
    report.locations["appeals.review.total"] = { start: 105, end: 106, text: "7" };
    report.diagnostics.push({ code: "ambiguous-split", severity: "warning", start: 100, end: 120, message: "" });
    const [finding] = validateReport(report).findings.filter((f) => f.rule === "appeal-total");
    expect(finding).toMatchObject({ severity: "warning", status: "uncertain", causes: [{ code: "ambiguous-split" }] });
  });

  it("an info diagnostic (a reading the sums settled uniquely) questions nothing", () => {
    const report = makeReport({ "applications.granted.total": 999 });
    report.diagnostics.push({ ...extraCell, code: "repaired-by-arithmetic", severity: "info" });
    expect(validateReport(report).valid).toBe(false);
  });
});

describe("missing-value says why a cell is null", () => {
  const table3 = (granted: string) =>
    [
      "三、收到和处理政府信息公开申请情况",
      "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
      "|---|---|---|---|---|---|---|---|",
      "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
      `| (一)予以公开 | ${granted} |`,
    ].join("\n");

  it("a cell the report leaves blank: 单元格为空", () => {
    const report = parseReport(table3("| 0 | 0 | 0 | 0 | 0 | 0"));
    const f = validateReport(report).findings.find((x) => x.rule === "missing-value" && x.paths[0] === "applications.granted.naturalPerson")!;
    expect(f.message).toMatch(/^单元格为空/);
    expect(f.causes).toEqual([{ code: "blank-cell", path: "applications.granted.naturalPerson" }]);
  });

  it("a printed cell that could not be placed: not blank, with the diagnostic and its readings", () => {
    const report = parseReport(table3("4 | 5"));
    const f = validateReport(report).findings.find((x) => x.rule === "missing-value" && x.paths[0] === "applications.granted.naturalPerson")!;
    expect(f.message).toMatch(/^单元格未能确定（并非报告留空）/);
    expect(f.message).toMatch(/ambiguous-cell, 21 readings listed/);
    expect(f.causes?.[0]).toEqual({ code: "ambiguous-cell", path: "applications.granted.naturalPerson" });
  });
});
