/**
 * The core runs in a browser: bundled for `platform: "browser"`, it imports no Node
 * built-in, and parses a GB18030 report in a context without `Buffer` or `process`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { build, type Plugin } from "esbuild";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { corpusDir, repoRoot } from "../helpers/corpus.js";

const browserDecoder: Plugin = {
  name: "browser-decoder",
  setup(b) {
    b.onResolve({ filter: /legacy-decoder\.js$/ }, () => ({ path: join(repoRoot, "src/decode/legacy-decoder.browser.ts") }));
  },
};

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(repoRoot, "src/index.ts")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    globalName: "xxgk",
    plugins: [browserDecoder],
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

describe("browser bundle", () => {
  it("bundles without Node built-ins and parses GB18030 bytes without Buffer or process", async () => {
    const code = await bundle();
    expect(code).not.toMatch(/require\(["'](node:)?(fs|buffer|path|util|stream)["']\)/);
    expect(code).not.toContain("iconv-lite");
    const bytes = new Uint8Array(iconv.encode(readFileSync(join(corpusDir, "seed-002.txt"), "utf8"), "gb18030"));
    const context: Record<string, unknown> = { TextDecoder, TextEncoder, bytes, result: null };
    runInNewContext(`${code}\nresult = (() => { const r = xxgk.parseReport(bytes); return { hasBuffer: typeof Buffer, hasProcess: typeof process, encoding: r.source.encoding, template: r.template, org: r.meta.organization, punish: r.activeDisclosure.punishment.decisions }; })();`, context);
    expect(context.result).toEqual({
      hasBuffer: "undefined",
      hasProcess: "undefined",
      encoding: "gb18030",
      template: "2021",
      org: "卢氏县交通运输局",
      punish: 417,
    });
  });
});
