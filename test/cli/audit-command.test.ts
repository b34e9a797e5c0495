import { describe, expect, it } from "vitest";
import { AuditCollector, describeCounts, formatAudit } from "../../src/cli/audit-command.js";
import { reportChecks } from "../../src/cli/audit-checks.js";
import { slimReport, type TaskResult } from "../../src/cli/task.js";
import type { Report } from "../../src/types.js";
import { validateReport } from "../../src/index.js";
import { makeReport } from "../helpers/make-report.js";
import { csvRecords } from "./cli-harness.js";

/** What a worker gives back for one report of `audit`. */
function result(seq: number, file: string, report: Report): TaskResult {
  const validation = validateReport(report);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of validation.findings) counts[f.severity]++;
  return {
    seq,
    file,
    outcome: "report",
    counts,
    output: "",
    organization: report.meta.organization,
    year: report.meta.year,
    report: slimReport(report),
    checks: reportChecks(file, report, validation),
  };
}

describe("AuditCollector", () => {
  it("checks each report against the organ's report of the year before and sums up per organ", () => {
    const collector = new AuditCollector();
    collector.add(result(0, "a-2022.txt", makeReport({ "applications.newReceived.total": 3 }, { year: 2022, published: "2023-01-20" })));
    collector.add(result(1, "a-2023.txt", makeReport({ "applications.newReceived.total": 40 }, { year: 2023, published: "2024-02-20" })));
    collector.add(result(2, "b-2023.txt", makeReport({}, { year: 2023, organization: "某镇人民政府", published: "2024-06-01" })));
    collector.add({ seq: 3, file: "gone.txt", outcome: "unreadable", error: "ENOENT", counts: { error: 0, warning: 0, info: 0 }, output: "", organization: null, year: null });
    const { reports, organs, overall } = collector.result();
    expect(reports.map((r) => [r.file, r.status, r.onTime, r.previousFile, r.repeatedText, r.yearOverYear])).toEqual([
      ["a-2022.txt", "report", "pass", null, "n/a", "n/a"],
      ["a-2023.txt", "report", "fail", "a-2022.txt", "fail", "fail"],
      ["b-2023.txt", "report", "n/a", null, "n/a", "n/a"],
      ["gone.txt", "unreadable", "n/a", null, "n/a", "n/a"],
    ]);
    expect(reports[1]!.jumps).toEqual([{ path: "applications.newReceived.total", before: 3, after: 40 }]);
    expect(reports[1]!.repeatedShare).toBe(1);
    expect(reports[1]!.deadline).toBe("2024-01-31");
    expect(organs.map((o) => [o.organization, o.reports, o.years])).toEqual([
      ["测试局", 2, [2022, 2023]],
      ["某镇人民政府", 1, [2023]],
    ]);
    expect(organs[0]!.checks.onTime).toEqual({ pass: 1, fail: 1, unknown: 0, "n/a": 0 });
    expect(overall).toMatchObject({ files: 4, reports: 3, jumps: 1, maxRepeatedShare: 1 });

    const rows = csvRecords(formatAudit({ reports, organs, overall }, "csv", { header: "en", bom: false, color: false }));
    expect(rows.map((r) => r.kind)).toEqual(["report", "report", "report", "report", "organ", "organ", "overall"]);
    expect(rows[1]).toMatchObject({ jumps: "applications.newReceived.total 3→40", repeatedShare: "1", onTime: "fail" });
    expect(rows[4]).toMatchObject({ "meta.organization": "测试局", onTime: "1/2", repeatedText: "0/1", status: "2" });
    const text = formatAudit({ reports, organs, overall }, "text", { header: "en", bom: false, color: false });
    expect(text).toContain("on time ✗ (2024-02-20, due 2024-01-31)");
    expect(text).toContain("repeated ✗ 100.0%");
    expect(text).toContain("gone.txt  unreadable: ENOENT");
  });

  it("describes counts as passed/checked", () => {
    expect(describeCounts({ pass: 3, fail: 1, unknown: 0, "n/a": 2 })).toBe("3/4");
    expect(describeCounts({ pass: 0, fail: 0, unknown: 2, "n/a": 0 })).toBe("0/0 (2 unknown)");
    expect(describeCounts({ pass: 0, fail: 0, unknown: 0, "n/a": 5 })).toBe("–");
  });
});
