import { describe, expect, it } from "vitest";
import { toHalfWidth } from "../../src/text/cell-value.js";
import { compact, originOf, type CompactText } from "../../src/validate/compact-text.js";

/** Every compact character's offset in the original. */
function origins(c: CompactText): number[] {
  return Array.from({ length: c.text.length }, (_, i) => originOf(c, i));
}

/** Full-width forms to ASCII, odd spaces to " ", U+2212 to "-" (toHalfWidth, written out). */
function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b) out += " ";
    else if (c === 0x2212) out += "-";
    else out += text[i];
  }
  return out;
}

/** The definition `compact` implements: fold, then drop each code unit `/\s/` matches. */
function reference(raw: string): { text: string; origin: number[] } {
  const folded = fold(raw);
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (/\s/.test(folded[i]!)) continue;
    text += folded[i];
    origin.push(i);
  }
  return { text, origin };
}

describe("compact", () => {
  it("folds and drops every single code unit as the definition does", () => {
    let all = "";
    for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c);
    expect(toHalfWidth(all)).toBe(fold(all));
    const got = compact(all);
    const want = reference(all);
    expect(got.text).toBe(want.text);
    expect(origins(got)).toEqual(want.origin);
  });

  it("folds full-width characters, drops whitespace and maps each character back", () => {
    const raw = " 共收到\u3000政府信息公开申请\u00a0１２件，\n未收到\t申请\u200b。\u2212";
    const got = compact(raw);
    expect(got.text).toBe("共收到政府信息公开申请12件,未收到申请。-");
    expect({ text: got.text, origin: origins(got) }).toEqual(reference(raw));
  });

  it("agrees with the definition on long texts and lone surrogates", () => {
    const piece = "现行有效规章１２件 ， 收到申请 3 件\r\n\ud83d\ude00\ud800 x\ufeff";
    const raw = piece.repeat(700);
    const got = compact(raw);
    const want = reference(raw);
    expect(got.text.length).toBeGreaterThan(4096);
    expect(got.text).toBe(want.text);
    expect(origins(got)).toEqual(want.origin);
    expect(compact("")).toMatchObject({ text: "" });
  });
});
