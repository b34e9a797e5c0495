/**
 * Metamorphic properties: transformations of a report's text that must not change
 * what the parser reads (or change exactly one value), on the real reports of the
 * corpus written in a text layout and on generated reports.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { flattenReport, parseReport } from "../../src/index.js";
import { labelKey } from "../../src/template/normalize.js";
import { ACTIVE_ROWS, templatePaths } from "../../src/template/templates.js";
import type { Report } from "../../src/types.js";
import { describeGenerated, ORGANIZATIONS, reportArbitrary } from "../helpers/arbitrary-report.js";
import { corpusDir, loadExpected } from "../helpers/corpus.js";
import {
  isTableRowLine,
  renderOptionsArbitrary,
  renderReport,
  TEXT_LAYOUTS,
  toFullWidth,
  type RenderOptions,
  type TextLayout,
} from "../helpers/render-text.js";

const RUNS = 1000;

/** A text to transform, with the layout it is written in. */
interface Source {
  name: string;
  layout: TextLayout;
  text: string;
}

function named(source: Source): Source {
  Object.defineProperty(source, fc.toStringMethod, { value: () => `Source(${source.name})`, enumerable: false });
  return source;
}

/** The corpus files written in a layout the renderers cover. */
const CORPUS: Source[] = loadExpected().flatMap((e) =>
  e.files
    .filter((f) => (TEXT_LAYOUTS as readonly string[]).includes(f.layout))
    .map((f) => named({ name: f.file, layout: f.layout as TextLayout, text: readFileSync(join(corpusDir, f.file), "utf8") })),
);

/** Generated reports rendered in one of the layouts, with some render options fixed. */
function generatedSource(layouts: readonly TextLayout[], fixed: Partial<RenderOptions> = {}): fc.Arbitrary<Source> {
  return fc.tuple(reportArbitrary(), renderOptionsArbitrary(), fc.constantFrom(...layouts)).map(([report, drawn, layout]) => {
    const options = { ...drawn, layout, ...fixed };
    const name = `${describeGenerated(report)} ${JSON.stringify(options)}`;
    return named({ name, layout: options.layout, text: renderReport(report, options) });
  });
}

/** Half the runs on real reports, half on generated ones, in the given layouts (default all). */
function sourceArbitrary(fixed: Partial<RenderOptions> = {}, layouts: readonly TextLayout[] = TEXT_LAYOUTS): fc.Arbitrary<Source> {
  const real = CORPUS.filter((s) => layouts.includes(s.layout));
  return fc.oneof(fc.constantFrom(...real), generatedSource(layouts, fixed));
}

/** What a parse gives: the template and the values of its paths. */
interface Reading {
  template: string;
  values: Record<string, number | string | null>;
}

function readingOf(report: Report): Reading {
  const flat = flattenReport(report);
  return { template: report.template, values: Object.fromEntries(templatePaths(report.template).map((p) => [p, flat[p] ?? null])) };
}

const baselines = new Map<string, { report: Report; reading: Reading }>();

/** The parse of the untransformed text (cached for corpus files). */
function baseline(source: Source): { report: Report; reading: Reading } {
  const cached = baselines.get(source.text);
  if (cached) return cached;
  const report = parseReport(source.text);
  const result = { report, reading: readingOf(report) };
  if (!source.name.startsWith("GeneratedReport")) baselines.set(source.text, result);
  return result;
}

/** Apply `fn` to every line, keeping the line breaks as they are. */
function mapLines(text: string, fn: (line: string) => string): string {
  return text
    .split(/(\r\n|\n|\r)/)
    .map((part, i) => (i % 2 === 0 ? fn(part) : part))
    .join("");
}

/** Every line with its offset. */
function linesOf(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^\r\n]*(\r\n|\n|\r|$)/g;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    out.push({ text: m[0].replace(/[\r\n]+$/, ""), start: m.index });
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

/** LF (or CR) line ends become CRLF. */
function toCrlf(text: string): string {
  return text.replace(/\r\n|\n|\r/g, "\r\n");
}

/** ASCII digits and `()` become full-width in the table rows of the layout; narrative lines stay. */
function fullWidthTables(text: string, layout: TextLayout): string {
  return mapLines(text, (line) => (isTableRowLine(layout, line) ? toFullWidth(line) : line));
}

const HAN = /\p{Script=Han}/u;

/** Offsets between two CJK characters of a table row (inside a label, since values are numbers). */
function labelSpacePlaces(text: string, layout: TextLayout): number[] {
  const places: number[] = [];
  for (const line of linesOf(text)) {
    if (!isTableRowLine(layout, line.text)) continue;
    for (let i = 1; i < line.text.length; i++) {
      if (HAN.test(line.text[i - 1]!) && HAN.test(line.text[i]!)) places.push(line.start + i);
    }
  }
  return places;
}

/** Insert `space` at each of the offsets. */
function insertAt(text: string, offsets: readonly number[], space: string): string {
  let out = text;
  for (const at of [...new Set(offsets)].sort((a, b) => b - a)) out = out.slice(0, at) + space + out.slice(at);
  return out;
}

/** The table-2 data rows' labels of both templates, as label keys. */
const ACTIVE_LABEL_KEYS = new Set(ACTIVE_ROWS.map((r) => labelKey(r.label)));

/** The first cell's text of a table row in the layout. */
function firstCell(line: string, layout: TextLayout): string {
  const t = line.trim();
  if (layout === "markdown") return t.replace(/^\|/, "").split("|")[0] ?? "";
  if (layout === "tab-rows") return line.split("\t")[0] ?? "";
  return t.split("|")[0] ?? "";
}

/** Offsets of the lines that start a data row of table 2 (规章, 行政许可 …), before section 三. */
function activeRowStarts(text: string, layout: TextLayout): number[] {
  const starts: number[] = [];
  for (const line of linesOf(text)) {
    if (/^\s*#*\s*三\s*[、.，,]\s*收到和处理/.test(line.text)) break;
    if (!isTableRowLine(layout, line.text)) continue;
    if (ACTIVE_LABEL_KEYS.has(labelKey(firstCell(line.text, layout)))) starts.push(line.start);
  }
  return starts;
}

/** A row like Hubei's `其他主动公开文件 | 12 |`, written in the layout, with its line break. */
function provinceRow(layout: TextLayout, label: string, count: number, eol: string): string {
  switch (layout) {
    case "pipe-rows":
      return `${label} | ${count} |${eol}`;
    case "pipe-cells":
      return `${label} |${eol}${count} |${eol}`;
    case "tab-rows":
      return `${label}\t${count}\t\t${eol}`;
    case "markdown":
      return `| ${label} | ${count} |  |  |${eol}`;
  }
}

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** Blank markers a cell may hold instead of a number; `pipe-cells` cannot write an empty cell (` |` ends a row there). */
function blankMarkers(layout: TextLayout): string[] {
  return layout === "pipe-cells" ? ["/", "—", "-", "无"] : ["", "", "/", "—", "-", "无"];
}

/** Value paths grouped by template row, in column order (both templates). */
const ROW_PATHS: string[][] = (["2021", "2019"] as const).flatMap((template) => {
  const byRow = new Map<string, string[]>();
  for (const path of templatePaths(template)) {
    const row = path.slice(0, path.lastIndexOf("."));
    byRow.set(row, [...(byRow.get(row) ?? []), path]);
  }
  return [...byRow.values()];
});

/** The first value path of every template row (table 4 is written as one row: its first is `appeals.review.upheld`). */
const FIRST_PATHS: ReadonlySet<string> = new Set(ROW_PATHS.map((paths) => paths[0]!));

/** The last value path of every template row. */
const LAST_PATHS: ReadonlySet<string> = new Set(ROW_PATHS.map((paths) => paths[paths.length - 1]!));

/** Which cells of a row a blank-cell property blanks. */
type CellPlace = "interior" | "first" | "last";

function placeFilter(place: CellPlace): (path: string) => boolean {
  if (place === "first") return (p) => FIRST_PATHS.has(p);
  if (place === "last") return (p) => LAST_PATHS.has(p);
  return (p) => !FIRST_PATHS.has(p) && !LAST_PATHS.has(p);
}

function expectSameReading(text: string, before: Reading): Report {
  const report = parseReport(text);
  const after = readingOf(report);
  expect(after.template).toBe(before.template);
  expect(after.values).toEqual(before.values);
  return report;
}

describe("metamorphic: transformations that leave the values unchanged", () => {
  test("the corpus has a report in every text layout", () => {
    expect(new Set(CORPUS.map((s) => s.layout))).toEqual(new Set(TEXT_LAYOUTS));
  });

  test.prop([sourceArbitrary({ lineEnding: "\n" })], { numRuns: RUNS })("CRLF line ends", (source) => {
    expectSameReading(toCrlf(source.text), baseline(source).reading);
  });

  test.prop([sourceArbitrary({ fullWidth: false })], { numRuns: RUNS })("full-width digits and brackets in table rows", (source) => {
    const text = fullWidthTables(source.text, source.layout);
    expect(text).not.toBe(source.text);
    expectSameReading(text, baseline(source).reading);
  });

  test.prop(
    [sourceArbitrary(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "\u3000", "  ")],
    { numRuns: RUNS },
  )("spaces inside labels", (source, picks, space) => {
    const places = labelSpacePlaces(source.text, source.layout);
    expect(places.length).toBeGreaterThan(0);
    const text = insertAt(source.text, picks.map((n) => places[n % places.length]!), space);
    expectSameReading(text, baseline(source).reading);
  });

  test.prop([sourceArbitrary()], { numRuns: RUNS })("the body pasted twice: same values and a duplicate-body diagnostic", (source) => {
    const report = expectSameReading(`${source.text}\n${source.text}`, baseline(source).reading);
    expect(report.diagnostics.map((d) => d.code)).toContain("duplicate-body");
  });

  test.prop([sourceArbitrary(), fc.constantFrom(...ORGANIZATIONS), fc.integer({ min: 2019, max: 2025 })], { numRuns: RUNS })(
    "a title line added before the report",
    (source, organization, year) => {
      const title = `${organization}${year}年政府信息公开工作年度报告`;
      const report = expectSameReading(`${title}${eolOf(source.text)}${source.text}`, baseline(source).reading);
      expect(report.meta.title).toBe(title);
      expect(report.meta.year).toBe(year);
    },
  );

  test.prop(
    [sourceArbitrary(), fc.nat(), fc.constantFrom("其他主动公开文件", "其他依法主动公开文件"), fc.integer({ min: 0, max: 999 })],
    { numRuns: RUNS },
  )("an extra province row in table 2", (source, pick, label, count) => {
    const starts = activeRowStarts(source.text, source.layout);
    expect(starts.length).toBeGreaterThan(0);
    const at = starts[pick % starts.length]!;
    const text = source.text.slice(0, at) + provinceRow(source.layout, label, count, eolOf(source.text)) + source.text.slice(at);
    expectSameReading(text, baseline(source).reading);
  });
});

/** A property over a report in one of the layouts, a cell to pick and a blank marker to pick. */
function blankCellProperty(layouts: readonly TextLayout[]) {
  return test.prop([sourceArbitrary({}, layouts), fc.nat(), fc.nat()], { numRuns: RUNS });
}

/**
 * Blank one value cell (of the given place in its row): exactly that path becomes null,
 * with a blank-cell diagnostic; every other value stays.
 */
/** pipe-rows and pipe-cells write no blank at the end of a row: the empty cells there are padding. */
function padsRows(layout: TextLayout): boolean {
  return layout === "pipe-rows" || layout === "pipe-cells";
}

/**
 * A blank last cell of a table-三 row in a pipe layout cannot be told from the padding: the
 * row is short, and its numbers are placed by the table's sums. The blanked cell is null;
 * every other cell keeps its value, or is null with an ambiguous-cell diagnostic naming it.
 */
function checkPaddedLastCell(after: Report, reading: Reading, path: string, what: string): void {
  const now = readingOf(after);
  expect(now.template, what).toBe(reading.template);
  expect(now.values[path], what).toBeNull();
  const changed = Object.keys(reading.values).filter((p) => p !== path && now.values[p] !== reading.values[p]);
  for (const p of changed) {
    expect(now.values[p], `${what}: ${p}`).toBeNull();
    expect(after.diagnostics.some((d) => d.path === p && d.code === "ambiguous-cell"), `${what}: ${p} has no ambiguous-cell`).toBe(true);
  }
}

function checkBlankCell(source: Source, place: CellPlace, pickPath: number, pickMarker: number): void {
  const { report: before, reading } = baseline(source);
  const candidates = Object.keys(reading.values).filter(
    (p) => typeof reading.values[p] === "number" && before.locations[p] !== undefined && placeFilter(place)(p),
  );
  expect(candidates.length).toBeGreaterThan(0);
  const path = candidates[pickPath % candidates.length]!;
  const markers = blankMarkers(source.layout);
  const marker = markers[pickMarker % markers.length]!;
  const { start, end } = before.locations[path]!;
  const text = source.text.slice(0, start) + marker + source.text.slice(end);
  const after = parseReport(text);
  const what = `${path} blanked with ${JSON.stringify(marker)}`;
  if (place === "last" && padsRows(source.layout) && path.startsWith("applications.")) return checkPaddedLastCell(after, reading, path, what);
  expect(readingOf(after), what).toEqual({ template: reading.template, values: { ...reading.values, [path]: null } });
  // a cell of a row completed by numbers floating outside the table is one of its readings
  const row = path.slice(0, path.lastIndexOf("."));
  const floated = before.diagnostics.some((d) => d.path?.startsWith(row) && (d.code === "floating-cell" || d.code === "ambiguous-cell"));
  const codes = after.diagnostics.filter((d) => d.path === path).map((d) => d.code);
  // a table row written as a plain text line ("行政许可 0") is no row once its number is gone
  const rowMissing = after.diagnostics.some((d) => d.path === row && d.code === "missing-row");
  expect(codes.includes("blank-cell") || (floated && codes.includes("ambiguous-cell")) || rowMissing, `${what}: ${codes.join(", ")}`).toBe(true);
}

describe("metamorphic: a blank cell makes exactly its path null", () => {
  blankCellProperty(TEXT_LAYOUTS)("every layout: a cell inside its row", (source, pickPath, pickMarker) =>
    checkBlankCell(source, "interior", pickPath, pickMarker),
  );

  blankCellProperty(["pipe-cells", "tab-rows", "markdown"])(
    "pipe-cells, tab-rows, markdown: the first value cell of a row",
    (source, pickPath, pickMarker) => checkBlankCell(source, "first", pickPath, pickMarker),
  );

  // Guards a fixed bug: a pipe-rows line whose first cell is empty is not read as a row
  test.prop([sourceArbitrary({}, ["pipe-rows"]), fc.nat(), fc.nat()], { numRuns: RUNS })(
    "pipe-rows: the first value cell of a row",
    (source, pickPath, pickMarker) => checkBlankCell(source, "first", pickPath, pickMarker),
  );

  blankCellProperty(["pipe-rows", "pipe-cells"])(
    "pipe-rows, pipe-cells: the last value cell of a row (in table 三, the row is then short and placed by the sums)",
    (source, pickPath, pickMarker) => checkBlankCell(source, "last", pickPath, pickMarker),
  );

  // Guards a fixed bug: a blank last cell of a row written after an empty merged-cell pad shifts the whole row
  test.prop([sourceArbitrary({}, ["tab-rows", "markdown"]), fc.nat(), fc.nat()], { numRuns: RUNS })(
    "tab-rows, markdown: the last value cell of a row",
    (source, pickPath, pickMarker) => checkBlankCell(source, "last", pickPath, pickMarker),
  );
});
