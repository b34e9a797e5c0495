/**
 * `npm run bench`: parse and validate speed on the corpus, beside a bare baseline
 * (decode + split lines + split cells) measured in the same run, against the built package.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import { Parser } from "htmlparser2";
import { parseReport, validateReport } from "../dist/index.js";

const corpus = new URL("../corpus/", import.meta.url).pathname;
const files = readdirSync(corpus)
  .filter((f) => /\.(txt|md|html)$/.test(f) && f !== "README.md")
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(corpus, f))) }));
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);

/** The least any parser must do: decode, split lines, split cells. */
function baseline(bytes) {
  const text = new TextDecoder("utf-8").decode(bytes);
  let cells = 0;
  for (const line of text.split(/\r?\n/)) cells += line.split(/[|\t]/).length;
  return cells;
}

const groups = {
  text: files.filter((f) => /^seed-/.test(f.name)),
  glued: files.filter((f) => /^pingtan-.*\.txt$/.test(f.name)),
  html: files.filter((f) => f.name.endsWith(".html")),
  markdown: files.filter((f) => f.name.endsWith(".md")),
};
const parsed = files.map((f) => parseReport(f.bytes));

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench.add("baseline: decode + split (whole corpus)", () => { for (const f of files) baseline(f.bytes); });
bench.add("parseReport (whole corpus)", () => { for (const f of files) parseReport(f.bytes); });
bench.add("validateReport (whole corpus)", () => { for (const r of parsed) validateReport(r); });
for (const [group, list] of Object.entries(groups)) {
  if (list.length === 0) continue;
  bench.add(`parseReport: ${group} (${list.length})`, () => { for (const f of list) parseReport(f.bytes); });
}
const page = files.find((f) => f.name === "pingtan-2023.html");
if (page) {
  const html = new TextDecoder().decode(page.bytes);
  bench.add("htmlparser2 alone: pingtan-2023.html", () => { const p = new Parser({}); p.write(html); p.end(); });
  bench.add("parseReport: pingtan-2023.html", () => parseReport(page.bytes));
}
const seed = files.find((f) => f.name === "seed-002.txt");
if (seed) bench.add(`parseReport: seed-002.txt (${(seed.bytes.length / 1024).toFixed(1)} KB)`, () => parseReport(seed.bytes));

await bench.run();

const count = (name) => (name.includes("whole corpus") ? files.length : Number(/\((\d+)\)/.exec(name)?.[1] ?? 1));
const bytesOf = (name) => {
  if (name.includes("whole corpus")) return totalBytes;
  const g = /: (\w+) \(/.exec(name)?.[1];
  if (g && groups[g]) return groups[g].reduce((n, f) => n + f.bytes.length, 0);
  const f = files.find((x) => name.includes(x.name));
  return f ? f.bytes.length : 0;
};
const base = bench.tasks[0].result.latency.p50;
const rows = bench.tasks.map((t) => {
  const median = t.result.latency.p50;
  const n = count(t.name);
  return {
    task: t.name,
    "median ms": +median.toFixed(3),
    "ms / report": +(median / n).toFixed(3),
    "reports/s": Math.round((n * 1000) / median),
    "MB/s": +((bytesOf(t.name) / 1e6) / (median / 1000)).toFixed(1),
    "× baseline": t.name.includes("whole corpus") ? +(median / base).toFixed(1) : "",
  };
});
console.log(`corpus: ${files.length} files, ${(totalBytes / 1024).toFixed(0)} KB; node ${process.version}`);
console.table(rows);
