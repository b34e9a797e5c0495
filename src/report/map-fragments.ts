/**
 * Map the readings of a fragmented table 三 (see {@link joinFragmentLabels}) and let the
 * table's sums confirm them: the reading whose values satisfy every sum of the template
 * (src/template/equations.ts) is taken; where several do and give a cell different values,
 * the cell is null with an `ambiguous-cell` diagnostic listing the readings; where none
 * does, the best-labelled reading is taken and each joined row in a failing sum is marked
 * `weak-label-match` (a finding over it is uncertain, never an error against the organ).
 */
import type { Cell, Diagnostic, Span } from "../types.js";
import { equationsOf, type Equation, type SumRule } from "../template/equations.js";
import { mapTables, type MappedTables } from "./map-tables.js";
import type { FragmentReading } from "./join-fragments.js";

const RULES: readonly SumRule[] = ["balance", "outcome-total", "row-total", "org-subtotal"];

/** The sums of table 三 that the values break (a sum with a null cell is not broken). */
function brokenSums(mapped: MappedTables): Equation[] {
  if (!mapped.template || !mapped.present.has("applications")) return [];
  const orgSubtotal = [...mapped.values].some(([p, v]) => p.endsWith(".orgSubtotal") && typeof v === "number");
  const shape = { template: mapped.template, orgSubtotal };
  const broken: Equation[] = [];
  for (const rule of RULES) {
    for (const eq of equationsOf(rule, shape)) {
      let parts = 0;
      let totals = 0;
      let complete = true;
      for (const p of eq.parts) {
        const v = mapped.values.get(p);
        if (typeof v === "number") parts += v;
        else complete = false;
      }
      for (const p of eq.totals) {
        const v = mapped.values.get(p);
        if (typeof v === "number") totals += v;
        else complete = false;
      }
      if (complete && Math.abs(parts - totals) > 1e-9) broken.push(eq);
    }
  }
  return broken;
}

/** The model paths read from cells inside a span. */
function pathsIn(mapped: MappedTables, span: Span): string[] {
  return Object.entries(mapped.locations)
    .filter(([, loc]) => loc.start >= span.start && loc.end <= span.end)
    .map(([path]) => path);
}

/** The row path (`applications.granted`) of a cell path. */
function rowOf(path: string): string {
  return path.slice(0, path.lastIndexOf("."));
}

/** Map the readings of the fragments (the best first) and choose among them by the table's sums. */
export function mapFragmentReadings(readings: readonly FragmentReading[], floating: readonly Cell[]): MappedTables {
  const results = readings.map((r) => mapTables(r.tables, floating));
  if (readings.every((r) => r.joined.length === 0)) return results[0]!;
  const broken = results.map(brokenSums);
  const fitting = results.filter((_, i) => broken[i]!.length === 0);
  if (fitting.length === 0) return unconfirmed(results[0]!, readings[0]!, broken[0]!);
  const chosen = fitting[0]!;
  if (fitting.length > 1) undecided(chosen, fitting);
  else if (results.length > 1) decidedBySums(chosen, readings[results.indexOf(chosen)]!);
  return chosen;
}

/** Several readings satisfy the sums: the cells they read differently are null, with the readings. */
function undecided(chosen: MappedTables, fitting: readonly MappedTables[]): void {
  const differing = [...chosen.values.keys()].filter((p) => fitting.some((r) => r.values.get(p) !== chosen.values.get(p)));
  const alternatives = fitting.map((r) => Object.fromEntries(differing.map((p) => [p, r.values.get(p) ?? null])));
  for (const path of differing) {
    const loc = chosen.locations[path];
    chosen.values.set(path, null);
    delete chosen.locations[path];
    const d: Diagnostic = {
      code: "ambiguous-cell",
      severity: "warning",
      path,
      alternatives,
      message: `表格外文字行上的标签可对应 ${fitting.length} 种行的读法，都符合表格的合计，${path} 留空 / the labels on text lines outside the table fit ${fitting.length} readings of the rows that all satisfy the table's sums; ${path} left null`,
    };
    if (loc) Object.assign(d, { start: loc.start, end: loc.end });
    chosen.diagnostics.push(d);
  }
}

/** One reading of several satisfies the sums: say so on the rows whose labels were joined. */
function decidedBySums(chosen: MappedTables, reading: FragmentReading): void {
  for (const span of reading.joined) {
    const paths = pathsIn(chosen, span);
    if (paths.length === 0) continue;
    const row = rowOf(paths[0]!);
    chosen.diagnostics.push({
      code: "repaired-by-arithmetic",
      severity: "info",
      path: row,
      start: span.start,
      end: span.end,
      message: `表格外文字行上的标签可对应几种行，按表格的合计读作 ${row} / the labels on text lines outside the table fit several rows; the table's sums read this row as ${row}`,
    });
  }
}

/** No reading satisfies the sums: the joined rows in a broken sum are marked as uncertain readings. */
function unconfirmed(chosen: MappedTables, reading: FragmentReading, broken: readonly Equation[]): MappedTables {
  const inBroken = new Set(broken.flatMap((eq) => eq.paths));
  for (const span of reading.joined) {
    const paths = pathsIn(chosen, span).filter((p) => inBroken.has(p));
    if (paths.length === 0) continue;
    const row = rowOf(paths[0]!);
    chosen.diagnostics.push({
      code: "weak-label-match",
      severity: "warning",
      path: row,
      start: span.start,
      end: span.end,
      message: `${row} 的标签取自表格外的文字行，表格的合计未能印证 / the label of ${row} was taken from text lines outside the table and the table's sums do not confirm it`,
    });
  }
  return chosen;
}
