import { describe, expect, it } from "vitest";
import { checkGroup, formatGroup, SeriesCollector, seriesPrologue } from "../../src/cli/series-command.js";
import { csvRecords } from "./cli-harness.js";
import type { Report } from "../../src/types.js";

/** A 2021-template report with only the cells carry-over reads. */
function report(organization: string | null, year: number | null, carriedOver: number, carriedForward: number): Report {
  const counts = (n: number) => ({ naturalPerson: n, commercial: 0, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: n });
  return {
    template: "2021",
    meta: { title: null, organization, year },
    activeDisclosure: null,
    applications: { carriedOver: counts(carriedOver), carriedForward: counts(carriedForward) },
    appeals: null,
    sections: [],
    source: { layout: "pipe-rows", confidence: 1, encoding: null, encodingReason: null, text: "" },
    locations: {},
    diagnostics: [],
  } as unknown as Report;
}

describe("SeriesCollector", () => {
  it("groups by organization in order of appearance, sorts by year, leaves out duplicates and undated reports", () => {
    const collector = new SeriesCollector();
    collector.add("b-2022.txt", report("乙局", 2022, 0, 0));
    collector.add("a-2023.txt", report("甲局", 2023, 4, 0));
    collector.add("a-2022.txt", report("甲局", 2022, 0, 3));
    collector.add("a-2022.html", report(" 甲局 ", 2022, 0, 3));
    collector.add("x.txt", report(null, 2022, 0, 0));
    collector.add("y.txt", report("丙局", null, 0, 0));
    const groups = collector.result();
    expect(groups.map((g) => g.organization)).toEqual(["乙局", "甲局"]);
    expect(groups[1]!.members.map((m) => m.file)).toEqual(["a-2022.txt", "a-2023.txt"]);
    expect(groups[1]!.duplicates).toEqual([{ file: "a-2022.html", year: 2022, keptFile: "a-2022.txt" }]);
    expect(collector.unplaced).toEqual(["x.txt", "y.txt"]);
  });

  it("checks a group with validateSeries and names the files of each finding", () => {
    const collector = new SeriesCollector();
    collector.add("a-2022.txt", report("甲局", 2022, 0, 3));
    collector.add("a-2023.txt", report("甲局", 2023, 4, 0));
    const result = checkGroup(collector.result()[0]!, "info");
    const carry = result.findings.filter((f) => f.rule === "carry-over" && !f.notCheckable);
    expect(carry.length).toBeGreaterThan(0);
    expect(carry[0]!.years).toEqual([2022, 2023]);
    expect(carry[0]!.files).toEqual(["a-2022.txt", "a-2023.txt"]);
    const rows = csvRecords(seriesPrologue("csv", "en") + formatGroup(result, "csv", false));
    expect(rows.length).toBe(result.findings.length);
    expect(rows[0]!["meta.organization"]).toBe("甲局");
    expect(formatGroup(result, "text", false)).toMatch(/^甲局 {2}2022, 2023 \(2 reports\)\n/);
    expect(JSON.parse(formatGroup(result, "ndjson", false))).toMatchObject({ organization: "甲局", reports: [{ year: 2022 }, { year: 2023 }] });
  });
});
