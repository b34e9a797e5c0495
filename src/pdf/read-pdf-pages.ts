/**
 * Read the text pieces of every page of a PDF with pdf.js, with their boxes in page
 * coordinates (points, origin at the top-left corner).
 */
import { fileTimestampDate } from "../text/dates.js";
import type { LoadedPdfjs, PdfjsDocument, PdfjsTextItem } from "./load-pdfjs.js";
import type { PositionedPage, PositionedText } from "./types.js";

type Matrix = readonly number[];

function multiply(m: Matrix, n: Matrix): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = n;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

/** One text item placed on the page: baseline at `y`, glyphs from 0.88 size above it to 0.12 below. */
export function placeItem(item: PdfjsTextItem, viewport: Matrix, page: number): PositionedText | null {
  const text = item.str ?? "";
  if (text === "" || !item.transform) return null;
  const m = multiply(viewport, item.transform);
  const size = Math.hypot(m[2]!, m[3]!);
  if (!(size > 0)) return null;
  const x = m[4]!;
  const baseline = m[5]!;
  const scale = Math.hypot(viewport[0] ?? 1, viewport[1] ?? 0);
  const width = Math.max(0, (item.width ?? 0) * scale);
  return { text, page, size, x0: x, x1: x + width, y0: baseline - 0.88 * size, y1: baseline + 0.12 * size };
}

/** Bytes of a PDF → its pages of positioned text. Rejects when pdf.js cannot open the file. */
export async function readPdfPages(bytes: Uint8Array, loaded: LoadedPdfjs): Promise<PositionedPage[]> {
  return (await readPdfDocument(bytes, loaded)).pages;
}

/** The creation date (`YYYY-MM-DD`) of the document's information dictionary, or `null`. */
async function creationDate(doc: PdfjsDocument): Promise<string | null> {
  try {
    const meta = await doc.getMetadata?.();
    const info = meta?.info as { CreationDate?: unknown } | undefined;
    return typeof info?.CreationDate === "string" ? fileTimestampDate(info.CreationDate) : null;
  } catch {
    return null;
  }
}

/**
 * Bytes of a PDF → its pages of positioned text and its creation date (`null` when it has none).
 * Rejects when pdf.js cannot open the file.
 */
export async function readPdfDocument(bytes: Uint8Array, loaded: LoadedPdfjs): Promise<{ pages: PositionedPage[]; created: string | null }> {
  const { pdfjs, assets } = loaded;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapPacked: true,
    ...assets,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: PositionedPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        const placed = placeItem(item, viewport.transform, n);
        if (placed) items.push(placed);
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items });
    }
    return { pages, created: await creationDate(doc) };
  } finally {
    await doc.destroy();
  }
}
