/**
 * Glue random valid reports (both templates) and check the segmenter: every value
 * comes back exactly, or its cell is blank with an `ambiguous-split` diagnostic that
 * lists the true reading — never a wrong number without a diagnostic.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tokenizeGlued } from "../../src/tokenize/glued-text.js";
import { flattenReport, parseReport, validateReport } from "../../src/index.js";
import { rowsOf } from "../../src/template/templates.js";
import type { Diagnostic, Report } from "../../src/types.js";
import { gluedReportArb, readGluedValues, type GluedReport } from "../helpers/arbitrary-glued.js";

/** Paths whose value is wrong and not flagged, or flagged without the true reading. */
function problems(report: GluedReport): string[] {
  const { tokenized } = tokenizeGlued(report.text);
  const got = readGluedValues(tokenized, report.template);
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of tokenized.diagnostics) if (d.path) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const out: string[] = [];
  for (const [path, want] of Object.entries(report.values)) {
    const value = got[path];
    if (value === want) continue;
    const amb = byPath.get(path)?.find((d) => d.code === "ambiguous-split");
    if (value !== null || !amb) {
      out.push(`${path}: got ${value}, want ${want}${amb ? "" : " (no ambiguous-split diagnostic)"}`);
      continue;
    }
    const shown = amb.alternatives ?? [];
    if (shown.length < 64 && !shown.some((alt) => alt[path] === want)) out.push(`${path}: ${want} not among the readings ${JSON.stringify(shown)}`);
  }
  for (const d of tokenized.diagnostics) {
    if (d.code === "recovered-by-arithmetic" && d.severity !== "info") out.push(`a valid report was read as breaking rules: ${d.message}`);
    if (d.code === "unparsed-cell") out.push(`unparsed: ${d.message}`);
  }
  return out;
}

describe("glued reports: exact values or an explicit ambiguity", () => {
  for (const template of ["2021", "2019"] as const) {
    it(`template ${template}: 1000 random valid reports`, () => {
      fc.assert(
        fc.property(gluedReportArb(template), (report) => {
          expect(problems(report)).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("a report whose cells are all separated by spaces reads exactly", () => {
    fc.assert(
      fc.property(gluedReportArb("2021", { join: "spaced" }), (report) => {
        const got = readGluedValues(tokenizeGlued(report.text).tokenized, "2021");
        expect(got).toEqual(report.values);
      }),
      { numRuns: 100 },
    );
  });
});

describe("glued table 三 with a 小计 column", () => {
  /** Paths whose value is wrong, or null without a diagnostic naming the path. */
  function unflagged(report: GluedReport, parsed: Report): string[] {
    const flat = flattenReport(parsed) as Record<string, unknown>;
    const named = new Set(parsed.diagnostics.map((d) => d.path));
    return Object.entries(report.values)
      .filter(([path, want]) => flat[path] !== want && (flat[path] !== null || !named.has(path)))
      .map(([path, want]) => `${path}: got ${flat[path]}, want ${want}`);
  }

  for (const template of ["2021", "2019"] as const) {
    it(`template ${template}: every value, 小计 included, exact or null with a diagnostic naming it; no error finding`, () => {
      fc.assert(
        fc.property(gluedReportArb(template, { orgSubtotal: true }), (report) => {
          const subtotals = Object.keys(report.values).filter((p) => p.endsWith(".orgSubtotal"));
          expect(subtotals).toHaveLength(rowsOf("applications", template).length);
          const parsed = parseReport(report.text);
          expect(parsed.source.layout).toBe("glued-text");
          expect(unflagged(report, parsed)).toEqual([]);
          const errors = validateReport(parsed).findings.filter((f) => f.severity === "error");
          expect(errors.map((f) => f.message)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("a table whose cells are all separated by spaces is read into eight cells a row, every 小计 exact", () => {
    fc.assert(
      fc.property(gluedReportArb("2021", { orgSubtotal: true, join: "spaced" }), (report) => {
        expect(Object.keys(report.values).filter((p) => p.endsWith(".orgSubtotal")).length).toBeGreaterThan(0);
        expect(readGluedValues(tokenizeGlued(report.text).tokenized, "2021", true)).toEqual(report.values);
      }),
      { numRuns: 100 },
    );
  });
});
