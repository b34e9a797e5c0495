/**
 * Bytes to text: BOM (UTF-8, UTF-16LE/BE) → `<meta charset>` → strict UTF-8 → GB18030.
 */
import type { Diagnostic } from "../types.js";
import { decodeLegacy, legacyEncodingExists } from "./legacy-decoder.js";
import { decodeStrictUtf8 } from "./strict-utf8.js";

/** The decoded text and how it was decoded. */
export interface Decoded {
  text: string;
  encoding: string;
  reason: "bom" | "meta" | "utf-8" | "fallback" | "option";
  diagnostics: Diagnostic[];
}

/** Labels that mean GB2312/GBK in the wild; all are read as GB18030, their superset. */
const GB_FAMILY = new Set(["gbk", "gb2312", "cp936", "x-gbk", "gb_2312-80", "csgb2312", "ms936", "windows-936", "gb18030", "euc-cn"]);

/** Map an encoding label to the one used for decoding. */
export function normalizeEncodingLabel(label: string): string {
  const l = label.trim().toLowerCase();
  if (GB_FAMILY.has(l)) return "gb18030";
  if (l === "utf8") return "utf-8";
  return l;
}

/** Decode bytes; never throws. `forced` overrides the detection. */
export function decodeBytes(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) return decodeForced(bytes, forced);
  const bom = decodeBom(bytes);
  if (bom) return bom;
  const meta = sniffMetaCharset(bytes);
  if (meta) {
    const label = normalizeEncodingLabel(meta);
    const viaMeta = tryDecode(bytes, label);
    if (viaMeta !== null) return { text: viaMeta, encoding: label, reason: "meta", diagnostics: [] };
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", reason: "utf-8", diagnostics: [] };
  return {
    text: decodeLegacy(bytes, "gb18030"),
    encoding: "gb18030",
    reason: "fallback",
    diagnostics: [
      {
        code: "decoding",
        severity: "info",
        message: "输入不是有效的 UTF-8，按 GB18030 解码 / input is not valid UTF-8; decoded as GB18030",
      },
    ],
  };
}

function decodeForced(bytes: Uint8Array, forced: string): Decoded {
  const label = normalizeEncodingLabel(forced);
  const text = tryDecode(bytes, label);
  if (text !== null) return { text, encoding: label, reason: "option", diagnostics: [] };
  const fallback = decodeBytes(bytes);
  fallback.diagnostics.push({
    code: "decoding",
    severity: "warning",
    message: `未知编码 ${forced}，已自动检测 / unknown encoding ${forced}; detected instead`,
  });
  return fallback;
}

/** Decoders are made once: making one costs more than decoding a page with it. */
const DECODERS = {
  "utf-8": new TextDecoder("utf-8"),
  "utf-16le": new TextDecoder("utf-16le"),
  "utf-16be": new TextDecoder("utf-16be"),
};

function decodeBom(bytes: Uint8Array): Decoded | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: DECODERS["utf-8"].decode(bytes.subarray(3)), encoding: "utf-8", reason: "bom", diagnostics: [] };
  }
  if (a === 0xff && b === 0xfe) {
    return { text: DECODERS["utf-16le"].decode(bytes.subarray(2)), encoding: "utf-16le", reason: "bom", diagnostics: [] };
  }
  if (a === 0xfe && b === 0xff) {
    return { text: DECODERS["utf-16be"].decode(bytes.subarray(2)), encoding: "utf-16be", reason: "bom", diagnostics: [] };
  }
  return null;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  if (label === "utf-8") return decodeStrictUtf8(bytes);
  if (label === "utf-16le" || label === "utf-16be") return DECODERS[label].decode(bytes);
  if (!legacyEncodingExists(label)) return null;
  return decodeLegacy(bytes, label);
}

/** How far into the bytes `<meta charset>` is looked for. */
const SNIFF_BYTES = 4096;
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

/**
 * Find `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in the first 4 KB.
 * Bytes outside ASCII read as spaces.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const at = metaTagAt(head);
  if (at < 0) return null;
  const m = META_CHARSET.exec(asciiOf(head.subarray(at)));
  return m ? m[1]! : null;
}

/** Offset of the first `<meta` (any case), or -1: a match can start nowhere else. */
function metaTagAt(head: Uint8Array): number {
  for (let i = head.indexOf(0x3c); i >= 0 && i + 4 < head.length; i = head.indexOf(0x3c, i + 1)) {
    // `| 0x20` lower-cases an ASCII letter and maps no other byte onto one
    if ((head[i + 1]! | 0x20) === 0x6d && (head[i + 2]! | 0x20) === 0x65 && (head[i + 3]! | 0x20) === 0x74 && (head[i + 4]! | 0x20) === 0x61) return i;
  }
  return -1;
}

/** The bytes as ASCII text, every byte outside ASCII a space. */
function asciiOf(bytes: Uint8Array): string {
  const ascii = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) ascii[i] = bytes[i]! < 0x80 ? bytes[i]! : 0x20;
  return DECODERS["utf-8"].decode(ascii);
}
