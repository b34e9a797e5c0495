/**
 * Scans made from PDFs with a text layer, for the OCR tests: every page drawn by pdf.js
 * onto a canvas at a resolution, turned slightly, in grey, with speckles, then written
 * as PNG files or as an image-only PDF (one JPEG image per page, no text).
 */
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { createRequire } from "node:module";

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

/** A PDF whose every page is one JPEG image and nothing else. */
export function imagePdf(images: ReadonlyArray<{ jpeg: Uint8Array; width: number; height: number }>, dpi: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const enc = new TextEncoder();
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === "string" ? enc.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string | Uint8Array[]) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    if (typeof body === "string") push(body);
    else for (const b of body) push(b);
    push("\nendobj\n");
  };
  push("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const n = images.length;
  const pageId = (i: number) => 3 + 3 * i;
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, `<< /Type /Pages /Count ${n} /Kids [${images.map((_, i) => `${pageId(i)} 0 R`).join(" ")}] >>`);
  images.forEach((img, i) => {
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    object(pageId(i), `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${pageId(i) + 2} 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`);
    object(pageId(i) + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    object(pageId(i) + 2, [
      enc.encode(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`),
      img.jpeg,
      enc.encode("\nendstream"),
    ]);
  });
  const count = 3 + 3 * n;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) push(`${String(offsets[id]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
