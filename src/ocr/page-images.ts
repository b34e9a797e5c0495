/**
 * Page images to read, as grey images: the pages of a PDF drawn by pdf.js onto a canvas
 * of `@napi-rs/canvas`; a PNG file decoded here; a JPEG file drawn by pdf.js too (as the
 * one image of a page). The canvas never decodes a file itself: its native decoders
 * can crash on a damaged one.
 */
import type { LoadedPdfjs, PdfjsPage } from "../pdf/load-pdfjs.js";
import { decodePng } from "./decode-png.js";
import { grayFromRgba, type GrayImage } from "./gray-image.js";
import { imagePdf } from "./image-pdf.js";
import { jpegInfo } from "./jpeg-info.js";
import type { CanvasModule, NodeParts } from "./load-ocr.js";

/** A PDF page as pdf.js draws it. */
interface RenderablePage extends PdfjsPage {
  render(params: { canvasContext: unknown; viewport: unknown }): { promise: Promise<void> };
  cleanup?(): void;
}

/** A page of a PDF drawn at `dpi`, on white. */
export async function renderPdfPage(page: PdfjsPage, dpi: number, canvas: CanvasModule): Promise<GrayImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const surface = canvas.createCanvas(width, height);
  const context = surface.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  await (page as RenderablePage).render({ canvasContext: context, viewport }).promise;
  const pixels = context.getImageData(0, 0, width, height);
  (page as RenderablePage).cleanup?.();
  return grayFromRgba(pixels.data, width, height);
}

/** A PNG file as a grey image (decoded here). Throws when the file is damaged. */
export function decodeImage(bytes: Uint8Array, node: NodeParts): GrayImage {
  return decodePng(bytes, node);
}

/** A JPEG file as a one-page PDF for pdf.js to draw, with the image's size; `null` when its markers do not hold together. */
export function jpegAsPdf(bytes: Uint8Array): { pdf: Uint8Array; width: number; height: number } | null {
  const info = jpegInfo(bytes);
  if (!info) return null;
  return { pdf: imagePdf([{ jpeg: bytes, ...info }], 72), width: info.width, height: info.height };
}

/** Open a PDF with pdf.js as `readPdfPages` does (no fonts from the system, no eval). */
export async function openPdf(bytes: Uint8Array, loaded: LoadedPdfjs) {
  const task = loaded.pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapPacked: true,
    ...loaded.assets,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  return task.promise;
}
