/**
 * `late-publication`: the report was published after the deadline of 条例第四十九条
 * (政府信息公开条例, 2019): a department's report by 1月31日 of the next year, a 县级以上
 * people's government's report by 3月31日. A township's report has no statutory date.
 */
import type { Finding, OrganType, Report } from "../../types.js";
import { fileDateNotCheckableMessage, lateNotCheckableMessage, latePublicationMessage } from "../messages.js";
import { isObject, type ReportRule, type RuleOptions } from "../rule.js";

/** The deadline of each kind of organ, as month and day of the year after the report's year. */
export const DEADLINES: Readonly<Record<Exclude<OrganType, "township">, string>> = {
  department: "01-31",
  government: "03-31",
};

/** The first year the 2019 条例 (and its article 49) governs. */
const FIRST_YEAR = 2019;

const PATHS = ["meta.published", "meta.year", "meta.organType"];

/** The deadline for a report on `year` by an organ of `organType`, `YYYY-MM-DD`; `null` for a township. */
export function publicationDeadline(year: number, organType: OrganType): string | null {
  if (organType === "township") return null;
  return `${year + 1}-${DEADLINES[organType]}`;
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** True when `meta.published` is the file's creation date, not a date the text states (a `published-from-file` diagnostic). */
function fromFile(report: Report): boolean {
  const diagnostics: unknown = report.diagnostics;
  return Array.isArray(diagnostics) && diagnostics.some((d) => isObject(d) && d.code === "published-from-file");
}

function isOrganType(value: unknown): value is OrganType {
  return value === "government" || value === "township" || value === "department";
}

/**
 * One warning when `meta.published` is after the deadline (`expected` the deadline, `actual`
 * the date; paths `["meta.published", "meta.year", "meta.organType"]`). No finding for a township,
 * a report published in time, a report that is not of the 2019/2021 template or on a year before
 * 2019; an `info` not-checkable finding when the date, the year or the organ's kind is unknown,
 * and when the date is only the file's creation date (a `published-from-file` diagnostic) and
 * within the deadline (the file was made in time; when it was published is not known).
 */
export function checkLatePublication(report: Report, options: RuleOptions): Finding[] {
  if (report.template !== "2021" && report.template !== "2019") return [];
  const meta: Record<string, unknown> = isObject(report.meta) ? report.meta : {};
  const { published, year, organType } = meta;
  if (organType === "township") return [];
  const validYear = typeof year === "number" && Number.isInteger(year);
  if (validYear && year < FIRST_YEAR) return [];
  const missing = [
    ...(isDate(published) ? [] : ["meta.published"]),
    ...(validYear ? [] : ["meta.year"]),
    ...(isOrganType(organType) ? [] : ["meta.organType"]),
  ];
  if (missing.length > 0 || !isDate(published) || !validYear || !isOrganType(organType)) {
    if (!options.includeNotCheckable) return [];
    return [
      { rule: "late-publication", severity: "info", message: lateNotCheckableMessage(missing), paths: [...PATHS], notCheckable: true },
    ];
  }
  const deadline = publicationDeadline(year, organType);
  if (deadline === null) return [];
  if (published <= deadline) {
    // a file made in time may still have been published late: only a late file proves lateness
    if (!fromFile(report) || !options.includeNotCheckable) return [];
    return [
      {
        rule: "late-publication",
        severity: "info",
        message: fileDateNotCheckableMessage(published, deadline),
        paths: [...PATHS],
        expected: deadline,
        actual: published,
        notCheckable: true,
      },
    ];
  }
  return [
    {
      rule: "late-publication",
      severity: "warning",
      message: latePublicationMessage(year, organType, published, deadline),
      paths: [...PATHS],
      expected: deadline,
      actual: published,
    },
  ];
}

/** The `late-publication` rule. */
export const latePublication: ReportRule = { name: "late-publication", check: checkLatePublication };
