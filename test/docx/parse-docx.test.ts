/**
 * DOCX through mammoth and the HTML tokenizer: documents generated with the `docx`
 * package in both templates, with random valid numbers and blank cells.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it, vi } from "vitest";
import { docxCreationDate, extractDocxTables, parseDocx } from "../../src/docx/index.js";
import { isMissingPeer } from "../../src/file/missing-peer.js";
import { reportArbitrary } from "../helpers/arbitrary-report.js";
import { valueDifferences, badLocations } from "../fixtures/documents/compare.js";
import { reportDocx } from "./report-docx.js";

/** A generated report with some cells left blank (`null`), how blanks are printed, and how wide its labels are. */
const documentArbitrary = reportArbitrary().chain((report) =>
  fc
    .record({
      blanks: fc.subarray(Object.keys(report.values), { maxLength: 30 }),
      blank: fc.constantFrom("", "/", "—"),
      labelWidth: fc.constantFrom(2600, 1500),
    })
    .map(({ blanks, blank, labelWidth }) => {
      const values: Record<string, number | null> = { ...report.values };
      for (const path of blanks) values[path] = null;
      return { report, values, blank, labelWidth };
    }),
);

describe("parseDocx", () => {
  test.prop([documentArbitrary], { numRuns: 16 })("every value of a generated document, blanks as null", async ({ report, values, blank, labelWidth }) => {
    const { organization, year } = report.meta;
    const bytes = await reportDocx({ template: report.template, values, title: `${organization}${year}年政府信息公开工作年度报告`, blank, labelWidth });
    const parsed = await parseDocx(bytes);
    expect(parsed.source.layout).toBe("html");
    expect(parsed.template).toBe(report.template);
    expect(parsed.meta.year).toBe(year);
    expect(parsed.meta.organization).toBe(organization);
    expect(valueDifferences(parsed, values)).toEqual([]);
    expect(badLocations(parsed)).toEqual([]);
  });

  it("keeps the template's merged cells as rowspan and colspan", async () => {
    const values = { "applications.total.total": 0 };
    const tables = await extractDocxTables(await reportDocx({ template: "2021", values, title: "某县2024年政府信息公开工作年度报告" }));
    const cells = tables.flatMap((t) => t.rows.flat());
    const find = (text: string) => cells.find((c) => c.text.replace(/\s+/g, "") === text);
    expect(find("三、本年度办理结果")?.rowSpan).toBe(22);
    expect(find("（三）不予公开")?.rowSpan).toBe(8);
    expect(find("（一）予以公开")?.colSpan).toBe(2);
    expect(find("一、本年新收政府信息公开申请数量")?.colSpan).toBe(3);
    expect(find("行政诉讼")?.colSpan).toBe(10);
  });

  it("takes meta.published from docProps/core.xml when the text states none, and says so", async () => {
    const bytes = await reportDocx({ template: "2021", values: {}, title: "某县交通运输局2024年政府信息公开工作年度报告" });
    const created = await docxCreationDate(bytes);
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const report = await parseDocx(bytes);
    expect(report.meta.published).toBe(created);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "published-from-file", path: "meta.published" }));
    const zone = "2025-01-20T17:30:00Z"; // 21 January in China
    const core = new TextEncoder().encode(`<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">${zone}</dcterms:created></cp:coreProperties>`);
    const cfb = { parse: () => ({}), find: (_c: unknown, path: string) => (path === "/docProps/core.xml" ? { content: core } : null) };
    expect((await parseDocx(bytes, { cfb })).meta.published).toBe("2025-01-21");
    const none = { parse: () => ({}), find: () => null };
    const undated = await parseDocx(bytes, { cfb: none });
    expect(undated.meta.published).toBeNull();
    expect(undated.diagnostics.some((d) => d.code === "published-from-file")).toBe(false);
    const broken = { parse: () => { throw new Error("not a zip"); }, find: () => null };
    expect((await parseDocx(bytes, { cfb: broken })).meta.published).toBeNull();
  });

  it("a file that is not a Word document does not reject: a decoding diagnostic", async () => {
    const report = await parseDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(report.template).toBe("unknown");
    expect(report.diagnostics.map((d) => d.code)).toContain("decoding");
  });

  it("without mammoth installed, says which package to install", async () => {
    vi.resetModules();
    vi.doMock("mammoth", () => {
      throw new Error("Cannot find package 'mammoth'");
    });
    try {
      const { parseDocx: fresh } = await import("../../src/docx/parse-docx.js");
      const error = await fresh(new Uint8Array([0x50, 0x4b, 0x03, 0x04])).catch((e: unknown) => e);
      expect(isMissingPeer(error)).toBe(true);
      expect((error as Error).message).toContain("npm install mammoth");
    } finally {
      vi.doUnmock("mammoth");
      vi.resetModules();
    }
  });
});
