/**
 * Working with UTF-16 code units: whitespace by code, and strings from arrays of units
 * (scanners that fold or pick characters write units into a typed array, then make one string).
 */

/** True for the UTF-16 code units `/\s/` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Code units per `String.fromCharCode` call (well below any engine's argument limit). */
const CHUNK = 4096;

/** The string of any code units, lone surrogates kept as they are. */
export function stringOfUnits(units: Uint16Array): string {
  let text = "";
  for (let i = 0; i < units.length; i += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return text;
}

const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });
/** Units are written in the platform's byte order; the decoder reads them as UTF-16LE. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The string of well-formed UTF-16 (no lone surrogate: the platform's decoder would replace
 * one), made by the platform's decoder where it can read the units in place.
 */
export function stringOfWellFormed(units: Uint16Array): string {
  return LITTLE_ENDIAN ? utf16.decode(units) : stringOfUnits(units);
}
