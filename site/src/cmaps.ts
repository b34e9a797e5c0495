/**
 * pdf.js's CMaps for Simplified Chinese fonts, inlined into the page: a PDF whose fonts
 * are not embedded names one of them (`UniGB-UCS2-H` …), and a page opened from
 * `file://` or offline cannot fetch them.
 */
const CMAPS = import.meta.glob<string>("../../node_modules/pdfjs-dist/cmaps/{Adobe-GB1-*,GB*,UniGB-*}.bcmap", {
  query: "?inline",
  import: "default",
});

const byName = new Map(Object.entries(CMAPS).map(([path, load]) => [path.replace(/^.*\//, "").replace(/\.bcmap$/, ""), load]));

function bytesOfDataUrl(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A `CMapReaderFactory` for pdf.js's `getDocument` that reads the inlined CMaps. */
export class InlineCMapReaderFactory {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const load = byName.get(name);
    if (!load) throw new Error(`CMap ${name} is not bundled`);
    return { cMapData: bytesOfDataUrl(await load()), isCompressed: true };
  }
}

/** The names of the bundled CMaps. */
export const bundledCmaps: readonly string[] = [...byName.keys()];
