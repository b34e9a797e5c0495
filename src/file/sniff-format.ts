/**
 * What kind of file some bytes are, from their content (never from a file name):
 * `%PDF-`, a ZIP holding `word/document.xml`, the OLE header of a Word 97–2003 file.
 */

/** The formats {@link sniffFormat} tells apart. */
export type DocumentFormat = "pdf" | "docx" | "doc" | "png" | "jpeg" | "text" | "zip" | "ole";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** Index of `needle` in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): number {
  const first = needle[0];
  const last = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function utf16le(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}

const PDF = ascii("%PDF-");
const WORD_XML = ascii("word/document.xml");
const WORD_STREAM = utf16le("WordDocument");

/**
 * The format of a file's bytes: `"pdf"` (`%PDF-` in the first kilobyte), `"docx"` (a ZIP
 * with `word/document.xml`), `"doc"` (an OLE compound file with a `WordDocument` stream),
 * `"png"` / `"jpeg"` for images (by their signatures), `"zip"` / `"ole"` for other files of those containers (spreadsheets, slides), and
 * `"text"` for everything else (text or HTML, for `parseReport`).
 *
 * @example
 * ```ts
 * sniffFormat(new TextEncoder().encode("%PDF-1.7\n…")); // "pdf"
 * ```
 */
export function sniffFormat(bytes: Uint8Array): DocumentFormat {
  if (indexOf(bytes, PDF, 0, 1024 + PDF.length) >= 0) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, ZIP)) return indexOf(bytes, WORD_XML) >= 0 ? "docx" : "zip";
  if (startsWith(bytes, OLE)) return indexOf(bytes, WORD_STREAM) >= 0 ? "doc" : "ole";
  return "text";
}
