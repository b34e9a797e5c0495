#!/usr/bin/env node
/**
 * `node bench/case.mjs <family> <variant> <seed> [runs]` (needs `npm run build`): make one
 * input of test/helpers/adversarial-inputs.ts again — as `bench/find-slowest.mjs` lists it —
 * and time parseReport + validateReport on it `runs` times (default 20), wall and CPU
 * time, with the layout read and the diagnostics by code. For a profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/case.mjs blank-heavy flat-text 8 30
 *
 * Families: `blank-heavy <layout>`, `gb18030 tab-rows`, `short-rows ×<copies>`,
 * `mutated <corpus file or layout>`. `DUMP=file` writes the input to `file`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";
import { parseReport, validateReport } from "../dist/index.js";

const root = new URL("../", import.meta.url);
const A = await tsImport(new URL("./test/helpers/adversarial-inputs.ts", root).href, import.meta.url);
const [family, variant, seedText, runsText] = process.argv.slice(2);
const seed = Number(seedText);
if (!family || !variant || !Number.isInteger(seed)) {
  console.error("usage: node bench/case.mjs <family> <variant> <seed> [runs]");
  process.exit(2);
}
let input;
if (family === "gb18030") input = A.corruptedGb18030(seed);
else if (family === "blank-heavy") input = A.blankHeavy(variant, seed);
else if (family === "short-rows") input = A.shortRows(seed, Number(variant.replace("×", "")));
else if (family === "mutated") {
  const source = A.BLANK_LAYOUTS.includes(variant) ? A.blankHeavy(variant, seed) : readFileSync(new URL(`../corpus/${variant}`, import.meta.url), "utf8");
  input = A.mutate(source, seed);
} else {
  console.error(`bench/case.mjs: unknown family ${family}`);
  process.exit(2);
}
if (process.env.DUMP) writeFileSync(process.env.DUMP, input);

const runs = Number(runsText ?? 20);
// two copies in turn (the second with a line break added): the parser's cache of the last text never hits
const copies = [input, typeof input === "string" ? `${input}\n` : new Uint8Array([...input, 0x0a])];
const wall = [];
const cpu = [];
let report;
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  report = parseReport(copies[i & 1]);
  validateReport(report);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
wall.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const codes = {};
for (const d of report.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
console.log(
  `${family} ${variant} seed ${seed} (${(A.inputBytes(input) / 1024).toFixed(1)} KB, ${report.source.layout}, ${report.template}): ` +
    `wall best ${wall[0].toFixed(2)} ms, median ${wall[runs >> 1].toFixed(2)} ms; cpu best ${cpu[0].toFixed(2)} ms, median ${cpu[runs >> 1].toFixed(2)} ms`,
);
console.log(codes);
