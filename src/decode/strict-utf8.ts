/**
 * Strict UTF-8 decoding, as a fatal `TextDecoder("utf-8")` does it (a leading BOM
 * dropped), but quicker on Chinese text.
 *
 * Engines build strings from UTF-8 slowly once it leaves ASCII: on a report in Chinese,
 * decoding to UTF-16 code units here and letting the platform wrap them is two to
 * three times faster. On mostly-ASCII input (HTML pages) the platform's decoder is
 * faster and is used. Both give the same string, or `null` for malformed input.
 */

import { stringOfWellFormed } from "../text/code-units.js";

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** How many leading bytes are sampled to choose a decoder. */
const SAMPLE = 1024;

/** Decode bytes as UTF-8; `null` when they are not well-formed UTF-8. A leading BOM is dropped. */
export function decodeStrictUtf8(bytes: Uint8Array): string | null {
  if (mostlyAscii(bytes)) return platformUtf8(bytes);
  const units = utf8ToUtf16(bytes);
  return units === null ? null : stringOfWellFormed(units);
}

function platformUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** True when fewer than a quarter of the sampled leading bytes are outside ASCII. */
function mostlyAscii(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let high = 0;
  for (let i = 0; i < n; i++) if (bytes[i]! >= 0x80) high++;
  return high * 4 < n;
}

/**
 * The UTF-16 code units of well-formed UTF-8 (Unicode Table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or `null` at the first ill-formed sequence.
 */
function utf8ToUtf16(bytes: Uint8Array): Uint16Array | null {
  const n = bytes.length;
  const out = scratch(n);
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let k = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      out[k++] = c;
      i++;
    } else if (c < 0xc2 || c > 0xf4) {
      return null;
    } else if (c < 0xe0) {
      if (i + 1 >= n || !isTrail(bytes[i + 1]!)) return null;
      out[k++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      if (i + 2 >= n) return null;
      const c1 = bytes[i + 1]!;
      const c2 = bytes[i + 2]!;
      if (c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf) || !isTrail(c2)) return null;
      out[k++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
    } else {
      if (i + 3 >= n) return null;
      const c1 = bytes[i + 1]!;
      const c2 = bytes[i + 2]!;
      const c3 = bytes[i + 3]!;
      if (c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf) || !isTrail(c2) || !isTrail(c3)) return null;
      const cp = (((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
      out[k++] = 0xd800 | (cp >> 10);
      out[k++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return out.subarray(0, k);
}

/** Working space for the code units, reused up to this many (the units are copied into the string). */
const SCRATCH_LIMIT = 1 << 20;
let scratchUnits = new Uint16Array(0);

function scratch(length: number): Uint16Array {
  if (length > SCRATCH_LIMIT) return new Uint16Array(length);
  if (scratchUnits.length < length) scratchUnits = new Uint16Array(Math.max(length, 16384));
  return scratchUnits;
}

function isTrail(b: number): boolean {
  return (b & 0xc0) === 0x80;
}
