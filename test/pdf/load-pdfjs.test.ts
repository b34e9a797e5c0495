/**
 * pdf.js is found in the installed package, with its CMaps (for Chinese fonts) and
 * standard fonts on disk: nothing is fetched from the network.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPdfjs, type PdfjsModule } from "../../src/pdf/load-pdfjs.js";

describe("loadPdfjs", () => {
  it("loads the legacy build once, with the package's CMaps and standard fonts as local folders", async () => {
    const first = await loadPdfjs();
    const second = await loadPdfjs();
    expect(second.pdfjs).toBe(first.pdfjs);
    expect(typeof first.pdfjs.getDocument).toBe("function");
    const { cMapUrl, standardFontDataUrl } = first.assets;
    expect(cMapUrl && existsSync(`${cMapUrl}UniGB-UCS2-H.bcmap`)).toBe(true);
    expect(standardFontDataUrl && existsSync(standardFontDataUrl)).toBe(true);
    expect(cMapUrl).not.toMatch(/^https?:/);
  });

  it("uses a pdf.js module and assets given by the caller (a browser's own build)", async () => {
    const given = { getDocument: () => ({ promise: Promise.reject(new Error("unused")) }) } as unknown as PdfjsModule;
    const loaded = await loadPdfjs(given, { cMapUrl: "/assets/cmaps/" });
    expect(loaded.pdfjs).toBe(given);
    expect(loaded.assets).toEqual({ cMapUrl: "/assets/cmaps/" });
  });
});
