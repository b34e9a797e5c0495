/**
 * locateStatement finds verbatim occurrences inside the tolerant matches instead of
 * scanning the source twice; it must answer exactly as the two-pass search did.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { locateStatement } from "../../src/validate/rules/narrative-mismatch.js";
import type { Span } from "../../src/types.js";

function nearest(positions: number[], target: number): number | undefined {
  let best: number | undefined;
  for (const p of positions) if (best === undefined || Math.abs(p - target) < Math.abs(best - target)) best = p;
  return best;
}

/** The two-pass search: every verbatim occurrence first, then the tolerant pattern. */
function reference(source: string, statement: string, estimate: number): Span | undefined {
  if (source.slice(estimate, estimate + statement.length) === statement) {
    return { start: estimate, end: estimate + statement.length };
  }
  const exact: number[] = [];
  for (let i = source.indexOf(statement); i >= 0; i = source.indexOf(statement, i + 1)) exact.push(i);
  const at = nearest(exact, estimate);
  if (at !== undefined) return { start: at, end: at + statement.length };
  const chars = [...statement.replace(/\s+/g, "")];
  if (chars.length === 0) return undefined;
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tolerant = new RegExp(chars.map(escape).join("(?:\\s|<[^>]*>|&[#a-zA-Z0-9]+;)*"), "g");
  const spans: Span[] = [];
  for (let m = tolerant.exec(source); m !== null; m = tolerant.exec(source)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const start = nearest(
    spans.map((s) => s.start),
    estimate,
  );
  return spans.find((s) => s.start === start);
}

/** Pieces that make markup, entities, whitespace and repeats likely. */
const PIECES = ["收", "到", "申请", "5", "件", "55", " ", "\n", "\u3000", "<b>", "</span>", "<", ">", "&nbsp;", "&#20;", "&", ";", "a", "收到", "5件", "😀", "\ud83d", "*", "\\"];
const text = (max: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: max }).map((p) => p.join(""));

describe("locateStatement", () => {
  test.prop([text(60), text(6), fc.integer({ min: -3, max: 70 })], { numRuns: 3000 })(
    "answers as the two-pass search",
    (source, statement, estimate) => {
      expect(locateStatement(source, statement, estimate)).toEqual(reference(source, statement, estimate));
    },
  );

  test.prop([text(40), text(5), fc.integer({ min: 0, max: 40 })], { numRuns: 1000 })(
    "answers as the two-pass search for statements found in the source",
    (prefix, statement, estimate) => {
      const source = `${prefix}${statement}<i>${statement.split("").join("<br/>")}${prefix}${statement}`;
      expect(locateStatement(source, statement, estimate)).toEqual(reference(source, statement, estimate));
    },
  );

  test.prop([text(40), text(5), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2.5)], { numRuns: 300 })(
    "also for odd estimates",
    (source, statement, estimate) => {
      expect(locateStatement(source, statement, estimate)).toEqual(reference(source, statement, estimate));
    },
  );
});
