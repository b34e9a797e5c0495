import { describe, expect, it } from "vitest";
import { isWhitespaceCode, stringOfUnits, stringOfWellFormed } from "../../src/text/code-units.js";

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

describe("code units", () => {
  it("isWhitespaceCode is /\\s/ on every UTF-16 code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("makes the string of the units, longer than one call's chunk and with a lone surrogate", () => {
    const text = `${"政府信息公开a1　".repeat(2000)}\ud800x`;
    expect(stringOfUnits(unitsOf(text))).toBe(text);
  });

  it("makes the string of well-formed UTF-16, pairs included", () => {
    const text = "年报𠀀".repeat(3000);
    expect(stringOfWellFormed(unitsOf(text))).toBe(text);
  });
});
