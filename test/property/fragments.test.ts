/**
 * Reports as PDF→markdown converters write them (test/helpers/render-fragments.ts): table 三
 * in many small markdown tables with labels on text lines between them, the header spread
 * over lines (a 小计 column among them, sometimes), table 二 as `label number` lines. Every cell is exact or null with a diagnostic
 * naming its path; a report that adds up gets no error; nearly every cell is read.
 */
import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import * as fc from "fast-check";
import { flattenReport, parseReport, validateReport } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import type { Report } from "../../src/types.js";
import { reportArbitrary, type GeneratedReport } from "../helpers/arbitrary-report.js";
import { fragmentOptionsArbitrary, renderFragments } from "../helpers/render-fragments.js";

/** The generated report's printed cells (the 小计 column is not printed). */
function printedPaths(generated: GeneratedReport): string[] {
  return templatePaths(generated.template).filter((p) => generated.values[p] !== null);
}

/** A diagnostic names a cell when its path is the cell's, its row's or its table's. */
function named(report: Report, path: string): boolean {
  return report.diagnostics.some((d) => d.severity !== "info" && d.path !== undefined && (d.path === path || path.startsWith(`${d.path}.`)));
}

describe("converter fragments (markdown)", () => {
  test.prop([reportArbitrary({ orgSubtotal: "sometimes" }), fragmentOptionsArbitrary()], { numRuns: 150 })(
    "every cell exact, or null with a diagnostic naming it; no error finding",
    (generated, options) => {
      const report = parseReport(renderFragments(generated, options));
      expect(report.source.layout).toBe("markdown");
      const flat = flattenReport(report);
      const paths = printedPaths(generated);
      expect(paths.length).toBeGreaterThan(150);
      const wrong = paths.filter((p) => flat[p] !== generated.values[p] && !(flat[p] === null && named(report, p)));
      expect(wrong.map((p) => `${p}: ${flat[p]} ≠ ${generated.values[p]}`)).toEqual([]);
      const errors = validateReport(report).findings.filter((f) => f.severity === "error");
      expect(errors.map((f) => f.message)).toEqual([]);
    },
  );

  it("reads at least 99% of the cells of 200 fragmented reports", () => {
    const samples = fc.sample(fc.tuple(reportArbitrary({ orgSubtotal: "sometimes" }), fragmentOptionsArbitrary()), { numRuns: 200, seed: 20261203 });
    expect(samples.length).toBe(200);
    let cells = 0;
    let exact = 0;
    for (const [generated, options] of samples) {
      const flat = flattenReport(parseReport(renderFragments(generated, options)));
      for (const p of printedPaths(generated)) {
        cells++;
        if (flat[p] === generated.values[p]) exact++;
      }
    }
    expect(cells).toBeGreaterThan(200 * 150);
    expect(exact / cells).toBeGreaterThanOrEqual(0.99);
  });
});
