import { describe, expect, it } from "vitest";
import { activeEquations, brokenEquations, indexEquations, solveExact, solveRelaxed, type IndexedEquation, type Term } from "../../../src/tokenize/glued/glued-csp.js";
import { newCounter } from "../../../src/text/step-budget.js";

/** An equation over cell 0 of the variables, `subject` naming it in tests. */
function equation(subject: string, terms: Term[]): IndexedEquation {
  return { rule: "balance", subject, parts: [], totals: [], paths: [], terms };
}

/** x0 + x1 = x2 over cell 0 of three variables. */
const SUM = equation("sum", [
  { unit: 0, cell: 0, coef: 1 },
  { unit: 1, cell: 0, coef: 1 },
  { unit: 2, cell: 0, coef: -1 },
]);

describe("solveExact", () => {
  it("lists every choice that satisfies the equations", () => {
    const vars = [[[1], [2]], [[3], [10]], [[4], [5], [30]]];
    const sol = solveExact(vars, [SUM], newCounter());
    expect(sol.complete).toBe(true);
    expect(sol.list.sort()).toEqual([
      [0, 0, 0],
      [1, 0, 1],
    ]);
  });

  it("removes candidates no choice can balance before searching", () => {
    const vars = [[[1], [2]], [[3]], [[4], [100]]];
    const sol = solveExact(vars, [SUM], newCounter());
    expect(sol.root).toEqual([[0], [0], [0]]);
    expect(sol.list).toEqual([[0, 0, 0]]);
  });

  it("returns no solution when the equations cannot hold", () => {
    const sol = solveExact([[[1]], [[1]], [[5]]], [SUM], newCounter());
    expect(sol).toMatchObject({ list: [], complete: true });
  });

  it("stops at the cap and says so", () => {
    const many = Array.from({ length: 10 }, (_, i) => [i]);
    const sol = solveExact([many, many, many], [], newCounter(), 5);
    expect(sol.list).toHaveLength(5);
    expect(sol.complete).toBe(false);
  });
});

describe("solveRelaxed", () => {
  it("finds the choice breaking the fewest equations, candidate costs included", () => {
    const second = equation("same", [
      { unit: 0, cell: 0, coef: 1 },
      { unit: 1, cell: 0, coef: -1 },
    ]);
    // x0 = 3 keeps x0 = x1 but no x2 makes the sum; x0 = 1 breaks both
    const vars = [[[1], [3]], [[3]], [[5], [7]]];
    const relaxed = solveRelaxed(vars, [[0, 0], [0], [0, 0]], [SUM, second], newCounter());
    expect(relaxed.cost).toBe(1);
    expect(relaxed.best).toEqual([
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect(brokenEquations(relaxed.best[0]!, vars, [SUM, second]).map((e) => e.subject)).toEqual(["sum"]);
    const costly = solveRelaxed(vars, [[0, 5], [0], [0, 0]], [SUM, second], newCounter());
    expect(costly.cost).toBe(2);
    expect(costly.best[0]).toEqual([0, 0, 0]);
  });

  it("spends at most its step limit", () => {
    const vars = Array.from({ length: 20 }, () => [[1], [2], [3]]);
    const counter = newCounter();
    const relaxed = solveRelaxed(vars, vars.map(() => [0, 0, 0]), [], counter, 8, 1000);
    expect(counter.steps).toBeLessThanOrEqual(1000 + 1);
    expect(relaxed.best.length).toBeGreaterThan(0);
  });
});

describe("activeEquations", () => {
  it("drops equations over a blank cell or a missing variable", () => {
    expect(activeEquations([SUM], [[[1]], [[null]], [[1]]])).toEqual([]);
    expect(activeEquations([SUM], [[[1]], null, [[1]]])).toEqual([]);
    expect(activeEquations([SUM], [[[1]], [[2]], [[3]]])).toEqual([SUM]);
  });
});

describe("indexEquations", () => {
  const balance = { rule: "balance" as const, subject: "x", totals: ["t", "f"], parts: ["n", "o"], paths: ["t", "f", "n", "o"] };
  const cells: Record<string, { unit: number; cell: number }> = { t: { unit: 2, cell: 1 }, f: { unit: 3, cell: 1 }, n: { unit: 0, cell: 1 }, o: { unit: 1, cell: 1 } };

  it("writes a template equation over the variables: totals +1, parts −1", () => {
    const [eq, ...rest] = indexEquations([balance], (p) => cells[p]);
    expect(rest).toEqual([]);
    expect(eq).toMatchObject({ rule: "balance", subject: "x", paths: ["t", "f", "n", "o"] });
    expect(eq!.terms).toEqual([
      { unit: 2, cell: 1, coef: 1 },
      { unit: 3, cell: 1, coef: 1 },
      { unit: 0, cell: 1, coef: -1 },
      { unit: 1, cell: 1, coef: -1 },
    ]);
  });

  it("leaves out an equation a cell of which no variable holds", () => {
    expect(indexEquations([balance], (p) => (p === "o" ? undefined : cells[p]))).toEqual([]);
  });
});
