/**
 * CSV output: escaping, the stable columns of `xxgk parse --format csv` (fixed
 * columns, then every model path of both templates), and their Chinese labels,
 * derived from the template rows and columns.
 */
import { allTemplatePaths, rowsOf, TABLE_KINDS, type RowSpec } from "../template/templates.js";
import type { Report, TableKind } from "../types.js";
import type { HeaderLanguage } from "./options.js";

/** A value written to a CSV cell; `null` and `undefined` are written as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** Quote a cell when it holds a comma, a quote, a line break, or leading/trailing spaces. */
export function csvEscape(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its `\n`). */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvEscape).join(",")}\n`;
}

/** The columns of a report row before the model paths. */
export const REPORT_FIXED_COLUMNS = [
  "file",
  "template",
  "source.layout",
  "source.encoding",
  "meta.year",
  "meta.organization",
  "meta.title",
  "meta.published",
  "meta.organType",
  "findings.error",
  "findings.warning",
  "findings.info",
  "unreadable",
] as const;

/** A fixed column of a report CSV row. */
export type ReportCsvColumn = (typeof REPORT_FIXED_COLUMNS)[number];

/** The fixed columns of a parsed report's row: every one but `unreadable`, each required. */
export type ReportCsvFixedValues = Record<Exclude<ReportCsvColumn, "unreadable">, CsvValue>;

const FIXED_LABELS_ZH: Record<ReportCsvColumn, string> = {
  file: "文件",
  template: "模板",
  "source.layout": "版式",
  "source.encoding": "编码",
  "meta.year": "年度",
  "meta.organization": "机关",
  "meta.title": "标题",
  "meta.published": "发布日期",
  "meta.organType": "机关类型",
  "findings.error": "错误数",
  "findings.warning": "警告数",
  "findings.info": "提示数",
  unreadable: "无法读取",
};

let pathsCache: readonly string[] | null = null;

/** Every model path of both templates, in table order (computed once). */
function modelPaths(): readonly string[] {
  pathsCache ??= allTemplatePaths();
  return pathsCache;
}

/** Every column of a report row, in order: the fixed columns, then every model path of both templates. */
export function reportCsvColumns(): string[] {
  return [...REPORT_FIXED_COLUMNS, ...modelPaths()];
}

/** The header line of a report CSV, in English (model paths) or Chinese. */
export function reportCsvHeader(language: HeaderLanguage): string {
  const columns = reportCsvColumns();
  return csvLine(language === "zh" ? columns.map(chineseColumnLabel) : columns);
}

/**
 * One report row: the fixed columns from `fixed`, the model paths from `values`
 * (`flattenReport`); absent keys are empty cells.
 */
export function reportCsvRow(
  fixed: Readonly<Partial<Record<ReportCsvColumn, CsvValue>>>,
  values: Readonly<Record<string, CsvValue>> = {},
): string {
  let line = "";
  for (const column of REPORT_FIXED_COLUMNS) line += `${csvEscape(fixed[column])},`;
  for (const path of modelPaths()) line += `${csvEscape(values[path])},`;
  return `${line.slice(0, -1)}\n`;
}

/** Counts of findings by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** The fixed columns of a report's CSV row (the model paths come from `flattenReport`). */
export function csvFixedValues(file: string, report: Report, counts: SeverityCounts): ReportCsvFixedValues {
  return {
    file,
    template: report.template,
    "source.layout": report.source.layout,
    "source.encoding": report.source.encoding,
    "meta.year": report.meta.year,
    "meta.organization": report.meta.organization,
    "meta.title": report.meta.title,
    "meta.published": report.meta.published,
    "meta.organType": report.meta.organType,
    "findings.error": counts.error,
    "findings.warning": counts.warning,
    "findings.info": counts.info,
  };
}

/** Short titles of the three tables, after their section headings (二、三、四). */
const TABLE_TITLES_ZH: Record<TableKind, string> = {
  activeDisclosure: "二、主动公开",
  applications: "三、依申请公开",
  appeals: "四、复议诉讼",
};

let labelsCache: Map<string, string> | null = null;

/** The Chinese label of a column: a fixed column's name, or `table/row/column` from the template labels. */
export function chineseColumnLabel(column: string): string {
  if (column in FIXED_LABELS_ZH) return FIXED_LABELS_ZH[column as ReportCsvColumn];
  labelsCache ??= buildPathLabels();
  return labelsCache.get(column) ?? column;
}

function buildPathLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  for (const template of ["2021", "2019"] as const) {
    for (const kind of TABLE_KINDS) {
      for (const row of rowsOf(kind, template)) {
        for (const column of row.columns) {
          const path = `${kind}.${row.path}.${column.key}`;
          if (!labels.has(path)) labels.set(path, `${TABLE_TITLES_ZH[kind]}/${rowLabel(row)}/${column.label}`);
        }
      }
    }
  }
  return labels;
}

/** A row's label, with its group when the group says something (not a legal article, not the section). */
function rowLabel(row: RowSpec): string {
  const label = shortenLabel(row.label);
  const group = row.group;
  if (group === undefined || /^第.+项$/.test(group) || /^[一二三四五六七八九十]+、/.test(group)) return label;
  return `${shortenLabel(group)} ${label}`;
}

const NUMBERING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/;

/**
 * A template label made short enough for a column header: explanatory notes in
 * brackets dropped, `政府信息公开` dropped, and a long label cut at its first `、` clause.
 */
export function shortenLabel(label: string): string {
  let text = label.replace(/[(（][^()（）]*[,，][^()（）]*[)）]/g, "").replace(/政府信息公开/g, "");
  const numbering = NUMBERING.exec(text)?.[0] ?? "";
  const body = text.slice(numbering.length);
  const clause = body.indexOf("、");
  if (text.length > 20 && clause > 0) text = numbering + body.slice(0, clause);
  return text;
}
