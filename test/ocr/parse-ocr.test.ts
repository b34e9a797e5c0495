/**
 * Scans read back by OCR: reports with a text layer drawn onto page images (200 and
 * 150 dpi, grey, turned slightly, with speckles), written as image-only PDFs and PNG
 * files, parsed again. Every value is exact, or `null` with a diagnostic naming its
 * path: never a wrong number. OCR takes seconds a page, so these tests read few pages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/index.js";
import { parseOcr } from "../../src/ocr/index.js";
import { flattenReport } from "../../src/report/flatten-report.js";
import type { Report } from "../../src/types.js";
import { extraDir, hasExtra } from "../helpers/corpus.js";
import { scanToPdf, scanToPngs } from "../helpers/scan-pdf.js";
import { expectedOf, FIXTURE_DIR, readManifest } from "../fixtures/documents/manifest.js";

interface Tally {
  exact: number;
  nullWithDiagnostic: number;
  absent: number;
  wrong: string[];
}

/** Every expected value: exact, null with a diagnostic that names its path, or (for pages not scanned) absent. */
function tally(report: Report, values: Record<string, number | null>): Tally {
  const flat = flattenReport(report);
  const named = new Set(report.diagnostics.map((d) => d.path).filter((p): p is string => p !== undefined));
  const out: Tally = { exact: 0, nullWithDiagnostic: 0, absent: 0, wrong: [] };
  for (const [path, want] of Object.entries(values)) {
    const got = flat[path];
    if (got === want) out.exact++;
    else if (got === null && named.has(path)) out.nullWithDiagnostic++;
    else if (got === undefined || got === null) {
      if (report.locations[path]) out.wrong.push(`${path}: got ${String(got)}, want ${String(want)} (no diagnostic)`);
      else out.absent++;
    } else out.wrong.push(`${path}: got ${got}, want ${String(want)}`);
  }
  return out;
}

function fixture(file: string): { bytes: Uint8Array; values: Record<string, number | null> } {
  const entry = readManifest().fixtures.find((f) => f.file === file)!;
  return { bytes: readFileSync(join(FIXTURE_DIR, file)), values: expectedOf(entry).values };
}

describe("parseOcr", () => {
  it("reads an image-only PDF scanned at 200 dpi, turned 0.4°, with speckles: blank cells stay blank", async () => {
    const { bytes, values } = fixture("seed-003-blanks.pdf");
    const scan = await scanToPdf(bytes, { dpi: 200, rotate: 0.4, noise: 0.001, paper: 245 });
    const progress: number[] = [];
    const report = await parseOcr(scan, { onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([1, 2]);
    expect(report.source.layout).toBe("ocr");
    expect(report.template).toBe("2021");
    const t = tally(report, values);
    console.info(`seed-003-blanks, 200 dpi scan: ${t.exact} exact, ${t.nullWithDiagnostic} null with a diagnostic, ${t.wrong.length} wrong of ${Object.keys(values).length}`);
    expect(t.wrong).toEqual([]);
    expect(t.absent).toBe(0);
    expect(t.exact / Object.keys(values).length).toBeGreaterThanOrEqual(0.97);
    for (const [path, loc] of Object.entries(report.locations)) {
      expect(loc.page, path).toBeGreaterThanOrEqual(1);
      expect(loc.box && loc.box.x1 > loc.box.x0 && loc.box.y1 > loc.box.y0, path).toBe(true);
    }
    for (const d of report.diagnostics.filter((x) => x.code === "ocr-uncertain")) {
      expect(d.path).toBeTruthy();
      expect(d.message).toMatch(/read ".*" with confidence \d\.\d\d/);
    }
  });

  it("reads a PNG page at 150 dpi through parseDocument: no wrong number", async () => {
    const { bytes, values } = fixture("pingtan-2019.pdf");
    const [png] = await scanToPngs(bytes, { dpi: 150, pages: [1], rotate: -0.3, noise: 0.0005 });
    const report = await parseDocument(png!, { ocr: { dpi: 150 } });
    expect(report.source.layout).toBe("ocr");
    const t = tally(report, values);
    console.info(`pingtan-2019 page 1, 150 dpi PNG: ${t.exact} exact, ${t.nullWithDiagnostic} null with a diagnostic, ${t.wrong.length} wrong, ${t.absent} on page 2`);
    expect(t.wrong).toEqual([]);
    expect(t.exact).toBeGreaterThanOrEqual(20);
    const box = Object.values(report.locations).find((l) => l.box)?.box;
    // boxes of an image are in its pixels
    expect(box && box.x1 > 72).toBe(true);
  });

  it("says what a file that is not a scan is", async () => {
    const report = await parseOcr(new TextEncoder().encode("not an image"));
    expect(report.template).toBe("unknown");
    expect(report.diagnostics[0]?.code).toBe("binary-input");
    const broken = await parseOcr(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(broken.diagnostics[0]?.code).toBe("decoding");
    await expect(parseOcr("text" as unknown as Uint8Array)).rejects.toThrow(TypeError);
    // damaged JPEG files are drawn by pdf.js's own decoder: a report, never a crash
    const canvas = createCanvas(120, 80);
    const jpeg = new Uint8Array(canvas.toBuffer("image/jpeg"));
    let seed = 5;
    for (let n = 0; n < 20; n++) {
      const bytes = jpeg.slice(0, n % 3 === 0 ? Math.floor(jpeg.length / 2) : jpeg.length);
      for (let k = 0; k < 8; k++) bytes[20 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % (bytes.length - 20))] = seed & 0xff;
      const report = await parseOcr(bytes);
      expect(report.template).toBe("unknown");
    }
  });
});

describe.skipIf(!hasExtra)("parseOcr on the Huai'an report (../shared/corpus-extra)", () => {
  it("reads its three table pages, scanned at 200 dpi, back to its 200 values", async () => {
    const expected = JSON.parse(readFileSync(join(extraDir, "huaian-2024.expected.json"), "utf8")) as { values: Record<string, number | null> };
    const scan = await scanToPdf(readFileSync(join(extraDir, "huaian-2024.pdf")), { dpi: 200, pages: [3, 4, 5], rotate: 0.3, noise: 0.0005 });
    const report = await parseOcr(scan);
    const t = tally(report, expected.values);
    console.info(`huaian-2024, 200 dpi scan: ${t.exact} exact, ${t.nullWithDiagnostic} null with a diagnostic, ${t.wrong.length} wrong of 200`);
    expect(Object.keys(expected.values)).toHaveLength(200);
    expect(t.wrong).toEqual([]);
    expect(t.absent).toBe(0);
    // the bar: at least 97 % exact (measured: 200 of 200)
    expect(t.exact).toBeGreaterThanOrEqual(194);
  });
});
if (!hasExtra) console.warn("../shared/corpus-extra not found: the Huai'an OCR test is skipped");
