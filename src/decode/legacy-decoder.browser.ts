/**
 * Browser build of the legacy decoder: the platform's `TextDecoder`.
 */

/** Decode bytes in a legacy encoding label (already mapped to `gb18030` where it applies). */
export function decodeLegacy(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(bytes);
}

/** True when this decoder knows the label. */
export function legacyEncodingExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
