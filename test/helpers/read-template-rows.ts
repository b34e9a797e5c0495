/**
 * A reading of tokenized tables that needs no mapper: each row whose last label cell is
 * exactly a template row label (after `labelKey`) gives that row's values; the appeals
 * table's fifteen values come from its one row of fifteen values. For checking tokenizers
 * on inputs whose labels are the template's own.
 */
import { classifyTable } from "../../src/report/classify-table.js";
import { labelKey } from "../../src/template/normalize.js";
import { rowsOf, type TableTemplate } from "../../src/template/templates.js";
import { readCellValue } from "../../src/text/cell-value.js";
import type { Cell, Table, TableKind } from "../../src/types.js";

/** A row split into its label cells and its value cells (after the last text cell). */
export function splitRow(row: readonly Cell[]): { labels: Cell[]; values: Cell[] } {
  let last = -1;
  row.forEach((c, i) => {
    if (readCellValue(c.text).kind === "text") last = i;
  });
  return { labels: row.slice(0, last + 1), values: row.slice(last + 1) };
}

function valueOf(cell: Cell | undefined): number | null {
  if (!cell) return null;
  const v = readCellValue(cell.text);
  return v.kind === "number" ? v.value : null;
}

/** The rows of all tables of one kind (by `Table.kind`, or by their words when the tokenizer left it null) that carry values. */
function valueRows(tables: readonly Table[], kind: TableKind): Array<{ labels: Cell[]; values: Cell[] }> {
  return tables
    .filter((t) => (t.kind ?? classifyTable(t)) === kind)
    .flatMap((t) => t.rows.map(splitRow))
    .filter((r) => r.values.length > 0);
}

/** Values by model path read from tokenized tables (only paths whose row was found). */
export function readTemplateRows(tables: readonly Table[], template: TableTemplate): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const kind of ["activeDisclosure", "applications"] as const) {
    const rows = valueRows(tables, kind);
    for (const spec of rowsOf(kind, template)) {
      const key = labelKey(spec.label);
      const row = rows.find((r) => r.labels.length > 0 && labelKey(r.labels[r.labels.length - 1]!.text) === key);
      if (!row) continue;
      spec.columns.forEach((c, i) => (out[`${kind}.${spec.path}.${c.key}`] = valueOf(row.values[i])));
    }
  }
  const appeals = valueRows(tables, "appeals").find((r) => r.values.length === 15);
  if (appeals) {
    let i = 0;
    for (const spec of rowsOf("appeals", template)) for (const c of spec.columns) out[`appeals.${spec.path}.${c.key}`] = valueOf(appeals.values[i++]);
  }
  return out;
}
