/**
 * Hard inputs for the parser's bounded searches, each made from a seed (the same seed
 * gives the same input): valid reports with many blank cells in every layout, a small
 * GB18030 tab-separated report with corrupted bytes in table 三, a table 三 whose rows
 * are all short of cells, and random edits of reports and corpus files, up to 20 KB.
 * Used by the step-budget fuzz test (test/property/step-budget.test.ts) and by
 * `npm run bench` (bench/adversarial.bench.mjs).
 */
import * as fc from "fast-check";
import iconv from "iconv-lite";
import { APPEAL_ROWS, rowsOf, type TableTemplate } from "../../src/template/templates.js";
import type { Layout } from "../../src/types.js";
import { reportArbitrary, type GeneratedReport } from "./arbitrary-report.js";
import { renderAlignedText } from "./render-aligned-text.js";
import { renderFlatText } from "./render-flat-text.js";
import { renderHtml } from "./render-html.js";
import { defaultRenderOptions, HEADINGS, renderReport, type TextLayout } from "./render-text.js";
import { seededRandom } from "./seeded-random.js";

/** The largest input made here: 20 KB (of UTF-8, or of bytes). */
export const MAX_INPUT_BYTES = 20 * 1024;

/** The layouts {@link blankHeavy} renders. */
export const BLANK_LAYOUTS = ["pipe-rows", "pipe-cells", "tab-rows", "markdown", "html", "aligned-text", "flat-text", "glued-text"] as const satisfies readonly Layout[];

/** One of {@link BLANK_LAYOUTS}. */
export type BlankLayout = (typeof BLANK_LAYOUTS)[number];

export const generator = seededRandom;

const integer = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** A valid generated report (both templates, a 小计 column sometimes), chosen by the seed. */
export function generatedReport(seed: number): GeneratedReport {
  return fc.sample(reportArbitrary({ orgSubtotal: "sometimes" }), { seed, numRuns: 1 })[0]!;
}

/**
 * The report's values with blanks (`null`): per table 三 column a chance of being blank
 * from top to bottom (总计 and 小计 included), per row a chance of a blank row, then
 * single cells of every table blank at a rate between 10% and 70%.
 */
export function withBlanks(report: GeneratedReport, seed: number): Record<string, number | null> {
  const rng = generator(seed);
  const columnRate = rng() * 0.4;
  const rowRate = rng() * 0.3;
  const cellRate = 0.1 + rng() * 0.6;
  const blankColumns = new Set<string>();
  const blankRows = new Set<string>();
  const values: Record<string, number | null> = {};
  for (const [path, value] of Object.entries(report.values)) {
    const [table, , column] = path.split(".");
    const row = path.slice(0, path.lastIndexOf("."));
    if (table === "applications" && column !== undefined && !blankColumns.has(column) && rng() < columnRate / 8) blankColumns.add(column);
    if (!blankRows.has(row) && rng() < rowRate / 8) blankRows.add(row);
    const blank = value === null || blankRows.has(row) || (table === "applications" && blankColumns.has(column!)) || rng() < cellRate;
    values[path] = blank ? null : value;
  }
  return values;
}

/** Glued text (`pingtan-*.txt`): labels and numbers run together; a blank cell prints nothing. */
export function renderGlued(values: Record<string, number | null>, template: TableTemplate): string {
  const cell = (path: string) => {
    const v = values[path];
    return typeof v === "number" ? String(v) : "";
  };
  let text = "某某县2024年度政府信息公开工作年度报告 一、总体情况本年度工作情况如下。二、主动公开政府信息情况第二十条第（一）项信息内容";
  let group = "";
  for (const spec of rowsOf("activeDisclosure", template)) {
    if (spec.group && spec.group !== group && group !== "") text += `${spec.group}信息内容`;
    group = spec.group ?? "";
    text += spec.label + spec.columns.map((c) => cell(`activeDisclosure.${spec.path}.${c.key}`)).join("");
  }
  text += "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";
  group = "";
  for (const spec of rowsOf("applications", template)) {
    if (spec.group && spec.group !== group) text += spec.group;
    group = spec.group ?? "";
    text += spec.label + spec.columns.map((c) => cell(`applications.${spec.path}.${c.key}`)).join("");
  }
  text += "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";
  for (const row of APPEAL_ROWS) text += row.columns.map((c) => cell(`appeals.${row.path}.${c.key}`)).join("");
  return `${text}五、存在的主要问题及改进情况无。六、其他需要报告的事项无。`;
}

/** Render values in one of {@link BLANK_LAYOUTS}; the seed picks the renderer's variant. */
export function renderIn(layout: BlankLayout, report: GeneratedReport, values: Record<string, number | null>, seed: number): string {
  const rng = generator(seed ^ 0x5bd1e995);
  switch (layout) {
    case "html":
      return renderHtml(values, report.template, { seed });
    case "aligned-text":
      return renderAlignedText(values, report.template, { blankLines: integer(rng, 0, 2), labelWidth: integer(rng, 8, 16) });
    case "flat-text":
      return renderFlatText(values, report.template, { style: (["plumber", "pdfium", "pdfjs"] as const)[integer(rng, 0, 2)], labelWidth: integer(rng, 8, 16) });
    case "glued-text":
      return renderGlued(values, report.template);
    default:
      return renderReport({ ...report, values }, { ...defaultRenderOptions(layout as TextLayout), narrative: integer(rng, 0, 1000) });
  }
}

/** A valid report with many blank cells, written in `layout`. */
export function blankHeavy(layout: BlankLayout, seed: number): string {
  const report = generatedReport(seed);
  return renderIn(layout, report, withBlanks(report, seed), seed);
}

/**
 * A 2–3 KB tab-separated report (headings and tables, no narrative) encoded in GB18030,
 * with 1–6 bytes of table 三 corrupted (a digit or a tab replaced by a GB18030 lead byte,
 * deleted, or doubled): rows of table 三 lose cells or merge them.
 */
export function corruptedGb18030(seed: number): Uint8Array {
  const report = generatedReport(seed);
  const rng = generator(seed);
  const text = renderReport(report, { ...defaultRenderOptions("tab-rows"), title: true });
  // keep the title, headings and table rows: drop the narrative paragraphs
  const lines = text.split("\n").filter((l) => l.includes("\t") || HEADINGS.some((h) => l.includes(h)) || l.includes("年度报告"));
  const bytes = iconv.encode(lines.join("\n") + "\n", "gb18030");
  const start = bytes.indexOf(iconv.encode(HEADINGS[2], "gb18030"));
  const end = bytes.indexOf(iconv.encode(HEADINGS[3], "gb18030"));
  const targets: number[] = [];
  for (let i = Math.max(start, 0); i < (end > start ? end : bytes.length); i++) {
    const b = bytes[i]!;
    if (b === 0x09 || (b >= 0x30 && b <= 0x39)) targets.push(i);
  }
  const out = [...bytes];
  const edits = integer(rng, 1, 6);
  const chosen = new Set<number>();
  for (let k = 0; k < edits && targets.length > 0; k++) chosen.add(targets[integer(rng, 0, targets.length - 1)]!);
  for (const i of [...chosen].sort((a, b) => b - a)) {
    const how = integer(rng, 0, 2);
    if (how === 0) out[i] = integer(rng, 0x81, 0xfe);
    else if (how === 1) out.splice(i, 1);
    else out.splice(i, 0, out[i]!);
  }
  return Uint8Array.from(out);
}

/**
 * Table 三 in a text layout with every row short of cells: each row prints one to
 * `width − 1` of its numbers (the rest blank and not written), the body written
 * `copies` times; the seed picks the layout, the numbers and which cells print.
 */
export function shortRows(seed: number, copies = 1): string {
  const rng = generator(seed);
  const report = generatedReport(seed);
  const values: Record<string, number | null> = { ...report.values };
  for (const spec of rowsOf("applications", report.template)) {
    const paths = spec.columns.map((c) => `applications.${spec.path}.${c.key}`).filter((p) => values[p] !== null);
    const keep = integer(rng, 1, Math.max(1, paths.length - 1));
    const blank = new Set<string>();
    while (paths.length - blank.size > keep) blank.add(paths[integer(rng, 0, paths.length - 1)]!);
    for (const p of blank) values[p] = null;
  }
  const layout = (["pipe-rows", "pipe-cells", "markdown"] as const)[integer(rng, 0, 2)]!;
  const text = renderReport({ ...report, values }, { ...defaultRenderOptions(layout), narrative: integer(rng, 0, 1000) });
  if (copies <= 1) return text;
  const from = text.indexOf(HEADINGS[2]);
  const to = text.indexOf(HEADINGS[3]);
  const body = text.slice(from, to);
  return text.slice(0, to) + body.repeat(copies - 1) + text.slice(to);
}

/**
 * Random edits of `source` (10 to 40 of them): delete a span, double a line or a run of
 * lines, move a line, join two lines, insert a run of digits or of separators, change a
 * digit, drop a line's separators; cut to {@link MAX_INPUT_BYTES} of UTF-8.
 */
export function mutate(source: string, seed: number): string {
  const rng = generator(seed);
  let text = source;
  const edits = integer(rng, 10, 40);
  for (let k = 0; k < edits; k++) {
    const lines = text.split("\n");
    const at = integer(rng, 0, Math.max(0, text.length - 1));
    const line = integer(rng, 0, lines.length - 1);
    switch (integer(rng, 0, 8)) {
      case 0:
        text = text.slice(0, at) + text.slice(at + integer(rng, 1, 200));
        break;
      case 1: {
        const n = integer(rng, 1, 8);
        lines.splice(line, 0, ...lines.slice(line, line + n));
        text = lines.join("\n");
        break;
      }
      case 2: {
        const [moved] = lines.splice(line, 1);
        lines.splice(integer(rng, 0, lines.length), 0, moved ?? "");
        text = lines.join("\n");
        break;
      }
      case 3:
        if (line + 1 < lines.length) lines.splice(line, 2, `${lines[line]}${lines[line + 1]}`);
        text = lines.join("\n");
        break;
      case 4:
        text = text.slice(0, at) + Array.from({ length: integer(rng, 1, 30) }, () => integer(rng, 0, 9)).join("") + text.slice(at);
        break;
      case 5:
        text = text.slice(0, at) + ["|", "\t", " | ", "|||", "\t\t"][integer(rng, 0, 4)]!.repeat(integer(rng, 1, 6)) + text.slice(at);
        break;
      case 6: {
        const digit = text.slice(at).search(/\d/);
        if (digit >= 0) text = text.slice(0, at + digit) + String(integer(rng, 0, 9)) + text.slice(at + digit + 1);
        break;
      }
      case 7:
        lines[line] = (lines[line] ?? "").replace(/[|\t]/g, "");
        text = lines.join("\n");
        break;
      default:
        lines.splice(line, 1);
        text = lines.join("\n");
    }
  }
  return cut(text, MAX_INPUT_BYTES);
}

/** The longest prefix of `text` whose UTF-8 takes at most `bytes` bytes. */
export function cut(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= bytes) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encoder.encode(text.slice(0, mid)).length <= bytes) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}

/** The byte length of an input (UTF-8 for text). */
export function inputBytes(input: string | Uint8Array): number {
  return typeof input === "string" ? new TextEncoder().encode(input).length : input.length;
}

/** One made input: what it is, the seed it came from, and the input. */
export interface AdversarialInput {
  family: "blank-heavy" | "gb18030" | "short-rows" | "mutated";
  /** The layout, source file or variant it was made from. */
  variant: string;
  seed: number;
  input: string | Uint8Array;
}

/**
 * `count` inputs of every family from seeds `first`, `first + 1` …: blank-heavy reports in
 * each layout, corrupted GB18030 reports, short-row tables (written once, or twice, or
 * five times), and mutations of `sources` (corpus texts, say) and of blank-heavy reports.
 */
export function adversarialInputs(count: number, first = 1, sources: ReadonlyArray<{ name: string; text: string }> = []): AdversarialInput[] {
  const out: AdversarialInput[] = [];
  for (let k = 0; k < count; k++) {
    const seed = first + k;
    for (const layout of BLANK_LAYOUTS) out.push({ family: "blank-heavy", variant: layout, seed, input: blankHeavy(layout, seed) });
    out.push({ family: "gb18030", variant: "tab-rows", seed, input: corruptedGb18030(seed) });
    for (const copies of [1, 2, 5]) out.push({ family: "short-rows", variant: `×${copies}`, seed, input: shortRows(seed, copies) });
    const layout = BLANK_LAYOUTS[seed % BLANK_LAYOUTS.length]!;
    out.push({ family: "mutated", variant: layout, seed, input: mutate(blankHeavy(layout, seed), seed) });
    for (const source of sources) out.push({ family: "mutated", variant: source.name, seed, input: mutate(source.text, seed) });
  }
  return out.filter((x) => inputBytes(x.input) <= MAX_INPUT_BYTES);
}

/**
 * A markdown table 三 (2021 template) whose outcome rows are all short of cells — two 2s and
 * their total 4 — under known column sums of which one is odd: no placement adds up, and no
 * range of partial sums shows it before the last row, so the short-row search spends its
 * whole budget.
 */
export function unplaceableShortRows(): string {
  const specs = rowsOf("applications", "2021");
  const outer = new Set(["newReceived", "carriedOver", "total", "carriedForward"]);
  const outcome = specs.filter((r) => !outer.has(r.path));
  const sums = [0, 0, 0, 0, 0, 0];
  for (let k = 0; k < 2 * outcome.length; k++) sums[k % 6]! += 2;
  sums[0]! -= 1;
  sums[1]! += 1;
  const totals = `${sums.join(" | ")} | ${4 * outcome.length}`;
  const lines = ["三、收到和处理政府信息公开申请情况", "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|"];
  for (const spec of specs) {
    const cells = spec.path === "newReceived" || spec.path === "total" ? totals : outer.has(spec.path) ? "0 | 0 | 0 | 0 | 0 | 0 | 0" : "2 | 2 | 4";
    lines.push(`| ${spec.label} | ${cells} |`);
  }
  return lines.join("\n");
}
