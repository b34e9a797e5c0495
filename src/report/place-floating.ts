/**
 * Short rows of table 二 and the numbers floating above the table: a converter that
 * could not place a multi-line cell (`22` + `（其中修订 16 件）`) writes it before the
 * table and leaves its row one cell short. Every placement that keeps the written order
 * is a reading; cells all readings agree on are kept, the others are ambiguous.
 */
import type { Cell } from "../types.js";
import { cellNumber } from "../text/cell-value.js";
import type { RowMatch } from "./align-rows.js";

/** The readings of one row: each a full list of cells (null where nothing is written). */
export interface RowReadings {
  match: RowMatch;
  readings: Array<Array<Cell | null>>;
}

/** All ways to interleave two ordered lists into `n` slots (nulls where neither goes). */
function interleavings(written: readonly Cell[], floating: readonly Cell[], n: number): Array<Array<Cell | null>> {
  const out: Array<Array<Cell | null>> = [];
  const slots: Array<Cell | null> = new Array(n).fill(null);
  const place = (pos: number, w: number, f: number) => {
    if (w === written.length && f === floating.length) {
      out.push([...slots]);
      return;
    }
    if (pos === n) return;
    const left = n - pos;
    const need = written.length - w + floating.length - f;
    if (w < written.length) {
      slots[pos] = written[w]!;
      place(pos + 1, w + 1, f);
    }
    if (f < floating.length) {
      slots[pos] = floating[f]!;
      place(pos + 1, w, f + 1);
    }
    if (left > need) {
      slots[pos] = null;
      place(pos + 1, w, f);
    }
    slots[pos] = null;
  };
  place(0, 0, 0);
  return out;
}

/** Distinct readings by the values they give. */
function distinct(readings: Array<Array<Cell | null>>): Array<Array<Cell | null>> {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.map((c) => cellNumber(c) ?? "∅").join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Give the floating numbers, in order, to the rows that are short of cells, in order —
 * only when there are exactly as many floating numbers as missing cells.
 * Returns the readings of each short row (rows that are not short are not returned).
 */
export function placeFloating(matches: readonly RowMatch[], floating: readonly Cell[]): RowReadings[] {
  const short = matches.filter((m) => m.row.values.length < m.spec.columns.length && m.row.values.length > 0);
  const missing = short.reduce((n, m) => n + m.spec.columns.length - m.row.values.length, 0);
  if (short.length === 0 || floating.length === 0 || missing !== floating.length) return [];
  let next = 0;
  return short.map((match) => {
    const n = match.spec.columns.length;
    const take = floating.slice(next, next + n - match.row.values.length);
    next += take.length;
    return { match, readings: distinct(interleavings(match.row.values, take, n)) };
  });
}

