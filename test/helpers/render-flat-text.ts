/**
 * Render a report as `flat-text`: the text pdfplumber `extract_text()` (style `plumber`)
 * or pdfium / pdf.js (style `pdfium`) pull out of a PDF of the report. Pure: the same
 * values and options give the same text.
 *
 * - `plumber`: lines by height: a wrapped label's values sit on its middle line (or on a
 *   line of their own between its lines), group labels and the vertical
 *   `三、本年度办理结果` share lines with row labels.
 * - `pdfium`: cell by cell: a group label's lines, then each row's label lines, then its
 *   values (on the label's line when the label fits on one).
 * - `pdfjs`: cell by cell, every cell on a line of its own (values too).
 */
import type { TableTemplate } from "../../src/template/templates.js";
import {
  VERTICAL_PIECES,
  appealValues,
  groupSpans,
  linesByHeight,
  narrative,
  pageLines,
  piecesByHeight,
  printedActiveRows,
  printedApplicationRows,
  printsSubtotal,
  wrap,
  type Values,
} from "./render-pdf-model.js";

/** Where a page footer (`- N -`) falls: after line `afterLine` (0-based) of a table. */
export interface FooterPlacement {
  table: "activeDisclosure" | "applications" | "appeals";
  afterLine: number;
}

/** Options of the PDF-text renderers. */
export interface PdfTextOptions {
  /** Extraction order (flat text only; default `plumber`). */
  style?: "plumber" | "pdfium" | "pdfjs";
  /** Characters per line of row labels inside a group (default 14). */
  labelWidth?: number;
  /** Characters per line of group labels (default 4). */
  groupWidth?: number;
  /** Print `三、本年度办理结果` one character per line (default true). */
  verticalGroup?: boolean;
  /** Page footers inside tables. */
  footers?: readonly FooterPlacement[];
  /** How a null value prints (default "": nothing). */
  blank?: string;
  /** Arabic numbering of row labels: `1.` or `1、` (default `.`). */
  numbering?: "." | "、";
  /** The reporting organ printed on the title's first line (default 淮安市人民政府). */
  organization?: string;
}

const PAGE_WIDTH = 28;

/** Table lines with footers inserted after the chosen lines. */
export function withFooters(
  lines: readonly string[],
  table: FooterPlacement["table"],
  footers: readonly FooterPlacement[],
  page: { n: number },
  footer: (n: number) => string,
): string[] {
  const after = new Set(footers.filter((f) => f.table === table).map((f) => Math.max(0, Math.min(lines.length - 2, f.afterLine))));
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if (after.has(i)) out.push(footer(page.n++));
  });
  return out;
}

function activeLines(values: Values, template: TableTemplate, blank: string, oneCellPerLine: boolean): string[] {
  const out: string[] = [];
  let group: string | null = null;
  let columns: string | null = null;
  for (const row of printedActiveRows(values, template, blank)) {
    const cols = row.columns.join(" ");
    if (row.group !== group) out.push(row.group.replace(/^(第二十条)/, "$1 "));
    if (row.group !== group || cols !== columns) out.push(`信息内容 ${cols}`);
    group = row.group;
    columns = cols;
    const cells = [row.label, ...row.values.filter((v) => v !== "")];
    if (oneCellPerLine) out.push(...cells);
    else out.push(cells.join(" "));
  }
  return out;
}

const PLUMBER_HEADER = [
  "申请人情况",
  "（本列数据的勾稽关系为：第一项加第二项之和， 法人或其他组织",
  "等于第三项加第四项之和）",
  "自然人 总计",
  "商业企 科研机 社会公益 法律服务",
  "其他",
  "业 构 组织 机构",
];

const PDFIUM_HEADER = [
  "（本列数据的勾稽关系为：第一项加第二项之和，",
  "等于第三项加第四项之和）",
  "申请人情况",
  "自然人",
  "法人或其他组织",
  "总计 商 业 企",
  "业",
  "科研机",
  "构",
  "社 会 公 益",
  "组织",
  "法 律 服 务",
  "机构",
  "其他",
];

function applicationLines(values: Values, template: TableTemplate, o: Required<Omit<PdfTextOptions, "footers">>): string[] {
  const widths = { labelWidth: o.labelWidth, groupWidth: o.groupWidth };
  const rows = printedApplicationRows(values, template, widths, o.blank, o.numbering);
  const subtotal = printsSubtotal(values);
  if (o.style === "plumber") {
    const body = linesByHeight(piecesByHeight(rows, widths, o.verticalGroup)).map((line) =>
      line.map((p) => p.text).filter((t) => t !== "").join(" "),
    );
    return [...(subtotal ? PLUMBER_HEADER.map((l) => (l === "其他" ? "其他 小计" : l)) : PLUMBER_HEADER), ...body];
  }
  const starts = new Map(groupSpans(rows).map(([first, , group]) => [first, group]));
  const out = subtotal ? [...PDFIUM_HEADER, "小计"] : [...PDFIUM_HEADER];
  rows.forEach((row, i) => {
    if (o.verticalGroup && row.inBlock && !rows[i - 1]?.inBlock) out.push(...VERTICAL_PIECES);
    const group = starts.get(i);
    if (group) out.push(...wrap(group, o.groupWidth));
    const vals = row.values.filter((v) => v !== "");
    if (o.style === "pdfjs") out.push(...row.lines, ...vals);
    else if (row.lines.length === 1) out.push([row.lines[0]!, ...vals].join(" "));
    else {
      out.push(...row.lines);
      if (vals.length > 0) out.push(vals.join(" "));
    }
  });
  return out;
}

function appealLines(values: Values, blank: string, oneCellPerLine: boolean): string[] {
  if (oneCellPerLine) return ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", ...appealValues(values, blank).filter((v) => v !== "")];
  return [
    "行政复议 行政诉讼",
    "未经复议直接起诉 复议后起诉",
    "结果 结果 其他结 尚未",
    "总计",
    "维持 纠正 果 审结",
    appealValues(values, blank).filter((v) => v !== "").join(" "),
  ];
}

/** Fill in the defaults of the renderer options. */
export function withDefaults(options: PdfTextOptions): Required<PdfTextOptions> {
  return {
    style: options.style ?? "plumber",
    labelWidth: options.labelWidth ?? 14,
    groupWidth: options.groupWidth ?? 4,
    verticalGroup: options.verticalGroup ?? true,
    footers: options.footers ?? [],
    blank: options.blank ?? "",
    numbering: options.numbering ?? ".",
    organization: options.organization ?? "淮安市人民政府",
  };
}

/** Render a report's values as flat text. */
export function renderFlatText(values: Values, template: TableTemplate, options: PdfTextOptions = {}): string {
  const o = withDefaults(options);
  const page = { n: 1 };
  const footer = (n: number) => `- ${n} -`;
  const text = narrative(values);
  const lines: string[] = [
    o.organization,
    "2024 年政府信息公开工作年度报告",
    ...pageLines(text.intro, PAGE_WIDTH),
    "一、总体情况",
    ...pageLines(text.one, PAGE_WIDTH),
    footer(page.n++),
    "二、主动公开政府信息情况",
    ...withFooters(activeLines(values, template, o.blank, o.style === "pdfjs"), "activeDisclosure", o.footers, page, footer),
    "三、收到和处理政府信息公开申请情况",
    ...withFooters(applicationLines(values, template, o), "applications", o.footers, page, footer),
    "四、政府信息公开行政复议、行政诉讼情况",
    ...withFooters(appealLines(values, o.blank, o.style === "pdfjs"), "appeals", o.footers, page, footer),
    "五、存在的主要问题及改进情况",
    ...pageLines(text.five, PAGE_WIDTH),
    "六、其他需要报告的事项",
    ...pageLines(text.six, PAGE_WIDTH),
    footer(page.n++),
  ];
  return lines.join("\n") + "\n";
}
