import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/** The browser build decodes legacy encodings with the platform's TextDecoder instead of iconv-lite. */
const browserDecoder: Plugin = {
  name: "browser-decoder",
  setup(build) {
    build.onResolve({ filter: /legacy-decoder\.js$/ }, (args) => ({
      path: new URL("src/decode/legacy-decoder.browser.ts", `file://${process.cwd()}/`).pathname,
    }));
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "neutral",
    treeshake: true,
  },
  {
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    treeshake: true,
    noExternal: ["htmlparser2", "domhandler", "entities", "domelementtype"],
    esbuildPlugins: [browserDecoder],
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
