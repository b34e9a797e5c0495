/**
 * Template matching: map the grids of each report table onto the model's paths,
 * choosing the template (2021 or 2019) whose structure the tables follow.
 */
import type { Cell, CellLocation, Diagnostic, Table, TableKind } from "../types.js";
import { cellNumber, readCellValue } from "../text/cell-value.js";
import { fitValues, fitValuesAt, learnValueOffsets, logicalRows, withoutTrailingBlanks, type LogicalRow } from "../tables/logical-rows.js";
import { alignRows, alignmentScore, fillGaps, matchRowsByLabel, rowKeysMemo, type RowMatch } from "./align-rows.js";
import { placeFloating, type RowReadings } from "./place-floating.js";
import { repairShortRows, SHORT_ROW_BUDGET } from "./repair-short-rows.js";
import { appealPlacements, APPEAL_PLACEMENT_BUDGET } from "./appeal-placements.js";
import { labelKey } from "../template/normalize.js";
import {
  ACTIVE_ROWS,
  APPEAL_COLUMNS,
  APPEAL_ROWS,
  APPLICANT_COLUMNS,
  APPLICANT_COLUMNS_WITH_SUBTOTAL,
  APPLICATION_ROWS,
  isMoneyPath,
  rowsOf,
  type ColumnSpec,
  type RowSpec,
  type TableTemplate,
} from "../template/templates.js";

/** The values read from the tables. */
export interface MappedTables {
  template: TableTemplate | null;
  /** Value per path, for the tables that are present. */
  values: Map<string, number | null>;
  present: Set<TableKind>;
  locations: Record<string, CellLocation>;
  diagnostics: Diagnostic[];
  /** How well each template explains the tables (larger is better). */
  templateScores: Record<TableTemplate, number>;
}

/** Header words only one template prints. */
const TEMPLATE_CUES: Record<TableTemplate, readonly string[]> = {
  "2021": ["本年制发", "本年废止", "现行有效"],
  "2019": ["新制作", "本年新", "对外公开总数", "上一年项目", "本年增减", "其他对外管理服务", "政府集中采购", "采购项目数量"],
};

/** Group the tables by kind, rows in document order. */
function rowsByKind(tables: readonly Table[]): Map<TableKind, LogicalRow[]> {
  const byKind = new Map<TableKind, LogicalRow[]>();
  for (const table of tables) {
    if (!table.kind) continue;
    const rows = byKind.get(table.kind) ?? [];
    rows.push(...logicalRows(table));
    byKind.set(table.kind, rows);
  }
  return byKind;
}

function cueScore(tables: readonly Table[], template: TableTemplate): number {
  let text = "";
  for (const t of tables) if (t.kind === "activeDisclosure") for (const r of t.rows) for (const c of r) text += labelKey(c.text);
  let n = 0;
  for (const cue of TEMPLATE_CUES[template]) if (text.includes(cue)) n++;
  return n * 3;
}

/** Map classified tables (Table.kind set) onto the model. */
export function mapTables(tables: readonly Table[], floating: readonly Cell[] = []): MappedTables {
  const byKind = rowsByKind(tables);
  // kinds read from flat PDF text: a blank cell leaves no trace there, so a short row's values cannot be placed
  const positionless = new Set(tables.filter((t) => t.layout === "flat-text").map((t) => t.kind));
  const result: MappedTables = {
    template: null,
    values: new Map(),
    present: new Set(),
    locations: {},
    diagnostics: [],
    templateScores: { "2021": 0, "2019": 0 },
  };
  const alignments: Record<TableTemplate, Map<TableKind, RowMatch[]>> = { "2021": new Map(), "2019": new Map() };
  // the rows' label keys, read once for both templates' alignments
  const rowKeys = rowKeysMemo();
  for (const template of ["2021", "2019"] as const) {
    let score = cueScore(tables, template);
    for (const kind of ["activeDisclosure", "applications"] as const) {
      const rows = byKind.get(kind);
      if (!rows) continue;
      const matches =
        kind === "applications"
          ? alignRows(rows, rowsOf(kind, template), APPLICATION_ROWS, rowKeys)
          : matchRowsByLabel(rows, rowsOf(kind, template), ACTIVE_ROWS, rowKeys);
      alignments[template].set(kind, matches);
      score += alignmentScore(matches);
    }
    result.templateScores[template] = Math.round(score * 1000) / 1000;
  }
  const s21 = result.templateScores["2021"];
  const s19 = result.templateScores["2019"];
  if (s21 === 0 && s19 === 0 && !byKind.has("appeals")) return result;
  const template: TableTemplate = s19 > s21 ? "2019" : "2021";
  result.template = template;
  const mixed = mixedTemplateDiagnostic(template, alignments);
  if (mixed) result.diagnostics.push(mixed);

  for (const kind of ["activeDisclosure", "applications"] as const) {
    const rows = byKind.get(kind);
    const matches = alignments[template].get(kind);
    if (!rows || !matches || matches.length === 0) continue;
    result.present.add(kind);
    const specs = rowsOf(kind, template);
    const all = kind === "applications" ? fillGaps(rows, specs, matches) : matches;
    const readings = kind === "activeDisclosure" ? placeFloating(all, floating) : [];
    const columns = kind === "applications" && hasSubtotalColumn(rows) ? APPLICANT_COLUMNS_WITH_SUBTOTAL : null;
    readMatchedRows(kind, specs, all, result, readings, columns, positionless.has(kind));
  }
  const appealRows = byKind.get("appeals");
  if (appealRows && readAppeals(appealRows, result, positionless.has("appeals"))) result.present.add("appeals");
  return result;
}

/**
 * Table 三 tells the template by its (六) rows: when it clearly follows the other template
 * than the one chosen for the report, say so.
 */
function mixedTemplateDiagnostic(
  template: TableTemplate,
  alignments: Record<TableTemplate, Map<TableKind, RowMatch[]>>,
): Diagnostic | null {
  const other: TableTemplate = template === "2021" ? "2019" : "2021";
  const own = alignmentScore(alignments[template].get("applications") ?? []);
  const theirs = alignmentScore(alignments[other].get("applications") ?? []);
  if (theirs - own < 0.9) return null;
  return {
    code: "template-mixed",
    severity: "warning",
    path: "applications",
    message: `表二按 ${template} 年模板读取，表三更像 ${other} 年模板 / table 2 follows the ${template} template but table 3 looks like the ${other} template`,
  };
}

/**
 * True when table 三's header prints a 法人或其他组织「小计」column: a `小计` cell in a row
 * before the first row of numbers (a subtotal row some reports add is a row with numbers).
 */
export function hasSubtotalColumn(rows: readonly LogicalRow[]): boolean {
  for (const row of rows) {
    if (row.numbers > 0) return false;
    for (const cell of row.labels) if (labelKey(cell.text) === "小计") return true;
  }
  return false;
}

/**
 * Read the values of aligned rows; template rows with no written row stay null. `columns`
 * replaces every row's columns (table 三 with a 小计 column). `positionless`: the table's text
 * says nothing of where its cells stand (flat PDF text), so a short row of table 二 is undecided.
 */
function readMatchedRows(
  kind: TableKind,
  specs: readonly RowSpec[],
  matches: readonly RowMatch[],
  out: MappedTables,
  readings: readonly RowReadings[] = [],
  columns: readonly ColumnSpec[] | null = null,
  positionless = false,
): void {
  const matched = new Map(matches.map((m) => [m.spec, m]));
  const readingsOf = new Map(readings.map((r) => [r.match, r.readings]));
  const columnsOf = (spec: RowSpec) => columns ?? spec.columns;
  const width = specs[0] ? columnsOf(specs[0]).length : 0;
  const uniform = specs.every((s) => columnsOf(s).length === width);
  const offsets = uniform ? learnValueOffsets(matches.map((m) => m.row), width) : new Map<number, number>();
  const short = kind === "applications" ? shortRows(matches, width) : new Map<string, RowMatch>();
  for (const spec of specs) {
    const m = matched.get(spec);
    const base = `${kind}.${spec.path}`;
    if (!m) {
      for (const col of columnsOf(spec)) out.values.set(`${base}.${col.key}`, null);
      out.diagnostics.push({
        code: "missing-row",
        severity: "warning",
        path: base,
        message: `未找到“${spec.label}”行 / row "${spec.label}" not found`,
      });
      continue;
    }
    if (m.positional) {
      out.diagnostics.push({
        code: "weak-label-match",
        severity: "warning",
        path: base,
        start: m.row.start,
        end: m.row.end,
        message: `一行数字没有可识别的标签，按位置读作“${spec.label}” / a row of numbers without a readable label was read as "${spec.label}" by its position`,
      });
    } else if (labelScore(m) < 0.8) {
      const written = m.row.labels.map((c) => c.text).join(" ");
      const last = m.row.labels[m.row.labels.length - 1]!;
      out.diagnostics.push({
        code: "weak-label-match",
        severity: "info",
        path: base,
        start: last.start,
        end: last.end,
        message: `“${written}”按“${spec.label}”读取（相似度 ${labelScore(m).toFixed(2)}） / "${written}" read as "${spec.label}" (similarity ${labelScore(m).toFixed(2)})`,
      });
    }
    const own = readingsOf.get(m);
    if (short.has(spec.path)) continue;
    const paths = columns ? columns.map((c) => `${base}.${c.key}`) : cellPaths(kind, spec);
    if (own) readFloatingRow(base, spec.columns.map((c) => c.key), m.row, own, out);
    else if (positionless && kind !== "applications" && isShortRow(m.row, spec.columns.length)) {
      readPositionlessRow(base, spec.columns.map((c) => c.key), m.row, out);
    } else readRowValues(base, paths, m.row, out, offsets.get(m.row.values.length));
  }
  if (short.size > 0) readShortRows(specs[0]!.templates, columns ?? APPLICANT_COLUMNS, short, out);
}

/**
 * Rows of table 三 short of cells with nothing blank written, to be placed by the sums after
 * the others. In pipe layouts the blanks after a row's last number only pad it to the table's
 * width, so a row of fewer numbers than columns is short even when such blanks follow it.
 */
function shortRows(matches: readonly RowMatch[], width: number): Map<string, RowMatch> {
  const short = new Map<string, RowMatch>();
  for (const m of matches) {
    const values = m.row.padded ? withoutTrailingBlanks(m.row.values) : m.row.values;
    if (isShortRow({ values, numbers: m.row.numbers }, width)) {
      short.set(m.spec.path, values === m.row.values ? m : { ...m, row: { ...m.row, values: [...values] } });
    }
  }
  return short;
}

/** Short rows of table 三, placed by the table's sums (see {@link repairShortRows}). */
function readShortRows(templates: readonly TableTemplate[], columns: readonly ColumnSpec[], short: ReadonlyMap<string, RowMatch>, out: MappedTables): void {
  const cells = new Map([...short].map(([path, m]) => [path, m.row.values]));
  const template = out.template ?? templates[0]!;
  const keys = columns.map((c) => c.key);
  const result = repairShortRows({ template, orgSubtotal: keys.includes("orgSubtotal") }, keys, cells, out.values);
  for (const [path, m] of short) {
    const base = `applications.${path}`;
    const decision = result.readings.get(path)!;
    // the readings by path, made once for the row and only when a cell is left undecided
    let alternatives: Array<Record<string, number | null>> | undefined;
    const undecided = (key: string, message: string) => {
      if (!alternatives) {
        const paths = keys.map((k) => `${base}.${k}`);
        alternatives = decision.alternatives.map((values) => {
          const reading: Record<string, number | null> = {};
          paths.forEach((p, i) => (reading[p] = values[i] ?? null));
          return reading;
        });
      }
      out.values.set(`${base}.${key}`, null);
      out.diagnostics.push({ code: "ambiguous-cell", severity: "warning", path: `${base}.${key}`, start: m.row.start, end: m.row.end, alternatives, message });
    };
    if (!result.complete) {
      for (const key of keys) {
        undecided(key, `“${base}”行少了单元格，摆放的搜索超出上限（${SHORT_ROW_BUDGET} 步），${base}.${key} 未能确定，留空 / row ${base} is short of cells and the search for their places hit its budget (${SHORT_ROW_BUDGET} steps); ${base}.${key} not decided, null`);
      }
      continue;
    }
    if (decision.consistent === 0) {
      for (const key of keys) {
        undecided(key, `“${base}”行少了单元格，没有一种摆放符合表格的合计，${base}.${key} 未能确定，留空 / row ${base} is short of cells and no placement satisfies the table's sums; ${base}.${key} not decided, null`);
      }
      continue;
    }
    keys.forEach((key, i) => {
      const cell = decision.cells[i] ?? null;
      const agreed = decision.alternatives.every((a) => a[i] === decision.alternatives[0]![i]);
      if (cell) recordCell(`${base}.${key}`, cell, m.row, out);
      else if (agreed) recordCell(`${base}.${key}`, null, m.row, out);
      else {
        undecided(key, `“${base}”行少了单元格，${decision.alternatives.length} 种摆放都符合表格的合计，${base}.${key} 留空 / row ${base} is short of cells and ${decision.alternatives.length} placements satisfy the table's sums; ${base}.${key} left null`);
      }
    });
    if (decision.alternatives.length === 1) {
      out.diagnostics.push({
        code: "repaired-by-arithmetic",
        severity: "info",
        path: base,
        start: m.row.start,
        end: m.row.end,
        message: `“${base}”行少了单元格，数字按表格的合计放入唯一可能的位置 / row ${base} is short of cells; its numbers were placed where the table's sums allow`,
      });
    }
  }
}

/**
 * A short row completed with numbers floating above the table: one reading is used with a
 * note; with several, the cells they agree on are kept and the others are null, with the
 * readings as alternatives.
 */
function readFloatingRow(base: string, keys: readonly string[], row: LogicalRow, readings: ReadonlyArray<Array<Cell | null>>, out: MappedTables): void {
  const floatingTexts = readings[0]!.filter((c) => c && !row.values.includes(c)).map((c) => c!.text);
  readReadings(base, keys, row, readings, out, (path) =>
    `“${base}”行少了单元格，表格外的数字 ${floatingTexts.join("、")} 可放入 ${readings.length} 种位置，${path} 留空 / row ${base} is short of cells and the number(s) ${floatingTexts.join(", ")} outside the table fit ${readings.length} ways; ${path} left null`,
  );
  if (readings.length > 1) return;
  out.diagnostics.push({
    code: "floating-cell",
    severity: "info",
    path: base,
    start: row.start,
    end: row.end,
    message: `表格外的数字 ${floatingTexts.join("、")} 补入“${base}”行 / number(s) ${floatingTexts.join(", ")} written outside the table completed row ${base}`,
  });
}

/** True when a row prints fewer numbers than its columns and writes none of its blanks. */
function isShortRow(row: { values: readonly Cell[]; numbers: number }, width: number): boolean {
  return row.numbers > 0 && row.values.length === row.numbers && row.numbers < width;
}

/**
 * A short row of a table whose text keeps no column positions (flat PDF text): its values
 * may stand in any of their columns, in order. Cells every placement agrees on are kept;
 * the others are null, with the placements as alternatives.
 */
function readPositionlessRow(base: string, keys: readonly string[], row: LogicalRow, out: MappedTables): void {
  const readings = orderedPlacements(row.values, keys.length);
  readReadings(base, keys, row, readings, out, (path) =>
    `“${base}”行只有 ${row.values.length} 个数值、${keys.length} 列，文本没有列位置，可放入 ${readings.length} 种位置，${path} 留空 / row ${base} has ${row.values.length} value(s) for ${keys.length} columns and the text keeps no column positions: they fit ${readings.length} ways; ${path} left null`,
  );
}

/** Every way to place `values`, in order, into `width` cells (the rest null). Table 二 rows have at most three cells. */
function orderedPlacements(values: readonly Cell[], width: number): Array<Array<Cell | null>> {
  const out: Array<Array<Cell | null>> = [];
  const place = (from: number, at: number, cells: Array<Cell | null>) => {
    if (from === values.length) {
      out.push([...cells, ...Array<null>(width - cells.length).fill(null)]);
      return;
    }
    for (let j = at; j <= width - (values.length - from); j++) {
      place(from + 1, j + 1, [...cells, ...Array<null>(j - cells.length).fill(null), values[from]!]);
    }
  };
  place(0, 0, []);
  return out;
}

/** At most this many readings are listed on a diagnostic (table 四's blanks may fit thousands of ways). */
const MAX_LISTED_READINGS = 50;

/**
 * The cells of a row read several ways: the cells every reading agrees on are kept, the
 * others are null with an `ambiguous-cell` naming each and listing the readings (the first
 * {@link MAX_LISTED_READINGS}). With no reading, every cell is null.
 */
function readReadings(
  base: string,
  keys: readonly string[],
  row: LogicalRow,
  readings: ReadonlyArray<Array<Cell | null>>,
  out: MappedTables,
  message: (path: string) => string,
): void {
  const agreed = keys.map((_, i) => {
    const texts = new Set(readings.map((r) => cellNumber(r[i])));
    return texts.size === 1 ? (readings[0]![i] ?? null) : undefined;
  });
  keys.forEach((key, i) => {
    const cell = agreed[i];
    if (cell !== undefined) recordCell(`${base}.${key}`, cell, row, out);
    else out.values.set(`${base}.${key}`, null);
  });
  if (readings.length === 1) return;
  const alternatives = readings.slice(0, MAX_LISTED_READINGS).map((r) =>
    Object.fromEntries(keys.map((key, i) => [`${base}.${key}`, cellNumber(r[i])])),
  );
  keys.forEach((key, i) => {
    if (agreed[i] !== undefined) return;
    const path = `${base}.${key}`;
    out.diagnostics.push({ code: "ambiguous-cell", severity: "warning", path, start: row.start, end: row.end, alternatives, message: message(path) });
  });
}

/** The label's own similarity, without the discount for a row without numbers. */
function labelScore(m: RowMatch): number {
  return m.row.numbers > 0 ? m.score : Math.min(1, m.score / 0.6);
}

const pathCache = new WeakMap<RowSpec, Partial<Record<TableKind, readonly string[]>>>();

/** The model paths of a template row's cells (`kind.row.column`), built once. */
function cellPaths(kind: TableKind, spec: RowSpec): readonly string[] {
  let byKind = pathCache.get(spec);
  if (!byKind) pathCache.set(spec, (byKind = {}));
  return (byKind[kind] ??= spec.columns.map((c) => `${kind}.${spec.path}.${c.key}`));
}

/** Fit one row's cells to its columns (one path each) and record values, locations and diagnostics. */
function readRowValues(base: string, paths: readonly string[], row: LogicalRow, out: MappedTables, offset?: number): void {
  const n = paths.length;
  const fitted = row.numbers < n ? fitValuesAt(row.values, n, offset) : fitValues(row.values, n);
  for (let i = 0; i < n; i++) recordCell(paths[i]!, fitted.cells[i] ?? null, row, out);
  if (fitted.extra.length > 0) {
    const first = fitted.extra[0]!;
    out.diagnostics.push({
      code: "extra-cell",
      severity: "warning",
      path: base,
      start: first.start,
      end: fitted.extra[fitted.extra.length - 1]!.end,
      message: `“${base}”行多出 ${fitted.extra.length} 个单元格，已忽略 / row ${base} has ${fitted.extra.length} more cell(s) than columns; ignored`,
    });
  }
}

/** Record the value of one path from a cell (null for a blank, a text or a missing cell). */
export function recordCell(path: string, cell: Cell | null, row: { start: number; end: number }, out: MappedTables): void {
  if (!cell) {
    out.values.set(path, null);
    out.diagnostics.push({
      code: "missing-cell",
      severity: "warning",
      path,
      start: row.start,
      end: row.end,
      message: `${path} 在表中没有对应单元格，记为空 / ${path} has no cell in its row; null`,
    });
    return;
  }
  out.locations[path] = { start: cell.start, end: cell.end, text: cell.text };
  const v = readCellValue(cell.text);
  if (v.kind === "number") {
    out.values.set(path, v.value);
    if (v.unit && !(isMoneyPath(path) && v.unit === "万元")) {
      out.diagnostics.push({
        code: "unit-in-cell",
        severity: "info",
        path,
        start: cell.start,
        end: cell.end,
        message: `${path} 单元格带单位“${v.unit}”：${cell.text} / cell of ${path} carries the unit "${v.unit}": ${cell.text}`,
      });
    }
    return;
  }
  out.values.set(path, null);
  out.diagnostics.push(
    v.kind === "blank"
      ? {
          code: "blank-cell",
          severity: "info",
          path,
          start: cell.start,
          end: cell.end,
          message: `${path} 单元格为空${v.marker ? `（“${v.marker}”）` : ""}，记为 null / cell of ${path} is blank; null`,
        }
      : {
          code: "unparsed-cell",
          severity: "warning",
          path,
          start: cell.start,
          end: cell.end,
          message: `${path} 单元格“${cell.text}”不是数字，记为 null / cell of ${path} "${cell.text}" is not a number; null`,
        },
  );
}

/**
 * Table 4: either rows labelled 行政复议 / 未经复议直接起诉 / 复议后起诉 with five values each,
 * or (the template's layout) one run of fifteen values after the headers.
 */
function readAppeals(rows: readonly LogicalRow[], out: MappedTables, positionless: boolean): boolean {
  const labelled = alignRows(rows.filter((r) => r.numbers > 0 && r.numbers <= 5), APPEAL_ROWS);
  if (labelled.length >= 2) {
    readMatchedRows("appeals", APPEAL_ROWS, labelled, out, [], null, positionless);
    return true;
  }
  const dataRows = rows.filter((r) => r.numbers > 0);
  if (dataRows.length === 0) return false;
  const cells: Cell[] = [];
  for (const r of dataRows) cells.push(...r.values);
  const span = { start: dataRows[0]!.start, end: dataRows[dataRows.length - 1]!.end };
  let numbers = 0;
  for (const r of dataRows) numbers += r.numbers;
  const merged: LogicalRow = { labels: [], values: cells, numbers, start: span.start, end: span.end, padded: false };
  const keys: string[] = [];
  for (const row of APPEAL_ROWS) for (const col of APPEAL_COLUMNS) keys.push(`${row.path}.${col.key}`);
  if (positionless && isShortRow(merged, keys.length)) {
    readAppealRun(merged, keys, out);
    return true;
  }
  const fitted = fitValues(merged.values, keys.length);
  keys.forEach((key, i) => recordCell(`appeals.${key}`, fitted.cells[i] ?? null, merged, out));
  if (fitted.extra.length > 0) {
    out.diagnostics.push({
      code: "extra-cell",
      severity: "warning",
      path: "appeals",
      start: fitted.extra[0]!.start,
      end: fitted.extra[fitted.extra.length - 1]!.end,
      message: `表四多出 ${fitted.extra.length} 个数值，已忽略 / table 4 has ${fitted.extra.length} more value(s) than its 15 cells; ignored`,
    });
  }
  return true;
}

/**
 * Table 四 as one run of fewer than fifteen values in flat PDF text: placed by its rows' sums
 * ({@link appealPlacements}). Cells every placement agrees on are kept, the others are null.
 */
function readAppealRun(run: LogicalRow, keys: readonly string[], out: MappedTables): void {
  const { readings, complete } = appealPlacements(run.values);
  const n = run.values.length;
  const why = !complete
    ? `摆放的搜索超出上限（${APPEAL_PLACEMENT_BUDGET} 步） / the search for their places hit its budget (${APPEAL_PLACEMENT_BUDGET} steps)`
    : readings.length === 0
      ? "没有一种摆放符合各行的合计 / no placement satisfies the rows' sums"
      : `${readings.length} 种摆放都符合各行的合计 / ${readings.length} placements satisfy the rows' sums`;
  readReadings("appeals", keys, run, complete ? readings : [], out, (path) =>
    `表四只有 ${n} 个数值、${keys.length} 个单元格，文本没有列位置：${why}；${path} 留空 / table 4 has ${n} values for ${keys.length} cells and the text keeps no column positions: ${why.split(" / ")[1]}; ${path} left null`,
  );
}
