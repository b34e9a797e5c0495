/**
 * Scans made from PDFs with a text layer, for the OCR tests: every page drawn by pdf.js
 * onto a canvas at a resolution, turned slightly, in grey, with speckles, then written
 * as PNG files or as an image-only PDF (one JPEG image per page, no text).
 */
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { createRequire } from "node:module";
import { imagePdf } from "../../src/ocr/image-pdf.js";

/** How to scan. */
export interface ScanOptions {
  dpi: number;
  /** Degrees the page is turned by (clockwise). */
  rotate?: number;
  /** Share of pixels turned into a dark or light speckle. */
  noise?: number;
  /** Grey level of the paper (255 = white). */
  paper?: number;
  /** Pages to scan (1-based); default all. */
  pages?: number[];
  seed?: number;
}

const pdfjsDir = createRequire(import.meta.url).resolve("pdfjs-dist/package.json").replace(/package\.json$/, "");

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** The scanned pages of a PDF, as canvases. */
export async function scanPages(pdf: Uint8Array, options: ScanOptions): Promise<Canvas[]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${pdfjsDir}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}standard_fonts/`,
    verbosity: 0,
  }).promise;
  const rand = random(options.seed ?? 7);
  const out: Canvas[] = [];
  try {
    const numbers = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of numbers) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: options.dpi / 72 });
      const w = Math.ceil(viewport.width);
      const h = Math.ceil(viewport.height);
      const upright = createCanvas(w, h);
      const uc = upright.getContext("2d");
      uc.fillStyle = "#ffffff";
      uc.fillRect(0, 0, w, h);
      await page.render({ canvasContext: uc as never, viewport }).promise;
      const scan = createCanvas(w, h);
      const sc = scan.getContext("2d");
      sc.fillStyle = "#ffffff";
      sc.fillRect(0, 0, w, h);
      sc.translate(w / 2, h / 2);
      sc.rotate(((options.rotate ?? 0) * Math.PI) / 180);
      sc.drawImage(upright, -w / 2, -h / 2);
      sc.setTransform(1, 0, 0, 1, 0, 0);
      const pixels = sc.getImageData(0, 0, w, h);
      const d = pixels.data;
      const paper = options.paper ?? 255;
      const noise = options.noise ?? 0;
      for (let i = 0; i < d.length; i += 4) {
        let g = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
        g = (g / 255) * paper;
        if (noise > 0 && rand() < noise) g = rand() < 0.7 ? 40 + rand() * 80 : 255;
        d[i] = d[i + 1] = d[i + 2] = g;
        d[i + 3] = 255;
      }
      sc.putImageData(pixels, 0, 0);
      out.push(scan);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** PNG files of the scanned pages. */
export async function scanToPngs(pdf: Uint8Array, options: ScanOptions): Promise<Uint8Array[]> {
  return (await scanPages(pdf, options)).map((c) => new Uint8Array(c.toBuffer("image/png")));
}

/** An image-only PDF of the scanned pages: one JPEG per page, the page as large as the scan at its resolution. */
export async function scanToPdf(pdf: Uint8Array, options: ScanOptions & { quality?: number }): Promise<Uint8Array> {
  const pages = await scanPages(pdf, options);
  return imagePdf(
    pages.map((c) => ({ jpeg: new Uint8Array(c.toBuffer("image/jpeg", Math.round((options.quality ?? 0.85) * 100))), width: c.width, height: c.height })),
    options.dpi,
  );
}
