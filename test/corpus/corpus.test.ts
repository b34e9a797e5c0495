/**
 * Every report of corpus/ against its expected values, template, metadata and findings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flattenReport, parseReport } from "../../src/index.js";
import { validateReport } from "../../src/validate/validate-report.js";
import { acceptable, corpusDir, extraDir, hasExtra, loadExpected, sameMeta, type Expected } from "../helpers/corpus.js";
import type { Report } from "../../src/types.js";

/**
 * Cells a report leaves null because its text allows several readings (glued digits with no
 * sum to decide them): honest when an `ambiguous-split` diagnostic names the cell and lists
 * the expected value among its alternatives.
 */
function honestlyAmbiguous(report: Report, expected: Expected): Set<string> {
  const out = new Set<string>();
  for (const d of report.diagnostics) {
    if ((d.code !== "ambiguous-split" && d.code !== "ambiguous-cell") || !d.path || !d.alternatives) continue;
    const want = expected.values[d.path];
    if (d.alternatives.some((alt) => alt[d.path!] === want)) out.add(d.path);
  }
  return out;
}

const SEVERE = new Set(["error", "warning"]);

/** The rules whose findings corpus-extra's expected files list (corpus/README.md). */
const ARITHMETIC_RULES = new Set(["balance", "row-total", "outcome-total", "appeal-total", "negative"]);

describeCorpus(corpusDir, loadExpected(corpusDir), null);
if (hasExtra) describeCorpus(extraDir, loadExpected(extraDir), ARITHMETIC_RULES);
else it.skip(`corpus-extra: ${extraDir} is absent (it is present in CI); its PDF extractions are not tested`, () => {});

/**
 * Test every file of a corpus folder. `rules` limits the compared findings to those rules
 * (null: every error and warning finding).
 */
function describeCorpus(dir: string, all: Expected[], rules: Set<string> | null): void {
  for (const expected of all) {
    describe(expected.id, () => {
      // PDF files are read by parseDocument: see test/pdf
      for (const file of expected.files.filter((f) => !f.file.endsWith(".pdf"))) {
        const read = () => parseReport(readFileSync(join(dir, file.file)));

        it(`${file.file}: layout, template and year`, () => {
          const report = read();
          expect(report.source.layout).toBe(file.layout);
          expect(report.template).toBe(expected.template);
          expect(report.meta.year).toBe(expected.meta.year);
        });

        it(`${file.file}: organization and title`, () => {
          const report = read();
          expect(sameMeta(expected, "organization", report.meta.organization), `organization ${report.meta.organization}`).toBe(true);
          expect(sameMeta(expected, "title", report.meta.title), `title ${report.meta.title}`).toBe(true);
        });

        it(`${file.file}: every expected value`, () => {
          const report = read();
          const flat = flattenReport(report);
          const ambiguous = honestlyAmbiguous(report, expected);
          const wrong = Object.keys(expected.values)
            .filter((path) => !acceptable(expected, path, flat[path]) && !(flat[path] === null && ambiguous.has(path)))
            .map((path) => `${path}: got ${flat[path]}, want ${expected.values[path]}`);
          expect(wrong).toEqual([]);
        });

        it(`${file.file}: the error and warning findings`, () => {
          const report = read();
          const ambiguous = honestlyAmbiguous(report, expected);
          // a cell with several accepted readings may be the blank one either way; a cell left
          // null as ambiguous is missing, and cannot be compared with the narrative
          const settled = (f: { rule: string; paths: string[] }) =>
            (rules === null || rules.has(f.rule)) &&
            !(f.rule === "missing-value" && expected.accept?.[f.paths[0]!]?.includes(null)) &&
            !((f.rule === "missing-value" || f.rule === "narrative-mismatch") && ambiguous.has(f.paths[0]!));
          const got = validateReport(report)
            .findings.filter((f) => SEVERE.has(f.severity) && settled(f))
            .map((f) => `${f.rule} ${f.paths[0]}`)
            .sort();
          const want = expected.findings
            .filter((f) => SEVERE.has(f.severity ?? "error") && settled(f))
            .map((f) => `${f.rule} ${f.paths[0]}`)
            .sort();
          expect(got).toEqual(want);
        });

        it(`${file.file}: every value's location points at its cell`, () => {
          const report = read();
          const flat = flattenReport(report);
          const tableNumbers = Object.keys(flat).filter((p) => !p.startsWith("meta.") && typeof flat[p] === "number");
          expect(tableNumbers.length).toBeGreaterThan(0);
          expect(tableNumbers.filter((p) => report.locations[p] === undefined)).toEqual([]);
          for (const [path, loc] of Object.entries(report.locations)) {
            expect(report.source.text.slice(loc.start, loc.end)).toContain(loc.text.trim().slice(0, 1));
            if (typeof flat[path] === "number" && loc.text !== "") expect(loc.text).toMatch(/\d/);
          }
        });
      }
    });
  }
}
