/**
 * Mutation: a valid generated report passes the arithmetic rules; change one cell of
 * table 3 or 4 by k ≠ 0 and every rule that reads that cell reports it, once, with the
 * cell among the finding's paths, while the rules that do not read it stay silent.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { validateReport } from "../../src/index.js";
import { templatePaths } from "../../src/template/templates.js";
import type { Finding } from "../../src/types.js";
import {
  reportArbitrary,
  sumEquations,
  toReport,
  type GeneratedReport,
  type SumEquation,
  type SumRule,
} from "../helpers/arbitrary-report.js";

const RUNS = 1000;
const SUM_RULES: readonly SumRule[] = ["balance", "row-total", "outcome-total", "appeal-total"];

/** Error findings of the arithmetic rules (not-checkable findings are `info`). */
function sumFindings(findings: readonly Finding[], rule: SumRule): Finding[] {
  return findings.filter((f) => f.rule === rule && f.severity === "error");
}

/** A generated report, one cell of tables 3/4, and a change that keeps the cell ≥ 0. */
const mutationArbitrary = fc
  .tuple(reportArbitrary(), fc.nat(), fc.integer({ min: 1, max: 500 }), fc.boolean())
  .map(([generated, pick, size, down]) => {
    const cells = templatePaths(generated.template).filter((p) => (p.startsWith("applications.") || p.startsWith("appeals.")) && !p.endsWith(".orgSubtotal"));
    const path = cells[pick % cells.length]!;
    const value = generated.values[path]!;
    const k = down && value >= size ? -size : size;
    return { generated, path, k };
  });

function readers(generated: GeneratedReport, path: string): SumEquation[] {
  return sumEquations(generated.template).filter((eq) => eq.left.includes(path) || eq.right.includes(path));
}

describe("mutation: validateReport names the changed cell", () => {
  test.prop([reportArbitrary()], { numRuns: RUNS })("a valid generated report has no error finding", (generated) => {
    const validation = validateReport(toReport(generated));
    expect(validation.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(validation.valid).toBe(true);
    for (const rule of SUM_RULES) expect(validation.findings.filter((f) => f.rule === rule)).toEqual([]);
  });

  test.prop([mutationArbitrary], { numRuns: RUNS })(
    "cell + k: one finding per rule that reads the cell, naming it; none from the others",
    ({ generated, path, k }) => {
      const values = { ...generated.values, [path]: generated.values[path]! + k };
      const { findings, valid } = validateReport(toReport(generated, values));
      const reading = readers(generated, path);
      expect(reading.length).toBeGreaterThan(0);
      expect(valid).toBe(false);
      for (const rule of SUM_RULES) {
        const found = sumFindings(findings, rule);
        const expected = reading.filter((eq) => eq.rule === rule);
        expect(found.length, `${rule} findings for ${path}`).toBe(expected.length);
        for (const [i, eq] of expected.entries()) {
          const finding = found[i]!;
          expect(finding.paths).toContain(path);
          expect(finding.paths[0]).toBe(eq.checked);
          expect(new Set(finding.paths)).toEqual(new Set([...eq.left, ...eq.right]));
          expect(Math.abs(Number(finding.expected) - Number(finding.actual))).toBe(Math.abs(k));
        }
      }
      expect(findings.filter((f) => f.rule === "negative")).toEqual([]);
    },
  );

  test.prop([mutationArbitrary], { numRuns: RUNS })("cell set to null: its equations become not checkable, never errors", ({ generated, path }) => {
    const { findings } = validateReport(toReport(generated, { ...generated.values, [path]: null }));
    const reading = readers(generated, path);
    for (const rule of SUM_RULES) {
      expect(sumFindings(findings, rule)).toEqual([]);
      const info = findings.filter((f) => f.rule === rule && f.notCheckable === true);
      expect(info.length).toBe(reading.filter((eq) => eq.rule === rule).length);
      for (const f of info) expect(f.paths).toContain(path);
    }
    expect(findings.some((f) => f.rule === "missing-value" && f.paths.includes(path))).toBe(true);
  });
});
