/**
 * Render a report as `aligned-text`: the text pdfplumber `extract_text(layout=True)`
 * pulls out of a PDF of the report, columns kept by runs of spaces. Pure: the same
 * values and options give the same text.
 *
 * Lines follow heights like pdfplumber's plain text (wrapped labels around their values,
 * group labels and the vertical `三、本年度办理结果` on row lines), each piece at its
 * column: the vertical label, the group labels, the row labels, then the values centred
 * in their columns (wide numbers leave a single space, as real extractions do). A null
 * value prints nothing (or `blank`), leaving its column empty.
 */
import type { TableTemplate } from "../../src/template/templates.js";
import { withDefaults, withFooters, type PdfTextOptions } from "./render-flat-text.js";
import {
  appealValues,
  linesByHeight,
  narrative,
  pageLines,
  piecesByHeight,
  printedActiveRows,
  printedApplicationRows,
  printsSubtotal,
  type PrintedRow,
  type Values,
} from "./render-pdf-model.js";

/** Options of the aligned renderer. */
export interface AlignedTextOptions extends Omit<PdfTextOptions, "style"> {
  /** Blank lines after every line (pdfplumber's layout mode leaves many; default 1). */
  blankLines?: number;
}

/** A piece of text at a column; `gap` is the least number of spaces before it. */
interface Placed {
  column: number;
  text: string;
  gap: number;
}

/** Lay pieces out on one line at their columns, moving a piece right when it would touch the previous one. */
export function placeLine(pieces: readonly Placed[]): string {
  let line = "";
  for (const p of [...pieces].sort((a, b) => a.column - b.column)) {
    if (p.text === "") continue;
    const at = line.trimEnd().length === 0 ? p.column : Math.max(p.column, line.length + p.gap);
    line = line.padEnd(at, " ") + p.text;
  }
  return line;
}

function centred(center: number, text: string, gap = 1): Placed {
  return { column: Math.max(0, Math.round(center - text.length / 2)), text, gap };
}

const MARGIN = 10;
const HEADING = 15;

interface Columns {
  vertical: number;
  group: number;
  label: number;
  /** Centre of value column j. */
  value(j: number): number;
}

/** Columns of table 3: value columns as wide as the widest value needs (as a PDF table's are). */
function applicationColumns(labelWidth: number, groupWidth: number, widest: number): Columns {
  const label = 14 + groupWidth + 2;
  const width = Math.max(6, widest + 3);
  const first = label + labelWidth + 2 + Math.ceil(width / 2);
  return { vertical: 11, group: 14, label, value: (j) => first + width * j };
}

function widestOf(texts: readonly string[]): number {
  return texts.reduce((m, t) => Math.max(m, t.length), 0);
}

/** The header of table 3; with `subtotal`, a 小计 column after 其他 (and 总计 one column further right). */
function applicationHeader(c: Columns, subtotal: boolean): string[] {
  const v = (j: number, t: string) => centred(c.value(j), t, 2);
  const total = subtotal ? 7 : 6;
  return [
    placeLine([v(3, "申请人情况")]),
    placeLine([{ column: 11, text: "（本列数据的勾稽关系为：第一项加第二项之和，", gap: 2 }, v(3, "法人或其他组织")]),
    placeLine([{ column: 11, text: "等于第三项加第四项之和）", gap: 2 }]),
    placeLine([v(0, "自然人"), v(total, "总计")]),
    placeLine([v(1, "商业企"), v(2, "科研机"), v(3, "社会公益"), v(4, "法律服务")]),
    placeLine([v(5, "其他"), ...(subtotal ? [v(6, "小计")] : [])]),
    placeLine([v(1, "业"), v(2, "构"), v(3, "组织"), v(4, "机构")]),
  ];
}

function labelColumn(row: PrintedRow, c: Columns): number {
  return row.startsIn === "vertical" ? c.vertical : row.startsIn === "group" ? c.group : c.label;
}

function applicationLines(values: Values, template: TableTemplate, o: Required<PdfTextOptions>): string[] {
  const widths = { labelWidth: o.labelWidth, groupWidth: o.groupWidth };
  const rows = printedApplicationRows(values, template, widths, o.blank, o.numbering);
  const c = applicationColumns(o.labelWidth, o.groupWidth, widestOf(rows.flatMap((r) => r.values)));
  const body = linesByHeight(piecesByHeight(rows, widths, o.verticalGroup)).map((line) =>
    placeLine(
      line.map((p): Placed => {
        if (p.column === "value") return centred(c.value(p.index), p.text, 1);
        const row = p.row === undefined ? undefined : rows[p.row];
        const column = p.column === "vertical" ? c.vertical : p.column === "group" ? c.group : row ? labelColumn(row, c) : c.label;
        return { column, text: p.text, gap: 2 };
      }),
    ),
  );
  return [...applicationHeader(c, printsSubtotal(values)), ...body];
}

function activeLines(values: Values, template: TableTemplate, blank: string): string[] {
  const value = (j: number) => 40 + 14 * j;
  const out: string[] = [];
  let group: string | null = null;
  let columns: string | null = null;
  for (const row of printedActiveRows(values, template, blank)) {
    const cols = row.columns.join(" ");
    if (row.group !== group) out.push(placeLine([{ column: 11, text: row.group.replace(/^(第二十条)/, "$1  "), gap: 2 }]));
    if (row.group !== group || cols !== columns) {
      out.push(placeLine([{ column: 11, text: "信息内容", gap: 2 }, ...row.columns.map((t, j) => centred(value(j), t, 2))]));
    }
    group = row.group;
    columns = cols;
    out.push(placeLine([{ column: 11, text: row.label, gap: 2 }, ...row.values.map((t, j) => centred(value(j), t, 1))]));
  }
  return out;
}

/** Table 4: headers centred over the columns they name (the five results under each of the three groups), then the fifteen values. */
function appealLines(values: Values, blank: string): string[] {
  const all = appealValues(values, blank);
  const width = Math.max(5, widestOf(all) + 2);
  const centre = (j: number) => 12 + width * j;
  const head = (pieces: Array<[number, string]>) => placeLine(pieces.map(([j, text]) => centred(centre(j), text, 2)));
  const groups = [0, 5, 10];
  return [
    head([[2, "行政复议"], [9.5, "行政诉讼"]]),
    head([[7, "未经复议直接起诉"], [12, "复议后起诉"]]),
    head(groups.flatMap((g): Array<[number, string]> => [[g, "结果"], [g + 1, "结果"], [g + 2, "其他结"], [g + 3, "尚未"]])),
    head(groups.map((g): [number, string] => [g + 4, "总计"])),
    head(groups.flatMap((g): Array<[number, string]> => [[g, "维持"], [g + 1, "纠正"], [g + 2, "果"], [g + 3, "审结"]])),
    placeLine(all.map((t, j) => centred(centre(j), t, 1))),
  ];
}

function indent(text: string, n: number): string {
  return " ".repeat(n) + text;
}

/** Render a report's values as aligned text. */
export function renderAlignedText(values: Values, template: TableTemplate, options: AlignedTextOptions = {}): string {
  const o = withDefaults(options);
  const blankLines = options.blankLines ?? 1;
  const page = { n: 1 };
  const footer = (n: number) => indent(`- ${n} -`, 69);
  const text = narrative(values);
  const lines: string[] = [
    indent(o.organization, 30),
    indent("2024   年政府信息公开工作年度报告", 18),
    ...pageLines(text.intro, 28).map((l) => indent(l, MARGIN)),
    indent("一、总体情况", HEADING),
    ...pageLines(text.one, 28).map((l) => indent(l, MARGIN)),
    footer(page.n++),
    indent("二、主动公开政府信息情况", HEADING),
    ...withFooters(activeLines(values, template, o.blank), "activeDisclosure", o.footers, page, footer),
    indent("三、收到和处理政府信息公开申请情况", HEADING),
    ...withFooters(applicationLines(values, template, o), "applications", o.footers, page, footer),
    indent("四、政府信息公开行政复议、行政诉讼情况", HEADING),
    ...withFooters(appealLines(values, o.blank), "appeals", o.footers, page, footer),
    indent("五、存在的主要问题及改进情况", HEADING),
    ...pageLines(text.five, 28).map((l) => indent(l, MARGIN)),
    indent("六、其他需要报告的事项", HEADING),
    ...pageLines(text.six, 28).map((l) => indent(l, MARGIN)),
    footer(page.n++),
  ];
  const gap = "\n".repeat(blankLines + 1);
  return lines.join(gap) + "\n";
}
