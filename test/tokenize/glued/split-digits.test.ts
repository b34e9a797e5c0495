import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  countSplits,
  enumerateSplits,
  nearestSplits,
  parseRun,
  piecesOf,
  scanRun,
  type CellKind,
  type RunShape,
} from "../../../src/tokenize/glued/split-digits.js";
import { newCounter } from "../../../src/text/step-budget.js";

const K7: CellKind[] = Array(7).fill("count");
const ROW: RunShape = { kinds: K7, groups: [{ first: 0, size: 7 }] };
const APPEALS: RunShape = {
  kinds: Array(15).fill("count"),
  groups: [0, 5, 10].map((first) => ({ first, size: 5 })),
};

function runOf(text: string) {
  return parseRun(text, 0, text.length);
}

function splits(text: string, shape: RunShape): string[] {
  return enumerateSplits(runOf(text), shape, newCounter()).splits.map((s) => s.values.join("/"));
}

describe("scanRun", () => {
  it("takes the digits after a label and stops at the next label", () => {
    const text = "数量640020470二、上年";
    expect(scanRun(text, 2)).toEqual({ start: 2, end: 11 });
  });

  it("keeps spaces inside the run, not around it", () => {
    const text = "（七）总计23 0 00 0 023四、";
    const run = scanRun(text, 5)!;
    expect(text.slice(run.start, run.end)).toBe("23 0 00 0 023");
  });

  it("keeps a decimal point between digits and a money unit", () => {
    const text = "政府集中采购13575394432.52元三、";
    const run = scanRun(text, 6)!;
    expect(text.slice(run.start, run.end)).toBe("13575394432.52元");
  });

  it("does not take the numbering of the next label as a decimal point", () => {
    const text = "00000001.申请人";
    const run = scanRun(text, 0)!;
    expect(text.slice(run.start, run.end)).toBe("00000001");
  });

  it("stops at a line break once it has digits", () => {
    const text = "行政许可 0\n— 4 —";
    const run = scanRun(text, 4)!;
    expect(text.slice(run.start, run.end)).toBe("0");
  });

  it("finds nothing when no digit follows", () => {
    expect(scanRun("规章制度", 2)).toBeNull();
  });
});

describe("parseRun", () => {
  it("cuts chunks at spaces, signs and blank markers", () => {
    const run = runOf("2648-18538 / 7");
    expect(run.chunks.map((c) => (c.blank ? "blank" : `${c.sign}${c.digits}`))).toEqual(["2648", "-18538", "blank", "7"]);
  });

  it("folds full-width digits", () => {
    expect(runOf("１２ ３").chunks.map((c) => c.digits)).toEqual(["12", "3"]);
  });
});

describe("enumerateSplits: examples", () => {
  it("splits a table-3 row by its row total", () => {
    expect(splits("640020470", ROW)).toEqual(["64/0/0/2/0/4/70"]);
    expect(splits("21710000218", ROW)).toEqual(["217/1/0/0/0/0/218"]);
  });

  it("uses spaces as cell boundaries", () => {
    expect(splits("230 000023", ROW)).toEqual(["23/0/0/0/0/0/23"]);
    expect(splits("23 0 00 0 023", ROW)).toEqual(["23/0/0/0/0/0/23"]);
    expect(splits("0 0 00 00 0", ROW)).toEqual(["0/0/0/0/0/0/0"]);
  });

  it("never starts a count with a zero", () => {
    expect(splits("0000000", ROW)).toEqual(["0/0/0/0/0/0/0"]);
    expect(splits("00000000", ROW)).toEqual([]);
    expect(splits("000000", ROW)).toEqual([]);
  });

  it("lists every reading a row total allows", () => {
    expect(splits("110000011", ROW).sort()).toEqual(["1/10/0/0/0/0/11", "11/0/0/0/0/0/11"]);
  });

  it("splits table 4's one run into three rows that add up", () => {
    expect(splits("10203120001200000", APPEALS)).toEqual(["1/0/2/0/3/12/0/0/0/12/0/0/0/0/0"]);
    expect(splits("25380363300630003", APPEALS)).toEqual(["25/3/8/0/36/3/3/0/0/6/3/0/0/0/3"]);
    expect(splits("21317000001324019", APPEALS)).toEqual(["2/1/3/1/7/0/0/0/0/0/13/2/4/0/19"]);
  });

  it("puts a minus sign only in a signed column", () => {
    const shape: RunShape = { kinds: ["count", "signed", "count"], groups: [] };
    expect(splits("2648-18538", shape)).toEqual(["2648/-1/8538", "2648/-18/538", "2648/-185/38", "2648/-1853/8"]);
    expect(splits("35-15", { kinds: ["count", "signed"], groups: [] })).toEqual(["35/-15"]);
    expect(splits("35-15", { kinds: ["count", "count"], groups: [] })).toEqual([]);
  });

  it("keeps decimals and the unit in the money cell", () => {
    const run = runOf("13575394432.52元");
    const result = enumerateSplits(run, { kinds: ["count", "money"], groups: [] }, newCounter());
    expect(result.splits).toHaveLength(10);
    const third = piecesOf(run, result.splits[2]!);
    expect(third.map((p) => p.text)).toEqual(["135", "75394432.52元"]);
    expect(third[1]!.value).toBe(75394432.52);
    expect(enumerateSplits(run, { kinds: ["count", "count"], groups: [] }, newCounter()).splits).toEqual([]);
  });

  it("reads a blank marker as a null cell", () => {
    const run = runOf("12 / 3");
    const shape: RunShape = { kinds: ["count", "count", "count", "count"], groups: [] };
    expect(enumerateSplits(run, shape, newCounter()).splits.map((s) => s.values)).toEqual([[1, 2, null, 3]]);
  });

  it("gives pieces with offsets into the document", () => {
    const doc = "数量640020470二";
    const run = parseRun(doc, 2, 11);
    const [split] = enumerateSplits(run, ROW, newCounter()).splits;
    const pieces = piecesOf(run, split!);
    expect(pieces.map((p) => doc.slice(p.start, p.end))).toEqual(["64", "0", "0", "2", "0", "4", "70"]);
  });
});

/** Every split of a run by brute force: all subsets of the places between two digits. */
function bruteForce(text: string, shape: RunShape): string[] {
  const tokens = text.split(" ").filter((t) => t !== "");
  const out: string[] = [];
  const cutsOf = (token: string): string[][] => {
    const res: string[][] = [];
    const n = token.length;
    for (let mask = 0; mask < 1 << (n - 1); mask++) {
      const parts: string[] = [];
      let cur = token[0]!;
      for (let i = 1; i < n; i++) {
        if (mask & (1 << (i - 1))) {
          parts.push(cur);
          cur = token[i]!;
        } else cur += token[i];
      }
      parts.push(cur);
      if (parts.every((p) => p.length === 1 || p[0] !== "0")) res.push(parts);
    }
    return res;
  };
  const walk = (k: number, acc: string[]) => {
    if (k === tokens.length) {
      if (acc.length !== shape.kinds.length || acc.some((p) => p.length > 12)) return;
      const v = acc.map(Number);
      const ok = shape.groups.every(({ first, size }) => v.slice(first, first + size - 1).reduce((a, b) => a + b, 0) === v[first + size - 1]);
      if (ok) out.push(v.join("/"));
      return;
    }
    for (const parts of cutsOf(tokens[k]!)) walk(k + 1, [...acc, ...parts]);
  };
  walk(0, []);
  return out.sort();
}

const digitString = (min: number, max: number) =>
  fc
    .array(fc.constantFrom("0", "0", "0", "1", "1", "2", "3", "5", "7", "9", " "), { minLength: min, maxLength: max })
    .map((cs) => cs.join("").trim())
    .filter((s) => s.length > 0);

describe("enumerateSplits agrees with brute force", () => {
  it("table-3 rows (seven cells, one row total)", () => {
    fc.assert(
      fc.property(digitString(7, 13), (text) => {
        expect(splits(text, ROW).sort()).toEqual(bruteForce(text, ROW));
      }),
      { numRuns: 400 },
    );
  });

  it("rows without a sum rule (three cells)", () => {
    const free: RunShape = { kinds: ["count", "count", "count"], groups: [] };
    fc.assert(
      fc.property(digitString(3, 10), (text) => {
        expect(splits(text, free).sort()).toEqual(bruteForce(text, free));
        expect(countSplits(runOf(text), free.kinds)).toBe(bruteForce(text, free).length);
      }),
      { numRuns: 300 },
    );
  });

  it("table-4 runs (fifteen cells, three totals)", () => {
    fc.assert(
      fc.property(digitString(15, 19), (text) => {
        expect(splits(text, APPEALS).sort()).toEqual(bruteForce(text, APPEALS));
      }),
      { numRuns: 200 },
    );
  });
});

describe("search work is bounded", () => {
  const adversarial = [
    "0".repeat(20),
    "1".repeat(20),
    "10".repeat(10),
    "12345678901234567890",
    "9".repeat(29),
    "1" + "0".repeat(19),
  ];

  for (const text of adversarial) {
    it(`a 7-cell row of "${text}" costs at most 6000 steps`, () => {
      const counter = newCounter();
      enumerateSplits(runOf(text), ROW, counter);
      expect(counter.steps).toBeLessThanOrEqual(6000);
    });
  }

  it("stops at the budget and says the list is incomplete", () => {
    const counter = newCounter(50);
    const result = enumerateSplits(runOf("1".repeat(30)), { kinds: ["count", "count", "count", "count"], groups: [] }, counter);
    expect(result.complete).toBe(false);
    // each open level of the search may take one more step as it unwinds
    expect(counter.steps).toBeLessThanOrEqual(50 + 4);
  });

  it("stops at the split cap", () => {
    const result = enumerateSplits(runOf("1".repeat(12)), { kinds: ["count", "count", "count"], groups: [] }, newCounter(), 5);
    expect(result.splits).toHaveLength(5);
    expect(result.complete).toBe(false);
  });
});

describe("nearestSplits", () => {
  it("ranks the splits closest to their row total first", () => {
    const near = nearestSplits(runOf("6000017"), ROW, newCounter());
    expect(near.splits[0]!.values).toEqual([6, 0, 0, 0, 0, 1, 7]);
    const broken = nearestSplits(runOf("6000018"), ROW, newCounter());
    expect(broken.splits[0]!.values).toEqual([6, 0, 0, 0, 0, 1, 8]);
  });
});
