import { describe, expect, it } from "vitest";
import { BatchSummary } from "../../src/cli/batch-summary.js";
import type { TaskOutcome, TaskResult } from "../../src/cli/task.js";

function result(outcome: TaskOutcome, error = 0, warning = 0): TaskResult {
  return { seq: 0, file: "f", outcome, counts: { error, warning, info: 3 }, output: "", organization: null, year: null };
}

describe("BatchSummary", () => {
  it("counts files, parsed reports, non-reports, findings and broken files", () => {
    const summary = new BatchSummary();
    for (const r of [
      result("report"),
      result("report", 2),
      result("report", 0, 1),
      result("not-a-report"),
      result("unreadable"),
      result("failed"),
    ]) {
      summary.add(r);
    }
    expect(summary).toMatchObject({ files: 6, reports: 3, notReports: 1, withFindings: 2, withErrors: 1, unreadable: 1, failed: 1 });
    expect(summary.broken).toBe(2);
    expect(summary.format(2000)).toBe(
      "xxgk: 6 files · 4 parsed (1 not reports) · 2 with findings (1 with errors) · 1 unreadable · 1 failed · 2.0 s, 3 files/s",
    );
  });

  it("formats a clean run without optional parts", () => {
    const summary = new BatchSummary();
    summary.add(result("report"));
    expect(summary.format(0)).toBe("xxgk: 1 file · 1 parsed · 0 with findings · 0 unreadable · 0.0 s, 0 files/s");
    expect(summary.format(0, false)).toBe("xxgk: 1 file · 1 parsed · 0 unreadable · 0.0 s, 0 files/s");
  });
});
