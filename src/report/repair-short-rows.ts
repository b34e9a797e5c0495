/**
 * Rows of table 三 with fewer numbers than columns (PDF text drops blank cells, converters
 * lose cells): where do the numbers go? Every placement that keeps their order is tried,
 * and the table's own sums decide — the row total, and per column the outcome total and the
 * balance (勾稽关系) — with the missing cells counted as 0 for the check only (they stay null).
 */
import type { Cell } from "../types.js";
import { cellNumber } from "../text/cell-value.js";
import type { LogicalRow } from "../tables/logical-rows.js";
import { APPLICANT_COLUMNS, type RowSpec } from "../template/templates.js";

/** The decision for one short row. */
export interface ShortRowReading {
  /** One entry per column: the cell placed there, or null. */
  cells: Array<Cell | null>;
  /** How many placements of all short rows satisfy the sums (1 = decided). */
  consistent: number;
  /** The readings the sums allow (or, when none does, every reading tried), as values by column. */
  alternatives: Array<Array<number | null>>;
}

const COLUMNS = APPLICANT_COLUMNS.map((c) => c.key);
const N = COLUMNS.length;
const SUMMARY = new Set(["newReceived", "carriedOver", "total", "carriedForward"]);
/** Bound on the placements tried jointly (C(7,k) per row, multiplied over the short rows). */
const MAX_COMBINATIONS = 20_000;

/** Every way to put `k` ordered cells into `n` slots. */
function placements(cells: readonly Cell[], n: number): Array<Array<Cell | null>> {
  const out: Array<Array<Cell | null>> = [];
  const slots: Array<Cell | null> = new Array(n).fill(null);
  const place = (pos: number, k: number) => {
    if (k === cells.length) {
      out.push([...slots]);
      return;
    }
    for (let p = pos; p <= n - (cells.length - k); p++) {
      slots[p] = cells[k]!;
      place(p + 1, k + 1);
      slots[p] = null;
    }
  };
  place(0, 0);
  return out;
}

/**
 * Decide the short rows of table 三. `values` holds the values already read for the other
 * rows (`applications.<row>.<column>`); `rows` maps a row path to its short row's number cells.
 * Returns a reading per short row, or an empty map when there are too many to try.
 */
export function repairShortRows(
  specs: readonly RowSpec[],
  short: ReadonlyMap<string, readonly Cell[]>,
  values: ReadonlyMap<string, number | null>,
): Map<string, ShortRowReading> {
  const paths = [...short.keys()];
  const options = paths.map((p) => placements(short.get(p)!, N));
  const total = options.reduce((n, o) => n * o.length, 1);
  const out = new Map<string, ShortRowReading>();
  if (paths.length === 0 || total > MAX_COMBINATIONS) return out;

  const outcomeRows = specs.filter((s) => !SUMMARY.has(s.path)).map((s) => s.path);
  const valueOf = (row: string, col: number, chosen: Map<string, Array<Cell | null>>): number | null | undefined => {
    const placed = chosen.get(row);
    if (placed) return cellNumber(placed[col] ?? null) ?? 0;
    return values.get(`applications.${row}.${COLUMNS[col]}`);
  };
  const holds = (chosen: Map<string, Array<Cell | null>>): boolean => {
    for (const row of paths) {
      const placed = chosen.get(row)!;
      let sum = 0;
      for (let c = 0; c < N - 1; c++) sum += cellNumber(placed[c] ?? null) ?? 0;
      if (sum !== (cellNumber(placed[N - 1] ?? null) ?? 0)) return false;
    }
    for (let c = 0; c < N; c++) {
      const parts = outcomeRows.map((r) => valueOf(r, c, chosen));
      const totalValue = valueOf("total", c, chosen);
      if (parts.every((v) => typeof v === "number") && typeof totalValue === "number") {
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (sum !== totalValue) return false;
      }
      const balance = ["newReceived", "carriedOver", "total", "carriedForward"].map((r) => valueOf(r, c, chosen));
      if (balance.every((v) => typeof v === "number")) {
        const [a, b, t, f] = balance as number[];
        if (a! + b! !== t! + f!) return false;
      }
    }
    return true;
  };

  const consistent: Array<Map<string, Array<Cell | null>>> = [];
  const chosen = new Map<string, Array<Cell | null>>();
  const walk = (i: number) => {
    if (i === paths.length) {
      if (holds(chosen)) consistent.push(new Map(chosen));
      return;
    }
    for (const option of options[i]!) {
      chosen.set(paths[i]!, option);
      walk(i + 1);
    }
    chosen.delete(paths[i]!);
  };
  walk(0);

  paths.forEach((path, i) => {
    const readings = consistent.length > 0 ? consistent.map((m) => m.get(path)!) : options[i]!;
    const distinct = new Map<string, Array<Cell | null>>();
    for (const r of readings) distinct.set(r.map((c) => cellNumber(c) ?? "∅").join("|"), r);
    const kept = [...distinct.values()];
    const cells = COLUMNS.map((_, c) => {
      const first = kept[0]![c] ?? null;
      return kept.every((r) => cellNumber(r[c] ?? null) === cellNumber(first)) ? first : null;
    });
    out.set(path, {
      cells: consistent.length > 0 ? cells : [],
      consistent: consistent.length,
      alternatives: kept.map((r) => r.map(cellNumber)),
    });
  });
  return out;
}
