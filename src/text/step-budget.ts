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
}

/** Default search budget per report: generous for real reports, bounded for adversarial ones. */
export const DEFAULT_STEP_BUDGET = 200_000;

/** A fresh counter with the given budget. */
export function newCounter(budget = DEFAULT_STEP_BUDGET): SearchCounter {
  return { steps: 0, budget };
}

/** True when the counter has spent its budget. */
export function spent(counter: SearchCounter): boolean {
  return counter.steps > counter.budget;
}
