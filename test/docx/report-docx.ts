/**
 * Word documents of annual reports, made with the `docx` package: the title, the six
 * sections, and the three tables laid out as the State Council templates print them
 * (merged header cells, the tall `三、本年度办理结果` cell, the group cells
 * `（三）不予公开` …, table 4's three header rows over fifteen values).
 *
 * Used by the DOCX tests (generated on the fly) and by make-fixtures.ts (the
 * documents LibreOffice turns into the committed PDF and DOC fixtures).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS, rowsOf, type RowSpec, type TableTemplate } from "../../src/template/templates.js";

/** Values by model path; `null` is printed as a blank cell. */
export type Values = Record<string, number | null>;

/** How a generated document looks. */
export interface ReportDocxOptions {
  template: TableTemplate;
  values: Values;
  title: string;
  /** Width of table 3's row-label column in twips (narrow → labels wrap over several lines). */
  labelWidth?: number;
  /** Repeat the header rows of table 3 on each page it runs over. */
  repeatHeader?: boolean;
  /** Paragraphs of filler text before table 3 (to push it over a page break). */
  filler?: number;
  /** Vertical alignment of table cells (default centre, as the template). */
  verticalAlign?: "center" | "top";
  /** Text of a blank cell (default ""). */
  blank?: string;
  /** East Asian font name (default Noto Serif CJK SC). */
  font?: string;
}

/** One cell of a table spec. */
export interface SpecCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A table as rows of cells with spans, and its column widths in twips. */
export interface TableSpec {
  widths: number[];
  rows: SpecCell[][];
  /** How many leading rows are header rows. */
  headerRows: number;
}

/** The label as the templates print it: full-width brackets and punctuation. */
export function printed(label: string): string {
  return label.replace(/\(/g, "（").replace(/\)/g, "）").replace(/,/g, "，").replace(/:/g, "：");
}

function value(values: Values, path: string, blank: string): string {
  const v = values[path];
  return v === null || v === undefined ? blank : String(v);
}

/** Table 二 of a template: per group of rows, its 第二十条 header, column headers, rows. */
export function activeTableSpec(template: TableTemplate, values: Values, blank = ""): TableSpec {
  const rows: SpecCell[][] = [];
  const specs = rowsOf("activeDisclosure", template);
  let group: string | undefined;
  for (const spec of specs) {
    if (spec.group !== group) {
      group = spec.group;
      rows.push([{ text: printed(group ?? ""), colSpan: 4 }]);
      rows.push([{ text: "信息内容" }, ...spanTo3(spec.columns.map((c) => printed(c.label)))]);
    }
    const cells = spec.columns.map((c) => value(values, `activeDisclosure.${spec.path}.${c.key}`, blank));
    rows.push([{ text: spec.label }, ...spanTo3(cells)]);
  }
  return { widths: [2400, 2200, 2200, 2200], rows, headerRows: 0 };
}

/** Cells over the three value columns: the last one spans what is left. */
function spanTo3(texts: readonly string[]): SpecCell[] {
  return texts.map((text, i) => (i === texts.length - 1 && texts.length < 3 ? { text, colSpan: 4 - texts.length } : { text }));
}

const NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const OUTER = "三、本年度办理结果";

/** Table 三: three header rows, then the rows with their merged group cells. */
export function applicationsTableSpec(template: TableTemplate, values: Values, labelWidth = 2600, blank = ""): TableSpec {
  const valueWidth = Math.floor((9000 - 400 - 900 - labelWidth) / 7);
  const widths = [400, 900, labelWidth, ...Array.from({ length: 7 }, () => valueWidth)];
  const rows: SpecCell[][] = [
    [{ text: NOTE, colSpan: 3, rowSpan: 3 }, { text: "申请人情况", colSpan: 7 }],
    [{ text: "自然人", rowSpan: 2 }, { text: "法人或其他组织", colSpan: 5 }, { text: "总计", rowSpan: 2 }],
    APPLICANT_COLUMNS.slice(1, 6).map((c) => ({ text: c.label })),
  ];
  const specs = rowsOf("applications", template);
  const outerCount = specs.filter((s) => s.group === OUTER || (s.group && s.group.startsWith("("))).length;
  let outerDone = false;
  const groupsDone = new Set<string>();
  for (const spec of specs) {
    const cells: SpecCell[] = [];
    const inner = spec.group && spec.group !== OUTER ? spec.group : null;
    if (!spec.group) cells.push({ text: printed(spec.label), colSpan: 3 });
    else {
      if (!outerDone) {
        cells.push({ text: OUTER, rowSpan: outerCount });
        outerDone = true;
      }
      if (inner) {
        if (!groupsDone.has(inner)) {
          groupsDone.add(inner);
          cells.push({ text: printed(inner), rowSpan: specs.filter((s) => s.group === inner).length });
        }
        cells.push({ text: printed(spec.label) });
      } else {
        cells.push({ text: printed(spec.label), colSpan: 2 });
      }
    }
    for (const c of spec.columns) cells.push({ text: value(values, `applications.${spec.path}.${c.key}`, blank) });
    rows.push(cells);
  }
  return { widths, rows, headerRows: 3 };
}

/** Table 四: 行政复议 | 行政诉讼 over three header rows, then one row of fifteen values. */
export function appealsTableSpec(values: Values, blank = ""): TableSpec {
  const leaves = APPEAL_COLUMNS.map((c) => ({ text: c.label }));
  const rows: SpecCell[][] = [
    [{ text: "行政复议", colSpan: 5 }, { text: "行政诉讼", colSpan: 10 }],
    [...APPEAL_COLUMNS.map((c) => ({ text: c.label, rowSpan: 2 })), ...APPEAL_ROWS.slice(1).map((r) => ({ text: r.label, colSpan: 5 }))],
    [...leaves, ...leaves],
    APPEAL_ROWS.flatMap((r: RowSpec) => r.columns.map((c) => ({ text: value(values, `appeals.${r.path}.${c.key}`, blank) }))),
  ];
  return { widths: Array.from({ length: 15 }, () => 600), rows, headerRows: 3 };
}

function docxTable(spec: TableSpec, options: ReportDocxOptions, repeatHeader: boolean): Table {
  const align = options.verticalAlign === "top" ? VerticalAlign.TOP : VerticalAlign.CENTER;
  const column = columnStarts(spec);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: spec.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: spec.widths,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: spec.rows.map(
      (cells, r) =>
        new TableRow({
          ...(repeatHeader && r < spec.headerRows ? { tableHeader: true } : {}),
          children: cells.map((cell, c) => {
            const first = column[r]![c]!;
            const span = cell.colSpan ?? 1;
            const width = spec.widths.slice(first, first + span).reduce((a, b) => a + b, 0);
            return new TableCell({
              verticalAlign: align,
              width: { size: width, type: WidthType.DXA },
              ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ text: cell.text, size: 18 })],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/** The grid column where each written cell starts, taking row spans from rows above into account. */
export function columnStarts(spec: TableSpec): number[][] {
  const taken: boolean[][] = spec.rows.map(() => []);
  return spec.rows.map((cells, r) => {
    let col = 0;
    return cells.map((cell) => {
      while (taken[r]![col]) col++;
      const start = col;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const row = taken[r + dr];
          if (row) row[start + dc] = true;
        }
      }
      col += cell.colSpan ?? 1;
      return start;
    });
  });
}

function para(text: string, options: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold ?? false, size: options.size ?? 24 })],
  });
}

/** The narrative of a report, with figures that agree with its tables. */
function narrative(values: Values): { one: string; five: string; six: string } {
  const received = values["applications.newReceived.total"];
  return {
    one:
      received === null || received === undefined
        ? "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。"
        : `本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年新收政府信息公开申请${received}件，均在法定期限内答复。`,
    five: "政策解读质量仍需提升，个别栏目更新不够及时。下一步将加强培训，规范信息发布审核程序。",
    six: "本年度未收取信息处理费。无其他需要报告的事项。",
  };
}

/** A report as a Word document (the bytes of a .docx file). */
export async function reportDocx(options: ReportDocxOptions): Promise<Uint8Array> {
  const blank = options.blank ?? "";
  const text = narrative(options.values);
  const filler = Array.from({ length: options.filler ?? 0 }, () =>
    para("加强政府信息公开平台建设，优化栏目设置，及时发布和更新政府信息，方便公众查阅和获取，提升政务公开工作的规范化、标准化水平。", { indent: true }),
  );
  const font = options.font ?? "Noto Serif CJK SC";
  const doc = new Document({
    styles: { default: { document: { run: { font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          para(options.title, { bold: true, size: 36, center: true }),
          para("一、总体情况", { bold: true }),
          para(text.one, { indent: true }),
          para("二、主动公开政府信息情况", { bold: true }),
          docxTable(activeTableSpec(options.template, options.values, blank), options, false),
          para("三、收到和处理政府信息公开申请情况", { bold: true }),
          ...filler,
          docxTable(applicationsTableSpec(options.template, options.values, options.labelWidth, blank), options, options.repeatHeader ?? false),
          para("四、政府信息公开行政复议、行政诉讼情况", { bold: true }),
          docxTable(appealsTableSpec(options.values, blank), options, false),
          para("五、存在的主要问题及改进情况", { bold: true }),
          para(text.five, { indent: true }),
          para("六、其他需要报告的事项", { bold: true }),
          para(text.six, { indent: true }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
