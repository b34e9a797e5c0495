/**
 * The counts of a batch run and the summary line written on stderr at the end.
 */
import type { TaskResult } from "./task.js";

/** Counts of one run. */
export class BatchSummary {
  files = 0;
  /** Files parsed into a report of a known template. */
  reports = 0;
  /** Files parsed but not recognised as annual reports (template `unknown`). */
  notReports = 0;
  /** Reports with at least one finding of severity error or warning. */
  withFindings = 0;
  /** Reports with at least one finding of severity error. */
  withErrors = 0;
  unreadable = 0;
  /** Files the parser failed on (an exception, a crash or a timeout). */
  failed = 0;

  /** Count one result. */
  add(result: TaskResult): void {
    this.files++;
    if (result.outcome === "report") this.reports++;
    else if (result.outcome === "not-a-report") this.notReports++;
    else if (result.outcome === "unreadable") this.unreadable++;
    else this.failed++;
    if (result.counts.error + result.counts.warning > 0) this.withFindings++;
    if (result.counts.error > 0) this.withErrors++;
  }

  /** Files that could not be read or parsed. */
  get broken(): number {
    return this.unreadable + this.failed;
  }

  /**
   * `xxgk: 25 files · 24 parsed (4 not reports) · 7 with findings (3 with errors) · 1 unreadable · 1.2 s, 20 files/s`
   * (without the findings part for `series`, which does not validate single reports).
   */
  format(elapsedMs: number, withFindings = true): string {
    const parts = [`${n(this.files)} file${this.files === 1 ? "" : "s"}`];
    const parsed = this.reports + this.notReports;
    parts.push(`${n(parsed)} parsed${this.notReports > 0 ? ` (${n(this.notReports)} not reports)` : ""}`);
    if (withFindings) {
      parts.push(`${n(this.withFindings)} with findings${this.withErrors > 0 ? ` (${n(this.withErrors)} with errors)` : ""}`);
    }
    parts.push(`${n(this.unreadable)} unreadable`);
    if (this.failed > 0) parts.push(`${n(this.failed)} failed`);
    const rate = elapsedMs > 0 ? Math.round((this.files * 1000) / elapsedMs) : 0;
    parts.push(`${(elapsedMs / 1000).toFixed(1)} s, ${n(rate)} files/s`);
    return `xxgk: ${parts.join(" · ")}`;
  }
}

function n(value: number): string {
  return value.toLocaleString("en-US");
}
