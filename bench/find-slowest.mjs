#!/usr/bin/env node
/**
 * `node bench/find-slowest.mjs [--count 200] [--first 1] [--top 15]` (needs `npm run build`):
 * a search for the slowest inputs up to 20 KB. Makes `count` inputs of every family of
 * test/helpers/adversarial-inputs.ts from fixed seeds (blank-heavy reports in every layout,
 * corrupted GB18030, short rows, mutations of the corpus texts), times parseReport +
 * validateReport on each (the best of three runs, so that a pause of the machine does not
 * count; beside it the best CPU time of the process, which other work on the machine
 * inflates less), and lists the slowest with the family, variant and seed that make them again.
 * The slowest found are the fixed cases of bench/adversarial.bench.mjs; `node bench/case.mjs`
 * makes one of them again (for a profile).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { bestOfThree } from "./best-of-three.mjs";

const { values } = parseArgs({
  options: { count: { type: "string", default: "200" }, first: { type: "string", default: "1" }, top: { type: "string", default: "15" } },
});
const root = new URL("../", import.meta.url);
const { adversarialInputs, inputBytes } = await tsImport(new URL("./test/helpers/adversarial-inputs.ts", root).href, import.meta.url);

const corpus = new URL("../corpus/", import.meta.url).pathname;
const sources = readdirSync(corpus)
  .filter((f) => /\.(txt|md|html)$/.test(f) && f !== "README.md")
  .map((f) => ({ name: f, text: readFileSync(join(corpus, f), "utf8") }))
  .filter((s) => Buffer.byteLength(s.text) <= 20 * 1024);

/** The best of three runs (see best-of-three.mjs), as `ms` and `cpu`. */
const time = (input) => {
  const { wall, cpu } = bestOfThree(input);
  return { ms: wall, cpu };
};

const count = Number(values.count);
const first = Number(values.first);
// warm up, so that the first inputs do not pay for compiling the parser
for (const x of adversarialInputs(2, first, sources)) time(x.input);
const results = [];
const started = performance.now();
for (let k = 0; k < count; k += 10) {
  for (const x of adversarialInputs(Math.min(10, count - k), first + k, sources)) {
    results.push({ family: x.family, variant: x.variant, seed: x.seed, KB: +(inputBytes(x.input) / 1024).toFixed(1), ...time(x.input) });
  }
}
results.sort((a, b) => b.ms - a.ms);
const byFamily = new Map();
for (const r of results) byFamily.set(`${r.family} ${r.family === "mutated" ? "" : r.variant}`.trim(), [...(byFamily.get(`${r.family} ${r.family === "mutated" ? "" : r.variant}`.trim()) ?? []), r.ms]);
console.log(`${results.length} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s (seeds ${first}–${first + count - 1}); node ${process.version}`);
console.table(
  [...byFamily].map(([name, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { inputs: name, n: sorted.length, "median ms": +sorted[sorted.length >> 1].toFixed(2), "max ms": +sorted[sorted.length - 1].toFixed(2), "over 20 ms": sorted.filter((t) => t > 20).length };
  }),
);
console.log(`slowest ${values.top}:`);
console.table(results.slice(0, Number(values.top)).map(({ cpu, ...r }) => ({ ...r, ms: +r.ms.toFixed(2), "cpu ms": +cpu.toFixed(2) })));
