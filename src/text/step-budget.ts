/**
 * The step budget every search of the parser runs under (glued-digit splits, the joint
 * solver, short-row placement): each step of a search counts one on a shared counter,
 * and a search that finds the budget spent stops and leaves what it did not settle
 * `null`, with a diagnostic. Any input, however made, parses in bounded time.
 */

/** Steps spent by one search, against its budget. */
export interface SearchCounter {
  steps: number;
  budget: number;
  /** What the search is (`short-rows`, `glued activeDisclosure`, `align applications` …), for {@link recordSearches}. */
  search?: string;
}

/** Default search budget per report: generous for real reports, bounded for adversarial ones. */
export const DEFAULT_STEP_BUDGET = 200_000;

/** The counters made while {@link recordSearches} runs (innermost call last). */
const recorders: SearchCounter[][] = [];

/** A fresh counter with the given budget, named `search`. */
export function newCounter(budget = DEFAULT_STEP_BUDGET, search = "search"): SearchCounter {
  const counter = { steps: 0, budget, search };
  recorders[recorders.length - 1]?.push(counter);
  return counter;
}

/**
 * Run `work` and list every search it ran: each counter made meanwhile, with the steps
 * it spent and its budget (a search that stops at its budget has spent at most one step
 * more, or one step's worth more where a step counts several). Synchronous work only.
 * For tests and benchmarks, which assert the budget by counting steps, not by timing.
 */
export function recordSearches<T>(work: () => T): { result: T; searches: SearchCounter[] } {
  const searches: SearchCounter[] = [];
  recorders.push(searches);
  try {
    return { result: work(), searches: searches.map((c) => ({ ...c })) };
  } finally {
    recorders.pop();
  }
}

/** True when the counter has spent its budget. */
export function spent(counter: SearchCounter): boolean {
  return counter.steps > counter.budget;
}
