/**
 * fast-check arbitraries of valid annual reports: every path of a template with
 * counts that satisfy every arithmetic rule of table 3 and table 4, plus metadata.
 */
import * as fc from "fast-check";
import {
  APPEAL_COLUMNS,
  APPEAL_ROWS,
  APPLICANT_COLUMNS,
  isMoneyPath,
  isSignedPath,
  rowsOf,
  templatePaths,
  type TableTemplate,
} from "../../src/template/templates.js";
import type { Report } from "../../src/types.js";
import { makeReport } from "./make-report.js";

/** A generated report: the flat values of its template and its metadata. */
export interface GeneratedReport {
  template: TableTemplate;
  /** Every path of `templatePaths(template)`, each with a value (`orgSubtotal`: `null`, the column is not printed). */
  values: Record<string, number | null>;
  meta: { organization: string; year: number };
}

/** Organ names with a single organ word (局, 镇 …), at their end. */
export const SIMPLE_ORGANIZATIONS: readonly string[] = ["县交通运输局", "区经信局", "花桥镇", "市生态环境局"];

/** Organ names with organ words inside them too (县, 区, 市, 街道, 委 …). */
export const COMPOUND_ORGANIZATIONS: readonly string[] = [
  "卢氏县交通运输局",
  "湛河区交通局",
  "平潭综合实验区管理委员会",
  "上海市人民政府办公厅",
  "城关街道办事处",
  "县卫生健康委员会",
];

/** Real-looking names of reporting organs. */
export const ORGANIZATIONS: readonly string[] = [...SIMPLE_ORGANIZATIONS, ...COMPOUND_ORGANIZATIONS];

/** The six applicant columns of table 3 (without `total`). */
export const APPLICANT_KEYS: readonly string[] = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/** Rows of table 3 that (七)总计 adds up, for a template. */
export function outcomeRowPaths(template: TableTemplate): string[] {
  const notOutcome = new Set(["newReceived", "carriedOver", "total", "carriedForward"]);
  return rowsOf("applications", template)
    .map((r) => r.path)
    .filter((p) => !notOutcome.has(p));
}

/** How busy a report is: 0 = every count zero, 3 = large counts. */
export type Scale = 0 | 1 | 2 | 3;

/** A count as real reports have them: mostly zero or small, sometimes up to five digits. */
export function countArbitrary(scale: Scale): fc.Arbitrary<number> {
  if (scale === 0) return fc.constant(0);
  const small = fc.integer({ min: 1, max: 9 });
  const medium = fc.integer({ min: 10, max: 999 });
  const large = fc.integer({ min: 1000, max: 99_999 });
  if (scale === 1) {
    return fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: small }, { weight: 1, arbitrary: medium });
  }
  if (scale === 2) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: small },
      { weight: 3, arbitrary: medium },
      { weight: 1, arbitrary: large },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: small },
    { weight: 3, arbitrary: medium },
    { weight: 2, arbitrary: large },
  );
}

/** A money amount in 万元 with up to four decimals (`0`, `12.5`, `18651.06`, `0.0023`). */
export function moneyArbitrary(): fc.Arbitrary<number> {
  const amount = fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }))
    .map(([units, decimals]) => Number((units / 10 ** decimals).toFixed(decimals)));
  return fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: amount });
}

/** A `本年增/减` figure: zero, or a small or larger change of either sign. */
export function changeArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: -20, max: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: -9999, max: 9999 }) },
  );
}

/** Table 2: counts, signed `change` values and money, per the template's columns. */
export function activeDisclosureArbitrary(template: TableTemplate, scale: Scale): fc.Arbitrary<Record<string, number>> {
  const paths = templatePaths(template).filter((p) => p.startsWith("activeDisclosure."));
  const count = countArbitrary(scale === 0 ? 1 : scale);
  const record: Record<string, fc.Arbitrary<number>> = {};
  for (const path of paths) {
    record[path] = isMoneyPath(path) ? moneyArbitrary() : isSignedPath(path) ? changeArbitrary() : count;
  }
  return fc.record(record);
}

/**
 * Table 3 of one template: per applicant column, the outcome rows, then
 * carriedForward ≥ 0, then newReceived + carriedOver = total + carriedForward
 * split at random; the 总计 column is the sum of the six applicant columns.
 */
export function applicationsArbitrary(template: TableTemplate, scale: Scale): fc.Arbitrary<Record<string, number | null>> {
  const outcomes = outcomeRowPaths(template);
  const count = countArbitrary(scale);
  const column = fc.record({
    outcome: fc.array(count, { minLength: outcomes.length, maxLength: outcomes.length }),
    carriedForward: count,
    carriedOver: count,
  });
  const columns = fc.array(column, { minLength: APPLICANT_KEYS.length, maxLength: APPLICANT_KEYS.length });
  return columns.map((cols) => {
    const v: Record<string, number | null> = {};
    cols.forEach((col, i) => {
      const key = APPLICANT_KEYS[i]!;
      let total = 0;
      outcomes.forEach((row, r) => {
        const n = col.outcome[r]!;
        v[`applications.${row}.${key}`] = n;
        total += n;
      });
      const held = total + col.carriedForward;
      const over = Math.min(col.carriedOver, held);
      v[`applications.total.${key}`] = total;
      v[`applications.carriedForward.${key}`] = col.carriedForward;
      v[`applications.carriedOver.${key}`] = over;
      v[`applications.newReceived.${key}`] = held - over;
    });
    for (const { path: row } of rowsOf("applications", template)) {
      v[`applications.${row}.total`] = APPLICANT_KEYS.reduce((sum, key) => sum + v[`applications.${row}.${key}`]!, 0);
      v[`applications.${row}.orgSubtotal`] = null;
    }
    return v;
  });
}

/** The values with a 小计 column: each row's orgSubtotal the sum of its five organisation columns. */
export function withSubtotalColumn(template: TableTemplate, values: Record<string, number | null>): Record<string, number | null> {
  const out = { ...values };
  for (const { path: row } of rowsOf("applications", template)) {
    out[`applications.${row}.orgSubtotal`] = APPLICANT_KEYS.slice(1).reduce((sum, key) => sum + (values[`applications.${row}.${key}`] ?? 0), 0);
  }
  return out;
}

/** Table 4: per row four results and their total. */
export function appealsArbitrary(scale: Scale): fc.Arbitrary<Record<string, number>> {
  const count = countArbitrary(scale);
  const parts = APPEAL_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);
  const row = fc.array(count, { minLength: parts.length, maxLength: parts.length });
  return fc.array(row, { minLength: APPEAL_ROWS.length, maxLength: APPEAL_ROWS.length }).map((rows) => {
    const v: Record<string, number> = {};
    rows.forEach((numbers, i) => {
      const name = APPEAL_ROWS[i]!.path;
      parts.forEach((key, k) => (v[`appeals.${name}.${key}`] = numbers[k]!));
      v[`appeals.${name}.total`] = numbers.reduce((a, b) => a + b, 0);
    });
    return v;
  });
}

/** The arithmetic rules of MODEL.md section 5 that hold in every valid report. */
export type SumRule = "balance" | "row-total" | "outcome-total" | "appeal-total";

/** One equation of a rule: the sum of `left` equals the sum of `right`. */
export interface SumEquation {
  rule: SumRule;
  /** The total the equation checks (listed first in a finding's paths). */
  checked: string;
  left: string[];
  right: string[];
}

/** Every equation of tables 3 and 4 of a template, written out independently of the validator. */
export function sumEquations(template: TableTemplate): SumEquation[] {
  const equations: SumEquation[] = [];
  const columns = APPLICANT_COLUMNS.map((c) => c.key);
  const app = (row: string, col: string) => `applications.${row}.${col}`;
  for (const { path: row } of rowsOf("applications", template)) {
    const total = app(row, "total");
    equations.push({ rule: "row-total", checked: total, left: [total], right: APPLICANT_KEYS.map((k) => app(row, k)) });
  }
  for (const col of columns) {
    const total = app("total", col);
    equations.push({ rule: "outcome-total", checked: total, left: [total], right: outcomeRowPaths(template).map((r) => app(r, col)) });
    equations.push({
      rule: "balance",
      checked: total,
      left: [app("newReceived", col), app("carriedOver", col)],
      right: [app("total", col), app("carriedForward", col)],
    });
  }
  for (const { path: row } of APPEAL_ROWS) {
    const parts = APPEAL_COLUMNS.filter((c) => c.key !== "total").map((c) => `appeals.${row}.${c.key}`);
    const total = `appeals.${row}.total`;
    equations.push({ rule: "appeal-total", checked: total, left: [total], right: parts });
  }
  return equations;
}

/** The equations a set of values breaks (a missing value breaks its equations). */
export function brokenEquations(template: TableTemplate, values: Record<string, number | null>): SumEquation[] {
  const sum = (paths: readonly string[]) => paths.reduce((acc, p) => acc + (values[p] ?? Number.NaN), 0);
  return sumEquations(template).filter((eq) => !(sum(eq.left) === sum(eq.right)));
}

/** Year and template: the 2019 template mostly for 2019/2020, the 2021 template mostly after. */
export function yearTemplateArbitrary(template?: TableTemplate): fc.Arbitrary<{ year: number; template: TableTemplate }> {
  const year = fc.integer({ min: 2019, max: 2025 });
  if (template) return year.map((y) => ({ year: y, template }));
  return fc.tuple(year, fc.integer({ min: 0, max: 9 })).map(([y, dice]) => {
    const usual: TableTemplate = y <= 2020 ? "2019" : "2021";
    const other: TableTemplate = usual === "2019" ? "2021" : "2019";
    return { year: y, template: dice === 0 ? other : usual };
  });
}

/** Options of {@link reportArbitrary}. */
export interface ReportArbitraryOptions {
  /** Only this template. */
  template?: TableTemplate;
  /** Organ names to draw from (default {@link ORGANIZATIONS}). */
  organizations?: readonly string[];
  /** Give table 三 a 小计 column: always, never (the default), or at random. */
  orgSubtotal?: boolean | "sometimes";
}

/** A valid report of either template (or the one asked for): every sum holds. */
export function reportArbitrary(options: ReportArbitraryOptions = {}): fc.Arbitrary<GeneratedReport> {
  const scale = fc.constantFrom<Scale>(0, 1, 1, 2, 2, 3);
  return fc
    .record({
      yt: yearTemplateArbitrary(options.template),
      scale,
      organization: fc.constantFrom(...(options.organizations ?? ORGANIZATIONS)),
      subtotal: options.orgSubtotal === "sometimes" ? fc.boolean() : fc.constant(options.orgSubtotal === true),
    })
    .chain(({ yt, scale: s, organization, subtotal }) =>
      fc
        .tuple(activeDisclosureArbitrary(yt.template, s), applicationsArbitrary(yt.template, s), appealsArbitrary(s))
        .map(([active, applications, appeals]) =>
          withShortPrint({
            template: yt.template,
            values: { ...active, ...(subtotal ? withSubtotalColumn(yt.template, applications) : applications), ...appeals },
            meta: { organization, year: yt.year },
          }),
        ),
    );
}

/** The report with its template, metadata and non-zero values only, for counterexamples. */
export function describeGenerated(report: GeneratedReport): string {
  const nonZero = Object.fromEntries(Object.entries(report.values).filter(([, v]) => v !== 0));
  return `GeneratedReport(${JSON.stringify({ template: report.template, meta: report.meta, nonZero })})`;
}

/** Makes fast-check print a generated report in short (every other value is 0). */
function withShortPrint(report: GeneratedReport): GeneratedReport {
  Object.defineProperty(report, fc.toStringMethod, { value: () => describeGenerated(report), enumerable: false });
  return report;
}

/** A Report object holding a generated report's values (no parsing), for the validator. */
export function toReport(generated: GeneratedReport, values: Record<string, number | null> = generated.values): Report {
  const report = makeReport(values, { template: generated.template, year: generated.meta.year, base: "zero" });
  report.meta.organization = generated.meta.organization;
  return report;
}
