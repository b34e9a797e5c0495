/**
 * Columns by position in the layouts whose columns come from the page: HTML grids,
 * aligned PDF text, flat PDF text and positioned PDF pieces. A table 三 with a
 * 法人或其他组织「小计」column reads back whole; random blank cells of tables 二, 三 and 四 (up
 * to a whole column of table 三, 总计 included) never move a number into a neighbouring column:
 * every cell is exact, or null with a diagnostic naming its path, and a report that adds up
 * gets no error. (Flat text keeps no positions: there the sums place what they can.)
 */
import { describe, expect, test as example } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { flattenReport, validateReport, type Report } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import { reportArbitrary } from "../helpers/arbitrary-report.js";
import {
  blanksArbitrary,
  expectedLayout,
  pageRenderingArbitrary,
  parseRendered,
  withBlanks,
  type PageLayout,
} from "../helpers/layout-renderers.js";
import { hasSubtotal } from "../helpers/render-text.js";

const RUNS = 100;
const SUBTOTAL_LAYOUTS: readonly PageLayout[] = ["html", "aligned-text", "flat-text", "positioned-pdf"];
const BLANK_LAYOUTS: readonly PageLayout[] = ["html", "aligned-text", "flat-text", "positioned-pdf"];

/** Paths whose value differs from `expected` and that no diagnostic names (a null must be named too). */
function unexplained(report: Report, expected: Record<string, number | null>, paths: readonly string[]): string[] {
  const flat = flattenReport(report);
  const named = new Set(report.diagnostics.map((d) => d.path));
  const out: string[] = [];
  for (const p of paths) {
    const got = flat[p];
    if (got === expected[p]) continue;
    if (got === null && named.has(p)) continue;
    out.push(`${p}: read ${got}, printed ${expected[p]}`);
  }
  return out;
}

const errorsOf = (report: Report) => validateReport(report).findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.paths[0]}: ${f.message}`);

describe("a 小计 column in table 三, page layouts", () => {
  for (const layout of SUBTOTAL_LAYOUTS) {
    test.prop([reportArbitrary({ orgSubtotal: true }), pageRenderingArbitrary(layout)], { numRuns: RUNS })(
      `${layout}: every value read back, orgSubtotal included, and no error finding`,
      (generated, rendering) => {
        expect(hasSubtotal(generated)).toBe(true);
        const report = parseRendered(generated.values, generated.template, rendering);
        expect(report.source.layout).toBe(expectedLayout(layout));
        const paths = templatePaths(generated.template);
        const flat = flattenReport(report);
        expect(paths.filter((p) => flat[p] !== generated.values[p]).map((p) => `${p}: ${flat[p]} ≠ ${generated.values[p]}`)).toEqual([]);
        expect(errorsOf(report)).toEqual([]);
      },
    );
  }
});

describe("blank cells by position, page layouts", () => {
  const generatedWithBlanks = reportArbitrary({ orgSubtotal: "sometimes" }).chain((generated) =>
    blanksArbitrary(generated).map((blanks) => ({ generated, blanks })),
  );
  for (const layout of BLANK_LAYOUTS) {
    test.prop([generatedWithBlanks, pageRenderingArbitrary(layout)], { numRuns: RUNS })(
      `${layout}: every cell exact or null with a diagnostic on its path, and no error on a table that adds up`,
      ({ generated, blanks }, rendering) => {
        const values = withBlanks(generated, blanks);
        const report = parseRendered(values, generated.template, rendering);
        expect(report.source.layout).toBe(expectedLayout(layout));
        const paths = templatePaths(generated.template);
        expect(paths.length).toBeGreaterThan(100);
        expect(unexplained(report, values, paths)).toEqual([]);
        expect(errorsOf(report)).toEqual([]);
      },
    );
  }
});

describe("a table-二 group column blank in every row of the group, positioned PDF", () => {
  // 2019: 行政处罚 and 行政强制 share one header line (上一年项目数量 · 本年增/减 · 处理决定数量);
  // with 本年增/减 blank in both rows no number stands under it, and its column comes from the header.
  const [generated] = fc.sample(reportArbitrary({ orgSubtotal: false }).filter((g) => g.template === "2019"), { seed: 7, numRuns: 1 });
  for (const blank of ["", "/", "—"] as const) {
    example(`blank printed as "${blank}": the values of the group stay in their columns`, () => {
      expect(generated).toBeDefined();
      const blanked = ["activeDisclosure.punishment.change", "activeDisclosure.coercion.change"];
      const values = withBlanks(generated!, { cells: blanked, column: null });
      const wrap = { labelWidth: 5, groupWidth: 2, verticalGroup: false, numbering: "." as const, footers: [] };
      const report = parseRendered(values, generated!.template, { layout: "positioned-pdf", seed: 0, wrap, style: "plumber", blank });
      const flat = flattenReport(report);
      expect(blanked.map((p) => flat[p])).toEqual([null, null]);
      for (const row of ["punishment", "coercion"]) {
        expect(flat[`activeDisclosure.${row}.previous`]).toBe(values[`activeDisclosure.${row}.previous`]);
        expect(flat[`activeDisclosure.${row}.decisions`]).toBe(values[`activeDisclosure.${row}.decisions`]);
      }
      expect(unexplained(report, values, templatePaths(generated!.template))).toEqual([]);
    });
  }
});
