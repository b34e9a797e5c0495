/**
 * The stages of the library, bottom up. A module may import from its own stage or
 * any stage below it, never from one above: `npm run lint:layers` (and
 * test/architecture/layers.test.ts) fail on an import that runs back up.
 */
const STAGES = [
  ["text", "^src/(text/|types\\.ts$)"],
  ["template", "^src/template/"],
  ["decode", "^src/decode/"],
  ["tokenize", "^src/(tokenize|layout)/"],
  ["tables", "^src/tables/"],
  ["report", "^src/report/"],
  ["validate", "^src/validate/"],
  ["parse", "^src/parse-report\\.ts$"],
  ["file", "^src/file/"],
  ["formats", "^src/(pdf|docx|doc)/"],
  ["ocr", "^src/ocr/"],
  ["document", "^src/document/"],
  ["entry", "^src/index\\.ts$"],
  ["apps", "^(src/cli|site)/"],
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...STAGES.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-upward`,
      comment: `${name} is below ${STAGES.slice(i + 1).map(([n]) => n).join(", ")}: it may not import from them`,
      severity: "error",
      from: { path },
      to: { path: STAGES.slice(i + 1).map(([, p]) => `(${p})`).join("|") },
    })),
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
