/**
 * Rows of table 三 with fewer numbers than columns (PDF text drops blank cells, converters
 * lose cells): where do the numbers go? Every placement that keeps their order is a
 * candidate; the template's equations decide — a row's own sums (总计, and 小计 where the
 * table prints it) filter each row's placements, then the column sums (the outcome total
 * and the balance, 勾稽关系) decide between the placements of the rows they link. The
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
  /**
   * 0 when no placement of all short rows satisfies the sums, 1 when exactly one does
   * (decided); more when several do (the product of the rows' numbers of readings in their
   * linked groups: an upper bound, the joint placements are not listed one by one).
   */
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
 * Steps allowed for placing one table's short rows: one step per placement listed or
 * tried. Rows that share no checkable sum cost the sum of their placements; linked rows
 * cost a search per placement that no solution found so far uses. Real tables take a
 * few hundred steps; 20,000 take a few milliseconds.
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

/** A short-row cell an equation reads: the row (index into the short rows) and column. */
interface ShortTerm {
  coef: 1 | -1;
  row: number;
  column: number;
}

/**
 * An equation over the short rows: `constant` (the values read elsewhere, with their signs)
 * plus its short-row terms must be 0. `null` when a value read elsewhere is blank: the
 * equation cannot be checked.
 */
interface BoundEquation {
  rule: Equation["rule"];
  constant: number;
  terms: ShortTerm[];
}

function bind(eq: Equation, rowIndex: ReadonlyMap<string, number>, columnIndex: ReadonlyMap<string, number>, values: ReadonlyMap<string, number | null>): BoundEquation | null {
  const terms: ShortTerm[] = [];
  let constant = 0;
  let checkable = true;
  const add = (path: string, coef: 1 | -1) => {
    const dot = path.lastIndexOf(".");
    const row = rowIndex.get(path.slice("applications.".length, dot));
    const column = columnIndex.get(path.slice(dot + 1));
    if (row !== undefined && column !== undefined) terms.push({ coef, row, column });
    else {
      const value = values.get(path);
      if (typeof value === "number") constant += coef * value;
      else checkable = false;
    }
  };
  for (const p of eq.parts) add(p, 1);
  for (const p of eq.totals) add(p, -1);
  return checkable ? { rule: eq.rule, constant, terms } : null;
}

/** Sums of numbers read from cells are exact for counts; the tolerance only absorbs rounding of decimals. */
const EPSILON = 1e-9;

/** An equation that reads one short row, checked on one placement's numbers. */
function holdsFor(eq: BoundEquation, numbers: Float64Array): boolean {
  let sum = eq.constant;
  for (const t of eq.terms) sum += t.coef * numbers[t.column]!;
  return Math.abs(sum) <= EPSILON;
}

/** The rows an equation reads, in order. */
function rowsOf(eq: BoundEquation): number[] {
  return [...new Set(eq.terms.map((t) => t.row))].sort((a, b) => a - b);
}

/** What an equation adds up over one short row's placements (one entry per placement). */
function contributions(eq: BoundEquation, row: number, options: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(options.length);
  for (const t of eq.terms) if (t.row === row) options.forEach((o, k) => (out[k]! += t.coef * o[t.column]!));
  return out;
}

/** What the sums allow for a group of linked short rows. */
interface GroupSearch {
  /**
   * 0 when no joint placement of the group satisfies its equations, 1 when exactly one
   * does; otherwise the product of the rows' numbers of readings (at least 2: an upper
   * bound of the joint placements, which are not counted one by one).
   */
  count: number;
  /** Per row of the group: the placements (indexes) that occur in some solution, in order. */
  used: number[][];
}

/** The tables and the running sums of one group's searches (rows by their position `k` in the group). */
interface GroupState {
  /** Rows in the group. */
  n: number;
  /** Per row: its number of placements. */
  sizes: number[];
  /** Per equation and row: what each placement adds (null: the equation does not read the row). */
  adds: Array<Array<Float64Array | null>>;
  /** Per row: the equations that read it. */
  touching: number[][];
  /** Per equation and row: the least and the most the equation can get from the row. */
  least: number[][];
  most: number[][];
  /** Per equation: what the rows still to place can add, at least and at most. */
  lo: Float64Array;
  hi: Float64Array;
  /** Per equation: the sum of the rows placed so far, with the constant. */
  sums: Float64Array;
  /** Per row: the placement chosen in the current search. */
  chosen: Int32Array;
  /** The rows in the order the current search places them (the fixed row first). */
  order: Int32Array;
  /** Per row and placement: 1 once a solution uses it. */
  supported: Uint8Array[];
  /** The placement the current search fixes for its first row. */
  option: number;
  /** True once the current search found the budget spent. */
  stopped: boolean;
  equations: readonly BoundEquation[];
  counter: SearchCounter;
}

/** The tables of a group's searches, before any search. */
function groupState(group: readonly number[], options: ReadonlyArray<readonly Float64Array[]>, equations: readonly BoundEquation[], counter: SearchCounter): GroupState {
  const n = group.length;
  const sizes = group.map((row) => options[row]!.length);
  const adds = equations.map((eq) => group.map((row) => (eq.terms.some((t) => t.row === row) ? contributions(eq, row, options[row]!) : null)));
  const supported = sizes.map((size) => new Uint8Array(size));
  const touching = group.map((_, k) => equations.map((_, e) => e).filter((e) => adds[e]![k] !== null));
  const least = adds.map((perRow) => perRow.map((add) => (add && add.length > 0 ? Math.min(...add) : 0)));
  const most = adds.map((perRow) => perRow.map((add) => (add && add.length > 0 ? Math.max(...add) : 0)));
  const lo = new Float64Array(equations.length);
  const hi = new Float64Array(equations.length);
  const sums = new Float64Array(equations.length);
  const chosen = new Int32Array(n);
  const order = new Int32Array(n);
  return { n, sizes, adds, touching, least, most, lo, hi, sums, chosen, order, supported, option: 0, stopped: false, equations, counter };
}

/**
 * For each placement of each row of a linked group (`group`, in order), find one joint
 * placement of the group that uses it and satisfies the equations linking the rows — or
 * learn that none does. Each search goes depth first, the chosen placement's row first,
 * and checks every equation as a range as soon as one of its rows is placed: the sum so
 * far plus the least and the most the unplaced rows can still add must reach 0, so a
 * branch that cannot add up stops at once. A solution found marks every placement it
 * uses, so most searches are not needed. One step per placement tried.
 */
function searchGroup(group: readonly number[], options: ReadonlyArray<readonly Float64Array[]>, equations: readonly BoundEquation[], counter: SearchCounter): GroupSearch {
  const s = groupState(group, options, equations, counter);
  const used = group.map(() => [] as number[]);
  for (let k = 0; k < s.n; k++) {
    for (let o = 0; o < s.sizes[k]!; o++) {
      if (s.supported[k]![o] === 1) continue;
      const solution = solve(s, k, o);
      if (solution === undefined) return { count: 0, used };
      if (solution) solution.forEach((choice, j) => (s.supported[j]![choice] = 1));
    }
    // no placement of this row takes part in a solution: the group has none
    if (!s.supported[k]!.includes(1)) return { count: 0, used };
  }
  s.supported.forEach((flags, k) => flags.forEach((flag, o) => flag === 1 && used[k]!.push(o)));
  return { count: used.reduce((product, list) => product * list.length, 1), used };
}

/** One joint placement with the row at `fixed` placed by `option`, or null; undefined when the budget ran out. */
function solve(s: GroupState, fixed: number, option: number): Int32Array | null | undefined {
  s.order[0] = fixed;
  for (let k = 0, d = 1; k < s.n; k++) if (k !== fixed) s.order[d++] = k;
  s.equations.forEach((eq, e) => {
    s.sums[e] = eq.constant;
    s.lo[e] = 0;
    s.hi[e] = 0;
    for (let k = 0; k < s.n; k++) {
      s.lo[e]! += s.least[e]![k]!;
      s.hi[e]! += s.most[e]![k]!;
    }
  });
  s.option = option;
  s.stopped = false;
  const found = walk(s, 0);
  return s.stopped ? undefined : found ? s.chosen : null;
}

/** Place the rows from depth `d` on: true when they all fit. */
function walk(s: GroupState, d: number): boolean {
  if (d === s.n) return true;
  const k = s.order[d]!;
  const rows = s.touching[k]!;
  for (const e of rows) {
    s.lo[e]! -= s.least[e]![k]!;
    s.hi[e]! -= s.most[e]![k]!;
  }
  const found = walkPlacements(s, d, k, rows);
  for (const e of rows) {
    s.lo[e]! += s.least[e]![k]!;
    s.hi[e]! += s.most[e]![k]!;
  }
  return found;
}

/** Try the placements of row `k` at depth `d` (one step each) until one leads to a solution. */
function walkPlacements(s: GroupState, d: number, k: number, rows: readonly number[]): boolean {
  const first = d === 0 ? s.option : 0;
  const last = d === 0 ? s.option : s.sizes[k]! - 1;
  let found = false;
  // the placements no solution uses yet first (pass 0), so that a solution marks as many new ones as it can
  for (let pass = d === 0 ? 1 : 0; pass < 2 && !found && !s.stopped; pass++) {
    for (let o = first; o <= last && !found; o++) {
      if (d > 0 && s.supported[k]![o] !== pass) continue;
      if (spent(s.counter)) {
        s.stopped = true;
        break;
      }
      s.counter.steps++;
      if (!fits(s, k, o, rows)) continue;
      found = placeAndWalk(s, d, k, o, rows);
      if (s.stopped) break;
    }
  }
  return found;
}

/** True when placement `o` of row `k` keeps every equation that reads the row within reach of 0. */
function fits(s: GroupState, k: number, o: number, rows: readonly number[]): boolean {
  for (const e of rows) {
    const sum = s.sums[e]! + s.adds[e]![k]![o]!;
    if (sum + s.lo[e]! > EPSILON || sum + s.hi[e]! < -EPSILON) return false;
  }
  return true;
}

/** Place row `k` by `o`, walk the rows after it, and take the placement back: true when they all fit. */
function placeAndWalk(s: GroupState, d: number, k: number, o: number, rows: readonly number[]): boolean {
  for (const e of rows) s.sums[e]! += s.adds[e]![k]![o]!;
  s.chosen[k] = o;
  const found = walk(s, d + 1);
  for (const e of rows) s.sums[e]! -= s.adds[e]![k]![o]!;
  return found;
}

/** Groups of short rows linked by equations (rows in order within a group, groups by their first row). */
function linkedGroups(rows: number, equations: readonly BoundEquation[]): number[][] {
  const parent = Array.from({ length: rows }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const eq of equations) {
    const [first, ...rest] = rowsOf(eq);
    for (const r of rest) parent[find(r)] = find(first!);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(i);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** True when an equation reads one short row only (a row equation, or a column equation that meets one short row). */
function readsOneRow(eq: BoundEquation): boolean {
  return new Set(eq.terms.map((t) => t.row)).size === 1;
}

/** The template's equations bound to the short rows: the rows' own sums and the column sums, those that can be checked. */
function boundEquations(shape: ApplicationsShape, paths: readonly string[], columns: readonly string[], values: ReadonlyMap<string, number | null>): { rowEquations: BoundEquation[]; columnEquations: BoundEquation[] } {
  const rowIndex = new Map(paths.map((p, i) => [p, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const bound = (rule: Equation["rule"]) =>
    equationsOf(rule, shape)
      .map((eq) => bind(eq, rowIndex, columnIndex, values))
      .filter((eq): eq is BoundEquation => eq !== null);
  return { rowEquations: [...bound("row-total"), ...bound("org-subtotal")], columnEquations: [...bound("outcome-total"), ...bound("balance")] };
}

/** Per short row (by index): its placements, their values, and those its own equations keep. */
interface RowPlacements {
  /** Every placement of the row's cells. */
  all: Placement[][];
  /** The values each placement puts in the columns (null where it leaves the cell blank). */
  valuesOf: Array<Array<Array<number | null>>>;
  /** The placements (indexes into `all`) that satisfy the equations reading the row alone. */
  keep: number[][];
  /** The kept placements' numbers for the sums (a blank cell counts 0), in the order of `keep`. */
  options: Float64Array[][];
}

/** List each short row's placements (steps charged here), read their values, and filter them by the equations that read the row alone. */
function rowPlacements(paths: readonly string[], short: ReadonlyMap<string, readonly Cell[]>, width: number, equations: readonly BoundEquation[], counter: SearchCounter): RowPlacements {
  const all = paths.map((p) => placements(short.get(p)!, width, counter));
  // the values each placement puts in the columns (null where it leaves the cell blank), read once
  const valuesOf = all.map((list, i) => {
    const numbers = new Map(short.get(paths[i]!)!.map((c) => [c, cellNumber(c)]));
    return list.map((pl) => pl.map((c) => (c === null ? null : (numbers.get(c) ?? null))));
  });
  // a row equation reads one row; so may a column equation (the rest are searched by group)
  const keep: number[][] = [];
  const options: Float64Array[][] = [];
  all.forEach((list, i) => {
    const own = equations.filter((eq) => readsOneRow(eq) && eq.terms[0]!.row === i);
    // for the sums, a blank cell counts 0
    const numbers = valuesOf[i]!.map((values) => Float64Array.from(values, (v) => v ?? 0));
    const ks = list.map((_, k) => k).filter((k) => own.every((eq) => holdsFor(eq, numbers[k]!)));
    keep.push(ks);
    options.push(ks.map((k) => numbers[k]!));
  });
  return { all, valuesOf, keep, options };
}

/** The searches of the linked groups, and per short row its group's search and its place in the group. */
interface GroupSearches {
  searches: Array<GroupSearch | null>;
  groupOf: number[];
  depthOf: number[];
}

/** Search each group of rows linked by `joint` equations, in order; once the budget is spent the remaining groups get null. */
function searchGroups(rows: number, options: ReadonlyArray<readonly Float64Array[]>, joint: readonly BoundEquation[], counter: SearchCounter): GroupSearches {
  const searches: Array<GroupSearch | null> = [];
  const groupOf = new Array<number>(rows);
  const depthOf = new Array<number>(rows);
  for (const group of linkedGroups(rows, joint)) {
    const members = new Set(group);
    const own = joint.filter((eq) => eq.terms.some((t) => members.has(t.row)));
    group.forEach((row, d) => {
      groupOf[row] = searches.length;
      depthOf[row] = d;
    });
    searches.push(spent(counter) ? null : searchGroup(group, options, own, counter));
  }
  return { searches, groupOf, depthOf };
}

/** The reading of short row `i` from the placements `indexes` (into its list of all placements): the cells all distinct readings agree on. */
function readingOf(rows: RowPlacements, i: number, indexes: readonly number[], columns: readonly string[], found: boolean, consistent: number): ShortRowReading {
  const valuesOf = rows.valuesOf[i]!;
  const distinct = new Map<string, number>();
  for (const k of indexes) {
    const key = valuesOf[k]!.map((v) => v ?? "∅").join("|");
    if (!distinct.has(key)) distinct.set(key, k);
  }
  const kept = [...distinct.values()];
  const cells = columns.map((_, c) => {
    const first = kept[0];
    if (first === undefined) return null;
    const value = valuesOf[first]![c];
    return kept.every((k) => valuesOf[k]![c] === value) ? rows.all[i]![first]![c]! : null;
  });
  return {
    cells: found ? cells : [],
    consistent,
    alternatives: kept.map((k) => valuesOf[k]!),
  };
}

/**
 * Decide the short rows of table 三. `columns` are the table's column keys in order (seven,
 * or eight with 小计); `values` holds the values already read for the other rows
 * (`applications.<row>.<column>`); `short` maps a row path to its short row's number cells.
 *
 * An equation that reads a blank cell elsewhere is not checked. One that reads a single
 * short row filters that row's placements; rows linked by equations are searched jointly
 * (see {@link searchGroup}), and groups that share no equation independently, so their
 * placements multiply without being tried one by one.
 */
export function repairShortRows(
  shape: ApplicationsShape,
  columns: readonly string[],
  short: ReadonlyMap<string, readonly Cell[]>,
  values: ReadonlyMap<string, number | null>,
  counter: SearchCounter = newCounter(SHORT_ROW_BUDGET, "short-rows"),
): ShortRowsResult {
  const paths = [...short.keys()];
  const { rowEquations, columnEquations } = boundEquations(shape, paths, columns, values);
  const rows = rowPlacements(paths, short, columns.length, [...rowEquations, ...columnEquations], counter);
  const joint = columnEquations.filter((eq) => eq.terms.length > 0 && !readsOneRow(eq));
  // a column equation that reads no short row must hold as read
  const holdsAsRead = columnEquations.every((eq) => eq.terms.length > 0 || Math.abs(eq.constant) <= EPSILON);
  const groups: GroupSearches =
    paths.length > 0 && holdsAsRead ? searchGroups(paths.length, rows.options, joint, counter) : { searches: [], groupOf: [], depthOf: [] };
  const complete = !spent(counter);
  const consistent = complete && groups.searches.length > 0 ? groups.searches.reduce((n, s) => n * (s?.count ?? 0), 1) : 0;

  const readings = new Map<string, ShortRowReading>();
  paths.forEach((path, i) => {
    const found = consistent > 0;
    const indexes = found ? groups.searches[groups.groupOf[i]!]!.used[groups.depthOf[i]!]!.map((o) => rows.keep[i]![o]!) : rows.all[i]!.map((_, k) => k);
    readings.set(path, readingOf(rows, i, indexes, columns, found, consistent));
  });
  return { readings, complete, steps: counter.steps };
}
