import { describe, expect, it } from "vitest";
import { unreadableFile } from "../../src/file/unreadable-file.js";

describe("unreadableFile", () => {
  it("names the file in both languages and gives the library's reason", () => {
    expect(unreadableFile("DOC", "the DOC file", new Error("no WordDocument stream"))).toEqual({
      code: "decoding",
      severity: "error",
      message: "无法读取DOC文件 / the DOC file could not be read: no WordDocument stream",
    });
    expect(unreadableFile("PDF", "the PDF", "Invalid PDF structure").message).toBe("无法读取PDF文件 / the PDF could not be read: Invalid PDF structure");
  });
});
