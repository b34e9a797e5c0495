/**
 * `year-over-year` (series): a headline count that grew more than fivefold or fell below
 * a fifth of the year before — worth a look (a typing slip, a changed way of counting),
 * not an error. Zero counts as one in the comparison, so a count must reach 6 from 0 to be
 * flagged as a jump, and must come from more than 5 to be flagged as a fall to 0.
 */
import type { Finding } from "../../types.js";
import { notCheckableMessage, yearOverYearMessage } from "../messages.js";
import { isObject, tableTemplate, type ReportPair, type RuleOptions, type SeriesRule } from "../rule.js";
import { modelReader } from "../snapshot.js";

/** The headline counts compared, one finding each at most. */
export const HEADLINE_PATHS: readonly string[] = [
  "applications.newReceived.total",
  "activeDisclosure.licensing.decisions",
  "activeDisclosure.punishment.decisions",
];

/** The factor beyond which a change is flagged (up: more than 5×; down: below a fifth). */
export const JUMP_FACTOR = 5;

/** True when `after` is more than {@link JUMP_FACTOR} times `before`, or below a {@link JUMP_FACTOR}th of it (zero counted as one). */
export function isJump(before: number, after: number): boolean {
  const a = Math.max(before, 1);
  const b = Math.max(after, 1);
  return b > JUMP_FACTOR * a || JUMP_FACTOR * b < a;
}

/**
 * One `info` per headline count that jumped: paths `[path]`, `reports` `[N−1, N]`,
 * `expected` last year's count, `actual` this year's. Not checkable (info) when either is blank;
 * pairs where a year lacks the table are skipped.
 */
export function checkYearOverYear(pair: ReportPair, options: RuleOptions): Finding[] {
  const { earlier, later, years } = pair;
  if (tableTemplate(earlier) === null || tableTemplate(later) === null) return [];
  const readEarlier = modelReader(earlier);
  const readLater = modelReader(later);
  const findings: Finding[] = [];
  for (const path of HEADLINE_PATHS) {
    const table = path.slice(0, path.indexOf("."));
    if (!isObject(earlier[table as "applications"]) || !isObject(later[table as "applications"])) continue;
    const before = readEarlier(path);
    const after = readLater(path);
    const base = { rule: "year-over-year" as const, paths: [path], reports: [...years] };
    if (typeof before !== "number" || typeof after !== "number") {
      if (!options.includeNotCheckable) continue;
      const nulls = [
        ...(typeof before === "number" ? [] : [`${path} (${years[0]})`]),
        ...(typeof after === "number" ? [] : [`${path} (${years[1]})`]),
      ];
      findings.push({ ...base, severity: "info", message: notCheckableMessage("year-over-year", path, nulls), notCheckable: true });
      continue;
    }
    if (!isJump(before, after)) continue;
    findings.push({
      ...base,
      severity: "info",
      message: yearOverYearMessage(path, years[0], years[1], before, after),
      expected: before,
      actual: after,
    });
  }
  return findings;
}

/** The `year-over-year` rule. */
export const yearOverYear: SeriesRule = { name: "year-over-year", check: checkYearOverYear };
