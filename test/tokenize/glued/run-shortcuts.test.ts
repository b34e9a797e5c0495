import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { digitsIn, parseRun, runCounts, runStartsAt, scanRun } from "../../../src/tokenize/glued/split-digits.js";

/** Characters a run is read from: digits, signs, markers, dots, units, separators, spaces, and others. */
const RUN_CHARS = [..."0123456789０１９+-＋－−﹣/／\\—–―.．元万,，、;； \t\n\u3000a规"];

describe("runCounts", () => {
  test.prop([fc.array(fc.constantFrom(...RUN_CHARS), { maxLength: 24 }), fc.nat(4), fc.nat(4)], { numRuns: 5000 })(
    "counts the chunks and digits parseRun reads",
    (chars, cutStart, cutEnd) => {
      const doc = chars.join("");
      const start = Math.min(cutStart, doc.length);
      const end = Math.max(start, doc.length - cutEnd);
      const run = parseRun(doc, start, end);
      expect(runCounts(doc, start, end)).toEqual({ chunks: run.chunks.length, digits: digitsIn(run) });
    },
  );
});

describe("runStartsAt", () => {
  test.prop([fc.array(fc.constantFrom(...RUN_CHARS), { maxLength: 24 }), fc.nat(6), fc.nat(30)], { numRuns: 5000 })(
    "says whether scanRun finds a run starting right there",
    (chars, from, limit) => {
      const doc = chars.join("");
      const end = Math.min(doc.length, from + limit);
      const run = scanRun(doc, from, end);
      expect(runStartsAt(doc, from, end)).toBe(run !== null && run.start === from);
    },
  );
});
