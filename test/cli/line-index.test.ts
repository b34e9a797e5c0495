import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/cli/line-index.js";

describe("LineIndex", () => {
  it("maps offsets to 1-based lines and columns across \\n, \\r\\n and \\r", () => {
    const index = new LineIndex("ab\ncd\r\nef\rg");
    expect(index.locate(0)).toEqual({ line: 1, column: 1 });
    expect(index.locate(1)).toEqual({ line: 1, column: 2 });
    expect(index.locate(3)).toEqual({ line: 2, column: 1 });
    expect(index.locate(7)).toEqual({ line: 3, column: 1 });
    expect(index.locate(10)).toEqual({ line: 4, column: 1 });
    expect(index.locate(999)).toEqual({ line: 4, column: 2 });
    expect(index.locate(-5)).toEqual({ line: 1, column: 1 });
  });

  test.prop([fc.string({ unit: fc.constantFrom("a", "表", "\n") }), fc.nat()])("agrees with splitting", (text, n) => {
    const offset = text.length === 0 ? 0 : n % text.length;
    const before = text.slice(0, offset).split("\n");
    expect(new LineIndex(text).locate(offset)).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
  });
});
