/**
 * Decoding of legacy Chinese encodings. This module runs in Node and uses
 * iconv-lite; the browser build replaces it with `legacy-decoder.browser.ts`,
 * which uses the platform's `TextDecoder` (every browser implements GB18030
 * as the Encoding Standard requires).
 */
import iconv from "iconv-lite";

/** Decode bytes in a legacy encoding label (already mapped to `gb18030` where it applies). */
export function decodeLegacy(bytes: Uint8Array, label: string): string {
  return iconv.decode(bytes as Buffer, label);
}

/** True when this decoder knows the label. */
export function legacyEncodingExists(label: string): boolean {
  return iconv.encodingExists(label);
}
