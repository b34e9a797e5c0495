/**
 * `carry-over` (series): year N's 四、结转下年度继续办理 equals year N+1's
 * 二、上年结转政府信息公开申请数量, per column of table 3.
 */
import { APPLICANT_COLUMNS } from "../../template/templates.js";
import type { Finding } from "../../types.js";
import { carryOverMessage, notCheckableMessage } from "../messages.js";
import { differs, isObject, tableTemplate, type ReportPair, type RuleOptions, type SeriesRule } from "../rule.js";
import { modelReader } from "../snapshot.js";

/**
 * One warning per column where the two years disagree. `paths` is
 * `[applications.carriedForward.c, applications.carriedOver.c]` and `reports`
 * `[year N, year N+1]`: `paths[i]` is read from the report of `reports[i]`.
 */
export function checkCarryOver(pair: ReportPair, options: RuleOptions): Finding[] {
  const { earlier, later, years } = pair;
  if (tableTemplate(earlier) === null || tableTemplate(later) === null) return [];
  if (!isObject(earlier.applications) || !isObject(later.applications)) return [];
  const readEarlier = modelReader(earlier);
  const readLater = modelReader(later);
  return APPLICANT_COLUMNS.flatMap(({ key }): Finding[] => {
    const forwardPath = `applications.carriedForward.${key}`;
    const overPath = `applications.carriedOver.${key}`;
    const forward = readEarlier(forwardPath);
    const over = readLater(overPath);
    const base = { rule: "carry-over" as const, paths: [forwardPath, overPath], reports: [...years] };
    if (typeof forward !== "number" || typeof over !== "number") {
      if (!options.includeNotCheckable) return [];
      const nulls = [
        ...(typeof forward === "number" ? [] : [`${forwardPath} (${years[0]})`]),
        ...(typeof over === "number" ? [] : [`${overPath} (${years[1]})`]),
      ];
      return [
        { ...base, severity: "info", message: notCheckableMessage("carry-over", key, nulls), notCheckable: true },
      ];
    }
    if (!differs(forward, over)) return [];
    return [
      {
        ...base,
        severity: "warning",
        message: carryOverMessage(key, years[0], years[1], forward, over),
        expected: forward,
        actual: over,
      },
    ];
  });
}

/** The `carry-over` rule. */
export const carryOver: SeriesRule = { name: "carry-over", check: checkCarryOver };
