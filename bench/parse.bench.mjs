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
// every parse starts from nothing (the parser keeps no state from one call to the next),
// so a task may parse the same text again and again
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
if (seed) {
  bench.add(`parseReport: seed-002.txt (${(seed.bytes.length / 1024).toFixed(1)} KB)`, () => parseReport(seed.bytes));
}

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

// Glued text, adversarial digit runs: the segmenter's search is bounded (steps); its time is measured here.
const rows3 = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理"];
function adversarial(digits, appeals) {
  let s = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数";
  for (const r of ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]) s += r + digits(0);
  s += "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";
  rows3.forEach((r, i) => (s += r + digits(i + 1)));
  return `${s}四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计${appeals}五、存在的主要问题及改进情况无。`;
}
const cases = {
  "runs of twenty zeros": adversarial(() => "0".repeat(20), "0".repeat(40)),
  "runs of twenty ones": adversarial(() => "1".repeat(20), "1".repeat(40)),
  "20-digit runs": adversarial((i) => "12345678901234567890".slice(i % 10) + "1234567890".slice(0, i % 10), "9".repeat(30)),
  "alternating 10": adversarial(() => "10".repeat(10), "10".repeat(15)),
  "29 nines": adversarial(() => "9".repeat(29), "9".repeat(29)),
};
const worst = Object.entries(cases).map(([name, text]) => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = parseReport(text);
    times.push(performance.now() - t0);
    if (r.source.layout !== "glued-text") throw new Error(`${name}: read as ${r.source.layout}`);
  }
  times.sort((a, b) => a - b);
  return { input: name, "median ms": +times[2].toFixed(1), "max ms": +times[4].toFixed(1) };
});
console.log("glued text, adversarial inputs (target: none over 100 ms)");
console.table(worst);
