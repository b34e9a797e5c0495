/**
 * Shared pieces of the flat-text and aligned-text tests: random report values and
 * renderer options for property tests, the corpus files with their layouts, and
 * checks every tokenized table must pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc } from "@fast-check/vitest";
import { isMoneyPath, isSignedPath, type TableTemplate } from "../../src/template/templates.js";
import { printedPaths, withoutSubtotal } from "./make-report.js";
import { readCellValue } from "../../src/text/cell-value.js";
import type { Table } from "../../src/types.js";
import { corpusDir, loadExpected } from "./corpus.js";
import type { FooterPlacement } from "./render-flat-text.js";

/** Values of every path of a template: counts up to five digits, signed changes, money with decimals, some nulls. */
export function valuesArb(template: TableTemplate, nulls: boolean): fc.Arbitrary<Record<string, number | null>> {
  const paths = printedPaths(template);
  const one = (path: string): fc.Arbitrary<number | null> => {
    const count = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99999 }));
    const value = isMoneyPath(path)
      ? fc.integer({ min: 0, max: 9999999 }).map((n) => n / 100)
      : isSignedPath(path)
        ? fc.integer({ min: -999, max: 999 })
        : count;
    return nulls && !path.startsWith("appeals") ? fc.option(value, { freq: 8, nil: null }) : value;
  };
  return fc
    .record(Object.fromEntries(paths.map((p) => [p, one(p)])) as Record<string, fc.Arbitrary<number | null>>)
    .map((values) => withoutSubtotal(template, values));
}

/** A template, whether some cells are blank, and values for every path of the template. */
export const reportArb = fc
  .record({ template: fc.constantFrom<TableTemplate>("2021", "2019"), nulls: fc.boolean() })
  .chain(({ template, nulls }) => valuesArb(template, nulls).map((values) => ({ template, nulls, values })));

/** Page footers at random lines of tables 2 and 3. */
export const footersArb: fc.Arbitrary<FooterPlacement[]> = fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => [
  { table: "applications", afterLine: a },
  { table: "activeDisclosure", afterLine: b },
]);

/** Wrap widths and the other layout choices shared by both renderers. */
export const layoutArb = fc.record({
  labelWidth: fc.integer({ min: 5, max: 30 }),
  groupWidth: fc.integer({ min: 2, max: 8 }),
  verticalGroup: fc.boolean(),
  numbering: fc.constantFrom<"." | "、">(".", "、"),
  footers: footersArb,
});

/** Every corpus file with the layout its expected file names. */
export function corpusFiles(): Array<{ file: string; layout: string; text: string }> {
  return loadExpected().flatMap((e) =>
    e.files.map((f) => ({ file: f.file, layout: f.layout, text: readFileSync(join(corpusDir, f.file), "utf8") })),
  );
}

/**
 * Problems with the cells of tokenized tables: a value cell whose offsets do not slice to its
 * text, a label cell (possibly joined from lines) whose slice does not start and end like it.
 */
export function offsetProblems(text: string, tables: readonly Table[]): string[] {
  const problems: string[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      for (const c of row) {
        if (c.text === "") {
          if (c.start !== c.end) problems.push(`blank cell ${c.start}..${c.end} is not empty`);
          continue;
        }
        const slice = text.slice(c.start, c.end);
        const joined = readCellValue(c.text).kind === "text" && slice.startsWith(c.text.slice(0, 1)) && slice.endsWith(c.text.slice(-1));
        const ok = slice === c.text || (joined && slice.length >= c.text.length);
        if (!ok) problems.push(`cell "${c.text}" at ${c.start}..${c.end} reads "${slice}"`);
      }
    }
  }
  return problems;
}
