/**
 * `in-force` (series, 2021 template on both years): for 规章 and 行政规范性文件,
 * inForce(N) = inForce(N−1) + issued(N) − repealed(N).
 */
import type { Finding } from "../../types.js";
import { inForceMessage, notCheckableMessage } from "../messages.js";
import { differs, isObject, sumOf, type ReportPair, type RuleOptions, type SeriesRule } from "../rule.js";
import { modelReader } from "../snapshot.js";

const ROWS = ["rules", "normativeDocuments"] as const;

/**
 * One warning per row whose in-force count does not follow from the year before.
 * `paths` is `[inForce (N), inForce (N−1), issued (N), repealed (N)]`, `reports` `[N−1, N]`.
 */
export function checkInForce(pair: ReportPair, options: RuleOptions): Finding[] {
  const { earlier, later, years } = pair;
  if (earlier.template !== "2021" || later.template !== "2021") return [];
  if (!isObject(earlier.activeDisclosure) || !isObject(later.activeDisclosure)) return [];
  const readEarlier = modelReader(earlier);
  const readLater = modelReader(later);
  return ROWS.flatMap((row): Finding[] => {
    const inForcePath = `activeDisclosure.${row}.inForce`;
    const issuedPath = `activeDisclosure.${row}.issued`;
    const repealedPath = `activeDisclosure.${row}.repealed`;
    const actual = readLater(inForcePath);
    const before = readEarlier(inForcePath);
    const issued = readLater(issuedPath);
    const repealed = readLater(repealedPath);
    const base = {
      rule: "in-force" as const,
      paths: [inForcePath, inForcePath, issuedPath, repealedPath],
      reports: [...years],
    };
    if (typeof actual !== "number" || typeof before !== "number" || typeof issued !== "number" || typeof repealed !== "number") {
      if (!options.includeNotCheckable) return [];
      const nulls = [
        ...(typeof actual === "number" ? [] : [`${inForcePath} (${years[1]})`]),
        ...(typeof before === "number" ? [] : [`${inForcePath} (${years[0]})`]),
        ...(typeof issued === "number" ? [] : [`${issuedPath} (${years[1]})`]),
        ...(typeof repealed === "number" ? [] : [`${repealedPath} (${years[1]})`]),
      ];
      return [{ ...base, severity: "info", message: notCheckableMessage("in-force", row, nulls), notCheckable: true }];
    }
    const expected = sumOf([before, issued, -repealed]);
    if (!differs(expected, actual)) return [];
    return [
      { ...base, severity: "warning", message: inForceMessage(row, years[0], years[1], expected, actual), expected, actual },
    ];
  });
}

/** The `in-force` rule. */
export const inForce: SeriesRule = { name: "in-force", check: checkInForce };
