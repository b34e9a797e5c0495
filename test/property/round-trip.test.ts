/**
 * Round trip: a valid generated report, rendered in a text layout, parses back to
 * exactly the same values, template and metadata.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { flattenReport, parseReport } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import {
  brokenEquations,
  COMPOUND_ORGANIZATIONS,
  reportArbitrary,
  SIMPLE_ORGANIZATIONS,
  type GeneratedReport,
} from "../helpers/arbitrary-report.js";
import { renderOptionsArbitrary, renderReport, TEXT_LAYOUTS, titleOf, type TextLayout } from "../helpers/render-text.js";

const RUNS = 1000;

/** The parsed values of the generated report's template paths. */
function parsedValues(generated: GeneratedReport, text: string): Record<string, unknown> {
  const flat = flattenReport(parseReport(text));
  return Object.fromEntries(templatePaths(generated.template).map((p) => [p, flat[p]]));
}

describe("round trip: parseReport(render(r)) gives back r", () => {
  for (const layout of TEXT_LAYOUTS) {
    test.prop([reportArbitrary(), renderOptionsArbitrary(layout)], { numRuns: RUNS })(
      `${layout}: every value, the template and the year`,
      (generated, options) => {
        const text = renderReport(generated, options);
        const report = parseReport(text);
        expect(report.source.layout).toBe(layout);
        expect(report.template).toBe(generated.template);
        expect(report.meta.year).toBe(generated.meta.year);
        expect(parsedValues(generated, text)).toEqual(generated.values);
        expect(report.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code)).toEqual([]);
      },
    );
  }

  /** Render options with or without a title line, in the given layouts. */
  const withTitle = (title: boolean, layouts: readonly TextLayout[]) =>
    fc.tuple(renderOptionsArbitrary(), fc.constantFrom(...layouts)).map(([o, layout]) => ({ ...o, layout, title }));
  const NOT_MARKDOWN = TEXT_LAYOUTS.filter((l) => l !== "markdown");

  test.prop([reportArbitrary(), withTitle(true, NOT_MARKDOWN)], { numRuns: RUNS })(
    "pipe-rows, pipe-cells, tab-rows with a title line: the title and the organization named in it",
    (generated, options) => {
      const report = parseReport(renderReport(generated, options));
      expect(report.meta.title).toBe(titleOf(generated, options.titleStyle));
      expect(report.meta.organization).toBe(generated.meta.organization);
    },
  );

  // Guards a fixed bug: the markdown heading marker stays in the title
  test.prop([reportArbitrary(), withTitle(true, ["markdown"])], { numRuns: RUNS })(
    "markdown with a `# ` title line: the title and the organization named in it",
    (generated, options) => {
      const report = parseReport(renderReport(generated, options));
      expect(report.meta.title).toBe(titleOf(generated, options.titleStyle));
      expect(report.meta.organization).toBe(generated.meta.organization);
    },
  );

  test.prop([reportArbitrary({ organizations: SIMPLE_ORGANIZATIONS }), withTitle(false, TEXT_LAYOUTS)], { numRuns: RUNS })(
    "no title line: no title, and an organization with one organ word named in the narrative",
    (generated, options) => {
      const report = parseReport(renderReport(generated, options));
      expect(report.meta.title).toBeNull();
      expect(report.meta.organization).toBe(generated.meta.organization);
    },
  );

  // Guards a fixed bug: the organization read from the narrative stops at the first organ word
  test.prop([reportArbitrary({ organizations: COMPOUND_ORGANIZATIONS }), withTitle(false, TEXT_LAYOUTS)], {
    numRuns: RUNS,
  })("no title line: an organization with organ words inside its name (卢氏县交通运输局) named in the narrative", (generated, options) => {
    const report = parseReport(renderReport(generated, options));
    expect(report.meta.title).toBeNull();
    expect(report.meta.organization).toBe(generated.meta.organization);
  });
});

describe("the generator", () => {
  test.prop([reportArbitrary()], { numRuns: RUNS })("gives every path of the template a value", (generated) => {
    expect(Object.keys(generated.values).sort()).toEqual([...templatePaths(generated.template)].sort());
    const odd = Object.entries(generated.values).filter(
      ([path, value]) => (value === null ? !path.endsWith(".orgSubtotal") : !Number.isFinite(value) || (!path.endsWith(".change") && value < 0)),
    );
    expect(odd).toEqual([]);
    expect(brokenEquations(generated.template, generated.values)).toEqual([]);
  });

  test("yields both templates, zeros and five-digit counts", () => {
    const sample = fc.sample(reportArbitrary(), { numRuns: 300, seed: 42 });
    expect(new Set(sample.map((r) => r.template))).toEqual(new Set(["2021", "2019"]));
    const counts = sample.flatMap((r) => Object.values(r.values)).filter((v): v is number => v !== null);
    expect(counts.filter((v) => v === 0).length).toBeGreaterThan(counts.length / 3);
    expect(counts.some((v) => v >= 10_000)).toBe(true);
    expect(counts.some((v) => v < 0)).toBe(true);
    expect(counts.some((v) => !Number.isInteger(v))).toBe(true);
  });
});
