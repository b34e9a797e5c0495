/**
 * DOC through cfb, the Word stream reader and the tab tokenizer: the committed .doc
 * fixtures (made from the corpus ground truth), their rows and cells as Word records
 * them, and files that are not Word documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docToText, extractDocTables, paragraphsToTabRows, parseDoc, readWordParagraphs, WordFormatError } from "../../src/doc/index.js";
import { badLocations, valueDifferences } from "../fixtures/documents/compare.js";
import { expectedOf, FIXTURE_DIR, readManifest } from "../fixtures/documents/manifest.js";

const docFixtures = readManifest().fixtures.filter((f) => f.file.endsWith(".doc"));

describe("paragraphsToTabRows", () => {
  it("writes each row on one line, cells split by tabs, merged cells empty, paragraphs of a cell joined", () => {
    const text = paragraphsToTabRows([
      { text: "二、主动公开政府信息情况", end: "paragraph", inTable: false },
      { text: "（三）不予", end: "paragraph", inTable: true },
      { text: "公开", end: "cell", inTable: true },
      { text: "1.属于国家秘密", end: "cell", inTable: true },
      { text: "0", end: "cell", inTable: true },
      { text: "", end: "cell", inTable: true },
      { text: "", end: "row", inTable: true },
      { text: "", end: "cell", inTable: true },
      { text: "2.其他法律行政法规禁止公开", end: "cell", inTable: true },
      { text: "3", end: "cell", inTable: true },
      { text: "4", end: "cell", inTable: true },
      { text: "", end: "row", inTable: true },
      { text: "第二十条第（五）项", end: "cell", inTable: true },
      { text: "", end: "row", inTable: true },
      { text: "五、存在的主要问题及改进情况", end: "paragraph", inTable: false },
    ]);
    expect(text.split("\n")).toEqual([
      "二、主动公开政府信息情况",
      "（三）不予公开\t1.属于国家秘密\t0\t",
      "\t2.其他法律行政法规禁止公开\t3\t4",
      "第二十条第（五）项\t",
      "五、存在的主要问题及改进情况",
    ]);
  });
});

describe("readWordParagraphs", () => {
  it("refuses a stream that is not a Word document", () => {
    expect(() => readWordParagraphs(new Uint8Array(1024), {})).toThrow(WordFormatError);
  });
});

describe("parseDoc: fixtures made from the corpus", () => {
  for (const fixture of docFixtures) {
    it(`${fixture.file} (${fixture.covers})`, async () => {
      const expected = expectedOf(fixture);
      const bytes = readFileSync(join(FIXTURE_DIR, fixture.file));
      const report = await parseDoc(bytes);
      expect(report.source.layout).toBe("tab-rows");
      expect(report.template).toBe(expected.template);
      expect(report.meta.year).toBe(expected.meta.year);
      expect(report.meta.organization).toBe(expected.meta.organization);
      expect(valueDifferences(report, expected.values)).toEqual([]);
      expect(badLocations(report)).toEqual([]);
    });
  }

  it("keeps Word's row and cell boundaries: every row of table 3 is one line, merged cells empty", async () => {
    const fixture = docFixtures.find((f) => f.file === "seed-003-blanks.doc")!;
    const expected = expectedOf(fixture);
    const { text } = await docToText(readFileSync(join(FIXTURE_DIR, fixture.file)));
    const lines = text.split("\n");
    const row = (label: string) => lines.find((l) => l.includes(label))!.split("\t");
    expect(row("1.属于国家秘密").slice(0, 3)).toEqual(["", "（三）不予公开", "1.属于国家秘密"]);
    expect(row("2.其他法律行政法规禁止公开").slice(0, 3)).toEqual(["", "", "2.其他法律行政法规禁止公开"]);
    const granted = row("（一）予以公开");
    const keys = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg", "total"];
    expect(granted.slice(2).map((c) => (c === "" ? null : Number(c)))).toEqual(keys.map((k) => expected.values[`applications.granted.${k}`]));
    const tables = await extractDocTables(readFileSync(join(FIXTURE_DIR, fixture.file)));
    // table 2: 4 groups × (第二十条 header, column header) + 6 rows; table 3: 3 header rows + 25 rows; table 4: 3 + 1
    expect(tables.map((t) => t.rows.length)).toEqual([14, 28, 4]);
  });

  it("a file that is not a Word document does not reject: a decoding diagnostic", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const report = await parseDoc(ole);
    expect(report.template).toBe("unknown");
    expect(report.diagnostics.map((d) => d.code)).toContain("decoding");
  });
});
