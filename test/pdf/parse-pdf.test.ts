/**
 * PDF files through pdf.js and the positioned tokenizer: the committed fixtures (made
 * from the corpus ground truth), the original Huai'an PDF when ../shared/corpus-extra
 * is there, a PDF without a text layer and a broken file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdfTables, parsePdf } from "../../src/pdf/index.js";
import { validateReport } from "../../src/index.js";
import { extraDir, hasExtra } from "../helpers/corpus.js";
import { badLocations, valueDifferences } from "../fixtures/documents/compare.js";
import { expectedOf, FIXTURE_DIR, readManifest } from "../fixtures/documents/manifest.js";

const pdfFixtures = readManifest().fixtures.filter((f) => f.file.endsWith(".pdf"));

describe("parsePdf: fixtures made from the corpus", () => {
  for (const fixture of pdfFixtures) {
    it(`${fixture.file} (${fixture.covers})`, async () => {
      const expected = expectedOf(fixture);
      const report = await parsePdf(readFileSync(join(FIXTURE_DIR, fixture.file)));
      expect(report.source.layout).toBe("aligned-text");
      expect(report.template).toBe(expected.template);
      expect(report.meta.year).toBe(expected.meta.year);
      expect(report.meta.organization).toBe(expected.meta.organization);
      expect(valueDifferences(report, expected.values)).toEqual([]);
      expect(badLocations(report)).toEqual([]);
    });
  }

  it("cells carry their page and a box on it; a table split over two pages has cells on both", async () => {
    const tables = await extractPdfTables(readFileSync(join(FIXTURE_DIR, "shanghai-gov-2025-two-page.pdf")));
    const applications = tables.find((t) => t.kind === "applications")!;
    const pages = [...new Set(applications.rows.flat().map((c) => c.page))].sort();
    expect(pages).toHaveLength(2);
    expect(pages[1]).toBe(pages[0]! + 1);
    for (const cell of applications.rows.flat()) {
      expect(cell.box.x0).toBeLessThanOrEqual(cell.box.x1);
      expect(cell.box.y0).toBeLessThan(cell.box.y1);
      expect(cell.box.x1).toBeLessThanOrEqual(595.3);
      expect(cell.box.y1).toBeLessThanOrEqual(841.9);
    }
    const headers = applications.rows.filter((r) => r.some((c) => c.text === "申请人情况"));
    expect(headers.map((r) => r[0]!.page)).toEqual(pages);
  });
});

describe.skipIf(!hasExtra)("parsePdf: the original Huai'an PDF (../shared/corpus-extra)", () => {
  const file = join(extraDir, "huaian-2024.pdf");
  it.skipIf(!existsSync(file))("huaian-2024.pdf gives every expected value", async () => {
    const expected = JSON.parse(readFileSync(join(extraDir, "huaian-2024.expected.json"), "utf8")) as {
      template: string;
      meta: { year: number; organization: string; title: string };
      values: Record<string, number | null>;
    };
    const report = await parsePdf(readFileSync(file));
    expect(report.template).toBe(expected.template);
    expect(report.meta.year).toBe(expected.meta.year);
    expect(report.meta.organization).toBe(expected.meta.organization);
    expect(report.meta.title?.replace(/\s+/g, "")).toBe(expected.meta.title);
    expect(valueDifferences(report, expected.values)).toEqual([]);
    expect(badLocations(report)).toEqual([]);
    expect(report.source.text).not.toMatch(/^- \d+ -$/m);
  });
});

/** A one-page PDF that draws a rectangle and holds no text (like a scan without OCR). */
const NO_TEXT = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj
4 0 obj << /Length 29 >> stream
0 0 0 rg 100 100 200 300 re f
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;

describe("parsePdf: the creation date, when the text states no publication date", () => {
  it("takes meta.published from the document's CreationDate and says so in a diagnostic", async () => {
    const bytes = readFileSync(join(FIXTURE_DIR, "seed-003-blanks.pdf"));
    const raw = /CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})/.exec(Buffer.from(bytes).toString("latin1"));
    expect(raw).not.toBeNull();
    const report = await parsePdf(bytes);
    expect(report.meta.published).toBe(`${raw![1]}-${raw![2]}-${raw![3]}`);
    expect(report.locations["meta.published"]).toBeUndefined();
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "published-from-file", path: "meta.published" }));
    // a department's report on 2022 whose file was made years later: late whenever it was published
    expect(report.meta.organType).toBe("department");
    expect(validateReport(report).findings.filter((f) => f.rule === "late-publication")).toEqual([
      expect.objectContaining({ severity: "warning", expected: "2023-01-31" }),
    ]);
  });
});

describe("parsePdf: files it cannot read as a report", () => {
  it("a PDF without a text layer gives template unknown and says so", async () => {
    const report = await parsePdf(new TextEncoder().encode(NO_TEXT));
    expect(report.template).toBe("unknown");
    expect(report.diagnostics.some((d) => d.code === "not-a-report" && /text layer/.test(d.message))).toBe(true);
  });

  it("a broken PDF does not reject: a decoding diagnostic", async () => {
    const report = await parsePdf(new TextEncoder().encode("%PDF-1.7\nthis is not a pdf at all"));
    expect(report.template).toBe("unknown");
    expect(report.diagnostics.map((d) => d.code)).toContain("decoding");
  });
});
