/**
 * Rows of table 三 with fewer numbers than columns (PDF text drops blank cells, converters
 * lose cells): where do the numbers go? Every placement that keeps their order is a
 * candidate; the template's equations decide — a row's own sums (总计, and 小计 where the
 * table prints it) filter each row's placements, then the column sums (the outcome total
 * and the balance, 勾稽关系) are checked as soon as the rows they read are placed. The
 * missing cells count as 0 for the check only (they stay null). The search runs under a
 * step budget: spent, it gives up and says so.
 */
import type { Cell } from "../types.js";
import { cellNumber } from "../text/cell-value.js";
import { newCounter, spent, type SearchCounter } from "../text/step-budget.js";
import { equationsOf, type ApplicationsShape, type Equation } from "../template/equations.js";

/** The decision for one short row. */
export interface ShortRowReading {
  /** One entry per column: the cell placed there, or null. */
  cells: Array<Cell | null>;
  /** How many placements of all short rows satisfy the sums (1 = decided). */
  consistent: number;
  /** The readings the sums allow (or, when none does, every reading of the row), as values by column. */
  alternatives: Array<Array<number | null>>;
}

/** The decisions, or `complete: false` when the step budget ran out before the search ended. */
export interface ShortRowsResult {
  readings: Map<string, ShortRowReading>;
  complete: boolean;
  /** Steps the search spent. */
  steps: number;
}

/**
 * Steps allowed for placing one table's short rows: one step per placement tried.
 * 20,000 covers four rows short of three cells each tried jointly without pruning
 * (35⁴ would not fit); with the row sums pruning first, real tables take a few hundred.
 */
export const SHORT_ROW_BUDGET = 20_000;

type Placement = Array<Cell | null>;

/** Every way to put `k` ordered cells into `n` slots, in order of the first cell's slot, then the next. */
function placements(cells: readonly Cell[], n: number, counter: SearchCounter): Placement[] {
  const out: Placement[] = [];
  const slots: Placement = new Array(n).fill(null);
  const place = (pos: number, k: number) => {
    if (spent(counter)) return;
    if (k === cells.length) {
      counter.steps++;
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

/** An equation with each cell resolved to a short row's slot or to a value read elsewhere. */
interface BoundEquation {
  terms: Array<{ coef: 1 | -1; row: number; column: number } | { coef: 1 | -1; value: number | null | undefined }>;
  /** The last short row (by search order) the equation reads; -1 when it reads none. */
  last: number;
}

function bind(eq: Equation, rowIndex: ReadonlyMap<string, number>, columnIndex: ReadonlyMap<string, number>, values: ReadonlyMap<string, number | null>): BoundEquation {
  const terms: BoundEquation["terms"] = [];
  let last = -1;
  const add = (path: string, coef: 1 | -1) => {
    const dot = path.lastIndexOf(".");
    const row = rowIndex.get(path.slice("applications.".length, dot));
    const column = columnIndex.get(path.slice(dot + 1));
    if (row !== undefined && column !== undefined) {
      terms.push({ coef, row, column });
      last = Math.max(last, row);
    } else terms.push({ coef, value: values.get(path) });
  };
  for (const p of eq.parts) add(p, 1);
  for (const p of eq.totals) add(p, -1);
  return { terms, last };
}

/** False only when every value is known and the sum is not 0; a blank read elsewhere makes it unchecked. */
function holds(eq: BoundEquation, chosen: ReadonlyArray<Placement | undefined>): boolean {
  let sum = 0;
  for (const t of eq.terms) {
    if ("value" in t) {
      if (typeof t.value !== "number") return true;
      sum += t.coef * t.value;
    } else sum += t.coef * (cellNumber(chosen[t.row]![t.column] ?? null) ?? 0);
  }
  return sum === 0;
}

/**
 * Decide the short rows of table 三. `columns` are the table's column keys in order (seven,
 * or eight with 小计); `values` holds the values already read for the other rows
 * (`applications.<row>.<column>`); `short` maps a row path to its short row's number cells.
 */
export function repairShortRows(
  shape: ApplicationsShape,
  columns: readonly string[],
  short: ReadonlyMap<string, readonly Cell[]>,
  values: ReadonlyMap<string, number | null>,
  counter: SearchCounter = newCounter(SHORT_ROW_BUDGET),
): ShortRowsResult {
  const paths = [...short.keys()];
  const rowIndex = new Map(paths.map((p, i) => [p, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const bound = (rule: Equation["rule"]) => equationsOf(rule, shape).map((eq) => bind(eq, rowIndex, columnIndex, values));
  const rowEquations = [...bound("row-total"), ...bound("org-subtotal")];
  const columnEquations = [...bound("outcome-total"), ...bound("balance")];

  const all = paths.map((p) => placements(short.get(p)!, columns.length, counter));
  const options = all.map((list, i) => {
    const own = rowEquations.filter((eq) => eq.last === i);
    return list.filter((placement) => own.every((eq) => holdsAlone(eq, i, placement)));
  });
  const byLast = paths.map((_, i) => columnEquations.filter((eq) => eq.last === i));
  const consistent: Placement[][] = [];
  const chosen: Array<Placement | undefined> = new Array(paths.length);
  const walk = (i: number) => {
    if (i === paths.length) {
      consistent.push([...(chosen as Placement[])]);
      return;
    }
    for (const option of options[i]!) {
      if (spent(counter)) return;
      counter.steps++;
      chosen[i] = option;
      if (byLast[i]!.every((eq) => holds(eq, chosen))) walk(i + 1);
    }
    chosen[i] = undefined;
  };
  if (paths.length > 0 && columnEquations.every((eq) => eq.last !== -1 || holds(eq, chosen))) walk(0);
  const complete = !spent(counter);

  const readings = new Map<string, ShortRowReading>();
  paths.forEach((path, i) => {
    const found = complete && consistent.length > 0;
    const list = found ? consistent.map((c) => c[i]!) : all[i]!;
    const distinct = new Map<string, Placement>();
    for (const r of list) distinct.set(r.map((c) => cellNumber(c) ?? "∅").join("|"), r);
    const kept = [...distinct.values()];
    const cells = columns.map((_, c) => {
      const first = kept[0]?.[c] ?? null;
      return kept.every((r) => cellNumber(r[c] ?? null) === cellNumber(first)) ? first : null;
    });
    readings.set(path, {
      cells: found ? cells : [],
      consistent: complete ? consistent.length : 0,
      alternatives: kept.map((r) => r.map(cellNumber)),
    });
  });
  return { readings, complete, steps: counter.steps };
}

/** A row equation over one short row alone (every term in row `i`). */
function holdsAlone(eq: BoundEquation, i: number, placement: Placement): boolean {
  const chosen: Array<Placement | undefined> = [];
  chosen[i] = placement;
  return holds(eq, chosen);
}
