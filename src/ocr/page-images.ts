/**
 * Page images to read: the pages of a PDF drawn by pdf.js onto a canvas of
 * `@napi-rs/canvas`, or a PNG or JPEG file decoded by it; both as grey images.
 */
import type { LoadedPdfjs, PdfjsPage } from "../pdf/load-pdfjs.js";
import { grayFromRgba, type GrayImage } from "./gray-image.js";
import type { CanvasModule } from "./load-ocr.js";

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

/** A PNG or JPEG file as a grey image. Rejects when the bytes cannot be decoded. */
export async function decodeImage(bytes: Uint8Array, canvas: CanvasModule): Promise<GrayImage> {
  const image = await canvas.loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const surface = canvas.createCanvas(image.width, image.height);
  const context = surface.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  return grayFromRgba(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
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
