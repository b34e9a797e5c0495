import { describe, expect, it } from "vitest";
import { toHalfWidth } from "../../src/tables/cell-value.js";
import { compact, isWhitespaceCode } from "../../src/validate/compact-text.js";

/** The definition `compact` implements: fold, then drop each code unit `/\s/` matches. */
function reference(raw: string): { text: string; origin: number[] } {
  const folded = toHalfWidth(raw);
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
  it("isWhitespaceCode is /\\s/ on every UTF-16 code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("folds full-width characters, drops whitespace and maps each character back", () => {
    const raw = " 共收到\u3000政府信息公开申请\u00a0１２件，\n未收到\t申请\u200b。\u2212";
    const got = compact(raw);
    expect(got.text).toBe("共收到政府信息公开申请12件,未收到申请。-");
    expect({ text: got.text, origin: [...got.origin] }).toEqual(reference(raw));
  });

  it("agrees with the definition on long texts and lone surrogates", () => {
    const piece = "现行有效规章１２件 ， 收到申请 3 件\r\n\ud83d\ude00\ud800 x\ufeff";
    const raw = piece.repeat(700);
    const got = compact(raw);
    const want = reference(raw);
    expect(got.text.length).toBeGreaterThan(4096);
    expect(got.text).toBe(want.text);
    expect([...got.origin]).toEqual(want.origin);
    expect(compact("")).toMatchObject({ text: "" });
  });
});
