/**
 * Renders a generated report as the text layouts the parser reads: `pipe-rows`,
 * `pipe-cells`, `tab-rows` and `markdown`. Table headers and row shapes copy the
 * seeds (corpus/seed-000 … seed-004): merged cells as empty cells, the shifted
 * `3. 其他` row of tab-rows, trailing runs of pipes.
 */
import * as fc from "fast-check";
import {
  ACTIVE_ROWS,
  APPEAL_ROWS,
  APPLICATION_ROWS,
  isMoneyPath,
  isSignedPath,
} from "../../src/template/templates.js";
import type { GeneratedReport } from "./arbitrary-report.js";

/** The text layouts rendered here. */
export type TextLayout = "pipe-rows" | "pipe-cells" | "tab-rows" | "markdown";

/** Every text layout, in the order the tests run them. */
export const TEXT_LAYOUTS: readonly TextLayout[] = ["pipe-rows", "pipe-cells", "tab-rows", "markdown"];

/** How a report is written. */
export interface RenderOptions {
  layout: TextLayout;
  lineEnding: "\n" | "\r\n";
  /** Write a title line before section 1. */
  title: boolean;
  /** 0: `XX2024年政府信息公开工作年度报告`, 1: `2024年XX政府信息公开工作年度报告`, 2: `XX2024年度政府信息公开工作年度报告`. */
  titleStyle: 0 | 1 | 2;
  /** `null`: labels as printed; a number: spaces inserted inside labels at places this seed chooses. */
  labelSpaces: number | null;
  /** Full-width digits and brackets in every table row. */
  fullWidth: boolean;
  /** Least decimals written for money (`0` → `0.0000` with 4). */
  moneyDecimals: 0 | 1 | 2 | 3 | 4;
  /** Thousands separators in numbers of 1000 and more. */
  thousands: boolean;
  /** A `+` before a positive `本年增/减`. */
  plusSign: boolean;
  /** Chooses among narrative variants. */
  narrative: number;
}

/** Render options for one layout (or any of them). */
export function renderOptionsArbitrary(layout?: TextLayout): fc.Arbitrary<RenderOptions> {
  return fc.record({
    layout: layout ? fc.constant(layout) : fc.constantFrom(...TEXT_LAYOUTS),
    lineEnding: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
    title: fc.boolean(),
    titleStyle: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    labelSpaces: fc.option(fc.nat({ max: 1_000_000 }), { freq: 3 }),
    fullWidth: fc.boolean(),
    moneyDecimals: fc.constantFrom<0 | 1 | 2 | 3 | 4>(0, 1, 2, 4),
    thousands: fc.boolean(),
    plusSign: fc.boolean(),
    narrative: fc.nat({ max: 1_000_000 }),
  });
}

/** Plain options: LF, a title, labels as printed, half-width. */
export function defaultRenderOptions(layout: TextLayout): RenderOptions {
  return {
    layout,
    lineEnding: "\n",
    title: true,
    titleStyle: 0,
    labelSpaces: null,
    fullWidth: false,
    moneyDecimals: 0,
    thousands: false,
    plusSign: false,
    narrative: 0,
  };
}

const FULL_WIDTH: Record<string, string> = { "(": "（", ")": "）" };

/** ASCII digits to full-width digits and `()` to `（）`; nothing else changes. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9()]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const HAN = /\p{Script=Han}/u;

function hash(seed: number, text: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A label with one space between two CJK characters, at a place the seed chooses (about half the labels). */
export function spaceInside(label: string, seed: number | null): string {
  if (seed === null) return label;
  const h = hash(seed, label);
  if (h % 2 === 1) return label;
  const places: number[] = [];
  for (let i = 1; i < label.length; i++) if (HAN.test(label[i - 1]!) && HAN.test(label[i]!)) places.push(i);
  if (places.length === 0) return label;
  const at = places[(h >>> 1) % places.length]!;
  return `${label.slice(0, at)} ${label.slice(at)}`;
}

/** Is a line a table row of the layout (the lines the full-width option changes)? */
export function isTableRowLine(layout: TextLayout, line: string): boolean {
  const t = line.trim();
  if (t === "") return false;
  switch (layout) {
    case "pipe-rows":
      return line.includes("|");
    case "pipe-cells":
      return t.endsWith("|");
    case "tab-rows":
      return line.includes("\t");
    case "markdown":
      return t.startsWith("|");
  }
}

/** The number as the report writes it. */
export function formatValue(path: string, value: number, options: RenderOptions): string {
  let text: string;
  if (isMoneyPath(path)) {
    const decimals = Math.max(decimalsOf(value), options.moneyDecimals);
    text = value.toFixed(decimals);
  } else text = String(value);
  if (options.thousands) text = groupThousands(text);
  if (isSignedPath(path) && value > 0 && options.plusSign) text = `+${text}`;
  return text;
}

function decimalsOf(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  const int = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1]}${int}${m[3] ?? ""}`;
}

/** One written row of a table: cells in grid columns ("" for merged or empty cells). */
type GridRow = string[];

/** A table as a grid of `width` columns, plus layout hints. */
interface Grid {
  width: number;
  rows: GridRow[];
  /** Rows that tab-rows writes shifted (`3. 其他` at the start of the line). */
  shifted: Set<number>;
  /** Header rows as tab-rows writes them, when they differ from `rows` (seed 002). */
  tabHeader?: GridRow[];
}

const NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";

function valuesOf(report: GeneratedReport, base: string, keys: readonly string[], options: RenderOptions): string[] {
  return keys.map((key) => {
    const path = `${base}.${key}`;
    const value = report.values[path];
    return value === undefined || value === null ? "" : formatValue(path, value, options);
  });
}

/** Table 2: per 第二十条 group, a group row, a header row and the data rows; four columns. */
function activeGrid(report: GeneratedReport, options: RenderOptions): Grid {
  const template = report.template;
  const specs = ACTIVE_ROWS.filter((r) => r.templates.includes(template));
  const width = 4;
  const rows: GridRow[] = [];
  const label = (s: string) => spaceInside(s, options.labelSpaces);
  let group: string | undefined;
  for (const spec of specs) {
    if (spec.group !== group) {
      group = spec.group;
      rows.push(pad([label(group ?? "")], width));
      rows.push(pad([label("信息内容"), ...spec.columns.map((c) => label(c.label))], width));
    }
    const keys = spec.columns.map((c) => c.key);
    rows.push(pad([label(spec.label), ...valuesOf(report, `activeDisclosure.${spec.path}`, keys, options)], width));
  }
  return { width, rows, shifted: new Set() };
}

function pad(cells: string[], width: number): string[] {
  return [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
}

/** Numbering written with a space after it, as tab-rows seeds do: `(一) 予以公开`, `1. 属于国家秘密`. */
function tabNumbering(label: string): string {
  return label.replace(/^(\([一二三四五六七八九十]+\)|\d+\.)/, "$1 ");
}

/** True when a generated report has a 法人或其他组织「小计」column (some `orgSubtotal` is a number). */
export function hasSubtotal(report: GeneratedReport): boolean {
  return Object.entries(report.values).some(([p, v]) => p.endsWith(".orgSubtotal") && typeof v === "number");
}

/**
 * Table 3 as a ten-column grid: three label columns (group, subgroup, row) and seven values
 * (eleven columns and eight values with a 小计 column).
 */
function applicationsGrid(report: GeneratedReport, options: RenderOptions): Grid {
  const template = report.template;
  const tab = options.layout === "tab-rows";
  const label = (s: string) => spaceInside(tab ? tabNumbering(s) : s, options.labelSpaces);
  const sub = hasSubtotal(report);
  const extra = (cell: string): string[] => (sub ? [cell] : []);
  const rows: GridRow[] = [
    [label(NOTE), "", "", label("申请人情况"), "", "", "", "", "", ...extra(""), ""],
    ["", "", "", label("自然人"), label("法人或其他组织"), "", "", "", "", ...extra(""), label("总计")],
    ["", "", "", "", label("商业企业"), label("科研机构"), label("社会公益组织"), label("法律服务机构"), label("其他"), ...extra(label("小计")), ""],
  ];
  const shifted = new Set<number>();
  const seen = new Set<string>();
  const keys = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg", ...extra("orgSubtotal"), "total"];
  for (const spec of APPLICATION_ROWS.filter((r) => r.templates.includes(template))) {
    const values = valuesOf(report, `applications.${spec.path}`, keys, options);
    const groupCell = (g: string) => {
      if (seen.has(g)) return "";
      seen.add(g);
      return label(g);
    };
    let cells: string[];
    if (!spec.group) cells = [label(spec.label), "", ""];
    else if (spec.group === "三、本年度办理结果") cells = [groupCell(spec.group), label(spec.label), ""];
    else cells = [groupCell("三、本年度办理结果"), groupCell(spec.group), label(spec.label)];
    if (spec.path === "otherHandling.other" || spec.path === "total") shifted.add(rows.length);
    rows.push([...cells, ...values]);
  }
  const tabHeader: GridRow[] = [
    [label(NOTE), "", label("申请人情况"), "", "", "", "", "", ...extra(""), label("总计"), ""],
    ["", "", label("自然人"), label("法人或其他组织"), "", "", "", "", ...extra(""), "", ""],
    ["", "", "", label("商业企业"), label("科研机构"), label("社会公益组织"), label("法律服务机构"), label("其他"), ...extra(label("小计")), "", ""],
  ];
  return { width: sub ? 11 : 10, rows, shifted, tabHeader };
}

/** Table 4: two header rows, the result names, then one row of fifteen numbers. */
function appealsGrid(report: GeneratedReport, options: RenderOptions): Grid {
  const label = (s: string) => spaceInside(s, options.labelSpaces);
  const results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(label);
  const numbers: string[] = [];
  for (const row of APPEAL_ROWS) {
    numbers.push(...valuesOf(report, `appeals.${row.path}`, ["upheld", "corrected", "other", "pending", "total"], options));
  }
  const rows: GridRow[] = [
    [label("行政复议"), "", "", "", "", label("行政诉讼"), "", "", "", "", "", "", "", "", ""],
    [...results, label("未经复议直接起诉"), "", "", "", "", label("复议后起诉"), "", "", "", ""],
    ["", "", "", "", "", ...results, ...results],
    numbers,
  ];
  return { width: 15, rows, shifted: new Set() };
}

/** pipe-rows: the non-empty cells of each row (merged cells are not written), then a run of pipes up to the width (none on the last row). */
function pipeRowCells(grid: Grid): Array<{ cells: string[]; pad: number }> {
  return grid.rows.map((row, i) => {
    const cells = row.filter((c) => c !== "");
    const last = i === grid.rows.length - 1;
    return { cells, pad: last ? 0 : Math.max(0, grid.width - cells.length) };
  });
}

function renderPipeRows(grid: Grid): string[] {
  return pipeRowCells(grid).map(({ cells, pad: n }) => `${cells.join(" | ")} |${n > 0 ? ` ${"|".repeat(n)}` : ""}`);
}

function renderPipeCells(grid: Grid): string[] {
  const lines: string[] = [];
  for (const { cells, pad: n } of pipeRowCells(grid)) {
    for (const cell of cells) lines.push(`${cell} |`);
    if (n > 0) lines.push("|".repeat(n));
  }
  return lines;
}

function renderTabRows(grid: Grid, kind: "active" | "applications" | "appeals"): string[] {
  return grid.rows.map((row, i) => {
    const header = grid.tabHeader?.[i];
    if (header) return header.join("\t");
    if (kind !== "applications") return row.join("\t");
    // seed 002: a row of the first two label columns ends in one empty cell; a subgroup row does not
    const labels = row.slice(0, 3);
    const values = row.slice(3);
    if (grid.shifted.has(i)) return [labels.find((c) => c !== "") ?? "", "", ...values, ""].join("\t");
    if (labels[2] === "") return [labels[0], labels[1], ...values, ""].join("\t");
    return [...labels, ...values].join("\t");
  });
}

function renderMarkdown(grid: Grid): string[] {
  const line = (row: GridRow) => `| ${row.map((c) => c).join(" | ")} |`;
  const [head, ...rest] = grid.rows;
  return [line(head!), `|${Array<string>(grid.width).fill("---").join("|")}|`, ...rest.map(line)];
}

function renderGrid(grid: Grid, kind: "active" | "applications" | "appeals", options: RenderOptions): string[] {
  let lines: string[];
  switch (options.layout) {
    case "pipe-rows":
      lines = renderPipeRows(grid);
      break;
    case "pipe-cells":
      lines = renderPipeCells(grid);
      break;
    case "tab-rows":
      lines = renderTabRows(grid, kind);
      break;
    case "markdown":
      lines = renderMarkdown(grid);
      break;
  }
  return options.fullWidth ? lines.map(toFullWidth) : lines;
}

/** The title line of a report. */
export function titleOf(report: GeneratedReport, style: 0 | 1 | 2 = 0): string {
  const { organization: org, year } = report.meta;
  if (style === 1) return `${year}年${org}政府信息公开工作年度报告`;
  if (style === 2) return `${org}${year}年度政府信息公开工作年度报告`;
  return `${org}${year}年政府信息公开工作年度报告`;
}

function pick<T>(items: readonly T[], seed: number, salt: number): T {
  return items[(seed + salt * 7919) % items.length]!;
}

/** Narrative paragraphs of each section (the report's year is named more often than any other). */
function narrative(report: GeneratedReport, seed: number): Record<1 | 5 | 6, string[]> {
  const { organization: org, year } = report.meta;
  const comma = pick(["，", ","], seed, 1);
  return {
    1: [
      `${year}年${comma}${org}认真贯彻落实《中华人民共和国政府信息公开条例》${comma}扎实推进政务公开工作。`,
      pick(["（一）主动公开", "(一)主动公开情况。", "（一）主动公开方面"], seed, 2),
      `${year}年${comma}我单位通过门户网站主动公开政府信息${pick(["", "，及时更新公开专栏", "，做好政策解读"], seed, 3)}。`,
      pick(["（二）依申请公开", "(二)依申请公开情况。"], seed, 4),
      `严格按照法定程序办理政府信息公开申请${comma}答复及时规范。`,
    ],
    5: [
      pick(["存在的主要问题：信息公开的及时性有待提高。", "一是公开内容不够全面；二是工作人员业务水平有待提升。"], seed, 5),
      pick([`${year + 1}年${comma}我们将进一步加强培训。`, "下一步将加强培训，完善工作机制。"], seed, 6),
    ],
    6: [
      pick(
        [
          `${year}年度${comma}本机关未收取政府信息公开信息处理费。`,
          `本报告中所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
          "无其他需要报告的事项。",
        ],
        seed,
        7,
      ),
    ],
  };
}

/** The six section headings as the template prints them. */
export const HEADINGS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

/**
 * Render a generated report in one text layout: optional title, sections 一 … 六 with
 * short narrative, and the three tables with the template's header rows.
 */
export function renderReport(report: GeneratedReport, options: RenderOptions): string {
  const md = options.layout === "markdown";
  const spaced = options.layout === "tab-rows" || md;
  const out: string[] = [];
  const paragraph = (text: string) => {
    out.push(text);
    if (spaced) out.push("");
  };
  const heading = (text: string) => paragraph(md ? `## ${text}` : text);
  const table = (lines: string[]) => {
    if (md && out[out.length - 1] !== "") out.push("");
    out.push(...lines);
    if (spaced) out.push("");
  };
  if (options.title) {
    if (options.layout === "tab-rows") out.push("", "");
    paragraph(md ? `# ${titleOf(report, options.titleStyle)}` : titleOf(report, options.titleStyle));
  }
  const text = narrative(report, options.narrative);
  heading(HEADINGS[0]);
  for (const p of text[1]) paragraph(p);
  heading(HEADINGS[1]);
  table(renderGrid(activeGrid(report, options), "active", options));
  heading(HEADINGS[2]);
  table(renderGrid(applicationsGrid(report, options), "applications", options));
  heading(HEADINGS[3]);
  table(renderGrid(appealsGrid(report, options), "appeals", options));
  heading(HEADINGS[4]);
  for (const p of text[5]) paragraph(p);
  heading(HEADINGS[5]);
  for (const p of text[6]) paragraph(p);
  return out.join(options.lineEnding) + options.lineEnding;
}
