import { describe, expect, it } from "vitest";
import { contextOf, contextSlot, ParseContext } from "../../src/text/parse-context.js";
import { linesWith, splitLines } from "../../src/tokenize/lines.js";

describe("ParseContext", () => {
  it("makes a slot's value once per context, and again for a new context of the same text", () => {
    let made = 0;
    const slot = contextSlot("count", (text) => {
      made++;
      return { length: text.length };
    });
    const context = new ParseContext("abc");
    const value = context.get(slot);
    expect(value).toEqual({ length: 3 });
    expect(context.get(slot)).toBe(value);
    expect(made).toBe(1);
    const other = new ParseContext("abc");
    expect(other.get(slot)).not.toBe(value);
    expect(made).toBe(2);
  });

  it("keeps a value of undefined or null as made", () => {
    let made = 0;
    const slot = contextSlot<null>("nothing", () => {
      made++;
      return null;
    });
    const context = new ParseContext("");
    expect(context.get(slot)).toBeNull();
    expect(context.get(slot)).toBeNull();
    expect(made).toBe(1);
  });

  it("contextOf gives the context only for its own text", () => {
    const context = new ParseContext("a\nb");
    expect(contextOf("a\nb", context)).toBe(context);
    const other = contextOf("a\nc", context);
    expect(other).not.toBe(context);
    expect(other.text).toBe("a\nc");
    expect(contextOf("a\nb", undefined)).not.toBe(context);
  });
});

describe("lines within and across parses", () => {
  const text = "规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 5 |\n总计";

  it("splits a text once within one context", () => {
    const context = new ParseContext(text);
    const lines = splitLines(text, context);
    expect(lines.map((l) => l.text)).toEqual(["规章 | 0 | 0 | 0 |", "行政规范性文件 | 1 | 0 | 5 |", "总计"]);
    expect(splitLines(text, context)).toBe(lines);
    expect(linesWith(text, "|", context).map((m) => m.index)).toEqual([0, 1]);
    expect(linesWith(text, "|", context)[0]!.line).toBe(lines[0]);
  });

  it("keeps nothing of one call for the next", () => {
    const once = splitLines(text);
    expect(once).toHaveLength(3);
    expect(splitLines(text)).not.toBe(once);
    expect(splitLines(text)).toEqual(once);
    expect(splitLines(text, new ParseContext(text))).not.toBe(splitLines(text, new ParseContext(text)));
    expect(linesWith(text, "|")).not.toBe(linesWith(text, "|"));
  });

  it("reads the text asked for when handed another text's context", () => {
    const context = new ParseContext(text);
    splitLines(text, context);
    expect(splitLines("一\n二", context).map((l) => l.text)).toEqual(["一", "二"]);
  });
});
