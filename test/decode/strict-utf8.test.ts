import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { decodeStrictUtf8 } from "../../src/decode/strict-utf8.js";

const fatal = new TextDecoder("utf-8", { fatal: true });
function platform(bytes: Uint8Array): string | null {
  try {
    return fatal.decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes near the edges of UTF-8's ranges (lead bytes, trail bounds, surrogates, above U+10FFFF). */
const EDGE_BYTES = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xbb, 0xf0, 0xf4, 0xf5, 0xff];
const chinese = new TextEncoder().encode("政府信息公开工作年度报告");

describe("decodeStrictUtf8", () => {
  test.prop([fc.array(fc.oneof(fc.constantFrom(...EDGE_BYTES), fc.integer({ min: 0, max: 255 })), { maxLength: 16 }), fc.boolean()], { numRuns: 3000 })(
    "agrees with a fatal TextDecoder, on Chinese text (decoded here) and on ASCII (decoded by the platform)",
    (tail, cjk) => {
      const lead = cjk ? chinese : new TextEncoder().encode("<html>");
      const bytes = new Uint8Array([...lead, ...tail, ...lead]);
      expect(decodeStrictUtf8(bytes)).toBe(platform(bytes));
    },
  );

  it("decodes every code point and drops one leading BOM only", () => {
    let all = "";
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3000 ? 1 : 7) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    const bytes = new TextEncoder().encode("中文".repeat(600) + all);
    expect(decodeStrictUtf8(bytes)).toBe(platform(bytes));
    const boms = new TextEncoder().encode("\ufeff\ufeff中文报告");
    expect(decodeStrictUtf8(boms)).toBe("\ufeff中文报告");
  });
});
