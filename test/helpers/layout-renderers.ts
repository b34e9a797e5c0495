/**
 * The layouts whose columns come from the page (HTML grids, PDF text, positioned PDF
 * pieces), each as one function from a generated report to a parsed report, and the
 * blank cells a property test lays over a report (single cells and whole columns).
 */
import { fc } from "@fast-check/vitest";
import { parseReport, type Report } from "../../src/index.js";
import { tokenizePositioned } from "../../src/pdf/positioned-tokenizer.js";
import { buildReport } from "../../src/report/build-report.js";
import { APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS_WITH_SUBTOTAL, ACTIVE_ROWS, rowsOf, type TableTemplate } from "../../src/template/templates.js";
import type { GeneratedReport } from "./arbitrary-report.js";
import { layoutArb } from "./pdf-text-fixtures.js";
import { renderAlignedText } from "./render-aligned-text.js";
import { renderFlatText } from "./render-flat-text.js";
import { renderHtml } from "./render-html.js";
import { renderPositionedPages } from "./render-positioned-pdf.js";

/** A layout read from the page's geometry or grid. */
export type PageLayout = "html" | "aligned-text" | "flat-text" | "positioned-pdf";

/** How a report is drawn in one of the {@link PageLayout}s. */
export interface PageRendering {
  layout: PageLayout;
  seed: number;
  /** Wrap widths, the vertical group label, numbering and page footers of PDF text. */
  wrap: typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;
  /** Flat text only: the extractor's order. */
  style: "plumber" | "pdfium" | "pdfjs";
  /** How a blank cell prints in PDF text ("" prints nothing). */
  blank: "" | "/" | "—";
}

/** Rendering choices for a layout. */
export function pageRenderingArbitrary(layout: PageLayout): fc.Arbitrary<PageRendering> {
  return fc.record({
    layout: fc.constant(layout),
    seed: fc.nat({ max: 2 ** 31 - 1 }),
    wrap: layoutArb,
    style: fc.constantFrom<"plumber" | "pdfium" | "pdfjs">("plumber", "pdfium", "pdfjs"),
    blank: fc.constantFrom<"" | "/" | "—">("", "", "/", "—"),
  });
}

/** The text (or pages) of a report in a layout, parsed. */
export function parseRendered(values: Record<string, number | null>, template: TableTemplate, r: PageRendering): Report {
  switch (r.layout) {
    case "html":
      return parseReport(renderHtml(values, template, { seed: r.seed }));
    case "aligned-text":
      return parseReport(renderAlignedText(values, template, { ...r.wrap, blank: r.blank }));
    case "flat-text":
      return parseReport(renderFlatText(values, template, { ...r.wrap, style: r.style, blank: r.blank }));
    case "positioned-pdf": {
      const tokens = tokenizePositioned(renderPositionedPages(values, template, { ...r.wrap, blank: r.blank }));
      const source = { layout: "aligned-text" as const, confidence: 1, encoding: null, encodingReason: null, created: null };
      return buildReport(tokens.text, tokens.tokenized, source, []);
    }
  }
}

/** The layout a parsed rendering must report. */
export function expectedLayout(layout: PageLayout): string {
  return layout === "positioned-pdf" ? "aligned-text" : layout;
}

/** Cells left blank: single cells of tables 二, 三 and 四, and at most one whole column of table 三. */
export interface Blanks {
  cells: string[];
  /** A column of table 三 blank in every row (`total` included). */
  column: string | null;
}

/** The value cells a report prints in tables 二, 三 and 四. */
function blankablePaths(report: GeneratedReport): string[] {
  const subtotal = Object.entries(report.values).some(([p, v]) => p.endsWith(".orgSubtotal") && typeof v === "number");
  const out: string[] = [];
  for (const spec of ACTIVE_ROWS.filter((r) => r.templates.includes(report.template))) {
    for (const c of spec.columns) out.push(`activeDisclosure.${spec.path}.${c.key}`);
  }
  for (const spec of rowsOf("applications", report.template)) {
    for (const c of subtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : spec.columns) out.push(`applications.${spec.path}.${c.key}`);
  }
  for (const spec of APPEAL_ROWS) for (const c of APPEAL_COLUMNS) out.push(`appeals.${spec.path}.${c.key}`);
  return out;
}

/** Blank cells for a report: up to 30 single cells, and sometimes one whole column of table 三. */
export function blanksArbitrary(report: GeneratedReport): fc.Arbitrary<Blanks> {
  const subtotal = Object.entries(report.values).some(([p, v]) => p.endsWith(".orgSubtotal") && typeof v === "number");
  const keys = (subtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : rowsOf("applications", report.template)[0]!.columns).map((c) => c.key);
  return fc.record({
    cells: fc.subarray(blankablePaths(report), { maxLength: 30 }),
    column: fc.option(fc.constantFrom(...keys), { freq: 2 }),
  });
}

/** The report's values with the blanks laid over them (a blank cell is `null`). */
export function withBlanks(report: GeneratedReport, blanks: Blanks): Record<string, number | null> {
  const values = { ...report.values };
  for (const path of blanks.cells) values[path] = null;
  if (blanks.column !== null) {
    for (const spec of rowsOf("applications", report.template)) values[`applications.${spec.path}.${blanks.column}`] = null;
  }
  return values;
}
