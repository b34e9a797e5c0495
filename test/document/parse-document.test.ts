/**
 * One entry for every kind of file: a folder mixing HTML, text, PDF and Word files
 * gives each report's expected values.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/index.js";
import { isMissingPeer, missingPeer } from "../../src/file/missing-peer.js";
import { corpusDir } from "../helpers/corpus.js";
import { reportDocx } from "../docx/report-docx.js";
import { valueDifferences } from "../fixtures/documents/compare.js";
import { expectedOf, FIXTURE_DIR, fixtureDocxOptions, readManifest, type CorpusExpected } from "../fixtures/documents/manifest.js";

function corpusExpected(id: string): CorpusExpected {
  return JSON.parse(readFileSync(join(corpusDir, `${id}.expected.json`), "utf8")) as CorpusExpected;
}

describe("parseDocument", () => {
  it("reads a folder mixing HTML, text, PDF, DOCX and DOC files, each by its bytes", async () => {
    const manifest = readManifest().fixtures;
    const pdf = manifest.find((f) => f.file === "pingtan-2019.pdf")!;
    const doc = manifest.find((f) => f.file === "hangzhou-style-2025.doc")!;
    const docxFixture = manifest.find((f) => f.file === "pingtan-2023-wrapped.pdf")!;
    const folder: Array<{ name: string; bytes: Uint8Array; expected: CorpusExpected; layout: string }> = [
      { name: "pingtan-2023.html", bytes: readFileSync(join(corpusDir, "pingtan-2023.html")), expected: corpusExpected("pingtan-2023"), layout: "html" },
      { name: "seed-002.txt", bytes: readFileSync(join(corpusDir, "seed-002.txt")), expected: corpusExpected("seed-002"), layout: "tab-rows" },
      { name: pdf.file, bytes: readFileSync(join(FIXTURE_DIR, pdf.file)), expected: expectedOf(pdf), layout: "aligned-text" },
      { name: doc.file, bytes: readFileSync(join(FIXTURE_DIR, doc.file)), expected: expectedOf(doc), layout: "tab-rows" },
      { name: "pingtan-2023.docx", bytes: await reportDocx(fixtureDocxOptions(docxFixture)), expected: expectedOf(docxFixture), layout: "html" },
    ];
    expect.assertions(3 * folder.length);
    for (const file of folder) {
      const report = await parseDocument(file.bytes);
      expect(report.source.layout, file.name).toBe(file.layout);
      expect(report.template, file.name).toBe(file.expected.template);
      expect(valueDifferences(report, file.expected.values), file.name).toEqual([]);
    }
  });

  it("reads a string as parseReport does", async () => {
    const text = readFileSync(join(corpusDir, "seed-001.txt"), "utf8");
    const report = await parseDocument(text);
    expect(report.template).toBe("2021");
    expect(valueDifferences(report, corpusExpected("seed-001").values)).toEqual([]);
  });

  it("says so for a ZIP or OLE file that is not a Word document", async () => {
    const zip = await parseDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(zip.template).toBe("unknown");
    expect(zip.diagnostics.find((d) => d.code === "binary-input")?.message).toContain("ZIP");
  });

  it("the error for a missing library names the package", () => {
    const error = missingPeer("pdfjs-dist", "PDF");
    expect(isMissingPeer(error)).toBe(true);
    expect(error.packageName).toBe("pdfjs-dist");
    expect(error.message).toContain("npm install pdfjs-dist");
    expect(isMissingPeer(new Error("other"))).toBe(false);
  });
});
