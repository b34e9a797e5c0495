/**
 * Table 四 printed as one run of fewer than its fifteen values, with nothing written for
 * its blank cells (flat PDF text): the placements of the run's values, in order, into the
 * fifteen cells that its rows' sums allow (总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结;
 * see {@link addsUp} for a row with a blank). The search goes row by row and stops at its
 * step budget.
 */
import type { Cell } from "../types.js";
import { cellNumber } from "../text/cell-value.js";
import { newCounter, spent, type SearchCounter } from "../text/step-budget.js";
import { APPEAL_COLUMNS, APPEAL_ROWS } from "../template/templates.js";

/** Steps the search may take: every row's every choice of cells counts one (at most 3 × 2⁵ per path). */
export const APPEAL_PLACEMENT_BUDGET = 20_000;

/** The placements found, and whether the search ran to its end. */
export interface AppealPlacements {
  /** Each placement: the fifteen cells, row by row (null for a blank). */
  readings: Array<Array<Cell | null>>;
  complete: boolean;
}

const WIDTH = APPEAL_COLUMNS.length;
const TOTAL = APPEAL_COLUMNS.findIndex((c) => c.key === "total");
const FULL = (1 << WIDTH) - 1;

/** Every placement of `values` into the cells of table 四 whose rows add up. */
export function appealPlacements(values: readonly Cell[], counter: SearchCounter = newCounter(APPEAL_PLACEMENT_BUDGET, "appeal placement")): AppealPlacements {
  const readings: Array<Array<Cell | null>> = [];
  const numbers = values.map((c) => cellNumber(c) ?? 0);
  const placeRow = (row: number, from: number, cells: Array<Cell | null>): void => {
    if (spent(counter)) return;
    if (row === APPEAL_ROWS.length) {
      if (from === values.length) readings.push(cells);
      return;
    }
    const rowsLeft = APPEAL_ROWS.length - row - 1;
    for (let mask = 0; mask < 1 << WIDTH; mask++) {
      if (spent(counter)) return;
      const k = bitCount(mask);
      const left = values.length - from - k;
      if (left < 0 || left > rowsLeft * WIDTH) continue;
      counter.steps++;
      if (!addsUp(mask, numbers, from)) continue;
      placeRow(row + 1, from + k, [...cells, ...rowCells(mask, values, from)]);
    }
  };
  placeRow(0, 0, []);
  return { readings, complete: !spent(counter) };
}

/**
 * True when the row whose filled cells are `mask` (values from `from` on, in order) may add
 * up. A blank cell may hide any number (an organ that leaves 总计 blank, or a part, still
 * counts it), so only a full row is held to its sum; a row with a blank part only to its
 * printed parts not exceeding its 总计, and a row with a blank 总计 to nothing.
 */
function addsUp(mask: number, numbers: readonly number[], from: number): boolean {
  if (!(mask & (1 << TOTAL))) return true;
  let parts = 0;
  let total = 0;
  let at = from;
  for (let j = 0; j < WIDTH; j++) {
    if (!(mask & (1 << j))) continue;
    if (j === TOTAL) total = numbers[at]!;
    else parts += numbers[at]!;
    at++;
  }
  return mask === FULL ? parts === total : parts <= total;
}

/** The row's five cells: the values from `from` on in the cells of `mask`, the others blank. */
function rowCells(mask: number, values: readonly Cell[], from: number): Array<Cell | null> {
  const out: Array<Cell | null> = [];
  let at = from;
  for (let j = 0; j < WIDTH; j++) out.push(mask & (1 << j) ? values[at++]! : null);
  return out;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
