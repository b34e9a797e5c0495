/**
 * parseReport keeps nothing of one call for the next: a text parsed after others reads as
 * it does first, and a second parse of one text works everything out again.
 */
import { describe, expect, it } from "vitest";
import { fc } from "@fast-check/vitest";
import { parseReport, validateReport } from "../src/index.js";
import type { Layout, Report } from "../src/types.js";
import { gluedReportArb } from "./helpers/arbitrary-glued.js";
import { reportArbitrary, type GeneratedReport } from "./helpers/arbitrary-report.js";
import { renderAlignedText } from "./helpers/render-aligned-text.js";
import { renderFlatText } from "./helpers/render-flat-text.js";
import { renderHtml } from "./helpers/render-html.js";
import { defaultRenderOptions, renderReport, TEXT_LAYOUTS } from "./helpers/render-text.js";

/** Two generated reports with different counts in table 三 (fixed seed). */
function twoReports(): [GeneratedReport, GeneratedReport] {
  const pool = fc.sample(reportArbitrary(), { seed: 20, numRuns: 20 });
  const newReceived = (r: GeneratedReport) => r.values["applications.newReceived.total"];
  const a = pool.find((r) => newReceived(r) !== 0)!;
  const b = pool.find((r) => newReceived(r) !== 0 && newReceived(r) !== newReceived(a))!;
  return [a, b];
}
const [first, second] = twoReports();
const glued = fc.sample(gluedReportArb("2021"), { seed: 21, numRuns: 2 });

/** Two different reports written in each layout. */
const TEXTS: ReadonlyArray<{ layout: Layout; texts: readonly [string, string] }> = [
  ...TEXT_LAYOUTS.map((layout) => ({
    layout,
    texts: [renderReport(first, defaultRenderOptions(layout)), renderReport(second, defaultRenderOptions(layout))] as const,
  })),
  { layout: "html", texts: [renderHtml(first.values, first.template, { seed: 1 }), renderHtml(second.values, second.template, { seed: 2 })] },
  { layout: "flat-text", texts: [renderFlatText(first.values, first.template), renderFlatText(second.values, second.template)] },
  { layout: "aligned-text", texts: [renderAlignedText(first.values, first.template), renderAlignedText(second.values, second.template)] },
  { layout: "glued-text", texts: [glued[0]!.text, glued[1]!.text] },
];

/** A deep copy, so a later change to the parsed object cannot hide in the comparison. */
function copy(report: Report): Report {
  return structuredClone(report);
}

describe("parseReport keeps no state between calls", () => {
  it("covers every layout", () => {
    expect(new Set(TEXTS.map((t) => t.layout)).size).toBe(8);
  });

  for (const [k, { layout, texts }] of TEXTS.entries()) {
    it(`${layout}: A, then B, then A reads A as the first parse did`, () => {
      const [a, b] = texts;
      const other = TEXTS[(k + 1) % TEXTS.length]!.texts[0];
      const fresh = copy(parseReport(a));
      expect(fresh.source.layout).toBe(layout);
      const readB = parseReport(b);
      expect(readB.source.layout).toBe(layout);
      // B is another report: its tables read differently from A's
      expect(readB.applications).not.toEqual(fresh.applications);
      parseReport(other);
      expect(parseReport(a)).toEqual(fresh);
      expect(validateReport(parseReport(a))).toEqual(validateReport(fresh));
    });

    it(`${layout}: a second parse of one text does not share the first one's objects`, () => {
      const [a] = texts;
      const once = parseReport(a);
      const pristine = copy(once);
      // change everything the caller can reach of the first result
      once.diagnostics.push({ code: "empty-input", severity: "error", message: "changed" });
      for (const section of once.sections) section.text = "";
      for (const key of Object.keys(once.locations)) delete once.locations[key];
      if (once.applications) once.applications.newReceived.naturalPerson = -1;
      expect(once.applications).not.toBeNull();
      const again = parseReport(a);
      expect(again).not.toBe(once);
      expect(again).toEqual(pristine);
    });
  }
});

describe("validateReport keeps no state between calls", () => {
  it("reads a report changed after a first validation afresh", () => {
    const report = parseReport(TEXTS[0]!.texts[0]);
    const before = validateReport(report);
    expect(before.findings.filter((f) => f.rule === "negative")).toEqual([]);
    report.applications!.newReceived.naturalPerson = -5;
    const after = validateReport(report);
    expect(after.findings.filter((f) => f.rule === "negative").map((f) => f.paths[0])).toEqual(["applications.newReceived.naturalPerson"]);
  });
});
