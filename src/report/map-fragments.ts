/**
 * Map the readings of a fragmented table 三 (see {@link joinFragmentLabels}) and let the
 * table's sums decide between them: the one reading that fills every cell of every sum of
 * the template (src/template/equations.ts) and satisfies them all is taken; where several
 * do (or none does) and they give a cell different values, the cell is null with an
 * `ambiguous-cell` diagnostic listing the readings. A single reading is the labels' own:
 * the sums then check the report, not the reading.
 */
import type { Cell, Diagnostic } from "../types.js";
import { equationsOf, type SumRule } from "../template/equations.js";
import { mapTables, type MappedTables } from "./map-tables.js";
import type { FragmentReading } from "./join-fragments.js";

const RULES: readonly SumRule[] = ["balance", "outcome-total", "row-total", "org-subtotal"];

/** True when table 三 has every cell of every sum of its template and every sum holds. */
export function sumsHold(mapped: MappedTables): boolean {
  if (!mapped.template || !mapped.present.has("applications")) return false;
  const orgSubtotal = [...mapped.values].some(([p, v]) => p.endsWith(".orgSubtotal") && typeof v === "number");
  const shape = { template: mapped.template, orgSubtotal };
  const sum = (paths: readonly string[]) => {
    let total = 0;
    for (const p of paths) {
      const v = mapped.values.get(p);
      if (typeof v !== "number") return Number.NaN;
      total += v;
    }
    return total;
  };
  for (const rule of RULES) {
    for (const eq of equationsOf(rule, shape)) {
      const difference = sum(eq.parts) - sum(eq.totals);
      if (!(Math.abs(difference) < 1e-9)) return false;
    }
  }
  return true;
}

/** Map the readings of the fragments (the best first) and choose among them by the table's sums. */
export function mapFragmentReadings(readings: readonly FragmentReading[], floating: readonly Cell[]): MappedTables {
  const results = readings.map((r) => mapTables(r.tables, floating));
  if (results.length === 1) return results[0]!;
  const fitting = results.filter(sumsHold);
  if (fitting.length === 1) return fitting[0]!;
  const candidates = fitting.length > 1 ? fitting : results;
  undecided(candidates[0]!, candidates);
  return candidates[0]!;
}

/** The readings that the sums leave: the cells they read differently are null, with the readings. */
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
      message: `表格外文字行上的标签可对应 ${fitting.length} 种行的读法，表格的合计不能确定，${path} 留空 / the labels on text lines outside the table fit ${fitting.length} readings of the rows and the table's sums do not decide; ${path} left null`,
    };
    if (loc) Object.assign(d, { start: loc.start, end: loc.end });
    chosen.diagnostics.push(d);
  }
}
