/**
 * Bad input gives a Report with diagnostics, never an exception.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractTables, parseReport } from "../src/index.js";
import { corpusDir } from "./helpers/corpus.js";

const codes = (input: string | Uint8Array) => parseReport(input).diagnostics.map((d) => d.code);

describe("bad input", () => {
  it("empty text and empty bytes", () => {
    expect.assertions(9);
    for (const input of ["", "   \n\n", new Uint8Array(0)]) {
      const report = parseReport(input);
      expect(report.template).toBe("unknown");
      expect(report.applications).toBeNull();
      expect(codes(input)).toContain("empty-input");
    }
  });

  it("binary junk", () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x & 0xff;
    }
    const report = parseReport(bytes);
    expect(report.template).toBe("unknown");
    expect(report.diagnostics.map((d) => d.code)).toContain("binary-input");
  });

  it("a news article is not a report", () => {
    const news = "本报讯 记者从市交通运输局获悉，2024年全市新开通公交线路12条。\n市民可通过政务服务网查询线路信息。\n";
    const report = parseReport(news);
    expect(report.template).toBe("unknown");
    const d = report.diagnostics.find((x) => x.code === "not-a-report");
    expect(d?.severity).toBe("error");
    expect(extractTables(news)).toEqual([]);
  });

  it("half a report keeps what it has and names what is missing", () => {
    const full = readFileSync(join(corpusDir, "seed-001.txt"), "utf8");
    const half = full.slice(0, full.indexOf("三、收到和处理"));
    const report = parseReport(half);
    expect(report.template).toBe("2021");
    expect(report.activeDisclosure).not.toBeNull();
    expect(report.applications).toBeNull();
    expect(report.appeals).toBeNull();
    const missing = report.diagnostics.filter((d) => d.code === "missing-table").map((d) => d.path);
    expect(missing).toEqual(["applications", "appeals"]);
    expect(report.diagnostics.filter((d) => d.code === "missing-section")).toHaveLength(4);
  });

  it("a report cut inside table 3 keeps the rows it has and marks the rest missing", () => {
    const full = readFileSync(join(corpusDir, "seed-002.txt"), "utf8");
    const cut = full.slice(0, full.indexOf("(三) 不予公开"));
    const report = parseReport(cut);
    expect(report.applications?.newReceived.total).toBe(0);
    expect(report.applications?.denied.stateSecret.total).toBeNull();
    expect(report.diagnostics.some((d) => d.code === "missing-row" && d.path === "applications.denied.stateSecret")).toBe(true);
    expect(report.diagnostics.find((d) => d.code === "truncated")?.severity).toBe("warning");
    expect(parseReport(full).diagnostics.some((d) => d.code === "truncated")).toBe(false);
  });

  it("a GB18030 report read as bytes", () => {
    const text = readFileSync(join(corpusDir, "seed-002.txt"), "utf8");
    const report = parseReport(new Uint8Array(gb18030(text)));
    expect(report.source.encoding).toBe("gb18030");
    expect(report.source.encodingReason).toBe("fallback");
    expect(report.applications?.newReceived.total).toBe(0);
    expect(report.activeDisclosure && "licensing" in report.activeDisclosure ? report.activeDisclosure.licensing.decisions : null).toBe(14);
  });

  it("broken markup keeps every section inside the text", () => {
    const text = "<table><td>0</td>一、总体情况</tr>一、总体情况";
    const sections = parseReport(text).sections;
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      expect(s.start).toBeLessThanOrEqual(s.end);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });

  it("programmer errors throw a TypeError", () => {
    expect(() => parseReport(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseReport(null as unknown as string)).toThrow(TypeError);
    expect(() => extractTables({} as unknown as string)).toThrow(TypeError);
  });
});

function gb18030(text: string): Buffer {
  // iconv-lite is the reference encoder for the test
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return iconvEncode(text);
}

import iconv from "iconv-lite";
function iconvEncode(text: string): Buffer {
  return iconv.encode(text, "gb18030");
}
