/**
 * Random valid reports (both templates) written as glued text, and a reader that
 * takes the values back out of the glued tokenizer's grids by label.
 */
import fc from "fast-check";
import type { Table } from "../../src/types.js";
import type { Tokenized } from "../../src/tokenize/types.js";
import { APPEAL_ROWS, APPLICANT_COLUMNS_WITH_SUBTOTAL, rowsOf, type RowSpec, type TableTemplate } from "../../src/template/templates.js";
import { readCellValue } from "../../src/text/cell-value.js";
import { hanKey } from "../../src/tokenize/glued/glued-rows.js";

/** A generated report: its glued text and the value of every path. */
export interface GluedReport {
  template: TableTemplate;
  text: string;
  values: Record<string, number>;
}

const OUTER = new Set(["newReceived", "carriedOver", "total", "carriedForward"]);

/** Counts as reports have them: mostly 0, often small, sometimes large. */
const count = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 99 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }) },
);
const bigCount = fc.oneof(count, fc.integer({ min: 1000, max: 99999 }));
const change = fc.oneof(count, count.map((n) => -n));
/** Money as written: an integer or a number with 1–6 decimals. */
const money = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([int, places, frac]) => (places === 0 ? String(int) : `${int}.${String(frac).padStart(6, "0").slice(0, places)}`));

/** Table 3 values that satisfy every rule: row totals, balance and outcome totals per column. */
function applicationsArb(template: TableTemplate): fc.Arbitrary<Record<string, number[]>> {
  const rows = rowsOf("applications", template);
  const outcome = rows.filter((r) => !OUTER.has(r.path));
  const column = fc
    .record({
      used: fc.boolean(),
      outcome: fc.array(count, { minLength: outcome.length, maxLength: outcome.length }),
      forward: count,
      over: count,
    })
    .map(({ used, outcome: parts, forward, over }) => {
      const o = used ? parts : parts.map(() => 0);
      const total = o.reduce((a, b) => a + b, 0);
      const carriedForward = used ? forward : 0;
      const carriedOver = used ? Math.min(over, total + carriedForward) : 0;
      return { o, total, carriedForward, carriedOver, newReceived: total + carriedForward - carriedOver };
    });
  return fc.array(column, { minLength: 6, maxLength: 6 }).map((cols) => {
    const out: Record<string, number[]> = {};
    const put = (path: string, c: number, v: number) => ((out[path] ??= [])[c] = v);
    cols.forEach((col, c) => {
      outcome.forEach((r, i) => put(r.path, c, col.o[i]!));
      put("total", c, col.total);
      put("carriedForward", c, col.carriedForward);
      put("carriedOver", c, col.carriedOver);
      put("newReceived", c, col.newReceived);
    });
    for (const r of rows) out[r.path]!.push(out[r.path]!.reduce((a, b) => a + b, 0));
    return out;
  });
}

const appealsArb = fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }).map((rows) => rows.map((r) => [...r, r.reduce((a, b) => a + b, 0)]));

/** Table 2 cells as written (money keeps its decimals as text). */
function activeArb(template: TableTemplate): fc.Arbitrary<Array<{ spec: RowSpec; cells: string[] }>> {
  const specs = rowsOf("activeDisclosure", template);
  return fc.tuple(
    ...specs.map((spec) =>
      fc.tuple(
        ...spec.columns.map((col) => {
          const path = `activeDisclosure.${spec.path}.${col.key}`;
          if (path === "activeDisclosure.fees.amount" || path === "activeDisclosure.procurement.amount") return money;
          if (col.key === "change") return change.map(String);
          return (col.key === "decisions" || col.key === "inForce" || col.key === "total" ? bigCount : count).map(String);
        }),
      ).map((cells) => ({ spec, cells })),
    ),
  );
}

/** How a row's cells are joined: glued, spaced, or partly spaced. */
const joinArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant("glued" as const) },
  { weight: 1, arbitrary: fc.constant("spaced" as const) },
  { weight: 2, arbitrary: fc.constant("mixed" as const) },
);

function join(cells: readonly string[], how: "glued" | "spaced" | "mixed", seed: number): string {
  if (how === "glued") return cells.join("");
  if (how === "spaced") return cells.join(" ");
  return cells.map((c, i) => (i > 0 && (seed >> i) & 1 ? ` ${c}` : c)).join("");
}

/** Options of {@link gluedReportArb}. */
export interface GluedReportOptions {
  /** How every row's cells are joined (default: each row glued, spaced or partly spaced at random). */
  join?: "glued" | "spaced" | "mixed";
  /** Table 三 prints a 法人或其他组织「小计」column (after 其他, the sum of the five organisation columns). */
  orgSubtotal?: boolean;
}

/** Table 三's cells of one row as printed: the applicant columns, 小计 when printed, 总计. */
function applicationCells(cells: readonly number[], orgSubtotal: boolean): number[] {
  if (!orgSubtotal) return [...cells];
  const subtotal = cells.slice(1, 6).reduce((a, b) => a + b, 0);
  return [...cells.slice(0, 6), subtotal, cells[6]!];
}

/** A valid report of `template`, glued (or spaced / partly spaced, row by row, unless `join` fixes it). */
export function gluedReportArb(template: TableTemplate, options: GluedReportOptions = {}): fc.Arbitrary<GluedReport> {
  const orgSubtotal = options.orgSubtotal === true;
  const rows3 = rowsOf("applications", template);
  const joinOf = options.join ? fc.constant(options.join) : joinArb;
  return fc
    .record({
      active: activeArb(template),
      apps: applicationsArb(template),
      appeals: appealsArb,
      joins: fc.array(fc.tuple(joinOf, fc.integer({ min: 0, max: 1 << 16 })), { minLength: 40, maxLength: 40 }),
      appealJoin: fc.tuple(joinOf, fc.integer({ min: 0, max: 1 << 16 })),
    })
    .map(({ active, apps, appeals, joins, appealJoin }) => {
      const values: Record<string, number> = {};
      let k = 0;
      let text = "平潭综合实验区2024年度政府信息公开工作年度报告 一、总体情况本年度工作情况如下。二、主动公开政府信息情况第二十条第（一）项信息内容";
      let group = "";
      for (const { spec, cells } of active) {
        if (spec.group && spec.group !== group) text += group === "" ? "" : `${spec.group}信息内容`;
        group = spec.group ?? "";
        const [how, seed] = joins[k++ % joins.length]!;
        text += spec.label + join(cells, how, seed);
        spec.columns.forEach((col, i) => (values[`activeDisclosure.${spec.path}.${col.key}`] = Number(cells[i])));
      }
      text += `三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${orgSubtotal ? "小计" : ""}`;
      group = "";
      for (const spec of rows3) {
        if (spec.group && spec.group !== group) text += spec.group;
        group = spec.group ?? "";
        const cells = apps[spec.path]!;
        const [how, seed] = joins[k++ % joins.length]!;
        text += spec.label + join(applicationCells(cells, orgSubtotal).map(String), how, seed);
        spec.columns.forEach((col, i) => (values[`applications.${spec.path}.${col.key}`] = cells[i]!));
        if (orgSubtotal) values[`applications.${spec.path}.orgSubtotal`] = applicationCells(cells, true)[6]!;
      }
      text += "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";
      text += join(appeals.flat().map(String), appealJoin[0], appealJoin[1]);
      APPEAL_ROWS.forEach((row, r) => row.columns.forEach((col, c) => (values[`appeals.${row.path}.${col.key}`] = appeals[r]![c]!)));
      text += "五、存在的主要问题及改进情况无。六、其他需要报告的事项无。";
      return { template, text, values };
    });
}

/**
 * The values of the glued tokenizer's grids, by path (rows matched by label; table 4 by
 * position); `orgSubtotal`: table 三's rows hold a 小计 before 总计.
 */
export function readGluedValues(tokenized: Tokenized, template: TableTemplate, orgSubtotal = false): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const table of tokenized.tables) {
    if (table.kind === "appeals") readAppealsGrid(table, out);
    else if (table.kind) readLabelledGrid(table, table.kind, template, out, table.kind === "applications" && orgSubtotal);
  }
  return out;
}

function valueOf(text: string): number | null {
  const v = readCellValue(text);
  return v.kind === "number" ? v.value : null;
}

function readLabelledGrid(table: Table, kind: "activeDisclosure" | "applications", template: TableTemplate, out: Record<string, number | null>, orgSubtotal: boolean): void {
  const specs = rowsOf(kind, template);
  let next = 0;
  for (const row of table.rows) {
    const firstValue = row.findIndex((c, i) => i > 0 && readCellValue(c.text).kind !== "text");
    if (firstValue < 0) continue;
    const key = hanKey(row[firstValue - 1]!.text);
    const at = specs.findIndex((s, i) => i >= next && hanKey(s.label) === key);
    if (at < 0) continue;
    next = at + 1;
    const spec = specs[at]!;
    (orgSubtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : spec.columns).forEach((col, i) => (out[`${kind}.${spec.path}.${col.key}`] = valueOf(row[firstValue + i]?.text ?? "")));
  }
}

function readAppealsGrid(table: Table, out: Record<string, number | null>): void {
  const row = table.rows.find((r) => r.length === 15);
  if (!row) return;
  let i = 0;
  for (const spec of APPEAL_ROWS) for (const col of spec.columns) out[`appeals.${spec.path}.${col.key}`] = valueOf(row[i++]!.text);
}
