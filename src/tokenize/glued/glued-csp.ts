/**
 * The joint search over the candidate splits of a table's runs: every run is a
 * variable whose values are its candidate splits, and the table's column rules are
 * linear equations over the cells of several runs (一 + 二 = (七) + 四, (七) = the
 * outcome rows …). Bounds propagation removes splits that no choice of the other
 * runs can balance; a depth-first search then lists the solutions up to a cap.
 * When no solution exists, a branch-and-bound search finds the choice that breaks
 * the fewest equations.
 */
import type { SearchCounter } from "../../text/step-budget.js";
import type { Equation } from "../../template/equations.js";

/** Where a cell is among the variables: cell `cell` of the values of variable `unit`. */
export interface CellAt {
  unit: number;
  cell: number;
}

/** One term of an equation: `coef × value of cell `cell` of variable `unit``. */
export interface Term extends CellAt {
  coef: 1 | -1;
}

/** A template equation over the variables: its cells as terms, `Σ terms = 0` (totals `+1`, parts `−1`). */
export interface IndexedEquation extends Equation {
  terms: readonly Term[];
}

/**
 * The template equations whose every cell some variable holds, in index form, in their
 * order; `at` tells where a cell (by model path) is, `undefined` when no variable holds it.
 */
export function indexEquations(equations: readonly Equation[], at: (path: string) => CellAt | undefined): IndexedEquation[] {
  const out: IndexedEquation[] = [];
  for (const eq of equations) {
    const terms: Term[] = [];
    for (const path of eq.paths) {
      const cell = at(path);
      if (cell === undefined) break;
      terms.push({ unit: cell.unit, cell: cell.cell, coef: terms.length < eq.totals.length ? 1 : -1 });
    }
    if (terms.length === eq.paths.length) out.push({ ...eq, terms });
  }
  return out;
}

/** A variable's candidate values: one number (or null) per cell, per candidate. */
export type Candidates = ReadonlyArray<ReadonlyArray<number | null>>;

/** The solutions found: one candidate index per variable. */
export interface Solutions {
  list: number[][];
  /** False when the cap or the step budget stopped the search. */
  complete: boolean;
  /** The domains after propagation at the root (a superset of every solution's choice). */
  root: number[][] | null;
}

function valueOf(cands: ReadonlyArray<Candidates>, unit: number, index: number, cell: number): number {
  return cands[unit]?.[index]?.[cell] ?? 0;
}

/** Keep only equations whose every cell is a number in every candidate. */
export function activeEquations(equations: readonly IndexedEquation[], vars: ReadonlyArray<Candidates | null>): IndexedEquation[] {
  return equations.filter((eq) =>
    eq.terms.every((t) => {
      const c = vars[t.unit];
      return c !== null && c !== undefined && c.length > 0 && c.every((v) => typeof v[t.cell] === "number");
    }),
  );
}

/** Remove candidates no choice of the others can balance. False when a domain empties. */
function propagate(domains: number[][], vars: ReadonlyArray<Candidates>, equations: readonly IndexedEquation[], counter: SearchCounter): boolean {
  let width = 0;
  for (const eq of equations) width = Math.max(width, eq.terms.length);
  const mins = new Float64Array(width);
  const maxs = new Float64Array(width);
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      if (counter.steps > counter.budget) return true;
      let lo = 0;
      let hi = 0;
      for (let k = 0; k < eq.terms.length; k++) {
        const t = eq.terms[k]!;
        const dom = domains[t.unit]!;
        let mn = Infinity;
        let mx = -Infinity;
        for (let j = 0; j < dom.length; j++) {
          const v = t.coef * valueOf(vars, t.unit, dom[j]!, t.cell);
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
        counter.steps += dom.length;
        mins[k] = mn;
        maxs[k] = mx;
        lo += mn;
        hi += mx;
      }
      if (lo > 0 || hi < 0) return false;
      for (let k = 0; k < eq.terms.length; k++) {
        if (narrow(domains, vars, eq.terms[k]!, lo - mins[k]!, hi - maxs[k]!, mins[k]!, maxs[k]!, counter)) changed = true;
      }
      for (const t of eq.terms) if (domains[t.unit]!.length === 0) return false;
    }
  }
  return true;
}

/**
 * Keep the candidates of a term's variable that the rest of its equation (between `restLo`
 * and `restHi`) can balance; true when some were removed. `mn` / `mx`: the term's bounds.
 */
function narrow(
  domains: number[][],
  vars: ReadonlyArray<Candidates>,
  t: Term,
  restLo: number,
  restHi: number,
  mn: number,
  mx: number,
  counter: SearchCounter,
): boolean {
  const dom = domains[t.unit]!;
  if (mn + restHi >= 0 && mx + restLo <= 0) return false;
  const kept: number[] = [];
  for (let j = 0; j < dom.length; j++) {
    const i = dom[j]!;
    const v = t.coef * valueOf(vars, t.unit, i, t.cell);
    if (v + restLo <= 0 && v + restHi >= 0) kept.push(i);
  }
  counter.steps += dom.length;
  if (kept.length === dom.length) return false;
  domains[t.unit] = kept;
  return true;
}

function satisfied(choice: readonly number[], vars: ReadonlyArray<Candidates>, eq: IndexedEquation): boolean {
  let s = 0;
  for (const t of eq.terms) s += t.coef * valueOf(vars, t.unit, choice[t.unit]!, t.cell);
  return s === 0;
}

/**
 * Every choice of one candidate per variable that satisfies all equations, up to `cap`.
 * Variables with no equation keep all their candidates (they are listed by the caller).
 */
export function solveExact(vars: ReadonlyArray<Candidates>, equations: readonly IndexedEquation[], counter: SearchCounter, cap = 64): Solutions {
  const domains = vars.map((c) => c.map((_, i) => i));
  if (!propagate(domains, vars, equations, counter)) return { list: [], complete: counter.steps <= counter.budget, root: null };
  const root = domains.map((d) => [...d]);
  const list: number[][] = [];
  let stopped = counter.steps > counter.budget;
  const search = (doms: number[][]): void => {
    if (stopped) return;
    counter.steps++;
    if (counter.steps > counter.budget) {
      stopped = true;
      return;
    }
    let pick = -1;
    for (let u = 0; u < doms.length; u++) if (doms[u]!.length > 1 && (pick < 0 || doms[u]!.length < doms[pick]!.length)) pick = u;
    if (pick < 0) {
      const choice = doms.map((d) => d[0]!);
      if (equations.every((eq) => satisfied(choice, vars, eq))) {
        if (list.length >= cap) stopped = true;
        else list.push(choice);
      }
      return;
    }
    for (const i of doms[pick]!) {
      if (stopped) return;
      const next = doms.map((d, u) => (u === pick ? [i] : d));
      if (propagate(next, vars, equations, counter)) search(next);
      if (counter.steps > counter.budget) stopped = true;
    }
  };
  search(domains);
  return { list, complete: !stopped, root };
}

/** The best choices when no choice satisfies every equation. */
export interface Relaxed {
  /** Choices breaking the fewest equations (plus candidate costs), best first; at most `cap`. */
  best: number[][];
  cost: number;
  complete: boolean;
}

/** Per variable: the equations it takes part in, with its bounds and its contribution per candidate. */
interface RelaxTerms {
  /** Equation of each term. */
  eq: Int32Array;
  /** Least and greatest `coef × value` of each term over the candidates. */
  min: Float64Array;
  max: Float64Array;
  /** `coef × value` of term `j` for candidate `i`, at `i × terms + j`. */
  contrib: Float64Array;
}

/** The terms of every variable, looked up once instead of at every node of the search. */
function relaxTerms(vars: ReadonlyArray<Candidates>, equations: readonly IndexedEquation[], lo: Float64Array, hi: Float64Array): RelaxTerms[] {
  const termsOf: Array<Array<{ eq: number; cell: number; coef: number; min: number; max: number }>> = vars.map(() => []);
  equations.forEach((eq, e) => {
    const mins = eq.terms.map((t) => termBound(vars, t, Math.min, Infinity));
    const maxs = eq.terms.map((t) => termBound(vars, t, Math.max, -Infinity));
    eq.terms.forEach((t, q) => {
      lo[e]! += mins[q]!;
      hi[e]! += maxs[q]!;
      // a variable's cell written twice in one equation takes the bounds of its last term
      let last = q;
      for (let r = eq.terms.length - 1; r > q; r--) {
        if (eq.terms[r]!.unit === t.unit && eq.terms[r]!.cell === t.cell) {
          last = r;
          break;
        }
      }
      termsOf[t.unit]!.push({ eq: e, cell: t.cell, coef: t.coef, min: mins[last]!, max: maxs[last]! });
    });
  });
  return termsOf.map((terms, u) => {
    const size = vars[u]!.length;
    const out: RelaxTerms = {
      eq: new Int32Array(terms.length),
      min: new Float64Array(terms.length),
      max: new Float64Array(terms.length),
      contrib: new Float64Array(size * terms.length),
    };
    terms.forEach((t, j) => {
      out.eq[j] = t.eq;
      out.min[j] = t.min;
      out.max[j] = t.max;
      for (let i = 0; i < size; i++) out.contrib[i * terms.length + j] = t.coef * valueOf(vars, u, i, t.cell);
    });
    return out;
  });
}

/** The least (or greatest) `coef × value` of a term over its variable's candidates. */
function termBound(vars: ReadonlyArray<Candidates>, t: Term, pick: (a: number, b: number) => number, start: number): number {
  let bound = start;
  for (let i = 0; i < vars[t.unit]!.length; i++) bound = pick(bound, t.coef * valueOf(vars, t.unit, i, t.cell));
  return bound;
}

/**
 * Branch and bound: the choices minimising `Σ costs[u][choice] + broken equations`.
 * Candidates are tried in their order, so the first optimum found is the most plausible.
 * The search spends at most `limit` steps; when cut short it returns the best found.
 */
export function solveRelaxed(
  vars: ReadonlyArray<Candidates>,
  costs: ReadonlyArray<readonly number[]>,
  equations: readonly IndexedEquation[],
  counter: SearchCounter,
  cap = 8,
  limit = 40_000,
): Relaxed {
  const search = new RelaxedSearch(vars, costs, equations, counter, cap, Math.min(counter.budget, counter.steps + limit));
  search.visit(0, 0);
  return { best: search.best, cost: search.bestCost, complete: !search.stopped };
}

/**
 * The state of {@link solveRelaxed}: per equation, the sum of the terms assigned so far and
 * the least and greatest sum the unassigned terms can still add; the best choices found.
 */
class RelaxedSearch {
  private readonly order: number[];
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly assigned: Float64Array;
  private readonly terms: RelaxTerms[];
  private readonly costOf: Float64Array[];
  private readonly choice: number[];
  /** Steps one node of the search counts: itself and the equations it checks. */
  private readonly nodeSteps: number;
  bestCost = Infinity;
  best: number[][] = [];
  stopped = false;

  constructor(
    private readonly vars: ReadonlyArray<Candidates>,
    costs: ReadonlyArray<readonly number[]>,
    equations: readonly IndexedEquation[],
    private readonly counter: SearchCounter,
    private readonly cap: number,
    private readonly stopAt: number,
  ) {
    this.order = vars.map((_, u) => u).sort((a, b) => vars[a]!.length - vars[b]!.length);
    this.lo = new Float64Array(equations.length);
    this.hi = new Float64Array(equations.length);
    this.assigned = new Float64Array(equations.length);
    this.terms = relaxTerms(vars, equations, this.lo, this.hi);
    this.costOf = vars.map((c, u) => Float64Array.from(c, (_, i) => costs[u]?.[i] ?? 0));
    this.choice = new Array<number>(vars.length).fill(0);
    this.nodeSteps = 1 + equations.length;
  }

  /** Equations no choice of the unassigned variables can satisfy any more. */
  private broken(): number {
    const { assigned, lo, hi } = this;
    let b = 0;
    for (let e = 0; e < assigned.length; e++) if (assigned[e]! + lo[e]! > 0 || assigned[e]! + hi[e]! < 0) b++;
    return b;
  }

  /** Assign candidate `i` to variable `u` (`sign` 1), or take the assignment back (`sign` −1). */
  private assign(u: number, i: number, sign: 1 | -1): void {
    const { eq, min, max, contrib } = this.terms[u]!;
    const m = eq.length;
    for (let j = 0; j < m; j++) {
      const e = eq[j]!;
      this.assigned[e]! += sign * contrib[i * m + j]!;
      this.lo[e]! -= sign * min[j]!;
      this.hi[e]! -= sign * max[j]!;
    }
  }

  /** Keep a complete choice of cost `bound` if it is among the best. */
  private record(bound: number): void {
    if (bound < this.bestCost) {
      this.bestCost = bound;
      this.best = [];
    }
    if (this.best.length < this.cap) this.best.push([...this.choice]);
  }

  /** Choose the candidates of the variables from the `k`-th on (in {@link order}), `cost` spent so far. */
  visit(k: number, cost: number): void {
    if (this.stopped) return;
    this.counter.steps += this.nodeSteps;
    if (this.counter.steps > this.stopAt) {
      this.stopped = true;
      return;
    }
    const bound = cost + this.broken();
    if (bound > this.bestCost || (bound === this.bestCost && this.best.length >= this.cap)) return;
    if (k === this.vars.length) {
      this.record(bound);
      return;
    }
    const u = this.order[k]!;
    const unitCost = this.costOf[u]!;
    for (let i = 0; i < this.vars[u]!.length; i++) {
      this.assign(u, i, 1);
      this.choice[u] = i;
      this.visit(k + 1, cost + unitCost[i]!);
      this.assign(u, i, -1);
      if (this.stopped) return;
    }
  }
}

/** The equations a choice breaks. */
export function brokenEquations(choice: readonly number[], vars: ReadonlyArray<Candidates>, equations: readonly IndexedEquation[]): IndexedEquation[] {
  return equations.filter((eq) => !satisfied(choice, vars, eq));
}
