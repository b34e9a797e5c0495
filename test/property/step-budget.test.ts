/**
 * Step budget: every search of the parser (short-row placement, glued segmentation, label
 * alignment) counts its steps on a counter with a budget, and stops there. For inputs up to
 * 20 KB made from fixed seeds — valid reports with many blank cells in every layout,
 * corrupted GB18030, tables of short rows, random edits of reports and of the corpus — no
 * search spends more than its budget (plus the one step that finds it spent), and a search
 * that stops at its budget leaves a diagnostic saying so. Steps are counted, nothing is timed
 * (the time of the slowest inputs is in `npm run bench`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/index.js";
import { recordSearches, type SearchCounter } from "../../src/text/step-budget.js";
import { ALIGNMENT_BUDGET } from "../../src/report/align-rows.js";
import { APPLICATION_ROWS } from "../../src/template/templates.js";
import { adversarialInputs, inputBytes, MAX_INPUT_BYTES, type AdversarialInput } from "../helpers/adversarial-inputs.js";
import { corpusDir } from "../helpers/corpus.js";

/** Seeds 1 … SEEDS of every family (about 22 inputs per seed). */
const SEEDS = 25;

/**
 * How far past its budget a search may count: one step (the step that finds the budget
 * spent); a step of the glued search may count a candidate list of up to a thousand splits.
 */
function slack(search: string): number {
  return search.startsWith("glued") ? 1_000 : 1;
}

const sources = readdirSync(corpusDir)
  .filter((f) => /\.(txt|md|html)$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), "utf8") }))
  .filter((s) => inputBytes(s.text) <= MAX_INPUT_BYTES);

const inputs: AdversarialInput[] = adversarialInputs(SEEDS, 1, sources);

/** What each input's searches spent. */
const runs = inputs.map((input) => {
  const { result, searches } = recordSearches(() => parseReport(input.input));
  return { input, report: result, searches };
});

const name = (x: AdversarialInput) => `${x.family} ${x.variant} seed ${x.seed}`;
const over = (c: SearchCounter) => c.steps > c.budget;

describe("step budget: no search spends more than its budget", () => {
  it("makes inputs of every family, each at most 20 KB", () => {
    expect(sources.length).toBeGreaterThan(5);
    expect(inputs.length).toBeGreaterThan(SEEDS * 15);
    for (const family of ["blank-heavy", "gb18030", "short-rows", "mutated"]) expect(inputs.filter((x) => x.family === family).length, family).toBeGreaterThan(0);
    for (const x of inputs) expect(inputBytes(x.input), name(x)).toBeLessThanOrEqual(MAX_INPUT_BYTES);
  });

  it("runs every kind of search on them", () => {
    const kinds = new Set(runs.flatMap((r) => r.searches.map((c) => c.search!.split(" ")[0])));
    expect([...kinds].sort()).toEqual(["align", "appeal", "fragments", "glued", "match", "short-rows"]);
  });

  it("no search of any input counts more steps than its budget", () => {
    const searches = runs.flatMap((r) => r.searches.map((c) => ({ c, input: r.input })));
    expect(searches.length).toBeGreaterThan(inputs.length);
    for (const { c, input } of searches) {
      expect(c.steps, `${c.search} on ${name(input)}`).toBeLessThanOrEqual(c.budget + slack(c.search!));
    }
  });

  it("a short-row, glued or appeal search that stops at its budget says so in a diagnostic", () => {
    for (const { input, report, searches } of runs) {
      const stopped = searches.filter((c) => over(c) && (c.search === "short-rows" || c.search!.startsWith("glued") || c.search!.startsWith("appeal")));
      if (stopped.length === 0) continue;
      expect(report.diagnostics.some((d) => /budget/.test(d.message)), name(input)).toBe(true);
    }
  });

  it("a table of thousands of labelled rows is aligned as far as the budget goes, the rest left null", () => {
    const specs = APPLICATION_ROWS.filter((r) => r.templates.includes("2021"));
    const lines = ["三、收到和处理政府信息公开申请情况", "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"];
    for (let k = 0; k < 2_500; k++) lines.push(`${specs[k % specs.length]!.label.slice(0, 2)} | 1 |`);
    const text = lines.join("\n");
    expect(inputBytes(text)).toBeLessThanOrEqual(MAX_INPUT_BYTES * 2);
    const { searches } = recordSearches(() => parseReport(text));
    const aligned = searches.filter((c) => c.search === "align rows");
    expect(aligned.length).toBeGreaterThan(0);
    for (const c of aligned) expect(c.steps).toBeLessThanOrEqual(ALIGNMENT_BUDGET);
    expect(Math.max(...aligned.map((c) => c.steps))).toBeGreaterThan(ALIGNMENT_BUDGET - specs.length * 2);
  });
});
