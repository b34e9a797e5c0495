/**
 * Telling formats apart from the bytes alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sniffFormat } from "../../src/file/sniff-format.js";
import { FIXTURE_DIR } from "../fixtures/documents/manifest.js";
import { reportDocx } from "../docx/report-docx.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("sniffFormat", () => {
  it("finds %PDF- at the start or after a little junk, not further", () => {
    expect(sniffFormat(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffFormat(bytes(`${" ".repeat(300)}%PDF-1.4`))).toBe("pdf");
    expect(sniffFormat(bytes(`${"x".repeat(5000)}%PDF-1.4`))).toBe("text");
  });

  it("tells a .docx from another ZIP file", async () => {
    expect(sniffFormat(await reportDocx({ template: "2021", values: {}, title: "某县2024年政府信息公开工作年度报告" }))).toBe("docx");
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes("xl/workbook.xml")]))).toBe("zip");
  });

  it("knows PNG and JPEG files by their signatures", () => {
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe("png");
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe("jpeg");
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe("text");
    expect(sniffFormat(new Uint8Array([0xff, 0xd8]))).toBe("text");
  });

  it("tells a .doc from another OLE file", () => {
    expect(sniffFormat(readFileSync(join(FIXTURE_DIR, "pingtan-2019.doc")))).toBe("doc");
    const ole = new Uint8Array(600);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffFormat(ole)).toBe("ole");
  });

  it("reads the committed PDF fixtures as PDF whatever their name", () => {
    expect(sniffFormat(readFileSync(join(FIXTURE_DIR, "pingtan-2019.pdf")))).toBe("pdf");
  });

  it("calls text and HTML text", () => {
    expect(sniffFormat(bytes("<html><body><table></table></body></html>"))).toBe("text");
    expect(sniffFormat(bytes("一、总体情况\n规章\t0\t0\t0"))).toBe("text");
    expect(sniffFormat(new Uint8Array())).toBe("text");
  });
});
