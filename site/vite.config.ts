/**
 * The playground page: one self-contained `dist/index.html` (scripts, styles and the
 * parsing worker inlined), so it opens from `file://`, any static host, or offline.
 * The library comes from the package's browser build (`npm run build` first).
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

const repo = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The page's own thread parses nothing (the worker does): the format readers that the
 * browser build imports on first use are left out of it.
 */
const noFormatsInPage: Plugin = {
  name: "no-formats-in-page",
  enforce: "pre",
  resolveId(source, importer) {
    if (importer?.endsWith("/dist/browser.js") && /^\.\/(pdf|docx|doc)\.js$/.test(source)) return "\0no-formats";
    return null;
  },
  load(id) {
    return id === "\0no-formats" ? "export {};" : null;
  },
};

/** pdf.js is handed to the reader, so its Node-only lookup of the installed package never runs here. */
const nodeModuleStub: Plugin = {
  name: "node-module-stub",
  enforce: "pre",
  resolveId(source, importer) {
    return source === "module" && importer?.endsWith("/dist/pdf.js") ? "\0node-module" : null;
  },
  load(id) {
    return id === "\0node-module" ? "export function createRequire() { throw new Error('no Node modules in a browser'); }" : null;
  },
};

/**
 * cfb exports itself only where `require` exists (`typeof require !== "undefined"`), which
 * a browser bundle does not have: export it unconditionally.
 */
const cfbExport: Plugin = {
  name: "cfb-export",
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]cfb[\\/]cfb\.js$/.test(id)) return null;
    const guard = "if(typeof require !== 'undefined' && typeof module !== 'undefined' && typeof DO_NOT_EXPORT_CFB === 'undefined') { module.exports = CFB; }";
    if (!code.includes(guard)) throw new Error("cfb-export: cfb.js no longer has the export guard this build rewrites");
    return { code: code.replace(guard, "module.exports = CFB;"), map: null };
  },
};

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  publicDir: false,
  // pdf.js CMaps are inlined into the worker as data (site/src/cmaps.ts).
  assetsInclude: ["**/*.bcmap"],
  logLevel: "warn",
  resolve: {
    alias: [
      { find: /^xxgk-report$/, replacement: repo("dist/browser.js") },
      // mammoth's own browser bundle (its Node entry reads files with Node's modules).
      { find: /^mammoth$/, replacement: repo("node_modules/mammoth/mammoth.browser.js") },
    ],
  },
  worker: {
    format: "iife",
    // One worker script, with pdf.js, mammoth, cfb and the CMaps in it.
    rolldownOptions: { output: { codeSplitting: false }, checks: { pluginTimings: false } },
    plugins: () => [nodeModuleStub, cfbExport],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  plugins: [noFormatsInPage, viteSingleFile()],
});
