import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, normalizeEncodingLabel, sniffMetaCharset } from "../../src/decode/decode-bytes.js";

const sample = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）€·—";

describe("decodeBytes", () => {
  it("reads a UTF-8 BOM", () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]));
    expect(d).toMatchObject({ text: sample, encoding: "utf-8", reason: "bom" });
  });

  it("reads UTF-16LE and UTF-16BE with a BOM", () => {
    const le = iconv.encode(sample, "utf-16le");
    const be = iconv.encode(sample, "utf-16be");
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...le]))).toMatchObject({ text: sample, encoding: "utf-16le", reason: "bom" });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ text: sample, encoding: "utf-16be", reason: "bom" });
  });

  it("follows <meta charset> and maps gbk/gb2312 to gb18030", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${sample}</body></html>`;
    const d = decodeBytes(new Uint8Array(iconv.encode(html, "gb18030")));
    expect(d).toMatchObject({ text: html, encoding: "gb18030", reason: "meta" });
  });

  it("prefers strict UTF-8, then falls back to GB18030 with a diagnostic", () => {
    expect(decodeBytes(new TextEncoder().encode(sample))).toMatchObject({ text: sample, encoding: "utf-8", reason: "utf-8" });
    const d = decodeBytes(new Uint8Array(iconv.encode(sample, "gb18030")));
    expect(d).toMatchObject({ text: sample, encoding: "gb18030", reason: "fallback" });
    expect(d.diagnostics.map((x) => x.code)).toEqual(["decoding"]);
  });

  it("takes a forced encoding, and says so when it does not know it", () => {
    expect(decodeBytes(new Uint8Array(iconv.encode(sample, "gb18030")), "GBK")).toMatchObject({ text: sample, reason: "option" });
    const d = decodeBytes(new TextEncoder().encode(sample), "no-such-encoding");
    expect(d.text).toBe(sample);
    expect(d.diagnostics[0]?.code).toBe("decoding");
  });

  it("normalises labels and sniffs meta", () => {
    expect(["gbk", "GB2312", "cp936", "x-gbk"].map(normalizeEncodingLabel)).toEqual(["gb18030", "gb18030", "gb18030", "gb18030"]);
    expect(sniffMetaCharset(new TextEncoder().encode('<meta charset="GBK">'))).toBe("GBK");
    expect(sniffMetaCharset(new TextEncoder().encode("<p>no meta</p>"))).toBeNull();
  });
});
