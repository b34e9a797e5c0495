/**
 * Loading pdf.js (the optional peer dependency `pdfjs-dist`) on first use: its
 * legacy build in Node, with the CMaps and standard fonts the package ships (no
 * network). A browser passes its own pdf.js module and asset URLs instead.
 */
import { missingPeer } from "../file/missing-peer.js";

declare const __filename: string | undefined;

/** The part of pdf.js's `getDocument` parameters this reader sets. */
export interface PdfjsDocumentParams {
  data: Uint8Array;
  cMapUrl?: string;
  cMapPacked?: boolean;
  standardFontDataUrl?: string;
  isEvalSupported?: boolean;
  disableFontFace?: boolean;
  useSystemFonts?: boolean;
  verbosity?: number;
}

/** A text item of pdf.js's `getTextContent()`. */
export interface PdfjsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** A page of pdf.js, as far as this reader uses it. */
export interface PdfjsPage {
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(params?: Record<string, unknown>): Promise<{ items: PdfjsTextItem[] }>;
}

/** A document of pdf.js, as far as this reader uses it. */
export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  /** The document's information dictionary (`CreationDate` …), when the pdf.js build has it. */
  getMetadata?(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

/** The pdf.js module, as far as this reader uses it. */
export interface PdfjsModule {
  getDocument(params: PdfjsDocumentParams): { promise: Promise<PdfjsDocument> };
}

/** Where pdf.js finds its CMaps (for Chinese fonts) and standard fonts. */
export interface PdfjsAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

/** pdf.js and its assets, ready to read documents. */
export interface LoadedPdfjs {
  pdfjs: PdfjsModule;
  assets: PdfjsAssets;
}

let cached: Promise<LoadedPdfjs> | null = null;

/** The folder of the installed `pdfjs-dist` package (Node only), with a trailing slash. */
async function packageDir(): Promise<string | null> {
  try {
    const { createRequire } = await import("node:module");
    const base = typeof __filename === "string" ? __filename : import.meta.url;
    const manifest = createRequire(base).resolve("pdfjs-dist/package.json");
    return manifest.replace(/package\.json$/, "");
  } catch {
    return null;
  }
}

async function loadDefault(): Promise<LoadedPdfjs> {
  let pdfjs: PdfjsModule;
  try {
    pdfjs = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfjsModule;
  } catch (error) {
    throw missingPeer("pdfjs-dist", "PDF", error);
  }
  const dir = await packageDir();
  const assets: PdfjsAssets = dir ? { cMapUrl: `${dir}cmaps/`, standardFontDataUrl: `${dir}standard_fonts/` } : {};
  return { pdfjs, assets };
}

/**
 * pdf.js: the module given (with its assets), or else `pdfjs-dist`'s legacy build,
 * imported once.
 *
 * @throws Error naming the package to install when `pdfjs-dist` is not installed.
 */
export async function loadPdfjs(given?: PdfjsModule, assets?: PdfjsAssets): Promise<LoadedPdfjs> {
  if (given) return { pdfjs: given, assets: assets ?? {} };
  cached ??= loadDefault().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  const loaded = await cached;
  return assets ? { pdfjs: loaded.pdfjs, assets: { ...loaded.assets, ...assets } } : loaded;
}
