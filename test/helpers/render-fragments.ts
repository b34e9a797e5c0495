/**
 * Render a generated report as a PDF→markdown converter writes it (corpus/shanghai-gov-2025.md):
 * table 三 cut into many small markdown tables at random rows, the labels of some rows left as
 * text lines before the fragment that holds their numbers (wrapped over 1–3 lines, group labels
 * among them), the applicant header spread over text lines (`商业企科研机社会公法律服`), table 二
 * as `label number` lines (or small fragments) and table 四's numbers as one markdown row.
 * Pure: the same report and seed give the same text.
 */
import * as fc from "fast-check";
import { ACTIVE_ROWS, APPEAL_ROWS, APPLICATION_ROWS, type RowSpec } from "../../src/template/templates.js";
import type { GeneratedReport } from "./arbitrary-report.js";
import { defaultRenderOptions, formatValue, hasSubtotal, HEADINGS, titleOf } from "./render-text.js";
import { seededRandom } from "./seeded-random.js";

/** How a converter fragments the report. */
export interface FragmentOptions {
  /** Chooses every fragment boundary, wrap and detached label. */
  seed: number;
  /** Share (0..1) of table 三's rows whose label is written as text lines before its numbers. */
  detached: number;
  /** Write `## 表三：…` lines and page footers between fragments. */
  furniture: boolean;
}

/** Fragment options: any seed, a few to most rows detached. */
export function fragmentOptionsArbitrary(): fc.Arbitrary<FragmentOptions> {
  return fc.record({
    seed: fc.nat({ max: 2 ** 31 - 1 }),
    detached: fc.constantFrom(0.2, 0.4, 0.6, 0.9),
    furniture: fc.boolean(),
  });
}

const random = seededRandom;

/** Brackets, colons and commas of a template label as reports print them (full width). */
function printed(label: string): string {
  return label.replace(/\(/g, "（").replace(/\)/g, "）").replace(/,/g, "，").replace(/:/g, "：");
}

/** A label cut into `parts` lines at random places (fewer when it is short). */
function wrapLabel(label: string, parts: number, rnd: () => number): string[] {
  const n = Math.max(1, Math.min(parts, label.length));
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(1 + Math.floor(rnd() * (label.length - 1)));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of [...sorted, label.length]) {
    out.push(label.slice(from, c));
    from = c;
  }
  return out;
}

/** Column headers wrapped `width` characters a line, written side by side: `商业企科研机社会公法律服`. */
function spreadHeader(labels: readonly string[], width: number): string[] {
  const lines: string[] = [];
  const height = Math.max(...labels.map((l) => Math.ceil(l.length / width)));
  for (let k = 0; k < height; k++) lines.push(labels.map((l) => l.slice(k * width, (k + 1) * width)).join(""));
  return lines;
}

const md = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const delimiter = (n: number) => `|${Array<string>(n).fill("---").join("|")}|`;

function valueTexts(report: GeneratedReport, base: string, keys: readonly string[]): string[] {
  const options = defaultRenderOptions("markdown");
  return keys.map((key) => {
    const path = `${base}.${key}`;
    const v = report.values[path];
    return v === undefined || v === null ? "" : formatValue(path, v, options);
  });
}

/** Table 二: per group its heading line, the header glued into one line, then rows as lines or a fragment. */
function activeLines(report: GeneratedReport, rnd: () => number): string[] {
  const out: string[] = [];
  let group: string | undefined;
  for (const spec of ACTIVE_ROWS.filter((r) => r.templates.includes(report.template))) {
    const keys = spec.columns.map((c) => c.key);
    const values = valueTexts(report, `activeDisclosure.${spec.path}`, keys);
    if (spec.group !== group) {
      group = spec.group;
      out.push(printed(group ?? ""));
      out.push(`信息内容${rnd() < 0.5 ? "" : " "}${spec.columns.map((c) => printed(c.label)).join(rnd() < 0.5 ? "" : " ")}`);
    }
    if (rnd() < 0.7) out.push(`${spec.label} ${values.join(" ")}`);
    else out.push(md([spec.label, ...values]), delimiter(values.length + 1));
  }
  return out;
}

/** One written row of table 三: its label (group labels are written as text lines) and its numbers. */
interface BodyRow {
  spec: RowSpec;
  values: string[];
}

/** The groups a row opens (the first row of 三、本年度办理结果 and of each (三)…(六) group). */
function groupsOpened(spec: RowSpec, seen: Set<string>): string[] {
  const out: string[] = [];
  const groups = spec.group === undefined ? [] : spec.group === "三、本年度办理结果" ? [spec.group] : ["三、本年度办理结果", spec.group];
  for (const g of groups) {
    if (seen.has(g)) continue;
    seen.add(g);
    out.push(g);
  }
  return out;
}

/** Table 三: the note and header as text lines, then the rows in fragments. */
function applicationLines(report: GeneratedReport, options: FragmentOptions, rnd: () => number): string[] {
  const out: string[] = ["（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）", "申请人情况"];
  const width = 2 + Math.floor(rnd() * 3);
  const header = ["自然人", "法人或其他组织", "总计"];
  if (rnd() < 0.5) header.reverse();
  const sub = hasSubtotal(report);
  out.push(...header, ...spreadHeader(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ...(sub ? ["小计"] : [])], width));
  const keys = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg", ...(sub ? ["orgSubtotal"] : []), "total"];
  const rows: BodyRow[] = APPLICATION_ROWS.filter((r) => r.templates.includes(report.template)).map((spec) => ({
    spec,
    values: valueTexts(report, `applications.${spec.path}`, keys),
  }));
  const seen = new Set<string>();
  let fragment: string[] = [];
  let pendingLabels: string[] = [];
  let onlyDetached = true;
  let trailing = false;
  const flush = () => {
    if (fragment.length === 0) return;
    out.push(...pendingLabels, fragment[0]!, delimiter(keys.length), ...fragment.slice(1));
    pendingLabels = [];
    fragment = [];
    onlyDetached = true;
    if (options.furniture && rnd() < 0.3) out.push(rnd() < 0.5 ? "## 表三：收到和处理政府信息公开申请情况" : `— ${2 + Math.floor(rnd() * 5)} —`);
  };
  for (const row of rows) {
    const groups = groupsOpened(row.spec, seen);
    const detach = rnd() < options.detached;
    // a detached label (or a group heading) is written before its fragment: a new fragment, or
    // (half the time) the fragment so far when it holds only rows whose labels wait before it
    const join = detach && groups.length === 0 && onlyDetached && rnd() < 0.5;
    if (((detach || groups.length > 0) && !join) || rnd() < 0.2) flush();
    if (fragment.length === 0) trailing = rnd() < 0.2;
    for (const g of groups) pendingLabels.push(...wrapLabel(printed(g), 1 + Math.floor(rnd() * 3), rnd));
    const label = printed(row.spec.label);
    const cells = detach ? row.values : [label, ...row.values];
    if (detach) pendingLabels.push(...wrapLabel(label, 1 + Math.floor(rnd() * 3), rnd));
    else onlyDetached = false;
    fragment.push(md(trailing ? [...cells, ""] : cells));
  }
  flush();
  return out;
}

/** Table 四: the header as text lines, then its fifteen numbers as one markdown row. */
function appealLines(report: GeneratedReport): string[] {
  const numbers: string[] = [];
  for (const row of APPEAL_ROWS) numbers.push(...valueTexts(report, `appeals.${row.path}`, ["upheld", "corrected", "other", "pending", "total"]));
  return [
    "行政复议行政诉讼",
    "未经复议直接起诉复议后起诉",
    "结果结果其他尚未总计结果结果其他尚未总计结果结果其他尚未总计",
    "维持纠正结果审结维持纠正结果审结维持纠正结果审结",
    md(numbers),
    delimiter(15),
  ];
}

/** The report as converter-style markdown (see the module comment). */
export function renderFragments(report: GeneratedReport, options: FragmentOptions): string {
  const rnd = random(options.seed);
  const { year, organization } = report.meta;
  const out: string[] = [
    titleOf(report),
    HEADINGS[0],
    `${year}年，${organization}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。`,
    HEADINGS[1],
    ...activeLines(report, rnd),
    "",
    HEADINGS[2],
    ...applicationLines(report, options, rnd),
    "",
    HEADINGS[3],
    ...appealLines(report),
    "",
    HEADINGS[4],
    "存在的主要问题：信息公开的及时性有待提高。",
    HEADINGS[5],
    `${year}年度，本机关未收取政府信息公开信息处理费。`,
  ];
  return out.join("\n") + "\n";
}
