/**
 * The three tables of a report drawn as the State Council template prints them
 * (merged headers and grouped rows), each value cell carrying its model path and its
 * status: read exactly, blank (`null`), ambiguous, or part of a failing rule.
 */
import { ACTIVE_ROWS, APPEAL_ROWS, APPLICATION_ROWS, templatePaths, type ColumnSpec, type Report, type RowSpec, type TableKind } from "xxgk-report";
import { t } from "./i18n.js";

/** What the page knows about one value cell besides its value. */
export interface CellMarks {
  /** Paths read by a failing rule. */
  failing: ReadonlySet<string>;
  /** Paths with other readings: their description for the hover text. */
  ambiguous: ReadonlyMap<string, string>;
}

type Values = Readonly<Record<string, string | number | null>>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function th(text: string, colSpan = 1, rowSpan = 1, scope?: "col" | "row" | "colgroup" | "rowgroup"): HTMLTableCellElement {
  const cell = el("th", {}, text);
  if (colSpan > 1) cell.colSpan = colSpan;
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  if (scope) cell.scope = scope;
  return cell;
}

/** The text shown for a value: the number, or `—` for a blank. */
export function cellText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "—" : String(value);
}

function valueCell(path: string, values: Values, marks: CellMarks, colSpan = 1): HTMLTableCellElement {
  const value = values[path] ?? null;
  const cell = el("td", { "data-path": path }, cellText(value));
  if (colSpan > 1) cell.colSpan = colSpan;
  const ambiguous = marks.ambiguous.get(path);
  const status = ambiguous !== undefined ? "ambiguous" : value === null ? "blank" : "exact";
  cell.classList.add("cell", `st-${status}`);
  if (value === null) cell.setAttribute("aria-label", t("legendBlank"));
  if (ambiguous !== undefined) cell.title = `${t("alternatives")}${ambiguous}`;
  if (marks.failing.has(path)) cell.classList.add("is-fail");
  return cell;
}

/** The columns of a row as the report's template has them (table 三 may carry more columns than it prints). */
function columnsOf(kind: TableKind, row: RowSpec, paths: ReadonlySet<string>, values: Values): ColumnSpec[] {
  const prefix = `${kind}.${row.path}.`;
  const printed = row.columns.filter((c) => paths.has(prefix + c.key));
  if (kind !== "applications") return printed;
  // A model column the template does not print (a local 小计) is shown where the report has it.
  const extra: ColumnSpec[] = [];
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const key = path.slice(prefix.length);
    if (key.includes(".") || printed.some((c) => c.key === key)) continue;
    extra.push({ key, label: EXTRA_LABELS[key] ?? key });
  }
  const shown = extra.filter((c) => APPLICATION_ROWS.some((r) => values[`applications.${r.path}.${c.key}`] != null));
  if (shown.length === 0) return printed;
  const total = printed.findIndex((c) => c.key === "total");
  return total < 0 ? [...printed, ...shown] : [...printed.slice(0, total), ...shown, ...printed.slice(total)];
}

const EXTRA_LABELS: Record<string, string> = { orgSubtotal: "小计" };

function caption(kind: TableKind): HTMLTableCaptionElement {
  return el("caption", {}, t(`table_${kind}`));
}

/** 二：one block per legal article, each with its own column headings. */
function activeTable(report: Report, template: "2021" | "2019", values: Values, marks: CellMarks, paths: ReadonlySet<string>): HTMLTableElement {
  const rows = ACTIVE_ROWS.filter((r) => r.templates.includes(template));
  const width = 1 + Math.max(...rows.map((r) => columnsOf("activeDisclosure", r, paths, values).length));
  const table = el("table", { class: "template t-active", "data-table": "activeDisclosure" });
  table.append(caption("activeDisclosure"));
  const body = el("tbody");
  let lastGroup: string | undefined;
  for (const row of rows) {
    const columns = columnsOf("activeDisclosure", row, paths, values);
    const signature = `${row.group}|${columns.map((c) => c.key).join()}`;
    if (signature !== lastGroup) {
      lastGroup = signature;
      const groupRow = el("tr", { class: "group" });
      groupRow.append(th(row.group ?? "", width, 1, "colgroup"));
      const headRow = el("tr", { class: "head" });
      headRow.append(th(t("contentHeader"), 1, 1, "col"));
      columns.forEach((c, i) => headRow.append(th(c.label, i === columns.length - 1 ? width - columns.length : 1, 1, "col")));
      body.append(groupRow, headRow);
    }
    const line = el("tr");
    line.append(th(row.label, 1, 1, "row"));
    columns.forEach((c, i) =>
      line.append(valueCell(`activeDisclosure.${row.path}.${c.key}`, values, marks, i === columns.length - 1 ? width - columns.length : 1)),
    );
    body.append(line);
  }
  table.append(body);
  return table;
}

/** Where a row of table 三 sits: its top group (三、本年度办理结果) and its sub-group ((三)不予公开). */
function applicationLevels(rows: readonly RowSpec[]): Array<{ top: string | null; sub: string | null }> {
  let top: string | null = null;
  return rows.map((row) => {
    if (row.group === undefined) return { top: null, sub: null };
    if (/^[(（]/.test(row.group)) return { top, sub: row.group };
    top = row.group;
    return { top, sub: null };
  });
}

function runLength<T>(items: readonly T[], from: number, same: (a: T, b: T) => boolean): number {
  let n = 1;
  while (from + n < items.length && same(items[from]!, items[from + n]!)) n++;
  return n;
}

/** 三：申请人情况 over 自然人 / 法人或其他组织 / 总计, rows grouped under 三、本年度办理结果. */
function applicationsTable(report: Report, template: "2021" | "2019", values: Values, marks: CellMarks, paths: ReadonlySet<string>): HTMLTableElement {
  const rows = APPLICATION_ROWS.filter((r) => r.templates.includes(template));
  const columns = columnsOf("applications", rows[0]!, paths, values);
  const table = el("table", { class: "template t-applications", "data-table": "applications" });
  table.append(caption("applications"));
  const head = el("thead");
  const first = el("tr");
  first.append(th(t("balanceNote"), 3, 3), th(t("applicantHeader"), columns.length, 1, "colgroup"));
  const second = el("tr");
  const third = el("tr");
  const orgColumns = columns.filter((c) => c.key !== "naturalPerson" && c.key !== "total");
  for (const column of columns) {
    if (column.key === "naturalPerson" || column.key === "total") second.append(th(column.label, 1, 2, "col"));
    else if (column === orgColumns[0]) second.append(th(t("orgHeader"), orgColumns.length, 1, "colgroup"));
    if (column.key !== "naturalPerson" && column.key !== "total") third.append(th(column.label, 1, 1, "col"));
  }
  head.append(first, second, third);
  table.append(head);
  const body = el("tbody");
  const levels = applicationLevels(rows);
  rows.forEach((row, i) => {
    const line = el("tr");
    const level = levels[i]!;
    if (level.top === null) line.append(th(row.label, 3, 1, "row"));
    else {
      const previous = levels[i - 1];
      if (previous?.top !== level.top) line.append(th(level.top, 1, runLength(levels, i, (a, b) => a.top === b.top), "rowgroup"));
      if (level.sub === null) line.append(th(row.label, 2, 1, "row"));
      else {
        if (previous?.sub !== level.sub) line.append(th(level.sub, 1, runLength(levels, i, (a, b) => a.sub === b.sub), "rowgroup"));
        line.append(th(row.label, 1, 1, "row"));
      }
    }
    for (const column of columns) line.append(valueCell(`applications.${row.path}.${column.key}`, values, marks));
    body.append(line);
  });
  table.append(body);
  return table;
}

/** 四：行政复议 and 行政诉讼 (two kinds) side by side, one line of values. */
function appealsTable(report: Report, values: Values, marks: CellMarks, paths: ReadonlySet<string>): HTMLTableElement {
  const rows = APPEAL_ROWS;
  const table = el("table", { class: "template t-appeals", "data-table": "appeals" });
  table.append(caption("appeals"));
  const head = el("thead");
  const first = el("tr");
  const second = el("tr");
  const third = el("tr");
  const columnsOfRow = rows.map((row) => columnsOf("appeals", row, paths, values));
  rows.forEach((row, i) => {
    const columns = columnsOfRow[i]!;
    if (row.group === undefined) {
      first.append(th(row.label, columns.length, 1, "colgroup"));
      for (const column of columns) second.append(th(column.label, 1, 2, "col"));
      return;
    }
    if (rows[i - 1]?.group !== row.group) {
      let span = 0;
      for (let k = i; k < rows.length && rows[k]!.group === row.group; k++) span += columnsOfRow[k]!.length;
      first.append(th(row.group, span, 1, "colgroup"));
    }
    second.append(th(row.label, columns.length, 1, "colgroup"));
    for (const column of columns) third.append(th(column.label, 1, 1, "col"));
  });
  head.append(first, second, third);
  table.append(head);
  const body = el("tbody");
  const line = el("tr");
  rows.forEach((row, i) => {
    for (const column of columnsOfRow[i]!) line.append(valueCell(`appeals.${row.path}.${column.key}`, values, marks));
  });
  body.append(line);
  table.append(body);
  return table;
}

/** The three tables of a report, or a note for a table that was not read. */
export function renderTables(report: Report, values: Values, marks: CellMarks): HTMLElement[] {
  if (report.template !== "2021" && report.template !== "2019") return [];
  const template = report.template;
  const paths = new Set(templatePaths(template));
  const parts: HTMLElement[] = [];
  const wrap = (kind: TableKind, table: HTMLTableElement | null): void => {
    const box = el("div", { class: "table-box" });
    if (table) box.append(table);
    else {
      box.append(el("h3", {}, t(`table_${kind}`)), el("p", { class: "missing" }, t("tableMissing")));
    }
    parts.push(box);
  };
  wrap("activeDisclosure", report.activeDisclosure ? activeTable(report, template, values, marks, paths) : null);
  wrap("applications", report.applications ? applicationsTable(report, template, values, marks, paths) : null);
  wrap("appeals", report.appeals ? appealsTable(report, values, marks, paths) : null);
  return parts;
}
