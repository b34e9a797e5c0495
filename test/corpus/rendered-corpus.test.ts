/**
 * Every corpus report's ground truth, blanks included, rendered in every layout the test
 * renderers know and parsed back: a cell that differs from the printed value with no
 * diagnostic naming it is the worst bug the library can have, so their count must be 0 in
 * every variant. The cells read exactly are counted too, and a report whose ground truth has
 * no arithmetic error gets no error finding.
 */
import { describe, expect, it } from "vitest";
import { flattenReport, parseReport, validateReport } from "../../src/index.js";
import { templatePaths, type TableTemplate } from "../../src/template/templates.js";
import type { Diagnostic, Report } from "../../src/types.js";
import { loadExpected } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";
import { renderAlignedText } from "../helpers/render-aligned-text.js";
import { renderFlatText } from "../helpers/render-flat-text.js";
import { renderHtml } from "../helpers/render-html.js";
import { defaultRenderOptions, renderReport, TEXT_LAYOUTS } from "../helpers/render-text.js";

type Values = Record<string, number | null>;

interface Variant {
  name: string;
  render(values: Values, template: TableTemplate, year: number): string;
}

const ORGANIZATION = "某县交通运输局";

const VARIANTS: Variant[] = [
  ...TEXT_LAYOUTS.map((layout) => ({
    name: layout,
    render: (values: Values, template: TableTemplate, year: number) =>
      renderReport({ template, values, meta: { organization: ORGANIZATION, year } }, defaultRenderOptions(layout)),
  })),
  ...[1, 2, 3].map((seed) => ({ name: `html seed ${seed}`, render: (v: Values, t: TableTemplate) => renderHtml(v, t, { seed }) })),
  { name: "aligned-text", render: (v, t) => renderAlignedText(v, t) },
  { name: "flat-text", render: (v, t) => renderFlatText(v, t) },
];

/** Does a diagnostic name this path (the cell itself, its row or its table)? */
function names(diagnostic: Diagnostic, path: string): boolean {
  const p = diagnostic.path;
  if (p === undefined) return false;
  return p === path || path.startsWith(`${p}.`);
}

interface Tally {
  exact: number;
  nullNamed: number;
  wrongNamed: number;
  wrongUnnamed: string[];
}

/** Compare every template path of the parsed report with the printed value. */
function tally(report: Report, values: Values, template: TableTemplate): Tally {
  const flat = flattenReport(report);
  const warnings = report.diagnostics.filter((d) => d.severity !== "info" || d.code === "blank-cell");
  const out: Tally = { exact: 0, nullNamed: 0, wrongNamed: 0, wrongUnnamed: [] };
  for (const path of templatePaths(template)) {
    const want = values[path] ?? null;
    const got = flat[path] ?? null;
    if (got === want) out.exact++;
    else if (!warnings.some((d) => names(d, path))) out.wrongUnnamed.push(`${path}: printed ${want}, read ${got}`);
    else if (got === null) out.nullNamed++;
    else out.wrongNamed++;
  }
  return out;
}

const entries = loadExpected().filter((e) => e.template === "2021" || e.template === "2019");

describe("the corpus's ground truth rendered in every layout", () => {
  it("has corpus reports and variants to render", () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(VARIANTS.length).toBe(TEXT_LAYOUTS.length + 5);
  });

  for (const entry of entries) {
    const template = entry.template as TableTemplate;
    const year = entry.meta.year ?? 2024;
    const printed = { ...entry.values };
    const truth = validateReport(makeReport(printed, { template, year }));
    const truthErrors = new Set(truth.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.paths[0]}`));

    for (const variant of VARIANTS) {
      it(`${entry.id} as ${variant.name}: no cell differs without a diagnostic, no error the report does not have`, () => {
        const report = parseReport(variant.render(printed, template, year));
        expect(report.template).toBe(template);
        const counts = tally(report, printed, template);
        expect(counts.wrongUnnamed).toEqual([]);
        expect(counts.exact + counts.nullNamed + counts.wrongNamed).toBe(templatePaths(template).length);
        const errors = validateReport(report)
          .findings.filter((f) => f.severity === "error")
          .map((f) => `${f.rule} ${f.paths[0]}`);
        expect(errors.filter((e) => !truthErrors.has(e))).toEqual([]);
      });
    }
  }
});
