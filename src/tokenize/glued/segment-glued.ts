/**
 * The segmenter of glued tables: cut every run of glued digits of a table into its
 * row's cells so that the table satisfies its own rules.
 *
 * - Each run is cut by {@link enumerateSplits} under its row's sum rules, the template's
 *   equations (`template/equations.ts`: row total = the six applicant columns, and 小计 =
 *   the five organisations where table 三 prints it; appeal total = its four parts);
 *   table 2 has no sum rule, only the digit rules (no leading zeros, signs only in
 *   本年增/减, decimals only in money) and, softly, figures the narrative states.
 * - Table 3's runs are then solved jointly: its column rules (一 + 二 = (七) + 四 and
 *   (七) = the outcome rows, per column), the template's `balance` and `outcome-total`
 *   equations, tie the rows together ({@link solveExact}).
 * - One solution: its cells are used, and an info diagnostic `recovered-by-arithmetic`
 *   names the cells that needed arithmetic. Several: the cells that differ are left
 *   blank with a warning `ambiguous-split` listing the readings. None (the report is
 *   itself wrong): the split breaking the fewest rules is used ({@link solveRelaxed})
 *   and a warning says which rules it breaks; validation reports them as usual.
 */
import type { Diagnostic, TableKind } from "../../types.js";
import { APPLICANT_COLUMNS_WITH_SUBTOTAL, isMoneyPath, isSignedPath, type ColumnSpec, type RowSpec } from "../../template/templates.js";
import { equationsOf, type ApplicationsShape, type Equation, type SumRule } from "../../template/equations.js";
import {
  countSplits,
  enumerateSplits,
  nearestSplits,
  pieceValueAt,
  piecesOf,
  sumError,
  type CellKind,
  type DigitRun,
  type RunCheck,
  type RunShape,
  type Split,
} from "./split-digits.js";
import { spent, type SearchCounter } from "../../text/step-budget.js";
import {
  activeEquations,
  brokenEquations,
  indexEquations,
  solveExact,
  solveRelaxed,
  type CellAt,
  type IndexedEquation,
  type Relaxed,
} from "./glued-csp.js";

/** One run of glued digits and the template rows it holds (table 4's one run holds three rows). */
export interface GluedUnit {
  rows: readonly RowSpec[];
  /** `null` when the row's label is followed by no digits. */
  run: DigitRun | null;
  /** Where cells without digits are placed (the end of the row's label). */
  at: number;
}

/** A table to segment. */
export interface GluedTableInput {
  kind: TableKind;
  units: readonly GluedUnit[];
  /** Figures the narrative states, by model path: a split that agrees is preferred. */
  hints?: ReadonlyMap<string, readonly number[]>;
  /**
   * Table 三's template and whether it prints a 小计 column (its rows then have eight cells).
   * Without it: the template its rows belong to, no 小计.
   */
  shape?: ApplicationsShape;
}

/** How a cell's value was settled. */
export type CellStatus = "exact" | "ambiguous" | "chosen" | "unparsed";

/** One value cell after segmentation. `text` is "" when the cell is blank or ambiguous. */
export interface SegmentedCell {
  path: string;
  value: number | null;
  text: string;
  start: number;
  end: number;
  status: CellStatus;
}

/** The segmented table: the cells of every unit, in order, and diagnostics. */
export interface SegmentedTable {
  cells: SegmentedCell[][];
  diagnostics: Diagnostic[];
}

const SPLIT_CAP = 4096;
const SOLUTION_CAP = 64;
const SHOWN_ALTERNATIVES = 64;

interface Prepared {
  unit: GluedUnit;
  paths: string[];
  shape: RunShape;
  /** Splits that obey every rule of the run itself. */
  splits: Split[];
  complete: boolean;
  /** How many splits the digit rules alone allow. */
  free: number;
  /** Paths whose value a narrative figure settled. */
  hinted: string[];
}

function kindOf(path: string): CellKind {
  return isMoneyPath(path) ? "money" : isSignedPath(path) ? "signed" : "count";
}

/** The cells of a unit's rows: their paths, and the run shapes with and without blank markers in the run. */
interface UnitShape {
  paths: string[];
  /** Sum rules apply (no blank marker in the run). */
  summed: RunShape;
  /** A blank marker in the run: no sum rule. */
  blank: RunShape;
  /** Identifies `summed` / `blank` among the shapes of a table (same key, same splits of the same digits). */
  summedKey: string;
  blankKey: string;
}

const unitShapes = new Map<string, WeakMap<object, UnitShape>>();

/** The sum rules of one row's own cells, by table. */
const ROW_RULES: Partial<Record<TableKind, readonly SumRule[]>> = { applications: ["row-total", "org-subtotal"], appeals: ["appeal-total"] };

/** The columns of a row as the table prints them: table 三's with 小计 when it has one. */
function columnsOf(kind: TableKind, row: RowSpec, orgSubtotal: boolean): readonly ColumnSpec[] {
  return kind === "applications" && orgSubtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : row.columns;
}

/** The template's sums of one row (`applications.granted`: its 总计, and its 小计 when printed). */
function rowSums(kind: TableKind, row: RowSpec, orgSubtotal: boolean): Equation[] {
  const subject = `${kind}.${row.path}`;
  const shape: ApplicationsShape = { template: row.templates[0]!, orgSubtotal };
  return (ROW_RULES[kind] ?? []).flatMap((rule) => equationsOf(rule, shape).filter((eq) => eq.subject === subject));
}

/**
 * A row sum as a rule of the run: a sum group when its parts are consecutive cells with the
 * total right after them (the enumeration is driven by it), else a check of whole splits.
 */
function addRowSum(eq: Equation, paths: readonly string[], groups: RunShape["groups"][number][], checks: RunCheck[]): void {
  const parts = eq.parts.map((p) => paths.indexOf(p));
  const total = paths.indexOf(eq.totals[0]!);
  const first = parts[0]!;
  if (parts.every((c, i) => c === first + i) && total === first + parts.length) groups.push({ first, size: parts.length + 1 });
  else checks.push({ parts, total });
}

/** The shape of a unit's rows, built once per template row (or row list) and 小计 column. */
function unitShape(kind: TableKind, rows: readonly RowSpec[], orgSubtotal: boolean): UnitShape {
  const tableKey = `${kind}/${orgSubtotal ? 1 : 0}`;
  let byRows = unitShapes.get(tableKey);
  if (!byRows) unitShapes.set(tableKey, (byRows = new WeakMap()));
  const id: object = rows.length === 1 ? rows[0]! : rows;
  let shape = byRows.get(id);
  if (!shape) {
    const paths: string[] = [];
    const groups: Array<{ first: number; size: number }> = [];
    const checks: RunCheck[] = [];
    for (const row of rows) {
      for (const col of columnsOf(kind, row, orgSubtotal)) paths.push(`${kind}.${row.path}.${col.key}`);
      for (const eq of rowSums(kind, row, orgSubtotal)) addRowSum(eq, paths, groups, checks);
    }
    const kinds = paths.map(kindOf);
    const kindsKey = kinds.join(",");
    const checksKey = checks.map((c) => `${c.parts.join("+")}=${c.total}`).join(",");
    shape = {
      paths,
      summed: checks.length > 0 ? { kinds, groups, checks } : { kinds, groups },
      blank: { kinds, groups: [] },
      summedKey: `${kindsKey}|${groups.map((g) => `${g.first}+${g.size}`).join(",")}${checks.length > 0 ? `|${checksKey}` : ""}`,
      blankKey: `${kindsKey}|`,
    };
    byRows.set(id, shape);
  }
  return shape;
}

function shapeOf(kind: TableKind, rows: readonly RowSpec[], run: DigitRun | null, orgSubtotal: boolean): { paths: string[]; shape: RunShape; key: string } {
  const unit = unitShape(kind, rows, orgSubtotal);
  const hasBlank = run?.chunks.some((c) => c.blank) ?? false;
  return hasBlank ? { paths: unit.paths, shape: unit.blank, key: unit.blankKey } : { paths: unit.paths, shape: unit.summed, key: unit.summedKey };
}

/** The splits of a run under a shape, how many the digit rules alone allow, and the steps spent finding them. */
interface Enumerated {
  splits: Split[];
  complete: boolean;
  free: number;
  steps: number;
}

/**
 * {@link enumerateSplits} and {@link countSplits} of a run, shared by the runs of a table with the
 * same digits and shape: a repeat costs the same steps (and is searched again when those
 * steps would pass the budget, so the budget stops it exactly where it did).
 */
function enumerated(run: DigitRun, shape: RunShape, key: string, counter: SearchCounter, memo: Map<string, Map<string, Enumerated>>): Enumerated {
  let byText = memo.get(key);
  if (!byText) memo.set(key, (byText = new Map()));
  const known = byText.get(run.text);
  if (known && counter.steps + known.steps <= counter.budget) {
    counter.steps += known.steps;
    return known;
  }
  const before = counter.steps;
  const found = enumerateSplits(run, shape, counter, SPLIT_CAP);
  const result = { splits: found.splits, complete: found.complete, free: countSplits(run, shape.kinds), steps: counter.steps - before };
  if (counter.steps <= counter.budget) byText.set(run.text, result);
  return result;
}

function prepare(input: GluedTableInput, unit: GluedUnit, counter: SearchCounter, memo: Map<string, Map<string, Enumerated>>): Prepared {
  const { kind, hints } = input;
  const { paths, shape, key } = shapeOf(kind, unit.rows, unit.run, input.shape?.orgSubtotal ?? false);
  if (!unit.run) return { unit, paths, shape, splits: [], complete: true, free: 0, hinted: [] };
  const found = enumerated(unit.run, shape, key, counter, memo);
  const { splits, hinted } = applyHints(found.splits, paths, hints);
  return { unit, paths, shape, splits, complete: found.complete, free: found.free, hinted };
}

/** Keep the splits that agree with the most narrative figures (all of them when none agrees). */
function applyHints(splits: Split[], paths: readonly string[], hints: GluedTableInput["hints"]): { splits: Split[]; hinted: string[] } {
  if (!hints || hints.size === 0 || splits.length < 2) return { splits, hinted: [] };
  const agree = (s: Split) => paths.filter((p, i) => hints.get(p)?.includes(s.values[i] as number) ?? false);
  let best = 0;
  for (const s of splits) best = Math.max(best, agree(s).length);
  if (best === 0) return { splits, hinted: [] };
  const kept = splits.filter((s) => agree(s).length === best);
  return { splits: kept, hinted: [...new Set(kept.flatMap(agree))] };
}

/**
 * Segment one glued table. Never throws; spends steps on `counter` and stops when its
 * budget is spent (cells not settled by then are left blank, with a diagnostic).
 */
export function segmentGluedTable(input: GluedTableInput, counter: SearchCounter): SegmentedTable {
  const memo = new Map<string, Map<string, Enumerated>>();
  const prepared = input.units.map((u) => prepare(input, u, counter, memo));
  const out: SegmentedTable = { cells: prepared.map(blankCells), diagnostics: [] };
  const recovered: number[] = [];
  if (input.kind === "applications") solveJoint(prepared, applicationsShape(input), out, recovered, counter);
  else prepared.forEach((p, u) => solveAlone(p, u, out, recovered, counter));
  prepared.forEach((p, u) => {
    if (!p.unit.run || !out.cells[u]!.every((c) => c.status === "unparsed")) return;
    // splits found but none written, or a search stopped: the budget ran out first, cell by cell
    if (p.splits.length === 0 && p.complete && !spent(counter)) out.diagnostics.push(unparsed(p));
    else out.diagnostics.push(...p.paths.map((path) => budgetDiagnostic(p.unit.run!, path)));
  });
  if (recovered.length > 0) out.diagnostics.push(recoveredDiagnostic(prepared, recovered, out));
  return out;
}

function blankCells(p: Prepared): SegmentedCell[] {
  const at = p.unit.run?.start ?? p.unit.at;
  const end = p.unit.run?.end ?? p.unit.at;
  return p.paths.map((path) => ({ path, value: null, text: "", start: at, end, status: "unparsed" }));
}

/** Table 2 rows and table 4: each run on its own. */
function solveAlone(p: Prepared, u: number, out: SegmentedTable, recovered: number[], counter: SearchCounter): void {
  if (!p.unit.run) return;
  if (p.splits.length > 0) {
    const solutions = p.splits.map((_, i) => [i]);
    settle([p], [u], solutions, p.complete, null, out);
    if (out.cells[u]!.every((c) => c.status === "exact") && (p.free > 1 || p.hinted.length > 0)) recovered.push(u);
    return;
  }
  if (p.shape.groups.length === 0 || !p.complete) return;
  const near = nearestSplits(p.unit.run, p.shape, counter);
  if (near.splits.length === 0) return;
  const costs = [near.splits.map(() => 1)];
  const vars = [near.splits.map((s) => s.values)];
  const relaxed = solveRelaxed(vars, costs, [], counter);
  choose([{ ...p, splits: near.splits }], [u], relaxed, [], out, spent(counter));
}

/** Table 3: all runs at once, tied by the column rules. */
function solveJoint(prepared: Prepared[], shape: ApplicationsShape, out: SegmentedTable, recovered: number[], counter: SearchCounter): void {
  const members = prepared.map((_, u) => u).filter((u) => prepared[u]!.unit.run && prepared[u]!.complete);
  const overflow = prepared.map((_, u) => u).filter((u) => prepared[u]!.unit.run && !prepared[u]!.complete);
  for (const u of overflow) settle([prepared[u]!], [u], prepared[u]!.splits.map((_, i) => [i]), false, null, out);
  const strict = members.filter((u) => prepared[u]!.splits.length > 0);
  if (strict.length === members.length && strict.length > 0) {
    const units = strict.map((u) => prepared[u]!);
    const vars = units.map((p) => p.splits.map((s) => s.values));
    const equations = activeEquations(applicationEquations(units, shape), vars);
    const sol = solveExact(vars, equations, counter, SOLUTION_CAP);
    if (sol.list.length > 0 || !sol.complete) {
      settle(units, strict, sol.list, sol.complete, sol.root, out);
      for (const u of strict) {
        if (prepared[u]!.free > 1 && out.cells[u]!.every((c) => c.status === "exact")) recovered.push(u);
      }
      return;
    }
  }
  relaxJoint(prepared, members, shape, out, counter);
}

/** No split satisfies every rule: use the one that breaks the fewest. */
function relaxJoint(prepared: Prepared[], members: number[], shape: ApplicationsShape, out: SegmentedTable, counter: SearchCounter): void {
  const units: Prepared[] = [];
  const index: number[] = [];
  const costs: number[][] = [];
  for (const u of members) {
    const p = prepared[u]!;
    if (p.splits.length > 0) {
      units.push(p);
      costs.push(p.splits.map(() => 0));
    } else {
      const near = nearestSplits(p.unit.run!, p.shape, counter);
      if (near.splits.length === 0) continue;
      units.push({ ...p, splits: near.splits });
      costs.push(near.splits.map((s) => (sumError(s.values, p.shape) > 0 ? 1 : 0)));
    }
    index.push(u);
  }
  if (units.length === 0) return;
  const vars = units.map((p) => p.splits.map((s) => s.values));
  const equations = activeEquations(applicationEquations(units, shape), vars);
  const relaxed = solveRelaxed(vars, costs, equations, counter);
  choose(units, index, relaxed, equations, out, spent(counter));
}

/** Write the cells of a component from its solutions: equal everywhere → value; else blank + ambiguity. */
function settle(
  units: readonly Prepared[],
  index: readonly number[],
  solutions: readonly number[][],
  complete: boolean,
  root: number[][] | null,
  out: SegmentedTable,
): void {
  const ambiguous: Array<{ k: number; c: number }> = [];
  units.forEach((p, k) => {
    const seen = complete ? solutions.map((s) => s[k]!) : (root?.[k] ?? p.splits.map((_, i) => i));
    const chosen = [...new Set(seen)].map((i) => p.splits[i]!);
    if (chosen.length === 0) return;
    const cells = out.cells[index[k]!]!;
    for (let c = 0; c < p.paths.length; c++) {
      if (!settleCell(p.unit.run!, chosen, c, cells[c]!, complete || root !== null)) ambiguous.push({ k, c });
    }
  });
  if (ambiguous.length === 0) return;
  const { records: readings, lines } = readingsOf(units, solutions, ambiguous);
  const listed = { shown: readings.slice(0, SHOWN_ALTERNATIVES), list: lines.join("; ") };
  for (const { k, c } of ambiguous) out.diagnostics.push(ambiguityDiagnostic(units[k]!, c, readings, listed, complete));
}

/**
 * Write cell `c` from the splits a unit may take: its value when they agree on it (and the
 * search settled), else blank; the span covers every reading. False when the cell stays ambiguous.
 */
function settleCell(run: DigitRun, chosen: readonly Split[], c: number, cell: SegmentedCell, settled: boolean): boolean {
  let start = Infinity;
  let end = -Infinity;
  let value: number | null = null;
  let agree = true;
  let same = true;
  for (let j = 0; j < chosen.length; j++) {
    const a = chosen[j]!.cuts[c]!;
    const b = chosen[j]!.cuts[c + 1]!;
    const s = run.points[a]!.start;
    const e = run.points[b]!.end;
    const v = pieceValueAt(run, a, b);
    if (j === 0) value = v;
    else {
      if (v !== value) agree = false;
      if (s !== run.points[chosen[0]!.cuts[c]!]!.start || e !== run.points[chosen[0]!.cuts[c + 1]!]!.end) same = false;
    }
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  cell.start = start;
  cell.end = end;
  if (agree && settled) {
    cell.value = value;
    cell.text = same ? run.text.slice(start - run.start, end - run.start) : String(value);
    cell.status = "exact";
    return true;
  }
  cell.value = null;
  cell.text = "";
  cell.status = "ambiguous";
  return false;
}

/** The distinct readings of the ambiguous cells, as `{path: value}` records. */
function alternativesOf(units: readonly Prepared[], solutions: readonly number[][], cells: ReadonlyArray<{ k: number; c: number }>): Array<Record<string, number | null>> {
  return readingsOf(units, solutions, cells).records;
}

/** Distinct readings as records, and the first {@link SHOWN_ALTERNATIVES} as listed in messages (`v1/v2/…`). */
interface Readings {
  records: Array<Record<string, number | null>>;
  lines: string[];
}

function readingsOf(units: readonly Prepared[], solutions: readonly number[][], cells: ReadonlyArray<{ k: number; c: number }>): Readings {
  const seen = new Set<string>();
  const records: Array<Record<string, number | null>> = [];
  const lines: string[] = [];
  const values: Array<number | null> = [];
  for (const s of solutions) {
    // the values in cell order tell readings apart as the records' JSON would (paths are distinct)
    let key = "";
    for (let j = 0; j < cells.length; j++) {
      const { k, c } = cells[j]!;
      values[j] = units[k]!.splits[s[k]!]!.values[c] ?? null;
      key += `${values[j]},`;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const rec: Record<string, number | null> = {};
    for (let j = 0; j < cells.length; j++) rec[units[cells[j]!.k]!.paths[cells[j]!.c]!] = values[j]!;
    records.push(rec);
    if (lines.length < SHOWN_ALTERNATIVES) lines.push(values.map(fmt).join("/"));
  }
  return { records, lines };
}

/** The readings as listed in messages (the first {@link SHOWN_ALTERNATIVES}), worked out once for every cell they concern. */
interface ListedReadings {
  shown: Array<Record<string, number | null>>;
  list: string;
}

function listReadings(readings: Array<Record<string, number | null>>): ListedReadings {
  const shown = readings.slice(0, SHOWN_ALTERNATIVES);
  return { shown, list: shown.map((r) => Object.values(r).map(fmt).join("/")).join("; ") };
}

function ambiguityDiagnostic(p: Prepared, c: number, readings: Array<Record<string, number | null>>, listed: ListedReadings, complete: boolean): Diagnostic {
  const run = p.unit.run!;
  const path = p.paths[c]!;
  const mine = readings.filter((r) => path in r);
  // every reading names every ambiguous cell, so `mine` is all of them and the list is shared
  const { shown, list } = mine.length === readings.length ? { shown: listed.shown.slice(), list: listed.list } : listReadings(mine);
  const more = mine.length > shown.length || !complete ? "（未列全 / not all listed）" : "";
  const hinted = p.hinted.length > 0 ? `；叙述文字给出 ${p.hinted.join(", ")} / the narrative settles ${p.hinted.join(", ")}` : "";
  // no reading at all: the search ran out of steps before it found one
  if (mine.length === 0) return budgetDiagnostic(run, path);
  const message =
    `粘连数字“${run.text}”有 ${mine.length}${more} 种拆分符合表格规则，${path} 留空${hinted} / ` +
    `the glued digits "${run.text}" split in ${mine.length}${complete ? "" : "+"} ways that satisfy the table's rules; ${path} left blank: ${list}`;
  return { code: "ambiguous-split", severity: "warning", path, start: run.start, end: run.end, alternatives: shown, message };
}

/** A cell of a run left blank because the search ran out of steps before it settled the cell. */
function budgetDiagnostic(run: DigitRun, path: string): Diagnostic {
  return {
    code: "ambiguous-split",
    severity: "warning",
    path,
    start: run.start,
    end: run.end,
    alternatives: [],
    message: `搜索步数用尽，粘连数字“${run.text}”中 ${path} 未能确定，留空 / the search budget ran out before ${path} of the glued digits "${run.text}" was settled; left blank`,
  };
}

/**
 * Use the first (most plausible) of the best relaxed choices, and say which rules it breaks.
 * A search cut short (its step limit, or the report's budget spent on the way) proves no
 * choice best: the cells stay blank, each with a diagnostic.
 */
function choose(
  units: readonly Prepared[],
  index: readonly number[],
  relaxed: Relaxed,
  equations: readonly IndexedEquation[],
  out: SegmentedTable,
  budgetSpent: boolean,
): void {
  const best = relaxed.best;
  const choice = best[0];
  if (!choice) return;
  if (!relaxed.complete || budgetSpent) {
    units.forEach((p, k) => {
      for (const cell of out.cells[index[k]!]!) cell.status = "ambiguous";
      out.diagnostics.push(...p.paths.map((path) => budgetDiagnostic(p.unit.run!, path)));
    });
    return;
  }
  units.forEach((p, k) => {
    const pieces = piecesOf(p.unit.run!, p.splits[choice[k]!]!);
    p.paths.forEach((path, c) => {
      const piece = pieces[c]!;
      Object.assign(out.cells[index[k]!]![c]!, { path, value: piece.value, text: piece.text, start: piece.start, end: piece.end, status: "chosen" });
    });
  });
  // the equations read only the chosen candidates: one per unit
  const chosen = units.map((p, k) => [p.splits[choice[k]!]!.values]);
  const brokenRules = brokenEquations(units.map(() => 0), chosen, equations);
  const broken = brokenRules.map((e) => `${e.rule} ${e.subject}`);
  units.forEach((p, k) => {
    const values = p.splits[choice[k]!]!.values;
    if (sumError(values, p.shape) > 0) broken.push(...brokenRowSums(p, values));
  });
  const differing = tiedCells(units, best);
  const alternatives = alternativesOf(units, best, differing).slice(0, SHOWN_ALTERNATIVES);
  const runs = units.map((p) => p.unit.run!);
  const first = brokenRules[0]?.paths[0] ?? units.find((p, k) => sumError(p.splits[choice[k]!]!.values, p.shape) > 0)?.paths[0];
  out.diagnostics.push({
    code: "recovered-by-arithmetic",
    severity: "warning",
    path: first ?? units[0]!.paths[0],
    start: Math.min(...runs.map((r) => r.start)),
    end: Math.max(...runs.map((r) => r.end)),
    ...(differing.length > 0 ? { alternatives } : {}),
    message:
      `没有一种拆分能满足全部表格规则；采用违反规则最少（${broken.length} 条）的拆分：${broken.join("; ")} / ` +
      `no split of the glued digits satisfies every rule of the table; the split used breaks the fewest (${broken.length}): ${broken.join("; ")}` +
      (differing.length > 0 ? `; equally good readings differ in ${differing.map((d) => units[d.k]!.paths[d.c]).join(", ")}` : ""),
  });
}

/**
 * The row sums a unit's split breaks, as `rule subject`: table 三's 总计 and 小计 by name;
 * table 4's one run as `appeal-total` of its first row.
 */
function brokenRowSums(p: Prepared, values: ReadonlyArray<number | null>): string[] {
  const row = p.paths[0]!.replace(/\.[^.]+$/, "");
  if (p.unit.rows.length !== 1) return [`appeal-total ${row}`];
  const orgSubtotal = p.paths.some((path) => path.endsWith(".orgSubtotal"));
  const cell = (path: string) => values[p.paths.indexOf(path)];
  const sums = rowSums("applications", p.unit.rows[0]!, orgSubtotal).filter((eq) => {
    const total = cell(eq.totals[0]!);
    let parts = 0;
    for (const part of eq.parts) parts += cell(part) ?? 0;
    return typeof total === "number" && eq.parts.every((part) => typeof cell(part) === "number") && parts !== total;
  });
  return sums.map((eq) => `${eq.rule} ${eq.subject}`);
}

function tiedCells(units: readonly Prepared[], best: readonly number[][]): Array<{ k: number; c: number }> {
  const out: Array<{ k: number; c: number }> = [];
  units.forEach((p, k) => {
    p.paths.forEach((_, c) => {
      const first = p.splits[best[0]![k]!]!.values[c];
      if (best.some((s) => p.splits[s[k]!]!.values[c] !== first)) out.push({ k, c });
    });
  });
  return out;
}

/** Table 三's shape as given, or the template its rows belong to and no 小计. */
function applicationsShape(input: GluedTableInput): ApplicationsShape {
  if (input.shape) return input.shape;
  const only2019 = input.units.some((u) => u.rows.some((r) => !r.templates.includes("2021")));
  return { template: only2019 ? "2019" : "2021", orgSubtotal: false };
}

const columnEquationLists = new Map<string, readonly Equation[]>();

/**
 * Table 三's column rules, per column: its balance (一 + 二 = (七) + 四), then its outcome
 * total ((七) = the outcome rows), the order the joint search checks them in.
 */
function columnEquations(shape: ApplicationsShape): readonly Equation[] {
  const key = `${shape.template}/${shape.orgSubtotal ? 1 : 0}`;
  let list = columnEquationLists.get(key);
  if (!list) {
    const outcome = equationsOf("outcome-total", shape);
    list = equationsOf("balance", shape).flatMap((balance) => [balance, ...outcome.filter((eq) => eq.subject === balance.subject)]);
    columnEquationLists.set(key, list);
  }
  return list;
}

/**
 * Table 三's column rules over the runs present, in index form. An equation needs every
 * cell it reads: the outcome total every outcome row of the template (the 2019 template has
 * `otherHandling.all`, the 2021 template its three rows).
 */
function applicationEquations(units: readonly Prepared[], shape: ApplicationsShape): IndexedEquation[] {
  const at = new Map<string, CellAt>();
  units.forEach((p, unit) => p.paths.forEach((path, cell) => at.set(path, { unit, cell })));
  return indexEquations(columnEquations(shape), (path) => at.get(path));
}

function unparsed(p: Prepared): Diagnostic {
  const run = p.unit.run!;
  const row = p.paths[0]!.replace(/\.[^.]+$/, "");
  return {
    code: "unparsed-cell",
    severity: "warning",
    path: row,
    start: run.start,
    end: run.end,
    message: `粘连数字“${run.text}”无法拆成 ${p.paths.length} 个单元格，记为空 / the glued digits "${run.text}" cannot be cut into the row's ${p.paths.length} cells; null`,
  };
}

function recoveredDiagnostic(prepared: readonly Prepared[], recovered: readonly number[], out: SegmentedTable): Diagnostic {
  const parts: string[] = [];
  const runs: DigitRun[] = [];
  for (const u of recovered) {
    const p = prepared[u]!;
    runs.push(p.unit.run!);
    const cells = out.cells[u]!.map((c) => `${c.path}=${fmt(c.value)}`).join(", ");
    parts.push(p.hinted.length > 0 && p.free > 1 ? `${cells} (narrative: ${p.hinted.join(", ")})` : cells);
  }
  return {
    code: "recovered-by-arithmetic",
    severity: "info",
    path: out.cells[recovered[0]!]![0]!.path,
    start: Math.min(...runs.map((r) => r.start)),
    end: Math.max(...runs.map((r) => r.end)),
    message: `粘连数字按表格勾稽关系唯一拆分 / glued digits split the only way the table's rules allow: ${parts.join("; ")}`,
  };
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : String(v);
}
