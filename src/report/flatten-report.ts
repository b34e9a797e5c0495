/**
 * A report as one flat record: model paths to values, plus the metadata columns.
 */
import type { Report } from "../types.js";
import { getPath } from "./get-path.js";
import { templatePathList } from "../template/templates.js";

/**
 * Flatten a report to `Record<path, value>`: every value path of its template (MODEL.md
 * section 3; `null` for blank cells and for tables that were not found) and `template`,
 * `meta.title`, `meta.organization`, `meta.year`, `meta.published`, `meta.organType`,
 * `source.layout`, `source.encoding`.
 *
 * @example
 * ```ts
 * const flat = flattenReport(parseReport(text));
 * flat["applications.newReceived.total"]; // 218
 * ```
 */
export function flattenReport(report: Report): Record<string, number | string | null> {
  if (typeof report !== "object" || report === null) throw new TypeError("flattenReport(report): report must be a Report");
  const out: Record<string, number | string | null> = {
    template: report.template,
    "meta.title": report.meta.title,
    "meta.organization": report.meta.organization,
    "meta.year": report.meta.year,
    "meta.published": report.meta.published ?? null,
    "meta.organType": report.meta.organType ?? null,
    "source.layout": report.source.layout,
    "source.encoding": report.source.encoding,
  };
  for (const path of templatePathList(report.template)) out[path] = getPath(report, path) ?? null;
  return out;
}

