import { describe, expect, it } from "vitest";
import { appealPlacements } from "../../src/report/appeal-placements.js";
import { newCounter } from "../../src/text/step-budget.js";
import type { Cell } from "../../src/types.js";

const cells = (numbers: readonly number[]): Cell[] => numbers.map((n, i) => ({ text: String(n), start: i * 3, end: i * 3 + 1, rowSpan: 1, colSpan: 1 }));
const numbersOf = (reading: ReadonlyArray<Cell | null>) => reading.map((c) => (c ? Number(c.text) : null));

describe("appealPlacements", () => {
  it("a full run has the one placement, in order", () => {
    const run = [1, 2, 0, 0, 3, 4, 0, 0, 1, 5, 0, 0, 0, 0, 0];
    const { readings, complete } = appealPlacements(cells(run));
    expect(complete).toBe(true);
    expect(readings.map(numbersOf)).toEqual([run]);
  });

  it("a blank 总计 may hide any number: the printed reading is among the placements, and not alone", () => {
    // 行政复议 printed 0 4 0 4 with its 总计 (8) blank; the two other rows are full
    const { readings, complete } = appealPlacements(cells([0, 4, 0, 4, 8, 7, 9, 0, 24, 0, 5, 0, 0, 5]));
    expect(complete).toBe(true);
    const all = readings.map(numbersOf);
    expect(all).toContainEqual([0, 4, 0, 4, null, 8, 7, 9, 0, 24, 0, 5, 0, 0, 5]);
    // 0 4 0 4 8 adds up as a full 行政复议 row too, and 24 may stand in a blank 总计's place
    expect(all).toContainEqual([0, 4, 0, 4, 8, 7, 9, 0, 24, null, 0, 5, 0, 0, 5]);
  });

  it("a full row that does not add up is no placement", () => {
    const { readings } = appealPlacements(cells([1, 1, 1, 1, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(readings).toEqual([]);
  });

  it("stops at its budget and says it did not finish", () => {
    const counter = newCounter(10, "appeal placement");
    const { complete } = appealPlacements(cells([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), counter);
    expect(complete).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual(11);
  });
});
