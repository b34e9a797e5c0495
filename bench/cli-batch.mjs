#!/usr/bin/env node
/**
 * Batch speed of the `xxgk` command (needs `npm run build` first).
 *
 * Generates reports from the corpus files into a temporary folder, then times
 * `xxgk parse <folder> --format csv` (parse, validate and write CSV) with --jobs 1
 * and --jobs 2, and measures the peak RSS of a larger run. Wall-clock rates depend
 * on what else the machine runs; the CPU time (all threads, from --stats) does much
 * less. The folder is deleted at the end.
 *
 * Two kinds of generated reports (`--numbers`):
 * - `consistent` (default): every table cell of a corpus file gets the value
 *   a·x + b·y, where x is its own value and y the value of the same cell in another
 *   corpus report of the same template (a ≥ 1, b ≥ 0 random integers), so that
 *   the tables add up as the sources do — as real reports mostly do. The layout,
 *   labels and narrative of the source stay as they were.
 * - `random`: every number of the text gets random digits (the tables no longer
 *   add up: every report has findings, and glued text has no consistent split,
 *   the digit segmenter's worst case).
 *
 *   node bench/cli-batch.mjs [--count 10000] [--rss-count 20000] [--numbers consistent|random|both] [--keep]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { flattenReport, parseReport } from "../dist/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAIN = join(ROOT, "dist", "cli", "main.js");
const CORPUS = join(ROOT, "corpus");

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    "rss-count": { type: "string", default: "20000" },
    keep: { type: "boolean", default: false },
    numbers: { type: "string", default: "both" },
  },
});
if (!["consistent", "random", "both"].includes(values.numbers)) {
  console.error("bench/cli-batch.mjs: --numbers is consistent, random or both");
  process.exit(2);
}
const COUNT = Number(values.count);
const RSS_COUNT = Number(values["rss-count"]);

/** The tests' seeded generator (mulberry32), so that every run generates the same files. */
const { seededRandom: random } = await tsImport(new URL("../test/helpers/seeded-random.ts", import.meta.url).href, import.meta.url);

/** The corpus reports, each with its parsed cells (value and location per model path). */
function loadSources() {
  return readdirSync(CORPUS)
    .filter((f) => /\.(txt|md|html)$/.test(f) && f !== "README.md")
    .sort()
    .map((name) => {
      const text = readFileSync(join(CORPUS, name), "utf8");
      const report = parseReport(text);
      const values = flattenReport(report);
      const cells = Object.entries(report.locations)
        .filter(([path, loc]) => typeof values[path] === "number" && /^\D*-?[\d,]+(\.\d+)?\D*$/.test(text.slice(loc.start, loc.end)))
        .map(([path, loc]) => ({ path, start: loc.start, end: loc.end, value: values[path] }))
        .sort((a, b) => a.start - b.start);
      return { name, text, html: name.endsWith(".html"), template: report.template, values, cells };
    });
}

/** A number written like `like` (its decimals kept). */
function formatLike(value, like) {
  const decimals = /\.(\d+)/.exec(like)?.[1].length ?? 0;
  return decimals > 0 ? value.toFixed(decimals) : String(Math.round(value));
}

/** The source's text with every table cell set to a·own + b·partner (see the file's comment). */
function combine(source, partner, a, b) {
  const { text } = source;
  const parts = [];
  let at = 0;
  for (const cell of source.cells) {
    if (cell.start < at) continue;
    const other = partner.values[cell.path];
    const value = a * cell.value + b * (typeof other === "number" ? other : 0);
    const written = text.slice(cell.start, cell.end);
    parts.push(text.slice(at, cell.start), written.replace(/-?[\d,]+(\.\d+)?/, (number) => formatLike(value, number)));
    at = cell.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Write `count` reports into `folder` (1,000 per subfolder), cycling through the corpus files. */
function generate(folder, count, seed, numbers) {
  const sources = loadSources();
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const sub = join(folder, String(Math.floor(i / 1000)).padStart(3, "0"));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    let text;
    if (numbers === "random") text = varyNumbers(source.text, next, source.html);
    else {
      const partner = pick(sources.filter((s) => s.template === source.template));
      text = combine(source, partner, 1 + Math.floor(next() * 3), Math.floor(next() * 3));
    }
    writeFileSync(join(sub, `${String(i).padStart(6, "0")}-${source.name}`), text);
  }
  return sources.length;
}

/** Run the CLI with --stats; resolves with the wall time, the CPU time of all threads and the peak RSS. */
function timeRun(args) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [MAIN, ...args, "--stats"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += b));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const stats = /cpu ([\d.]+) s · peak RSS (\d+) MB/.exec(stderr);
      if ((code !== 0 && code !== 1) || stats === null) reject(new Error(`xxgk exited with ${code}: ${stderr}`));
      else resolvePromise({ seconds, cpu: Number(stats[1]), peakMb: Number(stats[2]), stderr: stderr.trim() });
    });
  });
}

function countLines(file) {
  const text = readFileSync(file, "utf8");
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

async function main() {
  if (!existsSync(MAIN)) {
    console.error("bench/cli-batch.mjs: dist/cli/main.js is missing — run `npm run build` first");
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), "xxgk-bench-"));
  try {
    const kinds = values.numbers === "both" ? ["consistent", "random"] : [values.numbers];
    for (const numbers of kinds) await batchFigures(work, numbers);
    if (RSS_COUNT > COUNT) await memoryFigure(work, kinds[0]);
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Time `--jobs 1` and `--jobs 2` on COUNT generated reports. */
async function batchFigures(work, numbers) {
  const folder = join(work, `reports-${numbers}`);
  const t = Date.now();
  const seeds = generate(folder, COUNT, 1, numbers);
  console.log(`\n${numbers} numbers: generated ${COUNT} reports from ${seeds} corpus files in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const csv = join(work, "out.csv");
  const results = {};
  for (const jobs of [1, 2]) {
    const run = await timeRun(["parse", folder, "--format", "csv", "--out", csv, "--jobs", String(jobs)]);
    const rows = countLines(csv) - 1;
    if (rows !== COUNT) throw new Error(`expected ${COUNT} CSV rows, got ${rows}`);
    results[jobs] = run;
    console.log(
      `--jobs ${jobs}: ${COUNT} reports parsed, validated and written as CSV in ${run.seconds.toFixed(2)} s = ` +
        `${Math.round(COUNT / run.seconds)} reports/s; CPU ${run.cpu.toFixed(1)} s = ${Math.round(COUNT / run.cpu)} reports per CPU-second; ` +
        `peak RSS ${run.peakMb} MB`,
    );
    console.log(`          ${run.stderr.split("\n").pop()}`);
  }
  console.log(`ratio --jobs 2 / --jobs 1: ${(results[1].seconds / results[2].seconds).toFixed(2)}×`);
}

/** Peak memory of a larger run with the default --jobs. */
async function memoryFigure(work, numbers) {
  const t = Date.now();
  const big = join(work, "big");
  generate(big, RSS_COUNT, 2, numbers);
  console.log(`\n${numbers} numbers: generated ${RSS_COUNT} reports in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const csv = join(work, "out.csv");
  const run = await timeRun(["parse", big, "--format", "csv", "--out", csv]);
  console.log(
    `${RSS_COUNT} files, default --jobs: ${run.seconds.toFixed(2)} s = ${Math.round(RSS_COUNT / run.seconds)} reports/s, ` +
      `peak RSS ${run.peakMb} MB; CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB`,
  );
}

await main();
