/**
 * The sums of the templates' tables as data (the 勾稽关系 of the State Council
 * template and the totals of its rows and columns). The validator checks them, the
 * glued-text segmenter and the short-row repair search with them: every stage reads
 * the same equations from here.
 */
import { APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS, rowsOf, type TableTemplate } from "./templates.js";
import { boundedMemo } from "../text/bounded-memo.js";

/** The rules that are sums of one table's cells. */
export type SumRule = "balance" | "row-total" | "outcome-total" | "appeal-total" | "org-subtotal";

/**
 * One equation of a table: the sum of the cells at `parts` equals the sum of the cells
 * at `totals` (the totals as the report prints them).
 */
export interface Equation {
  rule: SumRule;
  /** What the equation is about: a column key (`naturalPerson`) or a row path (`applications.granted`). */
  subject: string;
  /** Cells summed into the expected value. */
  parts: readonly string[];
  /** Cells summed into the actual value; the checked total first. */
  totals: readonly string[];
  /** Every cell the equation reads: the totals, then the parts. */
  paths: readonly string[];
}

/** How a report's table 三 is shaped: its template, and whether it prints a 小计 column. */
export interface ApplicationsShape {
  template: TableTemplate;
  /** The table has a 法人或其他组织「小计」column (`orgSubtotal`). */
  orgSubtotal: boolean;
}

/** The six applicant columns whose sum is a row's 总计. */
export const APPLICANT_PARTS: readonly string[] = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/** The five organisation columns whose sum is a row's 小计. */
export const ORGANISATION_PARTS: readonly string[] = APPLICANT_PARTS.filter((key) => key !== "naturalPerson");

/** The rows of table 三 that are not outcomes: the two inputs, (七)总计 and the carry-forward. */
export const BALANCE_ROWS = ["newReceived", "carriedOver", "total", "carriedForward"] as const;

const OUTCOME_GROUPS = ["granted", "partiallyGranted", "denied.", "unavailable.", "notProcessed.", "otherHandling."];

/** The outcome rows of a template (the rows (七)总计 adds up), in table order. */
export function outcomeRows(template: TableTemplate): string[] {
  return rowsOf("applications", template)
    .map((r) => r.path)
    .filter((p) => OUTCOME_GROUPS.some((g) => (g.endsWith(".") ? p.startsWith(g) : p === g)));
}

function equation(rule: SumRule, subject: string, totals: readonly string[], parts: readonly string[]): Equation {
  return { rule, subject, parts, totals, paths: [...totals, ...parts] };
}

/** The columns table 三's column equations run over: the applicant columns, and 小计 when printed. */
function columnKeys(shape: ApplicationsShape): string[] {
  const keys = APPLICANT_COLUMNS.map((c) => c.key);
  return shape.orgSubtotal ? [...keys.slice(0, -1), "orgSubtotal", "total"] : keys;
}

function build(rule: SumRule, shape: ApplicationsShape): readonly Equation[] {
  const app = (row: string, key: string) => `applications.${row}.${key}`;
  switch (rule) {
    case "balance":
      return columnKeys(shape).map((key) =>
        equation(rule, key, [app("total", key), app("carriedForward", key)], [app("newReceived", key), app("carriedOver", key)]),
      );
    case "outcome-total": {
      const rows = outcomeRows(shape.template);
      return columnKeys(shape).map((key) => equation(rule, key, [app("total", key)], rows.map((row) => app(row, key))));
    }
    case "row-total":
      return rowsOf("applications", shape.template).map(({ path: row }) =>
        equation(rule, `applications.${row}`, [app(row, "total")], APPLICANT_PARTS.map((key) => app(row, key))),
      );
    case "org-subtotal":
      if (!shape.orgSubtotal) return [];
      return rowsOf("applications", shape.template).map(({ path: row }) =>
        equation(rule, `applications.${row}`, [app(row, "orgSubtotal")], ORGANISATION_PARTS.map((key) => app(row, key))),
      );
    case "appeal-total": {
      const parts = APPEAL_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);
      return APPEAL_ROWS.map(({ path: row }) =>
        equation(rule, `appeals.${row}`, [`appeals.${row}.total`], parts.map((key) => `appeals.${row}.${key}`)),
      );
    }
  }
}

/** The equations of each rule and shape, by `rule/template/orgSubtotal`. */
const built = boundedMemo<readonly Equation[]>(64);

/**
 * The equations of one sum rule for a table of the given shape, in the order their findings
 * are listed (per column for `balance` and `outcome-total`, per row for the others).
 * Built once per shape: the result is shared, do not change it.
 */
export function equationsOf(rule: SumRule, shape: ApplicationsShape): readonly Equation[] {
  const key = `${rule}/${shape.template}/${shape.orgSubtotal ? 1 : 0}`;
  return built.get(key, () => Object.freeze(build(rule, shape)));
}
