/**
 * A table 三 with a 法人或其他组织「小计」column: rendered in every text layout, it parses
 * back to every value (orgSubtotal included), and a report that adds up gets no error —
 * least of all a row-total error the report does not have.
 */
import { describe, expect } from "vitest";
import { test } from "@fast-check/vitest";
import { flattenReport, parseReport, validateReport } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import { reportArbitrary } from "../helpers/arbitrary-report.js";
import { hasSubtotal, renderOptionsArbitrary, renderReport, TEXT_LAYOUTS } from "../helpers/render-text.js";

const RUNS = 200;

describe("a 小计 column in table 三", () => {
  for (const layout of TEXT_LAYOUTS) {
    test.prop([reportArbitrary({ orgSubtotal: true }), renderOptionsArbitrary(layout)], { numRuns: RUNS })(
      `${layout}: every value read back, orgSubtotal included, and no error finding`,
      (generated, options) => {
        expect(hasSubtotal(generated)).toBe(true);
        const report = parseReport(renderReport(generated, options));
        expect(report.source.layout).toBe(layout);
        const flat = flattenReport(report);
        const paths = templatePaths(generated.template);
        expect(paths.filter((p) => flat[p] !== generated.values[p]).map((p) => `${p}: ${flat[p]} ≠ ${generated.values[p]}`)).toEqual([]);
        expect(report.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code} ${d.path}`)).toEqual([]);
        const errors = validateReport(report).findings.filter((f) => f.severity === "error");
        expect(errors.map((f) => f.message)).toEqual([]);
      },
    );
  }

  test.prop([reportArbitrary({ orgSubtotal: true }), renderOptionsArbitrary("pipe-rows")], { numRuns: 50 })(
    "a 小计 that is not the sum of its organisation columns is an org-subtotal error naming the row (and its column's outcome total)",
    (generated, options) => {
      const path = "applications.granted.orgSubtotal";
      const values = { ...generated.values, [path]: (generated.values[path] ?? 0) + 1 };
      const report = parseReport(renderReport({ ...generated, values }, options));
      expect(report.applications?.granted.orgSubtotal).toBe(values[path]);
      const errors = validateReport(report).findings.filter((f) => f.severity === "error");
      expect(errors.map((f) => [f.rule, f.paths[0]])).toEqual([
        ["org-subtotal", path],
        ["outcome-total", "applications.total.orgSubtotal"],
      ]);
    },
  );
});
