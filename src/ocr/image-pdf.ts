/**
 * A PDF whose every page is one JPEG image and nothing else: how a JPEG file is given
 * to pdf.js, whose JavaScript decoder reads a damaged file without harm.
 */
import { concatBytes } from "./concat-bytes.js";

/** One page: a JPEG file, its size in pixels and colour components. */
export interface JpegPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  components?: number;
}

/** The PDF; each page is as large as its image at `dpi` pixels per inch. */
export function imagePdf(pages: readonly JpegPage[], dpi: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const enc = new TextEncoder();
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === "string" ? enc.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, ...body: Array<string | Uint8Array>) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    for (const b of body) push(b);
    push("\nendobj\n");
  };
  push("%PDF-1.4\n");
  const pageId = (i: number) => 3 + 3 * i;
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(" ")}] >>`);
  pages.forEach((img, i) => {
    const w = ((img.width * 72) / dpi).toFixed(3);
    const h = ((img.height * 72) / dpi).toFixed(3);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const space = img.components === 1 ? "/DeviceGray" : img.components === 4 ? "/DeviceCMYK" : "/DeviceRGB";
    object(pageId(i), `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${pageId(i) + 2} 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`);
    object(pageId(i) + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    object(
      pageId(i) + 2,
      `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`,
      img.jpeg,
      "\nendstream",
    );
  });
  const count = 3 + 3 * pages.length;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) push(`${String(offsets[id]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return concatBytes(chunks);
}
